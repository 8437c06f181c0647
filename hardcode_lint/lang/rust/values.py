"""The literal a Rust binding's value holds when the literal is wrapped, and the name a fallback
reads.

Rust spells a setting's default with a wrapper more often than bare: an optional setting is
``max_message_size: Some(64 << 20)``, a typed one ``max_idle_timeout: Some(VarInt(10_000))`` or
``max_concurrent_bidi_streams: 100u32.into()``, and a value read from somewhere with a default
is ``self.timeout.unwrap_or(30)`` (Rust's ``opts.get("timeout", 30)``).  The wrapper changes
the type, not the number a team tunes, so the literal inside is the site.
"""

from __future__ import annotations

from hardcode_lint.lang.rust.parser import Node, arguments, text

#: Methods that convert a literal without changing its number: `100u32.into()`.
_CONVERSIONS = frozenset({"into", "try_into", "unwrap", "expect"})
#: The method whose argument is a fallback (contract section 1: "the fallback of a duration- or
#: limit-named value").
FALLBACK = "unwrap_or"
#: Every method whose first argument is a fallback: ``x.map_or(512, f)`` too (trust-dns'
#: ``let max_size = edns.map_or(512, Edns::max_payload)``).
FALLBACKS = (FALLBACK, "map_or")
_DEPTH = 4


def _wrapper_call(node: Node, newtypes: bool = True) -> Node | None:
    """The one argument of ``Some(x)``, of ``NonZeroU32::new(x)`` or (``newtypes``) of a
    newtype constructor ``VarInt(x)`` (a plain CamelCase name: ``Duration::from_secs`` and
    friends are catalogued calls, not wrappers)."""
    function = node.child_by_field_name("function")
    args = node.child_by_field_name("arguments")
    if function is None or args is None:
        return None
    if function.type == "scoped_identifier":  # `NonZeroU32::new(10)` keeps its number
        path = function.child_by_field_name("path")
        named = function.child_by_field_name("name")
        if path is None or named is None or text(named) != "new":
            return None
        if not text(path).rsplit("::", 1)[-1].startswith("NonZero"):
            return None
    elif function.type != "identifier":
        return None
    name = text(function)
    if (
        function.type == "identifier"
        and name != "Some"
        and not (newtypes and name[:1].isupper() and name[1:] != name[1:].upper())
    ):
        return None
    inside = arguments(args)
    return inside[0] if len(inside) == 1 else None


def _converted(node: Node) -> Node | None:
    """The receiver of ``x.into()`` (``x.try_into().unwrap()`` too)."""
    function = node.child_by_field_name("function")
    args = node.child_by_field_name("arguments")
    if function is None or args is None or function.type != "field_expression":
        return None
    field = function.child_by_field_name("field")
    if field is None or text(field) not in _CONVERSIONS or arguments(args):
        return None
    return function.child_by_field_name("value")


def unwrapped(value: Node, newtypes: bool = True) -> Node:
    """``value`` without the wrappers that keep its number (``Some(VarInt(5))`` -> ``5``);
    newtype constructors only with ``newtypes``."""
    for _ in range(_DEPTH):
        if value.type != "call_expression":
            return value
        inner = _wrapper_call(value, newtypes) or _converted(value)
        if inner is None:
            return value
        value = inner
    return value


def read_name(receiver: Node) -> str | None:
    """The name a fallback's receiver reads: ``timeout`` of ``self.timeout``,
    ``config.max_retries()`` or ``timeout`` itself; None for anything else."""
    for _ in range(_DEPTH):
        if receiver.type == "identifier":
            return text(receiver)
        if receiver.type == "field_expression":
            field = receiver.child_by_field_name("field")
            return text(field) if field is not None and field.type == "field_identifier" else None
        if receiver.type != "call_expression":
            return None
        function = receiver.child_by_field_name("function")
        if function is None or function.type != "field_expression":
            return None
        field = function.child_by_field_name("field")
        if field is not None and text(field) not in _CONVERSIONS | {"ok", "clone", "copied"}:
            return text(field)
        inner = function.child_by_field_name("value")
        if inner is None:
            return None
        receiver = inner
    return None


def bound_name(node: Node) -> str | None:
    """The name a value is bound to when ``node`` is the whole value of a ``let``, ``const``,
    ``static`` or struct-literal field (through wrappers: ``timeout: Some(x.unwrap_or(5))``)."""
    for _ in range(_DEPTH):
        parent = node.parent
        if parent is None:
            return None
        if parent.type in ("let_declaration", "const_item", "static_item"):
            if parent.child_by_field_name("value") != node:
                return None
            name = parent.child_by_field_name("pattern") or parent.child_by_field_name("name")
            return text(name) if name is not None and name.type == "identifier" else None
        if parent.type == "field_initializer":
            field = parent.child_by_field_name("field")
            return text(field) if field is not None else None
        if parent.type == "arguments" and parent.parent is not None:
            wrapper = parent.parent
            if wrapper.type != "call_expression" or _wrapper_call(wrapper) != node:
                return None
            node = wrapper
            continue
        if parent.type == "field_expression" and parent.parent is not None:
            if parent.parent.type != "call_expression" or _converted(parent.parent) != node:
                return None
            node = parent.parent
            continue
        return None
    return None
