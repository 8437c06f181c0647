"""Rust as a :class:`~hardcode_lint.lang.base.Frontend`, on tree-sitter-rust.

Nothing heavy is imported here: tree-sitter loads when a Rust file is first parsed.
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
    shipped_examples,
)
from hardcode_lint.model import Number
from hardcode_lint.parse.source import SourceError, SourceFile


class RustFrontend:
    name = "rust"
    title = "Rust"
    extensions: tuple[str, ...] = (".rs",)
    test_paths: tuple[str, ...] = ("tests/**", "benches/**", "**/tests/**", "**/benches/**")
    comment = "//"
    skip_dirs = frozenset({"target"})
    scope_separator = "::"
    doc_anchor = "what-is-a-finding-in-rust"

    def warm(self) -> None:
        from hardcode_lint.lang.rust.parser import GRAMMAR

        GRAMMAR.parser()

    def project_manifest(self, folder: Path) -> str | None:
        return "Cargo.toml" if (folder / "Cargo.toml").is_file() else None

    def check_catalog(self, table: Mapping[str, Any], where: str) -> None:
        from hardcode_lint.detect.catalog import build_catalog
        from hardcode_lint.lang.rust.detect import PACKAGE

        build_catalog(PACKAGE, table, where)

    def decode(self, data: bytes, name: str, path: str) -> SourceFile:
        """Rust source is UTF-8 (a BOM is allowed); an empty file is valid."""
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        if b"\0" in data:
            raise SourceError("binary file (contains NUL bytes), not Rust source")
        try:
            text = data[len(bom) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise SourceError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", line) from None
        return SourceFile(path, data, text, "utf-8", bom)

    def detect(self, source: SourceFile, options: DetectOptions) -> Detected:
        from hardcode_lint.lang.rust.detect import detect_rust

        return detect_rust(source, options)

    def check_replacement(self, expression: str) -> str | None:
        from hardcode_lint.lang.rust.expressions import check_replacement

        return check_replacement(expression)

    def check_import(self, statement: str) -> str | None:
        from hardcode_lint.lang.rust.expressions import check_import

        return check_import(statement)

    def normalise(self, expression: str) -> str | None:
        from hardcode_lint.lang.rust.expressions import parse_expression
        from hardcode_lint.lang.rust.parser import normalised

        node = parse_expression(expression)
        return normalised(node) if node is not None else None

    def replacement_text(self, expression: str) -> str:
        from hardcode_lint.lang.rust.expressions import replacement_text

        return replacement_text(expression)

    def apply(self, source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
        from hardcode_lint.lang.rust.apply import apply_rust

        return apply_rust(source, edits)

    def expand(self, root: Path, edits: Mapping[str, Sequence[SiteEdit]]) -> Expanded:
        from hardcode_lint.lang.rust.expand import expand_rust

        return expand_rust(root, edits)

    def settings_targets(
        self, root: Path, sites: Sequence[str], configured: Sequence[str]
    ) -> dict[str, SettingsTarget]:
        from hardcode_lint.lang.rust.targets import settings_targets

        return settings_targets(root, sites, configured)

    def settings_reads(self, source: SourceFile, target: SettingsTarget) -> list[tuple[str, int]]:
        from hardcode_lint.lang.rust.settings_reads import settings_reads

        return settings_reads(source, target)

    def formatter(self, root: Path, path: str) -> FormatCommand | None:
        from hardcode_lint.lang.rust.formatter import rust_formatter

        return rust_formatter(root, path)

    def same_code(self, before: bytes, after: bytes) -> bool:
        from hardcode_lint.lang.rust.formatter import same_rust

        return same_rust(before, after)

    def settings_module(self, root: Path, request: SettingsRequest) -> GeneratedSettings:
        from hardcode_lint.lang.rust.settings_module import rust_settings

        return rust_settings(root, request)

    def reserved_names(self) -> frozenset[str]:
        from hardcode_lint.lang.rust.settings_module import KEYWORDS

        return KEYWORDS

    def module_of(self, unit_name: str, unit: str, path: str) -> tuple[str, str]:
        from hardcode_lint.lang.rust.site_steps import module_of

        return module_of(unit_name, unit, path)

    def site_steps(self, data: bytes, spans: Sequence[tuple[int, int]]) -> list[tuple[Step, ...]]:
        from hardcode_lint.lang.rust.site_steps import site_steps

        return site_steps(data, spans)

    def settings_keys(self, text: str) -> dict[str, tuple[str | None, str | None]]:
        from hardcode_lint.lang.rust.settings_keys import settings_keys

        return settings_keys(text)

    def duration_value(self, text: str) -> tuple[float, str] | None:
        return None

    def duration_text(self, number: Number, unit: str, value_type: str | None) -> str | None:
        return None

    def api_names(self, api: str) -> tuple[str, ...]:
        return ()

    def code_examples(self) -> Mapping[str, str]:
        return shipped_examples("hardcode_lint.lang.rust", self.name)
