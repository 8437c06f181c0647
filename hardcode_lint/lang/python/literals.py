"""Literal-only numeric expressions (``5``, ``-1``, ``60 * 5``, ``2 ** 10``, ``1 << 20``,
``pow(2, 29)``).

This module holds the shared operator tables and the ``ast`` side; ``cst_literals`` holds the
libcst side (kept apart so that the cheap pre-pass never imports libcst).

Both front ends (the cheap ``ast`` pre-pass and the libcst detector) must agree exactly on what
is one literal expression, because the pre-pass supplies the positions of the expressions the
detector reports, matched by their order in the file.  So the operator table is shared here and
each front end only maps its own node classes onto it.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping

from hardcode_lint.lang.python.holders import holds
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


def apply_binary(op: str, left: Number, right: Number) -> Number | None:
    if op in ("pow", "lshift") and abs(right) > _MAX_EXPONENT:
        return None
    try:
        return _BINARY[op](left, right)
    except (ArithmeticError, ValueError, TypeError):
        return None


def apply_unary(op: str, operand: Number) -> Number | None:
    try:
        return _UNARY[op](operand)
    except TypeError:  # ~1.5
        return None


#: The one call that is a constant expression when its two arguments are: ``pow(2, 29)``
#: (``REKEY_BYTES = pow(2, 29)`` is ``2 ** 29`` written as a call).
#: A dict literal with more entries than this is a data table, not settings: sysconfig's
#: generated ``build_time_vars = {..., 'TESTTIMEOUT': 1200, ...}`` (1,200 entries; parsing it
#: with libcst cost more than the rest of the module).  Its entries are no findings.
DATA_TABLE_ENTRIES = 256

POW = "pow"


def is_ast_pow(node: ast.Call) -> bool:
    """``pow(<literal>, <literal>)``: the builtin with two literal arguments and no keywords."""
    func, args = node.func, node.args
    return (
        isinstance(func, ast.Name)
        and func.id == POW
        and len(args) == 2
        and not node.keywords
        and is_ast_literal(args[0])
        and is_ast_literal(args[1])
    )


def is_ast_literal(node: ast.AST) -> bool:
    """The ``ast`` twin of :func:`is_cst_literal`; the two must agree node for node."""
    if isinstance(node, ast.Constant):
        return type(node.value) in (int, float)
    if isinstance(node, ast.Call):
        return is_ast_pow(node)
    if isinstance(node, ast.UnaryOp):
        return type(node.op).__name__ in AST_UNARY and is_ast_literal(node.operand)
    if isinstance(node, ast.BinOp):
        return (
            type(node.op).__name__ in AST_BINARY
            and is_ast_literal(node.left)
            and is_ast_literal(node.right)
        )
    return False


def ast_literal_leaves(node: ast.AST) -> list[ast.expr]:
    """The ``ast`` twin of ``cst_literals.literal_leaves``."""
    if is_ast_literal(node):
        return [node]  # type: ignore[list-item]
    if isinstance(node, ast.IfExp):
        return ast_literal_leaves(node.body) + ast_literal_leaves(node.orelse)
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
        return ast_literal_leaves(node.values[-1])
    if isinstance(node, ast.Call):  # `Field(5.0)`, `float(3)`: the value it holds (holders.py)
        func = node.func
        name = func.id if isinstance(func, ast.Name) else None
        name = func.attr if isinstance(func, ast.Attribute) else name
        held = [a for i, a in enumerate(node.args) if type(a) is not ast.Starred and holds(
            name, i, None)]  # fmt: skip
        held += [k.value for k in node.keywords if k.arg is not None and holds(name, None, k.arg)]
        return [leaf for arg in held for leaf in ast_literal_leaves(arg)]
    return []


def ast_scaled_leaves(node: ast.AST) -> list[ast.expr]:
    """The ``ast`` twin of ``cst_literals.scaled_literal``: the literal of ``3 * SECONDS``
    (any name: the name test comes later), else :func:`ast_margin_leaves`'s."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        for literal, other in ((node.left, node.right), (node.right, node.left)):
            if isinstance(other, ast.Name | ast.Attribute) and is_ast_literal(literal):
                return [literal]
        return []
    return ast_margin_leaves(node)


def ast_margin_leaves(node: ast.AST) -> list[ast.expr]:
    """The ``ast`` twin of ``cst_literals.margin_literal``: the literal added to or taken from
    a value that is none (``max(a, b) + 5``), also as an ``or`` fallback; ``- 1`` is none."""
    while isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
        node = node.values[-1]
    if not isinstance(node, ast.BinOp) or not isinstance(node.op, ast.Add | ast.Sub):
        return []
    right = node.right
    if type(node.op) is ast.Sub and isinstance(right, ast.Constant) and right.value == 1:
        return []  # a count's off-by-one
    for literal, other in ((node.right, node.left), (node.left, node.right)):
        if is_ast_literal(literal) and not is_ast_literal(other):
            return [literal]
    return []


def ast_element_values(node: ast.AST) -> list[ast.expr]:
    """The ``ast`` twin of ``cst_literals.element_values``."""
    if not isinstance(node, ast.Tuple | ast.List):
        return []
    return [e for e in node.elts if not isinstance(e, ast.Starred)]
