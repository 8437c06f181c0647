"""rustfmt for any crate, with the crate's edition (read from its Cargo.toml, the workspace's
when the crate inherits it) and the project's ``rustfmt.toml`` (rustfmt finds it from the
file's folder up); and whether formatting changed only layout."""

from __future__ import annotations

import shutil
from pathlib import Path

from hardcode_lint.lang.base import FormatCommand
from hardcode_lint.lang.rust.parser import count_errors, leaves, parse, text
from hardcode_lint.lang.rust.targets import crate_of


def rust_formatter(root: Path, path: str) -> FormatCommand | None:
    program = shutil.which("rustfmt")
    if program is None:
        return None
    file = root / path
    crate = crate_of(root, path)
    argv = (program, "--edition", crate.edition if crate else "2015", "--emit", "stdout")
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
