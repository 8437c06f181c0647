"""What a number climbs through in the tree-sitter pre-pass to reach where its literal stands:
the parts of a literal expression (``-(5 * 60)``, ``timeout or 300``), sequences, the
arguments of ``pow(2, 29)``, and the value a holder call holds (``Field(5.0)``,
:mod:`.holders`).  The ``ast`` pre-pass and the libcst detector read the same through
``literals.ast_literal_leaves`` and ``cst_literals.literal_leaves``.
"""

from __future__ import annotations

from hardcode_lint.lang.python.holders import holders, holds
from hardcode_lint.lang.python.sitter import Node
from hardcode_lint.lang.python.ts_names import field_text, last_name

# What a literal expression is made of between a number and where it stands (``-(5 * 60)``,
# ``1.0 if x else 2``), and what only a keyword's value may hold (``timeout=(3.05, 27)``).
LITERAL_PARTS = frozenset(
    {"unary_operator", "binary_operator", "conditional_expression", "parenthesized_expression",
     "boolean_operator"}  # `timeout or 300`: the fallback of a named value
)  # fmt: skip
SEQUENCES = frozenset({"tuple", "list"})


def holds_value(place: Node, value: Node) -> bool:
    """Whether ``value`` is what a holder call holds (``Field(5.0)``, ``field(default=2)``,
    :mod:`.holders`): its positional argument or keyword ``place`` names the slot."""
    keyword = place.type == "keyword_argument"
    arguments = place.parent if keyword else place
    call = arguments.parent if arguments is not None else None
    if call is None or call.type != "call" or arguments is None:
        return False  # most places: an assignment, a pair, a default (checked first: cheap)
    name = last_name(call.child_by_field_name("function") or call)
    if name not in holders() or arguments.type != "argument_list":
        return False
    if keyword:
        return holds(name, None, field_text(place, "name"))
    positional = [a for a in arguments.named_children if a.type != "keyword_argument"]
    return value in positional and holds(name, positional.index(value), None)


def pow_arguments(place: Node) -> bool:
    """The arguments of ``pow(a, b)``: two positional ones (the ``ast`` pre-pass decides whether
    both are literal; a superset here is sound)."""
    call = place.parent
    if place.type != "argument_list" or call is None or call.type != "call":
        return False
    function = call.child_by_field_name("function")
    arguments = place.named_children
    return (
        function is not None
        and function.type == "identifier"
        and function.text == b"pow"
        and len(arguments) == 2
        and all(a.type in ("integer", "float", *LITERAL_PARTS) for a in arguments)
    )


def climbs(place: Node, value: Node) -> bool:
    """Whether a number (or the expression it is part of, ``value``) stands for ``place``."""
    kind = place.type
    return (kind in LITERAL_PARTS or kind in SEQUENCES or pow_arguments(place)
            or holds_value(place, value))  # fmt: skip
