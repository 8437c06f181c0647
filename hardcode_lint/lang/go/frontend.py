"""Go as a :class:`~hardcode_lint.lang.base.Frontend`, on tree-sitter-go (section 1G).

Nothing heavy is imported here: tree-sitter loads when a Go file is first parsed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from hardcode_lint.lang.treesitter import TreeSitterFrontend
from hardcode_lint.model import Number

#: Go's keywords and predeclared names: a generated field or package cannot be one.
KEYWORDS = frozenset({
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
    "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
    "return", "select", "struct", "switch", "type", "var",
})  # fmt: skip


class GoFrontend(TreeSitterFrontend):
    name = "go"
    title = "Go"
    package = "hardcode_lint.lang.go"
    extensions: tuple[str, ...] = (".go",)
    test_paths: tuple[str, ...] = ("**/*_test.go",)
    skip_dirs = frozenset({"vendor", "testdata"})
    scope_separator = "."
    doc_anchor = "what-is-a-finding-in-go"
    manifest = "go.mod"
    hooks: ClassVar[Mapping[str, str]] = {
        "detect": "detect.detect_go", "apply": "apply.apply_go",
        "formatter": "formatter.go_formatter", "same_code": "formatter.same_go",
        "settings_module": "settings_module.go_settings", "reserved_names": "frontend.KEYWORDS",
        "expand": "expand.expand_go",
    }  # fmt: skip

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
