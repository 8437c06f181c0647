"""The libcst twin of ``literals.is_ast_literal``, and constant folding of libcst nodes."""

from __future__ import annotations

import libcst as cst

from hardcode_lint.detect.names import MARGIN, scale_of
from hardcode_lint.detect.words import NameWords
from hardcode_lint.lang.python.holders import holds
from hardcode_lint.lang.python.literals import (
    CST_BINARY,
    CST_UNARY,
    POW,
    apply_binary,
    apply_unary,
)
from hardcode_lint.model import Number


def _pow_operands(node: cst.Call) -> tuple[cst.BaseExpression, cst.BaseExpression] | None:
    """The two arguments of ``pow(a, b)`` when both are literal expressions (no keywords)."""
    func, args = node.func, node.args
    if not isinstance(func, cst.Name) or func.value != POW or len(args) != 2:
        return None
    if any(a.keyword is not None or a.star for a in args):
        return None
    base, exponent = args[0].value, args[1].value
    return (base, exponent) if is_cst_literal(base) and is_cst_literal(exponent) else None


def is_cst_literal(node: cst.BaseExpression) -> bool:
    """Whether ``node`` is built of int/float literals and arithmetic only (``pow`` too)."""
    if isinstance(node, cst.Integer | cst.Float):
        return True
    if isinstance(node, cst.Call):
        return _pow_operands(node) is not None
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
        return None if operand is None or op is None else apply_unary(op, operand)
    if isinstance(node, cst.BinaryOperation):
        left, right = fold_cst(node.left), fold_cst(node.right)
        op = CST_BINARY.get(type(node.operator).__name__)
        if left is None or right is None or op is None:
            return None
        return apply_binary(op, left, right)
    if isinstance(node, cst.Call):
        operands = _pow_operands(node)
        if operands is None:
            return None
        base, exponent = fold_cst(operands[0]), fold_cst(operands[1])
        return None if base is None or exponent is None else apply_binary("pow", base, exponent)
    return None


def literal_leaves(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The literals an argument or a bound value may evaluate to: itself, the literal
    branches of a conditional (``5.0 if busy else 0.5``), or the fallback of an ``or``
    (``timeout or 300``)."""
    if is_cst_literal(node):
        return [node]
    if isinstance(node, cst.IfExp):
        return literal_leaves(node.body) + literal_leaves(node.orelse)
    if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or):
        return literal_leaves(node.right)
    if isinstance(node, cst.Call):  # `Field(5.0)`, `float(3)`: the value it holds (holders.py)
        return [leaf for arg in _held(node) for leaf in literal_leaves(arg)]
    return []


def _held(call: cst.Call) -> list[cst.BaseExpression]:
    func = call.func
    name = func.value if isinstance(func, cst.Name) else None
    name = func.attr.value if isinstance(func, cst.Attribute) else name
    positional = [a for a in call.args if a.keyword is None and a.star != "**"]
    return [a.value for a in call.args if not a.star and holds(
        name, positional.index(a) if a.keyword is None else None,
        a.keyword.value if a.keyword is not None else None)]  # fmt: skip


def element_values(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The elements of a tuple or list written out (``timeout=(3.05, 27)``: a connect/read
    pair), each a value of its own; nothing for any other node.  Starred elements are not."""
    if not isinstance(node, cst.Tuple | cst.List):
        return []
    return [e.value for e in node.elements if not isinstance(e, cst.StarredElement)]


def held_literal(value: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The literal of a one-element list (``_limit = [10]``), judged by the name it is bound to
    (see ``bound_names.holds_one``); nothing for any other value."""
    if not isinstance(value, cst.List) or len(value.elements) != 1:
        return []
    element = value.elements[0]
    return [] if isinstance(element, cst.StarredElement) else literal_leaves(element.value)


def operand_name(node: cst.BaseExpression) -> str | None:
    """``backoff`` of ``backoff`` and of ``self.backoff``; ``delay`` of ``delay[key]`` and of
    ``(delay[key] or 0.1)``, as a product's operand (huey's ``(delay[r.id] or 0.1) * backoff``)."""
    while isinstance(node, cst.Subscript | cst.BooleanOperation):
        node = node.value if isinstance(node, cst.Subscript) else node.left
    if isinstance(node, cst.Name):
        return node.value
    return node.attr.value if isinstance(node, cst.Attribute) else None


def scaled_literal(node: cst.BaseExpression) -> tuple[cst.BaseExpression, str] | None:
    """``3 * SECONDS`` / ``SECONDS * 3``: the literal and the name it multiplies (whether that
    name is a unit constant is ``names.scale_of``'s to say)."""
    if not isinstance(node, cst.BinaryOperation) or not isinstance(node.operator, cst.Multiply):
        return None
    for literal, other in ((node.left, node.right), (node.right, node.left)):
        name = other.value if isinstance(other, cst.Name) else None
        name = other.attr.value if isinstance(other, cst.Attribute) else name
        if name is not None and is_cst_literal(literal):
            return literal, name
    return None


def margin_literal(node: cst.BaseExpression) -> cst.BaseExpression | None:
    """The literal added to or taken from a value that is none (``max(a, b) + 5``,
    ``worker_ttl - 15``, ``60 - elapsed``): a margin, a duration where the whole is one
    (``names.MARGIN``), also as an ``or`` fallback (rq's ``timeout or self.worker_ttl + 60``).
    ``- 1`` is a count's off-by-one (calendar's ``+ day - 1``), no margin."""
    if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or):
        return margin_literal(node.right)
    if not isinstance(node, cst.BinaryOperation) or not isinstance(
        node.operator, cst.Add | cst.Subtract
    ):
        return None
    if isinstance(node.operator, cst.Subtract) and fold_cst(node.right) == 1:
        return None
    for literal, other in ((node.right, node.left), (node.left, node.right)):
        if is_cst_literal(literal) and not is_cst_literal(other):
            return literal
    return None


def argument_value(call: cst.Call, key: str | int) -> cst.BaseExpression | None:
    """The value of ``call``'s argument ``key`` (a keyword's name or a position)."""
    if isinstance(key, str):
        named = [a.value for a in call.args if a.keyword is not None and a.keyword.value == key]
        return named[0] if named else None
    positional = [a.value for a in call.args if a.keyword is None and not a.star]
    return positional[key] if 0 <= key < len(positional) else None


def dotted_parts(node: cst.BaseExpression) -> tuple[str, ...] | None:
    """``a.b.c`` as ``("a", "b", "c")``; None for anything that is not a chain of names."""
    names: list[str] = []
    while isinstance(node, cst.Attribute):
        names.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    names.append(node.value)
    return tuple(reversed(names))


def scaled_leaves(
    value: cst.BaseExpression, words: NameWords
) -> tuple[list[cst.BaseExpression], str | None]:
    """The literals bound by ``value`` (:func:`literal_leaves`), else the literal a unit
    constant scales (``3 * SECONDS``: ``[3]`` and ``"s"``, ``names.scale_of``), else a
    margin (``max(a, b) + 5``: ``[5]`` and ``names.MARGIN``)."""
    if isinstance(value, cst.IfExp) and {fold_cst(value.body), fold_cst(value.orelse)} == {0, 1}:
        return [], None  # `keep_alive = 1 if config.keep_alive else 0`: a switch, no setting
    leaves = literal_leaves(value)
    scaled = None if leaves else scaled_literal(value)
    margin = None if leaves or scaled else margin_literal(value)
    if margin is not None:
        return [margin], MARGIN
    if scaled is None:
        return leaves, None
    scale = scale_of(scaled[1], words)
    return ([scaled[0]] if scale is not None else []), scale


def target_name(target: cst.BaseExpression) -> str | None:
    """What a bound literal is judged by: a name, an attribute, or an entry's key
    (tornado's ``cookie_kwargs["expires_days"] = 30``, redis-py's ``options[tcp_keepidle] =
    30``: :func:`key_name`)."""
    if isinstance(target, cst.Name):
        return target.value
    if isinstance(target, cst.Attribute):
        return target.attr.value
    if isinstance(target, cst.Subscript) and len(target.slice) == 1:
        index = target.slice[0].slice
        return key_name(index.value) if isinstance(index, cst.Index) else None
    return None


def key_name(key: cst.BaseExpression) -> str | None:
    """What an entry's key names: a string's text (``"timeout"``), or the last name of a
    name or an attribute, which holds the key (redis-py's ``{socket.TCP_KEEPIDLE: 30}``,
    httpcore's ``{SettingCodes.MAX_CONCURRENT_STREAMS: 100}``)."""
    if isinstance(key, cst.Name):
        return key.value
    if isinstance(key, cst.Attribute):
        return key.attr.value
    text = (
        key.evaluated_value if isinstance(key, cst.SimpleString | cst.ConcatenatedString) else None
    )
    return text if isinstance(text, str) else None
