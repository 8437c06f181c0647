"""Recognising migrated TypeScript and JavaScript sites: a rule's ``replace`` expression where
a literal stood.  Expressions are compared as token sequences (layout and comments dropped);
only nodes whose text holds an expression's last identifier (its anchor) are compared."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from hardcode_lint.lang import treesitter
from hardcode_lint.lang.typescript.parser import SYNTAX, Node, normalised

_NAMES = frozenset({"identifier", "property_identifier"})
_CANDIDATES = frozenset({"member_expression", "call_expression", "identifier",
                         "subscript_expression"})  # fmt: skip


@dataclass(frozen=True)
class Watch(treesitter.Watch):
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
    return Watch(*treesitter.watched(SYNTAX, replacements, _NAMES))
