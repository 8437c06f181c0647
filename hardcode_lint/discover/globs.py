"""Glob matching as the contract defines it: gitignore-style, anchored at the project root.

``path = "m.txt"`` is the root's ``m.txt`` only; ``*`` stays inside one folder and ``**`` spans any
number of folders.  pathspec implements gitignore's wildmatch; anchoring is a leading ``/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pathspec


class GlobError(ValueError):
    """A pattern that cannot be compiled."""


def anchored(pattern: str) -> str:
    return pattern if pattern.startswith(("/", "**/")) or pattern == "**" else "/" + pattern


def compile_globs(patterns: Iterable[str]) -> pathspec.PathSpec[Any]:
    """A matcher for root-relative posix paths; raises :class:`GlobError` on a bad pattern."""
    try:
        return pathspec.PathSpec.from_lines("gitignore", [anchored(p) for p in patterns])
    except (ValueError, TypeError) as exc:
        raise GlobError(str(exc)) from None
