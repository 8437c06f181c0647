"""Literal-only numeric expressions (``5``, ``-1``, ``60 * 5``, ``2 ** 10``, ``1 << 20``).

Both front ends (the cheap ``ast`` pre-pass and the libcst detector) must agree exactly on what
is one literal expression, because the pre-pass supplies the positions of the expressions the
detector reports, matched by their order in the file.  So the operator table is shared here and
each front end only maps its own node classes onto it.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping

import libcst as cst

from hardcode_lint.model import Number


def _invert(value: Number) -> Number:
    if isinstance(value, float):
        raise TypeError("~ takes an int")
    return ~value


UnaryFn = Callable[[Number], Number]
BinaryFn = Callable[[Number, Number], Number]

_UNARY: Mapping[str, UnaryFn] = {
    "neg": operator.neg,
    "pos": operator.pos,
    "invert": _invert,
}
_BINARY: Mapping[str, BinaryFn] = {
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "truediv": operator.truediv,
    "floordiv": operator.floordiv,
    "mod": operator.mod,
    "pow": operator.pow,
    "lshift": operator.lshift,
    "rshift": operator.rshift,
    "or": operator.or_,
    "and": operator.and_,
    "xor": operator.xor,
}

CST_UNARY = {"Minus": "neg", "Plus": "pos", "BitInvert": "invert"}
CST_BINARY = {
    "Add": "add",
    "Subtract": "sub",
    "Multiply": "mul",
    "Divide": "truediv",
    "FloorDivide": "floordiv",
    "Modulo": "mod",
    "Power": "pow",
    "LeftShift": "lshift",
    "RightShift": "rshift",
    "BitOr": "or",
    "BitAnd": "and",
    "BitXor": "xor",
}
AST_UNARY = {"USub": "neg", "UAdd": "pos", "Invert": "invert"}
AST_BINARY = {
    "Add": "add",
    "Sub": "sub",
    "Mult": "mul",
    "Div": "truediv",
    "FloorDiv": "floordiv",
    "Mod": "mod",
    "Pow": "pow",
    "LShift": "lshift",
    "RShift": "rshift",
    "BitOr": "or",
    "BitAnd": "and",
    "BitXor": "xor",
}

_MAX_EXPONENT = 512  # `10 ** 10 ** 9` must not hang the scan


def _apply_binary(op: str, left: Number, right: Number) -> Number | None:
    if op in ("pow", "lshift") and abs(right) > _MAX_EXPONENT:
        return None
    try:
        return _BINARY[op](left, right)
    except (ArithmeticError, ValueError, TypeError):
        return None


def _apply_unary(op: str, operand: Number) -> Number | None:
    try:
        return _UNARY[op](operand)
    except TypeError:  # ~1.5
        return None


def is_cst_literal(node: cst.BaseExpression) -> bool:
    """Whether ``node`` is built of int/float literals and arithmetic only."""
    if isinstance(node, cst.Integer | cst.Float):
        return True
    if isinstance(node, cst.UnaryOperation):
        return type(node.operator).__name__ in CST_UNARY and is_cst_literal(node.expression)
    if isinstance(node, cst.BinaryOperation):
        return (
            type(node.operator).__name__ in CST_BINARY
            and is_cst_literal(node.left)
            and is_cst_literal(node.right)
        )
    return False


def fold_cst(node: cst.BaseExpression) -> Number | None:
    """The value of a literal expression (see :func:`is_cst_literal`); None if it cannot be had."""
    if isinstance(node, cst.Integer | cst.Float):
        value = node.evaluated_value
        return value if isinstance(value, int | float) else None
    if isinstance(node, cst.UnaryOperation):
        operand = fold_cst(node.expression)
        op = CST_UNARY.get(type(node.operator).__name__)
        return None if operand is None or op is None else _apply_unary(op, operand)
    if isinstance(node, cst.BinaryOperation):
        left, right = fold_cst(node.left), fold_cst(node.right)
        op = CST_BINARY.get(type(node.operator).__name__)
        if left is None or right is None or op is None:
            return None
        return _apply_binary(op, left, right)
    return None


def is_ast_literal(node: ast.AST) -> bool:
    """The ``ast`` twin of :func:`is_cst_literal`; the two must agree node for node."""
    if isinstance(node, ast.Constant):
        return type(node.value) in (int, float)
    if isinstance(node, ast.UnaryOp):
        return type(node.op).__name__ in AST_UNARY and is_ast_literal(node.operand)
    if isinstance(node, ast.BinOp):
        return (
            type(node.op).__name__ in AST_BINARY
            and is_ast_literal(node.left)
            and is_ast_literal(node.right)
        )
    return False
