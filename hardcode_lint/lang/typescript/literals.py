"""JavaScript numeric literals: ``5000``, ``1_000``, ``.5``, ``1e3``, ``0x10``, ``0o7``,
``0b1``, legacy ``017``, ``10n``, ``-1``, ``(30)`` and constant expressions of them
(``1000 * 60 * 5``, ``2 ** 10``), folded as JavaScript folds them.

Bit operations and shifts (``1 << 20``, ``x | 0``) are never literal expressions: they are
sizes and masks written as bits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hardcode_lint.lang.typescript.parser import Node, named, text
from hardcode_lint.model import Number

_MAX_DIGITS = 400
_LEGACY_OCTAL = re.compile(r"^0[0-7]+$")
_ARITHMETIC = frozenset({"+", "-", "*", "/", "%", "**"})
CODE_LITERAL = re.compile(r"^[-+(\s]*0[xXoObB]")


@dataclass(frozen=True, slots=True)
class Literal:
    """A literal expression: its node (outer parentheses dropped) and folded value."""

    node: Node
    number: Number

    @property
    def start(self) -> int:
        return self.node.start_byte

    @property
    def end(self) -> int:
        return self.node.end_byte


def parse_number(raw: str) -> Number | None:
    """The value of one JavaScript number token, or None."""
    if raw.isascii() and raw.isdigit() and len(raw) <= _MAX_DIGITS and raw[:1] != "0":
        return int(raw)  # most tokens: plain decimal digits (not `0`, `017`: below)
    token = raw.replace("_", "").removesuffix("n")
    if not token or len(token) > _MAX_DIGITS:
        return None
    try:
        prefix = token[:2].lower()
        if prefix in ("0x", "0o", "0b"):
            return int(token[2:], {"0x": 16, "0o": 8, "0b": 2}[prefix])
        if _LEGACY_OCTAL.match(token):
            return int(token, 8)
        if any(c in token for c in ".eE"):
            value = float(token)
            return int(value) if value.is_integer() and "." not in token else value
        return int(token)
    except (ValueError, OverflowError):
        return None


def _binary(op: str, left: Number, right: Number) -> Number | None:
    try:
        if op == "+":
            return left + right
        if op == "-":
            return left - right
        if op == "*":
            return left * right
        if op == "/" and right != 0:
            quotient = left / right
            return (
                int(quotient) if quotient.is_integer() and not isinstance(left, float) else quotient
            )
        if op == "%" and right != 0:
            return left % right
        if op == "**" and abs(right) < 64:
            return left**right
    except (OverflowError, ZeroDivisionError):
        return None
    return None


def fold(node: Node, depth: int = 0) -> Number | None:
    """The value of a literal expression node, or None when it is not one."""
    kind = node.type
    if depth > 64:
        return None
    if kind == "number":
        return parse_number(text(node))
    if kind == "parenthesized_expression":
        inner = named(node)
        return fold(inner[0], depth + 1) if len(inner) == 1 else None
    if kind == "unary_expression":
        operator, operand = (
            node.child_by_field_name("operator"),
            node.child_by_field_name("argument"),
        )
        if operand is None or operator is None or operator.type not in ("-", "+"):
            return None
        value = fold(operand, depth + 1)
        return None if value is None else (-value if operator.type == "-" else value)
    if kind == "binary_expression":
        left, op, right = (node.child_by_field_name(f) for f in ("left", "operator", "right"))
        if left is None or op is None or right is None or op.type not in _ARITHMETIC:
            return None
        a, b = fold(left, depth + 1), fold(right, depth + 1)
        return _binary(op.type, a, b) if a is not None and b is not None else None
    return None


def literal_root(number: Node, parent: Node | None = None) -> Literal | None:
    """The largest literal expression holding the ``number`` token (``1000 * 60`` for the
    ``60``), outer parentheses dropped; None when the token is no number (a BigInt too big).
    ``parent``, when the caller has it, is the token's (tree-sitter walks to find one)."""
    node, value = number, fold(number)
    if value is None:
        return None
    parent = parent or node.parent
    while parent is not None:
        if parent.type not in ("unary_expression", "binary_expression", "parenthesized_expression"):
            break
        folded = fold(parent)
        if folded is None:
            break
        node, value = parent, folded
        parent = node.parent
    while node.type == "parenthesized_expression":
        node = named(node)[0]
    return Literal(node, value)
