"""The keys a generated Python settings module defines, read back from its text.

Format-agnostic on purpose: whatever else the generator writes (loaders, overrides), the keys
are the attribute paths of the record tree from the exported object down: classes whose
annotated fields are either another class of the module (a section) or a value (a key).
"""

from __future__ import annotations

import ast


def _classes(tree: ast.Module) -> dict[str, dict[str, tuple[str, int]]]:
    """Class name -> field name -> (annotation text, line)."""
    found: dict[str, dict[str, tuple[str, int]]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = {
                item.target.id: (ast.unparse(item.annotation).strip("'\""), item.lineno)
                for item in node.body
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
            }
    return found


def _root(tree: ast.Module, classes: dict[str, dict[str, tuple[str, int]]]) -> str | None:
    """The class of the exported object: ``settings: Settings = ...`` or ``settings =
    Settings(...)``; else the one class no other class holds."""
    for node in tree.body:
        if isinstance(node, ast.AnnAssign):
            named = ast.unparse(node.annotation).strip("'\"")
            if named in classes:
                return named
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            called = node.value.func
            if isinstance(called, ast.Name) and called.id in classes:
                return called.id
    held = {kind for fields in classes.values() for kind, _ in fields.values()}
    roots = [name for name in classes if name not in held]
    return roots[0] if len(roots) == 1 else None


def key_lines(text: str) -> dict[str, tuple[str, int]]:
    """Each key with its type's text and the 1-based line that defines it."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return {}
    classes = _classes(tree)
    root = _root(tree, classes)
    keys: dict[str, tuple[str, int]] = {}
    todo: list[tuple[str, str, tuple[str, ...]]] = [(root, "", ())] if root else []
    while todo:
        name, path, above = todo.pop()
        for field, (kind, line) in classes[name].items():
            if kind not in classes:
                keys[path + field] = (kind, line)
            elif kind not in above:  # a class holding itself defines no key
                todo.append((kind, f"{path}{field}.", (*above, name)))
    return keys


def settings_keys(text: str) -> dict[str, tuple[str, str]]:
    """Each key the module defines, with its type and its comment ("" here)."""
    return {key: (kind, "") for key, (kind, _) in key_lines(text).items()}
