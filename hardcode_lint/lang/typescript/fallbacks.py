"""The fallback of a named value, judged by that value's name wherever the fallback stands:
nats' ``timeout(this.options.timeout || 20000)``, grpc-js' ``settings.initialWindowSize ??
65535``, ``backoff([this.opts?.expires || 30000])``.  Contract section 1: "the fallback of a
duration- or limit-named value" is a tunable; where it is bound to a telling name of its own
(``const timeout = opts.t || 5``) or is a catalogued argument, that site judges it first.
"""

from __future__ import annotations

from hardcode_lint.lang.typescript.context import FALLBACKS, WRAPPERS
from hardcode_lint.lang.typescript.parser import Node, name_of


def fallback_of(literal: Node) -> tuple[str, Node] | None:
    """The name of the value ``literal`` (through parentheses and assertions) is the
    right-hand fallback of, and the fallback expression; None for any other literal."""
    child, parent = literal, literal.parent
    while parent is not None and parent.type in WRAPPERS:
        child, parent = parent, parent.parent
    if parent is None or parent.type != "binary_expression":
        return None
    operator = parent.child_by_field_name("operator")
    if operator is None or operator.type not in FALLBACKS:
        return None
    if parent.child_by_field_name("right") != child:
        return None
    left = _value(parent.child_by_field_name("left"))
    if left is None or left.type not in ("identifier", "member_expression"):
        return None
    name = name_of(left.child_by_field_name("property") if left.type == "member_expression"
                   else left)  # fmt: skip
    return (name, parent) if name else None


def _value(node: Node | None) -> Node | None:
    """What ``node`` reads, through parentheses and tsc's compiled optional chain
    (``(_b === null || _b === void 0 ? void 0 : _b.expires)`` reads ``_b.expires``)."""
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    if node is not None and node.type == "ternary_expression":
        return node.child_by_field_name("alternative")
    return node
