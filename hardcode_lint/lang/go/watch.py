"""Recognising migrated Go sites: a rule's ``replace`` expression where a duration stood.

Expressions are compared as token sequences (layout and comments dropped); only nodes whose
text holds an expression's last identifier (its anchor) are compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from hardcode_lint.lang.go.expressions import parse_expression
from hardcode_lint.lang.go.naming import go_spelled
from hardcode_lint.lang.go.parser import Node, leaves, matches, normalised

_CANDIDATES = "[(selector_expression) (call_expression) (identifier) (index_expression)] @e"


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
        until = -1
        for _, nodes in matches(_CANDIDATES, root):
            node = nodes["e"][0]
            if node.start_byte < until or not self.mentioned_in(node.text or b""):
                continue
            while node.parent is not None and node.parent.type == "parenthesized_expression":
                node = node.parent
            if normalised(node) in self.expressions:
                until = node.end_byte
                yield node


@lru_cache(maxsize=8)
def watch_for(replacements: tuple[str, ...]) -> Watch:
    expressions, anchors = set(), set()
    for replacement in replacements:
        node = parse_expression(go_spelled(replacement))
        if node is None:
            continue
        expressions.add(normalised(node))
        names = [leaf for leaf in leaves(node) if leaf.type in ("identifier", "field_identifier")]
        if names:
            anchors.add(names[-1].text or b"")
    return Watch(frozenset(expressions), tuple(sorted(a for a in anchors if a)))
