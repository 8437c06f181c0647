"""A read-only walk over a libcst tree, in source order, that builds nothing.

libcst's own ``node.visit(visitor)`` rebuilds every node it passes (a transformer may replace
children, and visitors share that path): a new dataclass per node, validated, which is most of
the detector's time.  The detector only reads, so it is walked here instead: the same
``on_visit`` / ``on_leave`` calls, in the same (source) order, minus the rebuilding, the
per-attribute callbacks it does not use, and the whitespace, comments and punctuation nodes,
which hold no expression.

The source order of a node type's children is the order in which its own
``_visit_and_replace_children`` visits them, read once per type from the names that method
passes (the string constants of its code, which are the visited fields, in order).
``tests/test_walk.py`` checks the walk against libcst's on real modules, node for node.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import libcst as cst

# Nodes that never hold an expression: skipped with everything under them.
TRIVIA: tuple[type, ...] = (
    cst.BaseParenthesizableWhitespace, cst.Comment, cst.EmptyLine, cst.Newline,
    cst.TrailingWhitespace, cst.Comma, cst.Dot, cst.Colon, cst.AssignEqual, cst.Semicolon,
    cst.LeftParen, cst.RightParen, cst.LeftSquareBracket, cst.RightSquareBracket,
    cst.LeftCurlyBrace, cst.RightCurlyBrace, cst.BaseBinaryOp, cst.BaseUnaryOp,
    cst.BaseBooleanOp, cst.BaseCompOp, cst.BaseAugOp, cst.ImportStar,
)  # fmt: skip
_ORDER: dict[type, tuple[str, ...]] = {}
_SKIPPED: dict[type, bool] = {}  # per type: issubclass(type, TRIVIA), asked once (ABCs are slow)


def child_fields(kind: type) -> tuple[str, ...]:
    """The fields of ``kind`` that libcst visits, in the order it visits them."""
    order = _ORDER.get(kind)
    if order is None:
        names = {field.name for field in dataclasses.fields(kind)}
        constants = getattr(kind, "_visit_and_replace_children").__code__.co_consts  # noqa: B009
        order = tuple(dict.fromkeys(c for c in constants if isinstance(c, str) and c in names))
        _ORDER[kind] = order
    return order


def _skipped(kind: type) -> bool:
    skip = _SKIPPED.get(kind)
    if skip is None:
        skip = _SKIPPED[kind] = not issubclass(kind, cst.CSTNode) or issubclass(kind, TRIVIA)
    return skip


def walk(node: cst.CSTNode, visitor: Any) -> None:
    """``node.visit(visitor)`` for a visitor that only reads (``on_visit``/``on_leave``)."""
    if visitor.on_visit(node):
        for name in _ORDER.get(type(node)) or child_fields(type(node)):
            value = getattr(node, name)
            kind = type(value)
            if kind is tuple or kind is list:
                for child in value:
                    if not (_SKIPPED.get(type(child)) or _skipped(type(child))):
                        walk(child, visitor)
            elif not (_SKIPPED.get(kind) or _skipped(kind)):
                walk(value, visitor)
    visitor.on_leave(node)
