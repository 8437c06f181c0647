"""prettier, when the project configures it (a ``.prettierrc*``, a ``prettier.config.*`` or a
``prettier`` key in ``package.json``) and it is installed (in ``node_modules/.bin`` above the
file, or on PATH); and the check that formatting changed layout only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hardcode_lint.lang.base import FormatCommand
from hardcode_lint.lang.typescript.parser import (
    Node,
    count_errors,
    leaves,
    parse,
    string_value,
    text,
)

_CONFIGS = (".prettierrc", ".prettierrc.json", ".prettierrc.yaml", ".prettierrc.yml",
            ".prettierrc.json5", ".prettierrc.js", ".prettierrc.cjs", ".prettierrc.mjs",
            ".prettierrc.toml", "prettier.config.js", "prettier.config.cjs",
            "prettier.config.mjs")  # fmt: skip


def _configured(folder: Path) -> bool:
    if any((folder / name).is_file() for name in _CONFIGS):
        return True
    try:
        manifest = json.loads((folder / "package.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "prettier" in manifest


def prettier(root: Path, path: str) -> FormatCommand | None:
    """The prettier command for the root-relative ``path``, or None."""
    file = (root / path).resolve()
    folders = [f for f in file.parents if f == root or f.is_relative_to(root)]
    if not any(_configured(folder) for folder in folders):
        return None
    local = [f / "node_modules/.bin/prettier" for f in folders]
    binary = next((str(b) for b in local if b.is_file()), shutil.which("prettier"))
    if binary is None:  # a fresh clone before `npm install`: say so, do not pass it over
        return FormatCommand("prettier", (), root, missing=_MISSING)
    return FormatCommand("prettier", (binary, "--stdin-filepath", str(file)), root)


_MISSING = (
    "the project configures prettier but it is not installed (no node_modules/.bin/prettier, "
    "none on PATH): the changed files are not formatted; run `npm install` and fix again, or "
    "`npx prettier --write` on them"
)


def _tokens(node: Node) -> list[str]:
    """Tokens a formatter cannot change the meaning of left out (semicolons, commas,
    parentheses), strings by their content (prettier changes quotes)."""
    found = []
    for leaf in leaves(node):
        if leaf.type in (";", ",", "(", ")"):
            continue
        if leaf.type == "template_string":  # its `${...}` are code, laid out (quotes too)
            found += [text(c) if c.type != "template_substitution" else " ".join(_tokens(c))
                      for c in leaf.children]  # fmt: skip
            continue
        value = string_value(leaf)
        found.append(value if value is not None else text(leaf))
    return found


def same_script(before: bytes, after: bytes) -> bool:
    """Whether ``after`` parses and holds ``before``'s tokens (prettier changes layout), read
    with the grammar that reads ``before`` best (the protocol does not name the file)."""
    flavour = min(("ts", "tsx", "js"), key=lambda f: count_errors(parse(before, f)))
    old, new = parse(before, flavour), parse(after, flavour)
    if count_errors(new) > count_errors(old):
        return False
    return _tokens(old) == _tokens(new)
