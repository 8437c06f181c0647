"""Making a settings read fit the site's type.

A setting whose site said nothing of its type is generated as ``u64``/``i64``/``f64``; where the
site holds another type (``ttl.max(1)`` on a ``usize``, a field of a struct declared elsewhere)
the read is written ``EXPR as _``, so that the site's own type is inferred.  That inference
needs the type from outside the cast: a method's receiver (``5.max(x)``) or a binary operation's
left operand (``5 < x``) has none, and is refused; an untyped ``let`` keeps the setting's type;
a literal already cast (``100 as u32``) keeps its cast.
"""

from __future__ import annotations

from hardcode_lint.lang.rust.parser import Node

#: Parents in which ``EXPR as _`` needs no parentheses.
_BARE = frozenset({
    "arguments", "field_initializer", "let_declaration", "assignment_expression",
    "compound_assignment_expr", "array_expression", "tuple_expression", "return_expression",
    "block", "const_item", "static_item", "range_expression",
})  # fmt: skip


def _site(root: Node, start: int, end: int) -> Node | None:
    """The outermost node spanning exactly ``start..end``."""
    node = root.descendant_for_byte_range(start, end)
    while (node is not None and node.parent is not None
           and node.parent.start_byte == start and node.parent.end_byte == end):  # fmt: skip
        node = node.parent
    return node


def fitted(root: Node, start: int, end: int, read: str,
           value_type: str | None) -> tuple[str | None, str | None]:  # fmt: skip
    """(the text to splice, or None with the reason it cannot fit)."""
    node = _site(root, start, end)
    parent = node.parent if node is not None else None
    if value_type is not None or node is None or parent is None:
        return read, None
    kind = parent.type
    if kind == "type_cast_expression":
        return read, None
    if kind == "let_declaration" and parent.child_by_field_name("type") is None:
        return read, None
    if kind == "field_expression" and parent.child_by_field_name("value") == node:
        method = parent.child_by_field_name("field")
        name = method.text.decode() if method is not None and method.text else "method"
        return None, (
            f"the literal is the receiver of `.{name}(..)`: its type comes from the other"
            f" operand; write it as the argument (`x.{name}(..)`) first"
        )
    if kind == "binary_expression" and parent.child_by_field_name("left") == node:
        return None, ("the literal is the left operand of an operator, whose type Rust cannot"
                      " infer from a cast; swap the operands first")  # fmt: skip
    cast = f"{read} as _"
    return (cast if kind in _BARE else f"({cast})"), None
