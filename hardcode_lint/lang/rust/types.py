"""The Rust type a site gives its literal, so a generated setting read there compiles.

In order: the literal's own suffix (``5u32``, ``1.0f32``, ``10_usize``), the declared type of
the binding (``const MAX: usize = 5``, ``let x: u32 = 5``, a field of a struct declared in the
same file), the parameter's type from the catalog (``Duration::new``'s nanos: ``u32``).  Only
primitive numeric types count: ``let d: Duration = ...`` says nothing about a literal in it.
"""

from __future__ import annotations

import re

from hardcode_lint.lang.rust.parser import Node, leaves, matches, text

NUMERIC = frozenset({
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
    "f32", "f64",
})  # fmt: skip
_SUFFIX = re.compile(r"(?:[ui](?:8|16|32|64|128|size)|f32|f64)$")
_FIELDS = """
(struct_item name: (type_identifier) @struct
  body: (field_declaration_list
    (field_declaration name: (field_identifier) @field type: (_) @type)))
"""


def suffix_type(node: Node) -> str | None:
    """The suffix of the first suffixed number token of a literal expression."""
    for leaf in leaves(node):
        if leaf.type in ("integer_literal", "float_literal"):
            token = text(leaf).replace("_", "")
            if token[:2].lower() == "0x" and not token.endswith(("size", "8", "16", "32", "64")):
                continue
            found = _SUFFIX.search(token)
            if found:
                return found.group(0)
    return None


def numeric(node: Node | None) -> str | None:
    """``node``'s text when it is a primitive numeric type."""
    if node is None or node.type != "primitive_type":
        return None
    name = text(node)
    return name if name in NUMERIC else None


def struct_fields(root: Node) -> dict[tuple[str, str], str]:
    """(struct, field) -> numeric type, for the structs declared in the file."""
    found: dict[tuple[str, str], str] = {}
    for _, nodes in matches(_FIELDS, root):
        kind = numeric(nodes["type"][0])
        if kind is not None:
            found.setdefault((text(nodes["struct"][0]), text(nodes["field"][0])), kind)
    return found


def _struct_name(initializer: Node) -> str | None:
    """``Foo`` for a field initializer of ``Foo { .. }`` / ``m::Foo { .. }`` / ``Self { .. }``."""
    listing = initializer.parent
    expression = listing.parent if listing is not None else None
    if expression is None or expression.type != "struct_expression":
        return None
    name = expression.child_by_field_name("name")
    while name is not None and name.type in ("scoped_type_identifier", "generic_type"):
        name = name.child_by_field_name("name") or name.child_by_field_name("type")
    return text(name) if name is not None else None


def declared_type(decl: Node, fields: dict[tuple[str, str], str]) -> str | None:
    """The numeric type a ``const``/``static``/``let``/field initializer declares, or a
    function whose whole body is the value returns."""
    if decl.type == "field_initializer":
        struct, field = _struct_name(decl), decl.child_by_field_name("field")
        if struct is None or field is None:
            return None
        if struct == "Self":
            matching = {t for (s, f), t in fields.items() if f == text(field)}
            return matching.pop() if len(matching) == 1 else None
        return fields.get((struct, text(field)))
    if decl.type == "function_item":  # `fn default_attempts() -> usize { 2 }`
        return numeric(decl.child_by_field_name("return_type"))
    return numeric(decl.child_by_field_name("type"))


def array_length(decl: Node, number: object) -> bool:
    """Whether ``decl`` is an associated ``const`` of an impl for an array type ``[T; N]`` and
    ``number`` is that ``N``: ``impl Array for [T; 16] { const CAPACITY: usize = 16; }`` says
    how long the type is, it sets nothing."""
    body = decl.parent
    impl = body.parent if body is not None and body.type == "declaration_list" else None
    if impl is None or impl.type != "impl_item":
        return False
    implemented = impl.child_by_field_name("type")
    if implemented is None or implemented.type != "array_type":
        return False
    length = implemented.child_by_field_name("length")
    return length is not None and text(length).replace("_", "") == str(number)
