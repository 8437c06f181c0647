"""Which local name stands for which module export: ES ``import`` declarations (default,
named, namespace, aliases) and CommonJS ``require`` bindings, so that a callee reads as
``module.export`` (``axios.get``, ``timers/promises.setTimeout``, ``pg.Pool``).

A default or namespace import stands for the module itself (``import axios from "axios"``:
``axios.get``); a ``node:`` prefix is dropped (``node:timers/promises`` is ``timers/promises``).
Globals the runtime provides (``setTimeout``, ``Math``) resolve to themselves, unless the file
declares the name itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hardcode_lint.lang.typescript.parser import Node, name_of, named, string_value, text

#: Objects whose members are the globals (`window.setTimeout` is `setTimeout`).
GLOBAL_OBJECTS = frozenset({"window", "globalThis", "global", "self"})
_DECLARATIONS = frozenset({"function_declaration", "generator_function_declaration",
                           "class_declaration", "variable_declarator", "required_parameter",
                           "optional_parameter", "formal_parameters"})  # fmt: skip


def module_name(raw: str) -> str:
    return raw.removeprefix("node:")


def _import_clause(clause: Node, module: str, table: dict[str, str]) -> None:
    for part in named(clause):
        if part.type == "identifier":
            table[text(part)] = module
        elif part.type == "namespace_import":
            for name in named(part):
                table[text(name)] = module
        elif part.type == "named_imports":
            for spec in named(part):
                original = name_of(spec.child_by_field_name("name"))
                alias = spec.child_by_field_name("alias")
                local = name_of(alias) if alias is not None else original
                if original and local:
                    table[local] = module if original == "default" else f"{module}.{original}"


def required(node: Node | None) -> str | None:
    """The qualified name a ``require("m")`` (or ``require("m").a.b``) expression stands for."""
    members: list[str] = []
    while node is not None and node.type == "member_expression":
        prop = node.child_by_field_name("property")
        members.insert(0, text(prop) if prop is not None else "")
        node = node.child_by_field_name("object")
    if node is None or node.type != "call_expression":
        return None
    function, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
    if function is None or text(function) != "require" or args is None:
        return None
    values = named(args)
    module = string_value(values[0]) if len(values) == 1 else None
    if module is None:
        return None
    return ".".join([module_name(module), *members])


def _require(declarator: Node, table: dict[str, str]) -> None:
    target = declarator.child_by_field_name("name")
    qualified = required(declarator.child_by_field_name("value"))
    if target is None or qualified is None:
        return
    if target.type == "identifier":
        table[text(target)] = qualified
        return
    if target.type != "object_pattern":
        return
    for part in named(target):
        if part.type == "shorthand_property_identifier_pattern":
            table[text(part)] = f"{qualified}.{text(part)}"
        elif part.type == "pair_pattern":
            key, value = part.child_by_field_name("key"), part.child_by_field_name("value")
            if key is not None and value is not None and value.type == "identifier":
                table[text(value)] = f"{qualified}.{name_of(key)}"


def import_table(root: Node) -> dict[str, str]:
    """Local name -> ``module`` or ``module.export``, for the file's module-level imports."""
    table: dict[str, str] = {}
    for statement in root.named_children:
        if statement.type == "import_statement":
            source = statement.child_by_field_name("source")
            module = string_value(source) if source is not None else None
            for clause in named(statement):
                if clause.type == "import_clause" and module is not None:
                    _import_clause(clause, module_name(module), table)
        elif statement.type in ("lexical_declaration", "variable_declaration"):
            for declarator in named(statement):
                if declarator.type == "variable_declarator":
                    _require(declarator, table)
    return table


def _declares(node: Node, name: str) -> bool:
    parent = node.parent
    if parent is None or text(node) != name:
        return False
    if parent.type == "variable_declarator":
        return parent.child_by_field_name("name") == node
    return parent.type in _DECLARATIONS


@lru_cache(maxsize=64)
def _standalone(name: str) -> re.Pattern[bytes]:
    """``name`` as a whole word, not a member (``x.name``).  The look-behind comes after the
    name (an equal test: the name is known to be there) so the search starts from the name's
    bytes rather than trying every position: several times faster on a large file."""
    word = re.escape(name.encode())
    return re.compile(word + rb"(?<![\w$.]" + word + rb")(?![\w$])")


def declared(root: Node, names: frozenset[str], data: bytes) -> frozenset[str]:
    """Which of ``names`` the file declares itself (a function, a binding, a parameter): such
    a name is not the global (a local ``function setTimeout`` is not the timer)."""
    found: set[str] = set()
    for name in names:
        for match in _standalone(name).finditer(data):
            node = root.descendant_for_byte_range(match.start(), match.end())
            if node is not None and _declares(node, name):
                found.add(name)
                break
    return frozenset(found)


def resolve(callee: Node, table: dict[str, str], shadowed: frozenset[str]) -> str:
    """A callee as ``module.export.member`` when its head is imported, the global's name when
    it is a global (``window.setTimeout`` is ``setTimeout``), else as written."""
    parts: list[str] = []
    node: Node | None = callee
    while node is not None and node.type == "member_expression":
        prop = node.child_by_field_name("property")
        parts.insert(0, text(prop) if prop is not None else "")
        node = node.child_by_field_name("object")
    if node is None:
        return "".join(text(callee).split())
    head = text(node)
    if node.type == "identifier" and head in table:
        return ".".join([table[head], *parts])
    if node.type == "identifier" and head in GLOBAL_OBJECTS and parts and parts[0] not in shadowed:
        return ".".join(parts)
    if node.type in ("identifier", "this") and all(parts):
        return ".".join([head, *parts])
    return "".join(text(callee).split())
