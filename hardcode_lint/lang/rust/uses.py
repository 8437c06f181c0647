"""``use`` declarations: which path each name in a file stands for.

``use std::{cmp, time::Duration as Dur};`` binds ``cmp`` to ``std::cmp`` and ``Dur`` to
``std::time::Duration``; a callee ``Dur::from_secs`` then resolves to
``std::time::Duration::from_secs``.  Glob imports bind nothing (the catalog matches paths by
suffix, so ``Duration::from_secs`` is found however ``Duration`` arrived).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from hardcode_lint.lang.rust.parser import Node, text


def _path(node: Node) -> str:
    return "".join(text(node).split())


def bindings(tree: Node, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(bound name, full path) for every name a use tree binds."""
    kind = tree.type
    if kind in ("identifier", "scoped_identifier", "self", "crate", "super"):
        written = _path(tree)
        full = f"{prefix}::{written}" if prefix else written
        if written == "self":
            full = prefix
        name = full.rsplit("::", 1)[-1]
        if name and name not in ("self", "super", "crate"):
            yield name, full
    elif kind == "use_as_clause":
        path, alias = tree.child_by_field_name("path"), tree.child_by_field_name("alias")
        if path is not None and alias is not None and text(alias) != "_":
            full = f"{prefix}::{_path(path)}" if prefix else _path(path)
            yield text(alias), full.removesuffix("::self")
    elif kind == "scoped_use_list":
        path, items = tree.child_by_field_name("path"), tree.child_by_field_name("list")
        inner = _path(path) if path is not None else ""
        if items is not None:
            yield from bindings(
                items, f"{prefix}::{inner}" if prefix and inner else prefix or inner
            )
    elif kind == "use_list":
        for child in tree.named_children:
            yield from bindings(child, prefix)


def file_uses(trees: Iterable[Node]) -> dict[str, str]:
    """Every name the ``use`` trees bind (the first binding of a name wins)."""
    found: dict[str, str] = {}
    for tree in trees:
        for name, path in bindings(tree):
            found.setdefault(name, path)
    return found


def resolve(path: str, uses: dict[str, str]) -> str:
    """``Dur::from_secs`` -> ``std::time::Duration::from_secs`` through ``uses``."""
    head, sep, rest = path.partition("::")
    base = uses.get(head)
    if base is None:
        return path
    return f"{base}{sep}{rest}" if sep else base
