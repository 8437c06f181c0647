"""Python as a :class:`~hardcode_lint.lang.base.Frontend`: thin methods over this folder.

Nothing heavy is imported here: libcst loads when a file is first parsed, so that looking the
language up (discovery, ``--version``, a warm cached run) stays cheap.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from hardcode_lint.lang.base import (
    Applied,
    Detected,
    DetectOptions,
    Expanded,
    FormatCommand,
    GeneratedSettings,
    SettingsRequest,
    SettingsTarget,
    SiteEdit,
    Step,
    shipped_examples,
)
from hardcode_lint.model import Number
from hardcode_lint.parse.source import SourceFile

TEST_PATHS = ("tests/**", "**/tests/**", "**/test_*.py", "**/*_test.py", "**/conftest.py")


#: files that make a folder a Python project; a pyproject.toml only with one of these tables
#: (one holding nothing but tools' settings, [tool.hardcode-lint] included, declares nothing)
MANIFESTS = ("pyproject.toml", "setup.py", "setup.cfg")
PROJECT_TABLES = ("project", "build-system")


class PythonFrontend:
    name = "python"
    title = "Python"
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

    def check_catalog(self, table: Mapping[str, Any], where: str) -> None:
        from hardcode_lint.detect.catalog import build_catalog
        from hardcode_lint.lang.python.detect import PACKAGE

        build_catalog(PACKAGE, table, where)

    def decode(self, data: bytes, name: str, path: str) -> SourceFile:
        from hardcode_lint.lang.python.source import decode_source

        return decode_source(data, name, path)

    def detect(self, source: SourceFile, options: DetectOptions) -> Detected:
        from hardcode_lint.lang.python.detect import detect_python

        return detect_python(source, options)

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

    def normalise(self, expression: str) -> str | None:
        from hardcode_lint.lang.python.tokens import normalise_text

        return normalise_text(expression)

    def replacement_text(self, expression: str) -> str:
        from hardcode_lint.lang.python.apply import replacement_text

        return replacement_text(expression)

    def apply(self, source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
        from hardcode_lint.lang.python.apply import apply_python

        return apply_python(source, edits)

    def expand(self, root: Path, edits: Mapping[str, Sequence[SiteEdit]]) -> Expanded:
        """A Python literal is replaced where it stands: nothing to expand."""
        return Expanded({path: list(found) for path, found in edits.items()})

    def settings_targets(
        self, root: Path, sites: Sequence[str], configured: Sequence[str]
    ) -> dict[str, SettingsTarget]:
        from hardcode_lint.lang.python.targets import settings_targets

        return settings_targets(root, sites, configured)

    def settings_reads(self, source: SourceFile, target: SettingsTarget) -> list[tuple[str, int]]:
        from hardcode_lint.lang.python.settings_reads import settings_reads

        return settings_reads(source, target)

    def formatter(self, root: Path, path: str) -> FormatCommand | None:
        from hardcode_lint.lang.python.formatter import python_formatter

        return python_formatter(root, path)

    def same_code(self, before: bytes, after: bytes) -> bool:
        from hardcode_lint.lang.python.formatter import same_python

        return same_python(before, after)

    def settings_module(self, root: Path, request: SettingsRequest) -> GeneratedSettings:
        from hardcode_lint.lang.python.settings_module import python_settings

        return python_settings(root, request)

    def reserved_names(self) -> frozenset[str]:
        from hardcode_lint.lang.python.settings_module import RESERVED

        return RESERVED

    def module_of(self, unit_name: str, unit: str, path: str) -> tuple[str, str]:
        from hardcode_lint.lang.python.site_steps import module_of

        return module_of(path)

    def site_steps(self, data: bytes, spans: Sequence[tuple[int, int]]) -> list[tuple[Step, ...]]:
        from hardcode_lint.lang.python.site_steps import site_steps

        return site_steps(data, spans)

    def settings_keys(self, text: str) -> dict[str, tuple[str | None, str | None]]:
        from hardcode_lint.lang.python.settings_keys import settings_keys

        return settings_keys(text)

    def duration_value(self, text: str) -> tuple[float, str] | None:
        return None

    def duration_text(self, number: Number, unit: str, value_type: str | None) -> str | None:
        return None

    def api_names(self, api: str) -> tuple[str, ...]:
        return ()

    def code_examples(self) -> Mapping[str, str]:
        return shipped_examples("hardcode_lint.lang.python", self.name)


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
