"""Suppression: comments (``hardcode-lint: ignore`` and ``noqa`` / ``noqa: HCL101`` after the
language's line-comment marker, ``#`` in Python, ``//`` in Rust) and ``per-file-ignores``.

A suppressed finding is not listed by ``scan`` and never fails ``check``, but it is still a
site: the report counts it as kept, so silencing a literal does not read as migrating it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pathspec

from hardcode_lint.discover.globs import compile_globs

_NOQA = r"{}\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]*(?:[\s,]+[A-Z]+[0-9]*)*))?"
_IGNORE = r"{}\s*hardcode-lint:\s*ignore\b"
IGNORE_COMMENT = "hardcode-lint: ignore"  # after the language's comment marker


#: Languages whose line comments start ``//`` have ``/* ... */`` block comments too, the only
#: comment a JSX child can hold (``<Poller interval={5000} /> {/* hardcode-lint: ignore */}``).
_BLOCK = {"//": "/*"}


@lru_cache(maxsize=8)
def _patterns(comment: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    marker = re.escape(comment)
    if comment in _BLOCK:
        marker = f"(?:{marker}|{re.escape(_BLOCK[comment])})"
    return re.compile(_IGNORE.format(marker), re.I), re.compile(_NOQA.format(marker), re.I)


def is_suppressed(line: str, code: str, comment: str = "#") -> bool:
    """Whether the source ``line`` carries a comment that silences ``code`` on it."""
    return suppression(line, code, comment) is not None


def suppression(line: str, code: str, comment: str = "#") -> str | None:
    """Why ``code`` is silenced on the source ``line`` (the report counts such a finding as
    kept, with this reason), or None.

    A bare ``# noqa`` silences everything, as in flake8 and ruff; ``# noqa: E501`` silences
    only the codes it lists, so it does not hide our findings.
    """
    if comment not in line and _BLOCK.get(comment, comment) not in line:
        return None
    ignore, noqa = _patterns(comment)
    if ignore.search(line):
        return f"`{comment} hardcode-lint: ignore` comment"
    for match in noqa.finditer(line):
        codes = match.group("codes")
        if codes is None:
            return f"`{comment} noqa` comment"
        if any(code.startswith(c.upper()) for c in re.split(r"[\s,]+", codes) if c):
            return f"`{comment} noqa: {code}` comment"
    return None


def ignored_by(path: str, code: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The ``per-file-ignores`` glob that ignores ``code`` in ``path`` (as ruff has them:
    ``"tests/**" = ["HCL"]``), or None."""
    for glob, prefixes in table:
        if code.startswith(prefixes) and _glob(glob).match_file(path):
            return glob
    return None


@lru_cache(maxsize=64)
def _glob(glob: str) -> pathspec.PathSpec[Any]:
    """As ruff reads them: a glob without ``/`` names a file anywhere (``"generated_*"``),
    one with ``/`` is anchored at the root (``"tests/**"``)."""
    return compile_globs([glob if "/" in glob else "**/" + glob])
