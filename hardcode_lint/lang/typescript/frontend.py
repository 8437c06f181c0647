"""TypeScript and JavaScript as :class:`~hardcode_lint.lang.base.Frontend`\\ s: one
implementation, two languages (section 1T), told apart by their extensions.

Nothing heavy is imported here: tree-sitter loads when a file is first parsed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from hardcode_lint.lang.base import GeneratedSettings, SettingsRequest, SettingsTarget
from hardcode_lint.lang.treesitter import TreeSitterFrontend

#: Reserved words: a generated field cannot be one without quotes.
KEYWORDS = frozenset({
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
    "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
    "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
    "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
    "implements", "interface", "package", "private", "protected", "public", "await",
})  # fmt: skip
_TEST_PATHS = ("**/*.test.*", "**/*.spec.*", "**/__tests__/**", "**/test/**", "**/tests/**")


#: What in a ``package.json`` says the package is written in TypeScript.
_NAMES_TYPESCRIPT = re.compile(
    r'"(?:typescript|ts-node|tsx|@types/[^"]+|types|typings)"\s*:|\.m?tsx?"'
)


class ScriptFrontend(TreeSitterFrontend):
    """The front end of ``typescript`` or ``javascript``: one package, three grammars (the
    file's name chooses), and the language's name passed to what generates code for it."""

    package = "hardcode_lint.lang.typescript"
    hooks: ClassVar[Mapping[str, str]] = {
        "detect": "detect.detect_ts", "apply": "apply.apply_script",
        "expand": "apply.expand_script", "formatter": "formatter.prettier",
        "same_code": "formatter.same_script", "settings_keys": "settings_module.settings_keys",
        "reserved_names": "frontend.KEYWORDS",
    }  # fmt: skip
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
        """``package.json`` makes a JavaScript project; a TypeScript one has a
        ``tsconfig.json``, or a ``package.json`` that names TypeScript (a ``typescript``,
        ``ts-node`` or ``tsx`` dependency, ``.ts`` entry points or ``types``): a package run
        with ``tsx`` or ``ts-node`` often has no ``tsconfig.json``."""
        if self.name == "typescript" and (folder / "tsconfig.json").is_file():
            return "tsconfig.json"
        manifest = folder / "package.json"
        if not manifest.is_file():
            return None
        if self.name != "typescript":
            return "package.json"
        try:
            text = manifest.read_text("utf-8", errors="replace")
        except OSError:
            return None
        return "package.json" if _NAMES_TYPESCRIPT.search(text) else None

    def settings_targets(
        self, root: Path, sites: Sequence[str], configured: Sequence[str]
    ) -> dict[str, SettingsTarget]:
        from hardcode_lint.lang.typescript.targets import settings_targets

        return settings_targets(root, sites, configured, self.name)

    def settings_module(self, root: Path, request: SettingsRequest) -> GeneratedSettings:
        from hardcode_lint.lang.typescript.settings_module import script_settings

        return script_settings(root, request, self.name)
