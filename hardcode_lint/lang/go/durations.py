"""Go durations: a literal multiplied by a unit constant of package ``time``.

``5 * time.Second``, ``time.Second * 5``, ``2 * 60 * time.Second``, ``time.Duration(5) *
time.Second``, ``time.Duration(500)`` (nanoseconds) and ``time.Second / 10`` are each one
duration whose literal is the ``5`` (the ``2 * 60``, the ``10``) and whose expression, the range
``fix`` replaces with a ``time.Duration`` setting, is the whole product.  In
``time.Duration(attempt) * 100 * time.Millisecond`` the literal is the ``100``; the product holds
another factor, so it is not ``whole`` and ``fix`` refuses it.  Detection and ``fix`` both find
durations here, so they agree on every range.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

from hardcode_lint.detect.catalog import UNIT_SECONDS
from hardcode_lint.lang.go.imports import DOT, exports
from hardcode_lint.lang.go.literals import Literal, fold, literal
from hardcode_lint.lang.go.parser import Node, named, text
from hardcode_lint.model import Number

#: The unit constants of package time, by name.
UNITS = {"Nanosecond": "ns", "Microsecond": "us", "Millisecond": "ms", "Second": "s",
         "Minute": "min", "Hour": "h"}  # fmt: skip
_PRODUCTS = frozenset({"*", "/"})


@dataclass(frozen=True, slots=True)
class Duration:
    expression: Node  # the whole product: what fix replaces
    literal: Literal  # the first literal factor: where the finding points
    number: Number  # the multiplied literals' value (the divisor's, in `time.Second / 10`)
    unit: str
    seconds: Number | None  # set when a divisor makes it differ from `number` in `unit`
    whole: bool  # nothing but literals and the unit: the expression can be replaced


def time_selector(node: Node, time_names: frozenset[str], field: str | None = None) -> bool:
    """Whether ``node`` is ``time.X`` (``X`` = ``field`` when given) with ``time`` imported
    under the name written, or a bare ``X`` under ``import . "time"``."""
    if node.type == "identifier" and DOT in time_names:
        return text(node) == field if field is not None else text(node) in exports("time")
    if node.type != "selector_expression":
        return False
    operand, name = node.child_by_field_name("operand"), node.child_by_field_name("field")
    if operand is None or name is None or operand.type != "identifier":
        return False
    return text(operand) in time_names and (field is None or text(name) == field)


def _conversion(node: Node, time_names: frozenset[str]) -> Literal | None:
    """The literal of ``time.Duration(N)``, or None."""
    if node.type != "call_expression":
        return None
    function, arguments = (
        node.child_by_field_name("function"),
        node.child_by_field_name("arguments"),
    )
    if function is None or arguments is None or not time_selector(function, time_names, "Duration"):
        return None
    args = named(arguments)
    return literal(args[0]) if len(args) == 1 else None


def factors_of(node: Node, divided: bool, out: list[tuple[Node, bool]]) -> None:
    """The factors of a product of ``*`` and ``/`` into ``out``, each with whether it divides;
    a constant sub-expression (``2 * 60``) is one factor."""
    if fold(node) is None and node.type == "binary_expression":
        op = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if op is not None and op.type in _PRODUCTS and left is not None and right is not None:
            factors_of(left, divided, out)
            factors_of(right, divided != (op.type == "/"), out)
            return
    if node.type == "parenthesized_expression" and fold(node) is None:
        inner = named(node)
        if len(inner) == 1:
            factors_of(inner[0], divided, out)
            return
    out.append((node, divided))


def product_of(node: Node) -> Node:
    """The largest product of ``*`` and ``/`` that holds ``node`` (not as a divisor)."""
    while (parent := node.parent) is not None:
        if parent.type == "parenthesized_expression":
            node = parent
            continue
        op = parent.child_by_field_name("operator") if parent.type == "binary_expression" else None
        if op is None or op.type not in _PRODUCTS:
            break
        if op.type == "/" and parent.child_by_field_name("right") == node:
            break
        node = parent
    return node


def duration_of(start: Node, time_names: frozenset[str]) -> Duration | None:
    """The duration that the unit constant or ``time.Duration(..)`` ``start`` belongs to."""
    expression = product_of(start)
    factors: list[tuple[Node, bool]] = []
    factors_of(expression, False, factors)
    literals: list[tuple[Literal, bool]] = []
    units: list[str] = []
    others = 0
    for node, divided in factors:
        found = literal(node) if fold(node) is not None else _conversion(node, time_names)
        if found is not None:
            literals.append((found, divided))
        elif time_selector(node, time_names) and text(node).rsplit(".", 1)[-1] in UNITS:
            if divided:
                return None  # `elapsed / time.Millisecond` is a count
            units.append(UNITS[text(node).rsplit(".", 1)[-1]])
        else:
            others += 1
    if not literals or len(units) > 1:
        return None
    unit = units[0] if units else "ns"
    if not units and not any(_conversion(n, time_names) for n, _ in factors):
        return None
    times = [lit.number for lit, divided in literals if not divided]
    divisors = [lit.number for lit, divided in literals if divided]
    number = prod(times) if times else prod(divisors)
    seconds = None
    if divisors and all(divisors):
        value = UNIT_SECONDS[unit] * prod(times) / prod(divisors)
        seconds = int(value) if float(value).is_integer() else round(value, 12)
    first = min((lit for lit, _ in literals), key=lambda lit: lit.start)
    return Duration(expression, first, number, unit, seconds, others == 0)


def duration_at(node: Node, time_names: frozenset[str]) -> Duration | None:
    """The duration whose literal is ``node`` (a literal a scan reported), if it is one."""
    start = node
    holder = node.parent
    if holder is not None and holder.type == "argument_list" and holder.parent is not None:
        function = holder.parent.child_by_field_name("function")
        if function is not None and time_selector(function, time_names, "Duration"):
            start = holder.parent
    factors: list[tuple[Node, bool]] = []
    factors_of(product_of(start), False, factors)
    for factor, _ in factors:
        function = (
            factor.child_by_field_name("function") if factor.type == "call_expression" else None
        )
        if time_selector(factor, time_names) or (
            function is not None and time_selector(function, time_names, "Duration")
        ):
            found = duration_of(factor, time_names)
            if found is not None and found.literal.start <= node.start_byte < found.literal.end:
                return found
            if found is not None and found.literal.start == node.start_byte:
                return found
    return None
