"""Reading a generated Python settings module back: its keys, their types and comments.

``check`` needs the keys a module defines (a ``settings.a.b`` read of a key the module lacks is
an AttributeError waiting at run time), and regenerating keeps a key's type and unit comment
when the rules no longer carry them (a migrated rule has no literal left to say them).
"""

from __future__ import annotations

import ast

from hardcode_lint.lang.python.settings_module import ROOT_CLASS
from hardcode_lint.parse.source import is_generated

Keys = dict[str, tuple[str | None, str | None]]


def _comment(lines: list[str], node: ast.AnnAssign) -> str | None:
    """The comment after ``node`` on its last line (``# seconds`` -> ``seconds``), or after
    its value where a formatter wrapped it (``x: int = (\n    3  # seconds\n)``: ruff
    format's layout of a long line)."""
    for end in (node, node.value):
        if end is None:
            continue
        line = lines[(end.end_lineno or end.lineno) - 1]
        rest = line.encode("utf-8")[end.end_col_offset or 0 :].decode("utf-8", "replace")
        hash_at = rest.find("#")
        if hash_at >= 0 and rest[hash_at + 1 :].strip():
            return rest[hash_at + 1 :].strip()
    return None


def _walk(
    cls: ast.ClassDef, classes: dict[str, ast.ClassDef], lines: list[str], path: str, into: Keys
) -> None:
    for node in cls.body:
        if not isinstance(node, ast.AnnAssign) or not isinstance(node.target, ast.Name):
            continue
        kind = node.annotation.id if isinstance(node.annotation, ast.Name) else None
        key = f"{path}{node.target.id}"
        if kind in classes and path.count(".") < len(classes):
            _walk(classes[kind], classes, lines, f"{key}.", into)
        else:
            into[key] = (kind, _comment(lines, node))


def settings_keys(text: str) -> Keys:
    """Each key of the generated module ``text`` with its type and comment (see the module
    docstring); empty when ``text`` is not generated settings or does not parse."""
    if not is_generated(text):
        return {}
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return {}
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    used = {
        n.annotation.id
        for c in classes.values()
        for n in c.body
        if isinstance(n, ast.AnnAssign) and isinstance(n.annotation, ast.Name)
    }
    roots = [name for name in classes if name not in used]
    root = ROOT_CLASS if ROOT_CLASS in roots else (roots[0] if roots else None)
    keys: Keys = {}
    if root is not None:
        _walk(classes[root], classes, text.splitlines(), "", keys)
    return keys
