"""Recognising migrated Go sites: a rule's ``replace`` expression where a duration stood.

Expressions are compared as token sequences (layout and comments dropped); only nodes whose
text holds an expression's last identifier (its anchor) are compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from hardcode_lint.lang import treesitter
from hardcode_lint.lang.go.parser import SYNTAX, Node, matches, normalised

_NAMES = frozenset({"identifier", "field_identifier"})
_CANDIDATES = "[(selector_expression) (call_expression) (identifier) (index_expression)] @e"


@dataclass(frozen=True)
class Watch(treesitter.Watch):
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
    return Watch(*treesitter.watched(SYNTAX, replacements, _NAMES))
