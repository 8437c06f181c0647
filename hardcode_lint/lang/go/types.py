"""The declared type of a name as a clamp's bound sees it, so a bound's setting has the type
of the value it clamps (``max(ttlSeconds, 1)`` with ``ttlSeconds int64``: an ``int64`` setting;
Go does not mix ``int64`` and ``int``).  Parameters and receivers of the enclosing functions
and ``var name T`` declarations before the use are read; anything else is not known."""

from __future__ import annotations

from hardcode_lint.lang.go.parser import Node, matches, named, text

_FUNCTIONS = frozenset({"function_declaration", "method_declaration", "func_literal"})
_VARS = "(var_spec name: (identifier) @name type: (_) @type) @spec"


def _enclosing(node: Node | None) -> Node | None:
    while node is not None and node.type not in _FUNCTIONS:
        node = node.parent
    return node


def _parameter(function: Node, name: str) -> str | None:
    for field in ("receiver", "parameters"):
        params = function.child_by_field_name(field)
        for declaration in named(params) if params is not None else []:
            names = declaration.children_by_field_name("name")
            kind = declaration.child_by_field_name("type")
            if kind is not None and any(text(n) == name for n in names):
                return "".join(text(kind).split())
    return None


def _variable(function: Node, name: str, before: int) -> str | None:
    body = function.child_by_field_name("body")
    found = None
    for _, captures in matches(_VARS, body) if body is not None else []:
        if captures["spec"][0].start_byte < before and text(captures["name"][0]) == name:
            found = "".join(text(captures["type"][0]).split())
    return found


def declared_type(at: Node, name: str) -> str | None:
    """The type ``name`` is declared with where ``at`` stands, when a declaration says it."""
    function = _enclosing(at.parent)
    while function is not None:
        found = _variable(function, name, at.start_byte) or _parameter(function, name)
        if found is not None:
            return found
        function = _enclosing(function.parent)
    return None
