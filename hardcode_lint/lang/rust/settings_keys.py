"""The keys a generated Rust settings module defines, read back from its text.

Format-agnostic on purpose: whatever else the generator writes (``impl Default``, a loader,
``OnceLock``), the keys are the field paths of the struct tree from the root struct down: a
field whose type is another struct of the module is a section, any other field a key.
"""

from __future__ import annotations

from hardcode_lint.lang.rust.parser import GRAMMAR
from hardcode_lint.lang.treesitter import Node, text

_STRUCTS = "(struct_item name: (type_identifier) @name body: (field_declaration_list) @body)"


def _structs(tree: Node) -> dict[str, dict[str, tuple[str, int]]]:
    """Struct name -> field name -> (type text, 1-based line)."""
    found: dict[str, dict[str, tuple[str, int]]] = {}
    for _, captures in GRAMMAR.matches(_STRUCTS, tree):
        name, body = captures["name"][0], captures["body"][0]
        fields = {}
        for field in body.named_children:
            if field.type != "field_declaration":
                continue
            ident, kind = field.child_by_field_name("name"), field.child_by_field_name("type")
            if ident is not None and kind is not None:
                fields[text(ident)] = (text(kind), field.start_point[0] + 1)
        found[text(name)] = fields
    return found


def _root(structs: dict[str, dict[str, tuple[str, int]]]) -> str | None:
    held = {kind for fields in structs.values() for kind, _ in fields.values()}
    roots = [name for name in structs if name not in held]
    if len(roots) == 1:
        return roots[0]
    return "Settings" if "Settings" in roots else None


def key_lines(source: str) -> dict[str, tuple[str, int]]:
    """Each key with its type's text and the 1-based line of its field."""
    structs = _structs(GRAMMAR.parse(source.encode("utf-8", "surrogateescape")).root_node)
    root = _root(structs)
    keys: dict[str, tuple[str, int]] = {}
    todo: list[tuple[str, str, tuple[str, ...]]] = [(root, "", ())] if root else []
    while todo:
        name, path, above = todo.pop()
        for field, (kind, line) in structs[name].items():
            if kind not in structs:
                keys[path + field] = (kind, line)
            elif kind not in above:
                todo.append((kind, f"{path}{field}.", (*above, name)))
    return keys


def settings_keys(source: str) -> dict[str, tuple[str, str]]:
    """Each key the module defines, with its type and its comment ("" here)."""
    return {key: (kind, "") for key, (kind, _) in key_lines(source).items()}
