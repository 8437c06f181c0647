"""A Go file's imports: which name stands for which package path, and the name goimports
assumes for a path (``github.com/redis/go-redis/v9`` -> ``redis``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hardcode_lint.lang.go.parser import Node, text

_VERSION = re.compile(r"^v[0-9]+$")
_NOT_IDENTIFIER = re.compile(r"[^A-Za-z0-9_]")


def assumed_name(path: str) -> str:
    """The package name goimports infers from an import path (its last element, a ``/vN``
    element skipped, a ``go-`` prefix and anything from the first non-identifier dropped)."""
    parts = path.split("/")
    base = parts[-1]
    if _VERSION.match(base) and len(parts) > 1:
        base = parts[-2]
    base = base.removeprefix("go-")
    return _NOT_IDENTIFIER.split(base, 1)[0]


@dataclass(frozen=True, slots=True)
class Import:
    name: str  # the name the file uses ("" for `_` and `.` imports)
    path: str
    node: Node  # the import_spec


def file_imports(root: Node) -> list[Import]:
    """Every import spec of the file, in order."""
    found: list[Import] = []
    for declaration in root.named_children:
        if declaration.type != "import_declaration":
            continue
        for spec in _specs(declaration):
            path_node = spec.child_by_field_name("path")
            if path_node is None:
                continue
            path = text(path_node).strip('"`')
            alias = spec.child_by_field_name("name")
            name = text(alias) if alias is not None else assumed_name(path)
            found.append(Import("" if name in ("_", ".") else name, path, spec))
    return found


def _specs(declaration: Node) -> list[Node]:
    specs = [c for c in declaration.named_children if c.type == "import_spec"]
    for child in declaration.named_children:
        if child.type == "import_spec_list":
            specs.extend(c for c in child.named_children if c.type == "import_spec")
    return specs


def import_table(root: Node) -> dict[str, str]:
    """The name -> path table of the file's imports."""
    return {i.name: i.path for i in file_imports(root) if i.name}


def resolve(node: Node, imports: dict[str, str]) -> tuple[str, str]:
    """A callee or type as ``import/path.Name`` when its head is an imported package, else as
    written (``s.client.Set``, ``Options``); and its short form ``name.Name`` (the import's
    alias or assumed name), which the catalog is keyed by."""
    if node.type in ("selector_expression", "qualified_type"):
        head = node.child_by_field_name("operand") or node.child_by_field_name("package")
        tail = node.child_by_field_name("field") or node.child_by_field_name("name")
        if head is not None and tail is not None and head.type in _HEADS:
            path = imports.get(text(head))
            if path is not None:
                return f"{path}.{text(tail)}", f"{assumed_name(path)}.{text(tail)}"
    if node.type in ("generic_type", "pointer_type", "parenthesized_expression"):
        inner = node.child_by_field_name("type") or next(reversed(node.named_children), None)
        if inner is not None:
            return resolve(inner, imports)
    written = "".join(text(node).split())
    return written, written


_HEADS = frozenset({"identifier", "package_identifier"})
