"""Recognising migrated Rust sites: a rule's ``replace`` expression where a literal stood.

Expressions are compared as token sequences (layout and comments dropped), so a replacement
that rustfmt split over lines still matches.  Only nodes whose text holds an expression's last
identifier (its anchor) are compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from hardcode_lint.lang.rust.expressions import parse_expression
from hardcode_lint.lang.rust.parser import Node, leaves, normalised


@dataclass(frozen=True)
class Watch:
    expressions: frozenset[str] = frozenset()
    anchors: tuple[bytes, ...] = ()

    def mentioned_in(self, data: bytes) -> bool:
        return any(anchor in data for anchor in self.anchors)

    def matches(self, node: Node) -> bool:
        if not self.expressions or not self.mentioned_in(node.text or b""):
            return False
        return normalised(node) in self.expressions


@lru_cache(maxsize=8)
def watch_for(replacements: tuple[str, ...]) -> Watch:
    expressions, anchors = set(), set()
    for replacement in replacements:
        node = parse_expression(replacement)
        if node is None:
            continue
        expressions.add(normalised(node))
        names = [leaf for leaf in leaves(node) if leaf.type in ("identifier", "field_identifier")]
        if names:
            anchors.add(names[-1].text or b"")
    return Watch(frozenset(expressions), tuple(sorted(a for a in anchors if a)))
