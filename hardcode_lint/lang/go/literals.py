"""Go literal expressions: ``5``, ``1_000``, ``0x10``, ``0755``, ``2.5e3``, ``-1``, ``(30)`` and
constant expressions of them (``2 * 60``), folded as Go folds untyped constants.

Shifts and bit operations (``1 << 20``) are never literal expressions: they are sizes and masks
written as bits.  Runes, strings and imaginary literals are no numbers here.
"""

from __future__ import annotations

from hardcode_lint.lang.go.parser import Node, named, text
from hardcode_lint.lang.treesitter import Literal as Literal
from hardcode_lint.lang.treesitter import fold_binary
from hardcode_lint.model import Number

_MAX_DIGITS = 400  # a literal longer than this is no tunable: skip, never hang


def parse_number(raw: str, is_float: bool) -> Number | None:
    """The value of one Go integer or float literal token, or None."""
    token = raw.replace("_", "")
    if len(token) > _MAX_DIGITS:
        return None
    try:
        if is_float:
            if token[:2].lower() == "0x":
                return float.fromhex(token)
            return float(token)
        if token[:2].lower() in ("0x", "0o", "0b"):
            return int(token[2:], {"x": 16, "o": 8, "b": 2}[token[1].lower()])
        if len(token) > 1 and token[0] == "0":
            return int(token[1:], 8)  # 0755
        return int(token)
    except (ValueError, KeyError, OverflowError):
        return None


def _binary(op: str, left: Number, right: Number) -> Number | None:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if op == "/" and right != 0:
        if isinstance(left, float) or isinstance(right, float):
            return left / right
        quotient = abs(left) // abs(right)
        return quotient if (left >= 0) == (right >= 0) else -quotient
    return None  # %, shifts and bit operations are not literal expressions here


def fold(node: Node, depth: int = 0) -> Number | None:
    """The value of a literal expression node, or None when it is not one."""
    kind = node.type
    if depth > 64:
        return None
    if kind in ("int_literal", "float_literal"):
        return parse_number(text(node), kind == "float_literal")
    if kind == "parenthesized_expression":
        inner = named(node)
        return fold(inner[0], depth + 1) if len(inner) == 1 else None
    if kind == "unary_expression":
        operand = node.child_by_field_name("operand")
        operator = node.child_by_field_name("operator")
        if operand is None or operator is None or operator.type not in ("-", "+"):
            return None
        value = fold(operand, depth + 1)
        if value is None:
            return None
        return -value if operator.type == "-" else value
    if kind == "binary_expression":
        return fold_binary(node, fold, _binary, depth)
    return None


def literal(node: Node) -> Literal | None:
    """``node`` as a :class:`Literal` (outer parentheses dropped), or None."""
    while node.type == "parenthesized_expression":
        inner = named(node)
        if len(inner) != 1:
            return None
        node = inner[0]
    number = fold(node)
    if number is None:
        return None
    return Literal(node.start_byte, node.end_byte, number)
