"""The registry of languages: one row per front end, in the order files are claimed.

Each row names the package whose ``FRONTEND`` implements :class:`hardcode_lint.lang.base.Frontend`.
Front-end packages import their parser (libcst, tree-sitter) only when a file needs it, so
looking a language up here is cheap.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hardcode_lint.lang.base import Frontend

#: language name -> the package holding its front end
LANGUAGES: dict[str, str] = {
    "python": "hardcode_lint.lang.python",
    "rust": "hardcode_lint.lang.rust",
    "go": "hardcode_lint.lang.go",
    "typescript": "hardcode_lint.lang.typescript",
    "javascript": "hardcode_lint.lang.typescript.javascript",
}


def names() -> tuple[str, ...]:
    """Every language this installation knows, in registry order."""
    return tuple(LANGUAGES)


@cache
def frontend(name: str) -> Frontend:
    """The front end of language ``name`` (one of :func:`names`)."""
    found: Frontend = import_module(LANGUAGES[name]).FRONTEND
    return found


@cache
def _by_extension(enabled: tuple[str, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for name in enabled:
        for extension in frontend(name).extensions:
            table.setdefault(extension, name)
    return table


def language_of(filename: str, enabled: tuple[str, ...] | None = None) -> str | None:
    """The language whose extension ``filename`` has, among ``enabled`` (default: all)."""
    dot = filename.rfind(".")
    if dot < 0:
        return None
    return _by_extension(enabled or names()).get(filename[dot:])


def examples_of(code: str) -> list[tuple[str, str]]:
    """(language title, example) for each front end that shows one of ``code``: what
    ``explain`` prints and the codes page lists (``Frontend.code_examples``)."""
    found = []
    for language in names():
        example = frontend(language).code_examples().get(code, "").strip("\n")
        if example:
            found.append((frontend(language).title, example))
    return found
