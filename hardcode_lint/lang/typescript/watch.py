"""Recognising migrated TypeScript and JavaScript sites: a rule's ``replace`` expression where
a literal stood.  Expressions are compared as token sequences (layout and comments dropped);
only nodes whose text holds an expression's last identifier (its anchor) are compared."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from hardcode_lint.lang.typescript.expressions import parse_expression
from hardcode_lint.lang.typescript.parser import Node, leaves, normalised

_CANDIDATES = frozenset({"member_expression", "call_expression", "identifier",
                         "subscript_expression"})  # fmt: skip


@dataclass(frozen=True)
class Watch:
    expressions: frozenset[str] = frozenset()
    anchors: tuple[bytes, ...] = ()

    def mentioned_in(self, data: bytes) -> bool:
        return any(anchor in data for anchor in self.anchors)

    def expression(self, node: Node) -> str:
        return normalised(node)

    def sites(self, root: Node) -> Iterator[Node]:
        """The outermost nodes that are a watched expression, in order."""
        stack = [root]
        while stack:
            node = stack.pop()
            if not self.mentioned_in(node.text or b""):
                continue
            if node.type in _CANDIDATES and normalised(node) in self.expressions:
                while node.parent is not None and node.parent.type == "parenthesized_expression":
                    node = node.parent
                yield node
                continue
            stack.extend(reversed(node.children))


@lru_cache(maxsize=8)
def watch_for(replacements: tuple[str, ...]) -> Watch:
    expressions, anchors = set(), set()
    for replacement in replacements:
        node = parse_expression(replacement)
        if node is None:
            continue
        expressions.add(normalised(node))
        names = [leaf for leaf in leaves(node)
                 if leaf.type in ("identifier", "property_identifier")]  # fmt: skip
        if names:
            anchors.add(names[-1].text or b"")
    return Watch(frozenset(expressions), tuple(sorted(a for a in anchors if a)))
