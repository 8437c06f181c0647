"""Python as a :class:`~hardcode_lint.lang.base.Frontend`: the table of where each hook lives
in this folder, and what Python does its own way.

Nothing heavy is imported here: libcst loads when a file is first parsed, so that looking the
language up (discovery, ``--version``, a warm cached run) stays cheap.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from hardcode_lint.lang.treesitter import FrontendBase

TEST_PATHS = ("tests/**", "**/tests/**", "**/test_*.py", "**/*_test.py", "**/conftest.py")


#: files that make a folder a Python project; a pyproject.toml only with one of these tables
#: (one holding nothing but tools' settings, [tool.hardcode-lint] included, declares nothing)
MANIFESTS = ("pyproject.toml", "setup.py", "setup.cfg")
PROJECT_TABLES = ("project", "build-system")


class PythonFrontend(FrontendBase):
    """Python's hooks, and what it does its own way: libcst warmed, PEP 263 decoding, a
    ``pyproject.toml`` that must declare a project, ``ast`` checking rules' code, dotted
    module names."""

    name = "python"
    title = "Python"
    package = "hardcode_lint.lang.python"
    hooks: ClassVar[Mapping[str, str]] = {
        "decode": "source.decode_source", "detect": "detect.detect_python",
        "normalise": "tokens.normalise_text", "replacement_text": "apply.replacement_text",
        "apply": "apply.apply_python", "formatter": "formatter.python_formatter",
        "same_code": "formatter.same_python", "settings_module": "settings_module.python_settings",
        "reserved_names": "settings_module.RESERVED", "site_steps": "site_steps.site_steps",
    }  # fmt: skip
    extensions: tuple[str, ...] = (".py",)
    test_paths: tuple[str, ...] = TEST_PATHS
    comment = "#"
    skip_dirs = frozenset({"__pycache__", "site-packages"})
    scope_separator = "."
    doc_anchor = "what-is-a-finding"

    def warm(self) -> None:
        import libcst  # noqa: F401

    def project_manifest(self, folder: Path) -> str | None:
        for name in MANIFESTS:
            path = folder / name
            if path.is_file() and (name != "pyproject.toml" or _declares_project(path)):
                return name
        return None

    def check_replacement(self, expression: str) -> str | None:
        try:
            ast.parse(expression.strip(), mode="eval")
        except SyntaxError as exc:
            return f"replacement {expression!r} is not a Python expression ({exc.msg})"
        return None

    def check_import(self, statement: str) -> str | None:
        try:
            body = ast.parse(statement.strip()).body
        except SyntaxError:
            body = []
        if len(body) != 1 or not isinstance(body[0], ast.Import | ast.ImportFrom):
            return f"{statement!r} is not an import statement"
        return None

    def module_of(self, unit_name: str, unit: str, path: str) -> tuple[str, str]:
        """A dotted module per package folder, whatever the unit."""
        from hardcode_lint.lang.python.site_steps import module_of

        return module_of(path)


def _declares_project(path: Path) -> bool:
    """Whether the pyproject.toml ``path`` declares a project (``[project]``, a build system,
    Poetry's table); an unreadable one does not."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return any(t in data for t in PROJECT_TABLES) or (isinstance(tool, dict) and "poetry" in tool)
