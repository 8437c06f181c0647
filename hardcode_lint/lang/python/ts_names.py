"""Names read off tree-sitter-python nodes, as the ``ast`` pre-pass reads them off its nodes.

``time.sleep`` has the last name ``sleep`` and the root ``time``; ``self._loop.start`` the
member ``_loop``; ``a = b = 5`` two targets; ``"timeout"`` the key text ``timeout``.  Parentheses
around a name are looked through, as ``ast`` never sees them.
"""

from __future__ import annotations

from collections.abc import Iterable

from hardcode_lint.lang.python.sitter import Node, text


def unwrapped(node: Node) -> Node:
    while node.type == "parenthesized_expression" and node.named_child_count == 1:
        node = node.named_children[0]
    return node


def line_of(node: Node) -> int:
    """The 1-based line a node starts on."""
    return node.start_point.row + 1


def last_name(node: Node) -> str | None:
    node = unwrapped(node)
    if node.type == "identifier":
        return text(node)
    if node.type == "attribute":
        attribute = node.child_by_field_name("attribute")
        return text(attribute) if attribute is not None else None
    return None


def subscript_key(node: Node) -> str | None:
    """``"expires_days"`` of ``cookie_kwargs["expires_days"]``: an entry set by its key."""
    if node.type != "subscript":
        return None
    key = node.child_by_field_name("subscript")
    return key_name(key) if key is not None else None


def key_name(key: Node) -> str | None:
    """What a key names: a string's text, or a name's or an attribute's last name
    (``cst_literals.key_name``)."""
    return string_key(key) if key.type == "string" else last_name(key)


def _innermost(node: Node, fields: dict[str, str]) -> Node | None:
    """``node`` followed down through ``fields`` (a node type -> the field to follow)."""
    node = unwrapped(node)
    while node.type in fields:
        inner = node.child_by_field_name(fields[node.type])
        if inner is None:
            return None
        node = unwrapped(inner)
    return node


def operand_name(node: Node) -> str | None:
    """What a product multiplies: ``delay`` of ``delay``, ``self.delay``, ``delay[key]`` and
    ``(delay[key] or 0.1)`` (huey's ``(delay[r.id] or 0.1) * backoff``)."""
    inner = _innermost(node, {"subscript": "value", "boolean_operator": "left"})
    return last_name(inner) if inner is not None else None


def root_name(node: Node) -> str | None:
    """The first name of ``a.b().c``: the binding every callee's resolution starts from."""
    inner = _innermost(node, {"attribute": "object", "call": "function", "subscript": "value"})
    return text(inner) if inner is not None and inner.type == "identifier" else None


def field_text(node: Node, name: str) -> str | None:
    child = node.child_by_field_name(name)
    return text(child) if child is not None and child.type == "identifier" else None


def receiver_member(function: Node) -> str | None:
    """``_loop`` for a method called on ``self._loop`` (any ``name.x.method``)."""
    function = unwrapped(function)
    inner = function.child_by_field_name("object") if function.type == "attribute" else None
    inner = unwrapped(inner) if inner is not None else None
    if inner is None or inner.type != "attribute":
        return None
    base = inner.child_by_field_name("object")
    if base is None or unwrapped(base).type != "identifier":
        return None
    attribute = inner.child_by_field_name("attribute")
    return text(attribute) if attribute is not None else None


def chained_targets(assignment: Node) -> Iterable[Node]:
    """``a = b = 5``: tree-sitter nests the assignments; ``ast`` lists both targets."""
    node: Node | None = assignment
    while node is not None and node.type == "assignment":
        target = node.child_by_field_name("left")
        if target is not None:
            yield target
        parent = node.parent
        node = (
            parent if parent is not None and parent.child_by_field_name("right") == node else None
        )


def string_key(node: Node) -> str | None:
    """A plain string key's text (``"timeout"``); None for f-strings and concatenations."""
    content = [c for c in node.named_children if c.type == "string_content"]
    if len(content) != 1 or any(c.type == "interpolation" for c in node.named_children):
        return None
    return text(content[0])


def holds_one_literal(value: Node, kind: str) -> bool:
    """``_limit = [10]``: a one-element list assigned to a name (judged by the detector)."""
    return kind == "assignment" and value.type == "list" and value.named_child_count == 1


def enclosing_class(assignment: Node) -> str | None:
    """The class whose body holds ``assignment`` as a statement of its own, if any."""
    node = assignment
    while node.parent is not None and node.parent.type == "assignment":  # `a = b = 5`
        node = node.parent
    statement = node.parent
    if statement is None or statement.type != "expression_statement":
        return None
    block = statement.parent
    owner = block.parent if block is not None else None
    if owner is None or owner.type != "class_definition":
        return None
    return field_text(owner, "name")
