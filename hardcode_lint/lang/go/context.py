"""Where a Go node sits: its scope (``Type.Method``, the function; a function literal takes its
enclosing function's), whether it lies in a region tree-sitter could not parse, and the site
that gives a duration its context (section 1G): the innermost argument (``call``), composite
literal field or string map key (``keyword``), binding (``assignment``), or ``expression``."""

from __future__ import annotations

from dataclasses import dataclass

from hardcode_lint.lang.go.imports import resolve, written_name
from hardcode_lint.lang.go.parser import Node, named, text
from hardcode_lint.model import Context

_WHOLE = frozenset({"function_declaration", "method_declaration", "const_declaration",
                    "var_declaration", "type_declaration"})  # fmt: skip
#: Nodes a site's context is looked for through: an operand inside them keeps climbing.
_THROUGH = frozenset({"binary_expression", "unary_expression", "parenthesized_expression",
                      "selector_expression", "call_expression", "type_conversion_expression",
                      "literal_element", "literal_value", "composite_literal",
                      "type_assertion_expression"})  # fmt: skip
_BINDINGS = frozenset({"var_spec", "const_spec", "short_var_declaration", "assignment_statement"})


@dataclass(frozen=True, slots=True)
class Place:
    scope: str | None
    broken: bool  # inside an ERROR node


def _receiver_type(method: Node) -> str | None:
    receiver = method.child_by_field_name("receiver")
    for parameter in named(receiver) if receiver is not None else []:
        kind = parameter.child_by_field_name("type")
        while kind is not None and kind.type in ("pointer_type", "generic_type",
                                                 "parenthesized_type"):  # fmt: skip
            inner = kind.child_by_field_name("type") or next(reversed(named(kind)), None)
            if inner is None or inner == kind:
                break
            kind = inner
        return text(kind) if kind is not None else None
    return None


def place_of(node: Node) -> Place:
    """The :class:`Place` of ``node`` (walking its ancestors)."""
    broken, whole = False, False
    scope: str | None = None
    current = node.parent
    while current is not None:
        kind = current.type
        whole = whole or (kind in _WHOLE and not current.has_error)
        if kind == "ERROR" and not whole:
            broken = True
        elif kind == "function_declaration" and scope is None:
            name = current.child_by_field_name("name")
            scope = text(name) if name is not None else None
        elif kind == "method_declaration" and scope is None:
            name, owner = current.child_by_field_name("name"), _receiver_type(current)
            if name is not None:
                scope = f"{owner}.{text(name)}" if owner else text(name)
        current = current.parent
    return Place(scope, broken)


@dataclass(frozen=True, slots=True)
class Site:
    context: Context
    api: str | None
    arg: str | int | None
    anchor: Node  # what the snippet shows: the call, the field, the binding, the statement
    api_alias: str | None = None  # `api` as written under the file's import alias (`r.Options`)


def binding_name(target: Node) -> str:
    """A binding's name as written (``timeout``, ``cfg.Retry.Max``)."""
    return "".join(text(target).split())


def _keyed(element: Node, imports: dict[str, str]) -> Site | None:
    """The field of a keyed composite-literal element whose value is ``element``."""
    keyed = element.parent
    if (
        keyed is None
        or keyed.type != "keyed_element"
        or keyed.child_by_field_name("value") != element
    ):
        return None
    key = keyed.child_by_field_name("key")
    inner = named(key) if key is not None else []
    if not inner or inner[0].type not in (
        "identifier",
        "field_identifier",
        "interpreted_string_literal",
        "raw_string_literal",
    ):
        return None
    name = text(inner[0]).strip('"`')
    composite = keyed.parent.parent if keyed.parent is not None else None
    api = alias = None
    kind = composite.child_by_field_name("type") if composite is not None else None
    if composite is not None and composite.type == "composite_literal" and kind is not None:
        api, alias = resolve(kind, imports)[0], written_name(kind, imports)
    return Site(Context.KEYWORD, api, name, keyed, alias)


def compound(binding: Node) -> bool:
    """``x *= 2``, ``n += 1``: an assignment that updates its name rather than binds a value
    to it (section 1G binds by ``const``, ``var``, ``:=`` and ``=`` only)."""
    operator = binding.child_by_field_name("operator")
    return binding.type == "assignment_statement" and operator is not None and operator.type != "="


def _bound(values: Node, index: int) -> Site | None:
    """The binding whose ``index``-th value is in ``values``."""
    binding = values.parent
    if binding is None:
        return None
    if binding.type in ("var_spec", "const_spec"):
        if binding.child_by_field_name("value") != values:
            return None
        names = binding.children_by_field_name("name")
    else:
        left = binding.child_by_field_name("left")
        if binding.child_by_field_name("right") != values or left is None:
            return None
        if compound(binding):  # `delay *= 2`: a factor, no value bound to the name
            return Site(Context.EXPRESSION, None, None, binding)
        names = named(left)
    if index >= len(names):
        return None
    name = binding_name(names[index])
    return Site(Context.ASSIGNMENT, name, name, binding)


def site_of(node: Node, imports: dict[str, str]) -> Site | None:
    """The innermost argument, field or binding ``node`` stands in; None where a number is
    never a finding (an index, a slice bound, an array length, a tagged ``case`` label)."""
    current = node
    while (parent := current.parent) is not None:
        kind = parent.type
        if kind == "argument_list" and parent.parent is not None:
            call = parent.parent
            function = call.child_by_field_name("function")
            args = named(parent)
            api = resolve(function, imports)[0] if function is not None else None
            alias = written_name(function, imports) if function is not None else None
            index = args.index(current) if current in args else None
            return Site(Context.CALL, api, index, call, alias)
        if kind == "literal_element" and (site := _keyed(parent, imports)) is not None:
            return site
        if kind == "expression_list" and parent.parent is not None:
            if parent.parent.type in _BINDINGS:
                return _bound(parent, named(parent).index(current))
            if parent.parent.type == "expression_case":
                return _case(parent.parent)
            return Site(Context.EXPRESSION, None, None, parent.parent)
        indexed = kind in ("index_expression", "slice_expression", "array_type")
        if indexed and parent.child_by_field_name("operand") != current:
            return None
        if kind not in _THROUGH and kind not in ("index_expression", "slice_expression"):
            return Site(Context.EXPRESSION, None, None, parent)
        current = parent
    return None


def _case(case: Node) -> Site | None:
    """A ``case`` label: a finding in a tagless ``switch`` only."""
    switch = case.parent
    if switch is not None and switch.child_by_field_name("value") is not None:
        return None
    return Site(Context.EXPRESSION, None, None, case)
