"""The formatter a Python project uses: black when ``[tool.black]`` is configured, else ruff
when ``[tool.ruff]``, a ``ruff.toml`` or a ``.ruff.toml`` is (the nearest configuration above
the file wins, as for both tools), else ruff with its defaults when it is installed; and
whether formatting changed only layout."""

from __future__ import annotations

import ast
import os
import shutil
import sys
import tomllib
from pathlib import Path

from hardcode_lint.lang.base import FormatCommand


def _tool_of(folder: Path) -> str | None:
    """ "black", "ruff", "" (a pyproject.toml that configures neither: the search stops), or
    None (nothing here: look further up)."""
    if (folder / "ruff.toml").is_file() or (folder / ".ruff.toml").is_file():
        return "ruff"
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return None
    try:
        tool = tomllib.loads(pyproject.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    if "black" in tool:
        return "black"
    return "ruff" if "ruff" in tool else ""


def _which(tool: str) -> str | None:
    """``tool`` on PATH, else beside the running Python (a venv whose ``bin`` is not on PATH,
    as when the tool is run by its full path)."""
    found = shutil.which(tool)
    if found is None:
        beside = Path(sys.executable).parent / tool
        found = str(beside) if beside.is_file() and os.access(beside, os.X_OK) else None
    return found


def python_formatter(root: Path, path: str) -> FormatCommand | None:
    folder = (root / path).parent
    while True:
        tool = _tool_of(folder)
        if tool is not None or folder == root or folder.parent == folder:
            break
        folder = folder.parent
    program = _which(tool) if tool else None
    if not tool or program is None:
        # Nothing configured (or black missing): ruff's defaults are black's, and only a file
        # ruff already accepts is formatted after the fix, so this touches the new lines only.
        tool, program = "ruff", _which("ruff")
        if program is None:
            return None
    name = str((root / path).relative_to(folder)) if (root / path).is_relative_to(folder) else path
    if tool == "black":
        return FormatCommand("black", (program, "-q", "--stdin-filename", name, "-"), folder)
    argv = (program, "format", "--force-exclude", "--stdin-filename", name, "-")
    return FormatCommand("ruff format", argv, folder)


def same_python(before: bytes, after: bytes) -> bool:
    """Same syntax tree (positions, parentheses, quotes and trailing commas are layout)."""
    try:
        return ast.dump(ast.parse(before)) == ast.dump(ast.parse(after))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
