"""Where a TypeScript or JavaScript literal stands (section 1T): its scope (``Class.method``,
a function's name, an arrow function's binding, ``outer.inner``) and its site, the innermost
argument (``call``), object property or JSX attribute (``keyword``), binding or assignment
(``assignment``) or parameter default (``default``) it is the value of.

The literal branches of ``?:``, ``??`` and ``||`` count as the literal itself
(``opts.timeout ?? 5000``), as do type assertions (``5000 as number``) and parentheses.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardcode_lint.lang.typescript.parser import Node, name_of, named, text
from hardcode_lint.model import Context

#: Wrappers a value keeps its meaning through.
WRAPPERS = frozenset({"parenthesized_expression", "as_expression", "satisfies_expression",
                      "non_null_expression", "type_assertion"})  # fmt: skip
#: The operators whose right side is the fallback of the value on their left.
FALLBACKS = frozenset({"??", "||"})
_ASSIGNING = frozenset({"=", "??=", "||="})
_FUNCTIONS = frozenset({"function_declaration", "generator_function_declaration",
                        "function_expression", "function", "generator_function",
                        "arrow_function", "method_definition"})  # fmt: skip
_CLASSES = frozenset({"class_declaration", "class", "abstract_class_declaration"})
_FIELDS = frozenset({"public_field_definition", "field_definition"})
_PARAMETERS = frozenset({"required_parameter", "optional_parameter"})
_ASSIGNMENTS = frozenset({"assignment_pattern", "object_assignment_pattern"})
#: Every parent a literal's number can have when :func:`site_of` finds a site for it: what a
#: literal expression is made of (``1000 * 60``), what :func:`_climb` climbs through, and what
#: holds a value.  A number under any other parent (an index, a comparison's operand is one
#: through ``binary_expression``, a ``case``) is never a site, so need not be looked at.
VALUE_PARENTS = frozenset({
    "unary_expression", "binary_expression", "parenthesized_expression", *WRAPPERS, "array",
    "ternary_expression", "arguments", "assignment_expression", "augmented_assignment_expression",
    "jsx_expression", "pair", "variable_declarator", *_FIELDS, *_PARAMETERS, *_ASSIGNMENTS,
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Site:
    context: Context
    anchor: Node  # what the snippet shows: the call, the property, the binding
    name: str | None = None  # the name whose words judge the value (None: a call's position)
    call: Node | None = None  # the call the value is an argument of (directly or by property)
    index: int | None = None  # the position among the call's arguments
    path: str | None = None  # a property's key path inside that argument (`timeout.request`)
    outer: str | None = None  # the enclosing property's name (`timeout` for `request`)
    element: Node | None = None  # the JSX element of an attribute


def _function_name(node: Node) -> str | None:
    if node.type in ("function_declaration", "generator_function_declaration", "method_definition"):
        return name_of(node.child_by_field_name("name"))
    parent = node.parent
    own = node.child_by_field_name("name")
    if own is not None:
        return text(own)
    if parent is not None and parent.type == "variable_declarator":
        return name_of(parent.child_by_field_name("name"))
    if parent is not None and parent.type == "pair":
        return name_of(parent.child_by_field_name("key"))
    if parent is not None and parent.type in _FIELDS:
        return name_of(parent.child_by_field_name("name") or parent.child_by_field_name("property"))
    return None


def scope_of(node: Node) -> str | None:
    """``Class.method``, ``outer.inner``, a function's name; None at module level.  An
    anonymous function (a callback) takes its enclosing function's scope."""
    names: list[str] = []
    current = node.parent
    while current is not None:
        if current.type in _FUNCTIONS:
            found = _function_name(current)
            if found:
                names.append(found)
        elif current.type in _CLASSES:
            found = name_of(current.child_by_field_name("name"))
            if found:
                names.append(found)
        current = current.parent
    return ".".join(reversed(names)) or None


def _climb(node: Node) -> tuple[Node, Node] | None:
    """The value ``node`` stands for and its parent, through wrappers and fallbacks."""
    current = node
    while (parent := current.parent) is not None:
        if not _passes(parent, current):
            return current, parent
        current = parent
    return None


def _passes(parent: Node, child: Node) -> bool:
    """Whether ``child`` is ``parent``'s value: a wrapper, an array element, a branch."""
    kind = parent.type
    if kind in WRAPPERS or kind == "array":
        return True
    if kind == "ternary_expression":
        return parent.child_by_field_name("condition") != child
    return kind == "binary_expression" and _operator(parent) in FALLBACKS


def _operator(node: Node) -> str:
    operator = node.child_by_field_name("operator")
    return operator.type if operator is not None else ""


def _property(pair: Node, key: str) -> Site:
    """A property's site: the call its object is an argument of (through nested objects), the
    key path from that argument, and the enclosing property's name."""
    path, outer = [key], None
    current = pair.parent
    while current is not None:
        climbed = _climb(current)
        if climbed is None:
            break
        value, parent = climbed
        if parent.type == "pair" and parent.child_by_field_name("value") == value:
            above = name_of(parent.child_by_field_name("key")) or ""
            outer = outer or above
            path.insert(0, above)
            current = parent.parent
            continue
        if parent.type == "arguments" and parent.parent is not None:
            index = named(parent).index(value) if value in named(parent) else None
            return Site(Context.KEYWORD, pair, key, parent.parent, index, ".".join(path), outer)
        break
    return Site(Context.KEYWORD, pair, key, outer=outer)


def _named_site(value: Node, parent: Node) -> Site | None:
    kind = parent.type
    if kind == "pair" and parent.child_by_field_name("value") == value:
        key = name_of(parent.child_by_field_name("key"))
        return _property(parent, key) if key else None
    if kind == "variable_declarator" and parent.child_by_field_name("value") == value:
        name = name_of(parent.child_by_field_name("name"))
        return Site(Context.ASSIGNMENT, parent, name) if name else None
    if kind in _FIELDS and parent.child_by_field_name("value") == value:
        name = name_of(parent.child_by_field_name("name") or parent.child_by_field_name("property"))
        return Site(Context.ASSIGNMENT, parent, name) if name else None
    if kind in _PARAMETERS and parent.child_by_field_name("value") == value:
        name = name_of(parent.child_by_field_name("pattern"))
        return Site(Context.DEFAULT, parent, name) if name else None
    if kind in _ASSIGNMENTS and parent.child_by_field_name("right") == value:
        name = name_of(parent.child_by_field_name("left"))
        return Site(Context.DEFAULT, parent, name) if name else None
    return None


def site_of(node: Node) -> Site | None:
    """The site ``node`` (a literal or a replacement) stands in, or None where a number is
    never a finding (an index, an enum member, a comparison, a bit operation)."""
    climbed = _climb(node)
    if climbed is None:
        return None
    value, parent = climbed
    kind = parent.type
    if kind == "arguments" and parent.parent is not None:
        args = named(parent)
        index = args.index(value) if value in args else None
        return Site(Context.CALL, parent.parent, call=parent.parent, index=index)
    if kind in ("assignment_expression", "augmented_assignment_expression"):
        if parent.child_by_field_name("right") != value:
            return None
        if kind == "augmented_assignment_expression" and _operator(parent) not in _ASSIGNING:
            return None
        name = name_of(parent.child_by_field_name("left"))
        statement = parent.parent if parent.parent is not None else parent
        return Site(Context.ASSIGNMENT, statement, name) if name else None
    if kind == "jsx_expression" and parent.parent is not None:
        attribute = parent.parent
        if attribute.type != "jsx_attribute" or not named(attribute):
            return None
        name = text(named(attribute)[0])
        return Site(Context.KEYWORD, attribute, name, element=attribute.parent)
    return _named_site(value, parent)
