"""rustfmt for any crate, with the crate's edition (read from its Cargo.toml, the workspace's
when the crate inherits it) and the project's ``rustfmt.toml`` (rustfmt finds it from the
file's folder up); and whether formatting changed only layout."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path
from typing import Any

from hardcode_lint.lang.base import FormatCommand
from hardcode_lint.lang.rust.parser import count_errors, leaves, parse, text


def _manifest(path: Path) -> dict[str, Any] | None:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


def _workspace_edition(folder: Path) -> str | None:
    for parent in folder.parents:
        data = _manifest(parent / "Cargo.toml") if (parent / "Cargo.toml").is_file() else None
        edition = ((data or {}).get("workspace") or {}).get("package", {}).get("edition")
        if isinstance(edition, str):
            return edition
    return None


def edition_of(file: Path) -> str:
    """The edition of the crate holding ``file`` (Cargo's default, 2015, when none is set)."""
    for folder in file.parents:
        data = _manifest(folder / "Cargo.toml") if (folder / "Cargo.toml").is_file() else None
        package = (data or {}).get("package")
        if not isinstance(package, dict):
            continue
        edition = package.get("edition", "2015")
        if isinstance(edition, dict) and edition.get("workspace"):
            edition = _workspace_edition(folder) or "2015"
        return edition if isinstance(edition, str) else "2015"
    return "2015"


def rust_formatter(root: Path, path: str) -> FormatCommand | None:
    program = shutil.which("rustfmt")
    if program is None:
        return None
    file = root / path
    argv = (program, "--edition", edition_of(file), "--emit", "stdout")
    return FormatCommand("rustfmt", argv, file.parent)


#: Tokens rustfmt adds or drops without changing the code: trailing commas, and the braces
#: it puts around a match arm's body when it wraps it (`X => { long_call(...) }`).
_LAYOUT = frozenset({",", "{", "}"})


def _tokens(data: bytes) -> tuple[int, list[str]] | None:
    tree = parse(data.removeprefix(b"\xef\xbb\xbf"))
    words = sorted(text(leaf) for leaf in leaves(tree.root_node) if leaf.type not in _LAYOUT)
    return count_errors(tree.root_node), words


def same_rust(before: bytes, after: bytes) -> bool:
    """No more syntax errors and the same tokens (trailing commas and a match arm's braces are
    layout; rustfmt may sort ``use`` lines, so order is not compared)."""
    old, new = _tokens(before), _tokens(after)
    return old is not None and new is not None and new[0] <= old[0] and new[1] == old[1]
