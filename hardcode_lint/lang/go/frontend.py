"""Go as a :class:`~hardcode_lint.lang.base.Frontend`, on tree-sitter-go (section 1G).

Nothing heavy is imported here: tree-sitter loads when a Go file is first parsed.
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
    shipped_examples,
)
from hardcode_lint.model import Number
from hardcode_lint.parse.source import SourceError, SourceFile

#: Go's keywords and predeclared names: a generated field or package cannot be one.
KEYWORDS = frozenset({
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
    "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
    "return", "select", "struct", "switch", "type", "var",
})  # fmt: skip


class GoFrontend:
    name = "go"
    extensions: tuple[str, ...] = (".go",)
    test_paths: tuple[str, ...] = ("**/*_test.go",)
    comment = "//"
    skip_dirs = frozenset({"vendor", "testdata"})
    scope_separator = "."
    doc_anchor = "what-is-a-finding-in-go"
    title = "Go"

    def warm(self) -> None:
        from hardcode_lint.lang.go.parser import GRAMMAR

        GRAMMAR.parser()

    def project_manifest(self, folder: Path) -> str | None:
        return "go.mod" if (folder / "go.mod").is_file() else None

    def module_of(self, unit_name: str, unit: str, path: str) -> tuple[str, str]:
        """A Go package is its folder: ``internal/jobs`` spans ``internal/jobs/*.go``."""
        return folder_module(unit_name, path, self.extensions)

    def site_steps(self, data: bytes, spans: Sequence[tuple[int, int]]) -> list[tuple[Step, ...]]:
        """No constructs read yet: ``rules suggest`` names Go keys after scope and api."""
        return [() for _ in spans]

    def check_catalog(self, table: Mapping[str, Any], where: str) -> None:
        from hardcode_lint.detect.catalog import build_catalog
        from hardcode_lint.lang.go.detect import PACKAGE

        build_catalog(PACKAGE, table, where)

    def decode(self, data: bytes, name: str, path: str) -> SourceFile:
        """Go source is UTF-8 (a BOM is allowed); an empty file is valid."""
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        if b"\0" in data:
            raise SourceError("binary file (contains NUL bytes), not Go source")
        try:
            text = data[len(bom) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise SourceError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", line) from None
        return SourceFile(path, data, text, "utf-8", bom)

    def detect(self, source: SourceFile, options: DetectOptions) -> Detected:
        from hardcode_lint.lang.go.detect import detect_go

        return detect_go(source, options)

    def check_replacement(self, expression: str) -> str | None:
        from hardcode_lint.lang.go.expressions import check_replacement

        return check_replacement(expression)

    def check_import(self, statement: str) -> str | None:
        from hardcode_lint.lang.go.expressions import check_import

        return check_import(statement)

    def normalise(self, expression: str) -> str | None:
        from hardcode_lint.lang.go.expressions import parse_expression
        from hardcode_lint.lang.go.naming import go_spelled
        from hardcode_lint.lang.go.parser import normalised

        node = parse_expression(go_spelled(expression))
        return normalised(node) if node is not None else None

    def replacement_text(self, expression: str) -> str:
        from hardcode_lint.lang.go.expressions import replacement_text

        return replacement_text(expression)

    def apply(self, source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
        from hardcode_lint.lang.go.apply import apply_go

        return apply_go(source, edits)

    def expand(self, root: Path, edits: Mapping[str, Sequence[SiteEdit]]) -> Expanded:
        return Expanded(edits={path: list(found) for path, found in edits.items()})

    def settings_targets(
        self, root: Path, sites: Sequence[str], configured: Sequence[str]
    ) -> dict[str, SettingsTarget]:
        from hardcode_lint.lang.go.targets import settings_targets

        return settings_targets(root, sites, configured)

    def settings_reads(self, source: SourceFile, target: SettingsTarget) -> list[tuple[str, int]]:
        from hardcode_lint.lang.go.settings_reads import settings_reads

        return settings_reads(source, target)

    def formatter(self, root: Path, path: str) -> FormatCommand | None:
        from hardcode_lint.lang.go.formatter import go_formatter

        return go_formatter(root)

    def same_code(self, before: bytes, after: bytes) -> bool:
        from hardcode_lint.lang.go.formatter import same_go

        return same_go(before, after)

    def settings_module(self, root: Path, request: SettingsRequest) -> GeneratedSettings:
        from hardcode_lint.lang.go.settings_module import go_settings

        return go_settings(root, request)

    def reserved_names(self) -> frozenset[str]:
        return KEYWORDS

    def settings_keys(self, text: str) -> dict[str, tuple[str | None, str | None]]:
        from hardcode_lint.lang.go.settings_keys import settings_keys

        return settings_keys(text)

    def duration_value(self, text: str) -> tuple[float, str] | None:
        from hardcode_lint.lang.go.duration_text import parse_duration

        parsed = parse_duration(text)
        return None if parsed is None else (float(parsed[0]), parsed[1])

    def duration_text(self, number: Number, unit: str, value_type: str | None) -> str | None:
        from hardcode_lint.lang.go.duration_text import spelled

        if value_type not in (None, "time.Duration"):
            return None  # a plain number bound to a name (`timeoutMs := 500`) stays one
        return spelled(number, unit)

    def api_names(self, api: str) -> tuple[str, ...]:
        from hardcode_lint.lang.go.imports import assumed_name

        path, dot, name = api.rpartition(".")
        return (f"{assumed_name(path)}.{name}",) if dot and "/" in path else ()

    def code_examples(self) -> Mapping[str, str]:
        return shipped_examples("hardcode_lint.lang.go", self.name)
