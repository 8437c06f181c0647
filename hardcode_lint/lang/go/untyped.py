"""Whether an untyped constant can become an ``int`` variable: each use is followed out through
the arithmetic around it to what takes the value, and only places known to take an ``int``
(or any integer, or any value) let it move.

``const readLimit = 512`` is an ``int64`` in ``rc.SetReadLimit(readLimit)`` and an ``int`` in
``make([]byte, readLimit+1)``; as ``var readLimit = settings.Get()...`` it is an ``int``
everywhere, and the first use no longer builds (gorilla/websocket's tests).  A use is fine in
an index or slice bound, beside other ints in arithmetic or a comparison, in a new variable
(``n := readLimit``: an ``int`` either way), as an argument of ``make``/``len``/``cap``, of a
conversion (``int64(readLimit)``), of a print-like call (``...any``), or of a function of the
package whose parameter there is an ``int``; assigned to, or returned as, an ``int``.
Anything else keeps it a constant, with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hardcode_lint.lang.go.parser import Node, matches, named, text
from hardcode_lint.lang.go.types import NUMBER_TYPES, declared_type

_FUNCTION_NODES = frozenset({"function_declaration", "method_declaration", "func_literal"})
_THROUGH = frozenset({"binary_expression", "unary_expression", "parenthesized_expression"})
_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})
_ANY_INTEGER = frozenset({"make", "len", "cap", "print", "println", "panic", "new"})
#: methods and functions whose variadic arguments are `...any` (fmt, log, testing)
_PRINTS = frozenset({
    "Print", "Printf", "Println", "Sprint", "Sprintf", "Sprintln", "Fprint", "Fprintf",
    "Fprintln", "Errorf", "Error", "Fatal", "Fatalf", "Log", "Logf", "Skip", "Skipf", "Panic",
    "Panicf", "Info", "Infof", "Warn", "Warnf", "Debug", "Debugf",
})  # fmt: skip
_ANY = frozenset({"any", "interface{}", "...any", "...interface{}"})
_FUNCTIONS = """
(function_declaration name: (identifier) @name parameters: (parameter_list) @params) @f
(method_declaration name: (field_identifier) @name parameters: (parameter_list) @params) @f
"""
COMBINED = "compared or combined with a value of another type"


_INT_CONSTS = (
    "(const_spec name: (identifier) @name !type value: (expression_list . (int_literal) .))"
)


@dataclass(frozen=True)
class Declared:
    """What the files read so far declare that judges a use, read from them once: the
    untyped integer constants (``const n = 4``: an int beside an int) and each function's
    or method's parameter types, by name (one tuple per declaration of that name)."""

    int_constants: frozenset[str]
    parameters: Mapping[str, tuple[tuple[str, ...], ...]]


def declared_in(roots: Sequence[Node]) -> Declared:
    constants = {
        text(nodes["name"][0]) for root in roots for _, nodes in matches(_INT_CONSTS, root)
    }
    parameters: dict[str, list[tuple[str, ...]]] = {}
    for root in roots:
        for _, nodes in matches(_FUNCTIONS, root):
            parameters.setdefault(text(nodes["name"][0]), []).append(
                tuple(_parameters(nodes["params"][0])))  # fmt: skip
    return Declared(frozenset(constants), {k: tuple(v) for k, v in parameters.items()})


def _int_operand(node: Node, names: set[str], declared: Declared) -> bool:
    """A number, one of the spec's own constants, an ``int`` variable, ``len(..)``, another
    untyped integer constant."""
    if node.type == "int_literal":
        return True
    if node.type in _THROUGH:  # `((need / size) + 1)`: ints all through
        return all(_int_operand(child, names, declared) for child in named(node))
    if node.type == "identifier":
        name = text(node)
        return name in names or declared_type(node, name) == "int" or (
            name in declared.int_constants)  # fmt: skip
    function = node.child_by_field_name("function") if node.type == "call_expression" else None
    return function is not None and text(function) in ("len", "cap")


def scope_of(spec: Node) -> Node | None:
    """The function a ``const`` is declared in (its uses are all there), or None."""
    node = spec.parent
    while node is not None and node.type not in _FUNCTION_NODES:
        node = node.parent
    return node


def identifiers(node: Node) -> list[Node]:
    if node.type == "identifier":
        return [node]
    return [found for child in node.named_children for found in identifiers(child)]


def _parameters(params: Node) -> list[str]:
    """The parameter types by position (``a, b int`` is two ``int``; variadic as ``...T``)."""
    kinds = []
    for declaration in named(params):
        kind = declaration.child_by_field_name("type")
        spelled = "".join(text(kind).split()) if kind is not None else "?"
        if declaration.type == "variadic_parameter_declaration":
            spelled = "..." + spelled
        kinds += [spelled] * max(1, len(declaration.children_by_field_name("name")))
    return kinds


def parameter_type(declared: Declared, callee: str, index: int) -> str | None:
    """The type of parameter ``index`` of the one function or method named ``callee`` the
    files declare (None: none, several, or no such position)."""
    found = declared.parameters.get(callee, ())
    if len(found) != 1 or not found[0]:
        return None
    kinds = found[0]
    if index < len(kinds):
        return kinds[index]
    return kinds[-1] if kinds[-1].startswith("...") else None


def _argument(call: Node, position: int, declared: Declared, strict: bool) -> str | None:
    function = call.child_by_field_name("function")
    name = text(function) if function is not None else ""
    last = name.rsplit(".", 1)[-1]
    if name in _ANY_INTEGER or name in NUMBER_TYPES or last in _PRINTS:
        return None
    kind = parameter_type(declared, last, position)
    if kind is None and not strict:
        return None  # declared in another file, perhaps: the package's check reads them all
    if kind is not None and kind.lstrip(".") in ("int", *(k.lstrip(".") for k in _ANY)):
        return None
    return f"passed to `{name}`, whose parameter there is not known to be an int"


def _result_type(node: Node) -> str | None:
    while node.parent is not None and node.type not in _FUNCTION_NODES:
        node = node.parent
    result = node.child_by_field_name("result")
    return "".join(text(result).split()) if result is not None else None


def _taker(node: Node, declared: Declared, strict: bool) -> str | None:
    """Why what takes ``node`` (a value made of the constant) needs a type other than int."""
    context = node.parent
    kind = context.type if context is not None else ""
    if context is None or (kind in ("index_expression", "slice_expression") and (
            context.child_by_field_name("operand") != node)):  # fmt: skip
        return None
    if kind == "argument_list" and context.parent is not None:
        position = [c.id for c in named(context)].index(node.id)
        return _argument(context.parent, position, declared, strict)
    owner = context.parent if kind == "expression_list" else None
    if owner is not None and owner.type in ("short_var_declaration", "var_spec"):
        typed = owner.child_by_field_name("type")
        return None if typed is None or text(typed) == "int" else "given a typed variable"
    if owner is not None and owner.type == "assignment_statement":
        left = owner.child_by_field_name("left")
        targets = named(left) if left is not None else []
        position = [c.id for c in named(context)].index(node.id)
        target = targets[position] if position < len(targets) else None
        if target is not None and target.type == "identifier" and declared_type(
                target, text(target)) == "int":  # fmt: skip
            return None
        return "assigned to a name of unknown type"
    if (owner is not None and owner.type == "return_statement") or kind == "return_statement":
        return None if _result_type(context) == "int" else "returned as a value of unknown type"
    return "used where a value of unknown type is wanted"


def use_problem(use: Node, names: set[str], declared: Declared, strict: bool) -> str | None:
    """Why this use of an untyped constant (one of ``names``) would not build as an ``int``
    variable, or None; ``declared`` is what the files read declare: all the package's when
    ``strict``, else a callee they do not declare is not held against it."""
    node = use
    while node.parent is not None and node.parent.type in _THROUGH:
        parent = node.parent
        if parent.type == "binary_expression":
            others = [c for c in named(parent) if c.id != node.id]
            if not all(_int_operand(o, names, declared) for o in others):
                return COMBINED
            operator = parent.child_by_field_name("operator")
            if operator is not None and operator.type in _COMPARISONS:
                return None  # a bool: no type flows on
        node = parent
    return _taker(node, declared, strict)
