"""Rust literal expressions: ``5``, ``5u64``, ``86400_u32``, ``1_000``, ``0f64``, ``2.5e3``,
``-1``, ``(30)``, ``100 as u64`` and constant expressions of them (``10 * 60``), folded.

A left shift is a power of two written the Rust way (``64 << 20`` is Python's ``64 * 2**20``,
section 1's constant expression), so it folds when it reads as a size: a shift of ten bits or
more (a KiB and up), or of a number other than one, below 2**30.  ``1 << 3`` is a flag's bit,
``1 << 60`` and ``(1 << 31) - 1`` the range of a field (a protocol's or a type's maximum), and
the other bit operations (``!0``, ``|``, ``&``, ``>>``) are masks: none of these is a literal
expression.
"""

from __future__ import annotations

import re

from hardcode_lint.lang.rust.parser import COMMENTS, Node, text
from hardcode_lint.lang.treesitter import Literal as Literal
from hardcode_lint.lang.treesitter import fold_binary
from hardcode_lint.model import Number

_INT_SUFFIX = re.compile(r"(?:[ui](?:8|16|32|64|128|size))$")
_FLOAT_SUFFIX = re.compile(r"(?:f32|f64)$")
_MAX_DIGITS = 400  # a literal longer than this is not a number of seconds: skip, never hang


def parse_number(raw: str, is_float: bool) -> Number | None:
    """The value of one integer or float literal token, or None when it has none."""
    token = raw.replace("_", "")
    if len(token) > _MAX_DIGITS:
        return None
    try:
        if not is_float and token[:2].lower() in ("0x", "0o", "0b"):
            base = {"x": 16, "o": 8, "b": 2}[token[1].lower()]
            return int(_INT_SUFFIX.sub("", token[2:]), base)
        if _FLOAT_SUFFIX.search(token):
            return float(_FLOAT_SUFFIX.sub("", token))
        if is_float:
            return float(token)
        return int(_INT_SUFFIX.sub("", token))
    except (ValueError, KeyError, OverflowError):
        return None


def _divide(left: Number, right: Number, op: str) -> Number | None:
    if right == 0:
        return None
    if isinstance(left, float) or isinstance(right, float):
        return left / right if op == "/" else left % right
    quotient = abs(left) // abs(right) * (1 if (left >= 0) == (right >= 0) else -1)
    return quotient if op == "/" else left - right * quotient  # Rust truncates toward zero


def _binary(op: str, left: Number, right: Number) -> Number | None:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if op in ("/", "%"):
        return _divide(left, right, op)
    if op == "<<" and isinstance(left, int) and isinstance(right, int):
        return _shifted(left, right)
    return None  # the other bit operations are masks, not literal expressions


#: ``1 << 10``: the smallest shift of one that is a size (a KiB), not a flag's bit.
_SIZE_SHIFT = 10
#: ``1 << 30`` and up: a field's or a protocol's range, not a size anybody tunes.
_RANGE = 1 << 30


def _shifted(left: int, right: int) -> int | None:
    """``left << right`` when it reads as a size (module docstring), else None."""
    if left <= 0 or not 0 <= right < 64 or (left == 1 and right < _SIZE_SHIFT):
        return None
    value = left << right
    return value if value < _RANGE else None


def _all_ones(node: Node) -> bool:
    """``(1 << 16) - 1``: the largest value of a 16-bit field."""
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    op = node.child_by_field_name("operator")
    while left is not None and left.type == "parenthesized_expression":
        left = _only(left)
    if left is None or right is None or op is None or op.type != "-":
        return False
    shift = left.child_by_field_name("operator") if left.type == "binary_expression" else None
    return shift is not None and shift.type == "<<" and text(right) == "1"


def _only(node: Node) -> Node | None:
    children = [c for c in node.named_children if c.type not in COMMENTS]
    return children[0] if len(children) == 1 else None


def fold(node: Node, depth: int = 0) -> Number | None:
    """The value of a literal expression node, or None when it is not one."""
    kind = node.type
    if depth > 64:
        return None
    if kind in ("integer_literal", "float_literal"):
        return parse_number(text(node), kind == "float_literal")
    if kind == "parenthesized_expression":
        inner = _only(node)
        return fold(inner, depth + 1) if inner is not None else None
    if kind == "unary_expression":
        operand = _only(node)
        if operand is None or node.children[0].type != "-":
            return None
        value = fold(operand, depth + 1)
        return -value if value is not None else None
    if kind == "binary_expression":
        if _all_ones(node):
            return None
        return fold_binary(node, fold, _binary, depth)
    return None


def literal(node: Node) -> Literal | None:
    """``node`` as a :class:`Literal` (``100 as u64``: the ``100``), or None."""
    if node.type == "type_cast_expression":
        value = node.child_by_field_name("value")
        return literal(value) if value is not None else None
    while node.type == "parenthesized_expression":
        inner = _only(node)
        if inner is None:
            return None
        node = inner
    number = fold(node)
    if number is None or isinstance(number, bool):
        return None
    return Literal(node.start_byte, node.end_byte, number)
