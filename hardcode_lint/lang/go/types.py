"""The Go type of the place a literal is given to, so that its setting has that type: Go does
not convert, and an ``int`` setting read where an ``int64``, a ``uint32`` or a
``time.Duration`` is wanted does not build.

A clamp's bound takes the type of the value it clamps (``max(ttlSeconds, 1)`` with
``ttlSeconds int64``); ``x = 5`` the type ``x`` is declared with; ``d.Timeout = -1`` and
``Dialer{Timeout: -1}`` the type the package declares the field with (``package_types.py``).
Parameters, receivers, ``var name T`` and ``name := <literal>`` of the enclosing functions are
read, then the package's declarations; anything else is not known (None), and ``fix`` does not
guess it."""

from __future__ import annotations

from hardcode_lint.detect.catalog import ApiSpec
from hardcode_lint.lang.go.imports import canonical_type
from hardcode_lint.lang.go.package_types import PackageTypes
from hardcode_lint.lang.go.parser import Node, matches, named, text

#: The declared types a tunable number has; a constant of another named type is an enum
#: value (`WaitForLocal RequiredAcks = 1`, `ErrInvalidSessionTimeout KError = 26`).
NUMBER_TYPES = frozenset({
    "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
    "uintptr", "float32", "float64", "byte", "time.Duration",
})  # fmt: skip
#: A name declared in a function whose type is not read (``x := f()``): it hides the package's.
UNKNOWN = "?"
_FUNCTIONS = frozenset({"function_declaration", "method_declaration", "func_literal"})
_VARS = "(var_spec name: (identifier) @name type: (_) @type) @spec"
_SHORT = "(short_var_declaration left: (expression_list) @names right: (expression_list) @values)"
_OF_LITERAL = {"int_literal": "int", "float_literal": "float64"}
_INT_BUILTINS = frozenset({"len", "cap", "copy"})


def untyped_default(number: object) -> str:
    """The type Go gives an untyped constant (``x := 5`` is an ``int``)."""
    return "float64" if isinstance(number, float) else "int"


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
    found: tuple[int, str] | None = None
    for _, captures in matches(_VARS, body) if body is not None else []:
        if captures["spec"][0].start_byte < before and text(captures["name"][0]) == name:
            found = max(
                found or (-1, ""),
                (captures["spec"][0].start_byte, "".join(text(captures["type"][0]).split())),
            )
    for _, captures in matches(_SHORT, body) if body is not None else []:
        names, values = named(captures["names"][0]), named(captures["values"][0])
        for index, target in enumerate(names):
            if text(target) == name and target.start_byte < before:
                value = values[index] if index < len(values) else None
                kind = _OF_LITERAL.get(value.type, UNKNOWN) if value is not None else UNKNOWN
                found = max(found or (-1, ""), (target.start_byte, kind))
    return found[1] if found is not None else None


def declared_type(at: Node, name: str) -> str | None:
    """The type ``name`` is declared with where ``at`` stands, when a function around it
    declares it (:data:`UNKNOWN` when it does but not with a type that can be read)."""
    function = _enclosing(at.parent)
    while function is not None:
        found = _variable(function, name, at.start_byte) or _parameter(function, name)
        if found is not None:
            return found
        function = _enclosing(function.parent)
    return None


def number_type(kind: str | None, imports: dict[str, str]) -> str | None:
    """``kind`` as goimports names it, when it is a number type (or ``time.Duration``)."""
    canonical = canonical_type(kind, imports) if kind else None
    return canonical if canonical in NUMBER_TYPES else None


def target_type(target: Node, package: PackageTypes, imports: dict[str, str]) -> str | None:
    """The number type of what a literal is given to: a name (``x = 5``), a field
    (``d.HandshakeTimeout = -1``) or a keyed element's field name; None when not known."""
    if target.type in ("identifier", "field_identifier"):
        name = text(target)
        declared = declared_type(target, name) if target.type == "identifier" else None
        return number_type(declared if declared is not None else package.type_of(name), imports)
    if target.type == "selector_expression":
        field = target.child_by_field_name("field")
        return number_type(package.type_of(text(field)), imports) if field is not None else None
    return None


def operand_type(args: list[Node], package: PackageTypes, imports: dict[str, str]) -> str | None:
    """The number type of the value a clamp bounds (``max(ttlSeconds, 1)``, ``max(len(x),
    1)``, ``min(cfg.Limit, 100)``): the first operand whose type can be read."""
    for arg in args:
        if arg.type in ("binary_expression", "parenthesized_expression", "unary_expression"):
            found = operand_type(named(arg), package, imports)
            if found is not None:
                return found
        if arg.type == "call_expression":
            function = arg.child_by_field_name("function")
            callee = text(function) if function is not None else ""
            if callee in _INT_BUILTINS or callee in NUMBER_TYPES:
                return "int" if callee in _INT_BUILTINS else callee
        found = target_type(arg, package, imports) if arg.type != "field_identifier" else None
        if found is not None:
            return found
    return None


def given(kind: str | None) -> str | None:
    """A type known already, asked for as the others are."""
    return kind


def catalogued_type(spec: ApiSpec, arg: int | str, unit: str | None, number: object) -> str:
    """A catalogued parameter's type: the entry's ``type``, ``time.Duration`` for a count of
    nanoseconds, else the literal's default type (what the catalogued Go APIs take)."""
    return spec.type_of(arg) or ("time.Duration" if unit == "ns" else untyped_default(number))
