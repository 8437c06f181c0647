"""TypeScript and JavaScript as :class:`~hardcode_lint.lang.base.Frontend`\\ s: one
implementation, two languages (section 1T), told apart by their extensions.

Nothing heavy is imported here: tree-sitter loads when a file is first parsed.
"""

from __future__ import annotations

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
    folder_module,
)
from hardcode_lint.parse.source import SourceError, SourceFile

#: Reserved words: a generated field cannot be one without quotes.
KEYWORDS = frozenset({
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
    "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
    "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
    "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
    "implements", "interface", "package", "private", "protected", "public", "await",
})  # fmt: skip
_TEST_PATHS = ("**/*.test.*", "**/*.spec.*", "**/__tests__/**", "**/test/**", "**/tests/**")


class ScriptFrontend:
    """The front end of ``typescript`` or ``javascript``."""

    comment = "//"
    skip_dirs = frozenset({"node_modules", "bower_components", "jspm_packages"})
    scope_separator = "."
    test_paths: tuple[str, ...] = _TEST_PATHS

    def __init__(self, name: str, title: str, extensions: tuple[str, ...]) -> None:
        self.name, self.title, self.extensions = name, title, extensions
        self.doc_anchor = "what-is-a-finding-in-typescript-and-javascript"

    def warm(self) -> None:
        from hardcode_lint.lang.typescript.parser import grammar

        for flavour in ("ts", "tsx", "js"):
            grammar(flavour).parser()

    def project_manifest(self, folder: Path) -> str | None:
        if self.name == "typescript":
            return "tsconfig.json" if (folder / "tsconfig.json").is_file() else None
        return "package.json" if (folder / "package.json").is_file() else None

    def module_of(self, unit_name: str, unit: str, path: str) -> tuple[str, str]:
        """A folder of modules is one rule module (``src/clients`` spans ``src/clients/*``)."""
        return folder_module(unit_name, path, self.extensions)

    def site_steps(self, data: bytes, spans: Sequence[tuple[int, int]]) -> list[tuple[Step, ...]]:
        """No constructs read yet: ``rules suggest`` names keys after scope and api."""
        return [() for _ in spans]

    def check_catalog(self, table: Mapping[str, Any], where: str) -> None:
        from hardcode_lint.detect.catalog import build_catalog
        from hardcode_lint.lang.typescript.detect import PACKAGE

        build_catalog(PACKAGE, table, where)

    def decode(self, data: bytes, name: str, path: str) -> SourceFile:
        """Source is UTF-8 (a BOM is allowed); an empty file is valid."""
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        if b"\0" in data:
            raise SourceError(f"binary file (contains NUL bytes), not {self.title} source")
        try:
            text = data[len(bom) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise SourceError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", line) from None
        return SourceFile(path, data, text, "utf-8", bom)

    def detect(self, source: SourceFile, options: DetectOptions) -> Detected:
        from hardcode_lint.lang.typescript.detect import detect_ts

        return detect_ts(source, options)

    def check_replacement(self, expression: str) -> str | None:
        from hardcode_lint.lang.typescript.expressions import check_replacement

        return check_replacement(expression)

    def check_import(self, statement: str) -> str | None:
        from hardcode_lint.lang.typescript.expressions import check_import

        return check_import(statement)

    def normalise(self, expression: str) -> str | None:
        from hardcode_lint.lang.typescript.expressions import parse_expression
        from hardcode_lint.lang.typescript.parser import normalised

        node = parse_expression(expression)
        return normalised(node) if node is not None else None

    def replacement_text(self, expression: str) -> str:
        from hardcode_lint.lang.typescript.expressions import replacement_text

        return replacement_text(expression)

    def apply(self, source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
        from hardcode_lint.lang.typescript.apply import apply_script

        return apply_script(source, edits)

    def expand(self, root: Path, edits: Mapping[str, Sequence[SiteEdit]]) -> Expanded:
        from hardcode_lint.lang.typescript.apply import relative_imports

        return Expanded(
            edits={path: relative_imports(path, found) for path, found in edits.items()}
        )

    def settings_targets(
        self, root: Path, sites: Sequence[str], configured: Sequence[str]
    ) -> dict[str, SettingsTarget]:
        from hardcode_lint.lang.typescript.targets import settings_targets

        return settings_targets(root, sites, configured, self.name)

    def settings_reads(self, source: SourceFile, target: SettingsTarget) -> list[tuple[str, int]]:
        from hardcode_lint.lang.typescript.settings_reads import settings_reads

        return settings_reads(source, target)

    def formatter(self, root: Path, path: str) -> FormatCommand | None:
        from hardcode_lint.lang.typescript.formatter import prettier

        return prettier(root, path)

    def same_code(self, before: bytes, after: bytes) -> bool:
        from hardcode_lint.lang.typescript.formatter import same_script

        return same_script(before, after)

    def settings_module(self, root: Path, request: SettingsRequest) -> GeneratedSettings:
        from hardcode_lint.lang.typescript.settings_module import script_settings

        return script_settings(root, request, self.name)

    def reserved_names(self) -> frozenset[str]:
        return KEYWORDS

    def settings_keys(self, text: str) -> dict[str, tuple[str | None, str | None]]:
        from hardcode_lint.lang.typescript.settings_module import settings_keys

        return settings_keys(text)
