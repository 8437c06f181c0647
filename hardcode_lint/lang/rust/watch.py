"""Recognising migrated Rust sites: a rule's ``replace`` expression where a literal stood.

Expressions are compared as token sequences (layout and comments dropped), so a replacement
that rustfmt split over lines still matches.  Only nodes whose text holds an expression's last
identifier (its anchor) are compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from hardcode_lint.lang import treesitter
from hardcode_lint.lang.rust.expressions import parse_expression
from hardcode_lint.lang.rust.parser import SYNTAX, Node, normalised

_NAMES = frozenset({"identifier", "field_identifier"})


@dataclass(frozen=True)
class Watch(treesitter.Watch):
    def matches(self, node: Node) -> bool:
        if not self.expressions or not self.mentioned_in(node.text or b""):
            return False
        return self.expression(node) in self.expressions

    def expression(self, node: Node) -> str:
        """``node`` in the form a rule's replacement is watched in: a fitting cast dropped
        (``EXPR as _``, ``(EXPR as _)``), and a crate's own name read from its other targets
        (``my_crate::settings::get().k``) spelled ``crate::`` again."""
        found = normalised(unwrapped(node))
        head, sep, rest = found.partition(" :: ")
        if sep and head.isidentifier() and head not in ("crate", "self", "super"):
            again = f"crate :: {rest}"
            if again in self.expressions:
                return again
        return found

    def normalised_text(self, code: str) -> str | None:
        """``code`` (a marker's expression) in the watched form, when a rule watches it."""
        if not self.mentioned_in(code.encode()):
            return None
        node = parse_expression(code)
        found = self.expression(node) if node is not None else None
        return found if found in self.expressions else None


def unwrapped(node: Node) -> Node:
    """``node`` without the outer parentheses and ``as _`` casts that fit a read to its site."""
    while True:
        if node.type == "parenthesized_expression" and node.named_child_count == 1:
            node = node.named_children[0]
        elif node.type == "type_cast_expression" and (
            (kind := node.child_by_field_name("type")) is not None and kind.text == b"_"
        ):
            value = node.child_by_field_name("value")
            if value is None:
                return node
            node = value
        else:
            return node


@lru_cache(maxsize=8)
def watch_for(replacements: tuple[str, ...]) -> Watch:
    return Watch(*treesitter.watched(SYNTAX, replacements, _NAMES))
