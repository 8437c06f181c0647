"""Rust as a :class:`~hardcode_lint.lang.base.Frontend`, on tree-sitter-rust: the table of
where each hook lives in this folder.

Nothing heavy is imported here: tree-sitter loads when a Rust file is first parsed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from hardcode_lint.lang.treesitter import TreeSitterFrontend


class RustFrontend(TreeSitterFrontend):
    name = "rust"
    title = "Rust"
    package = "hardcode_lint.lang.rust"
    extensions: tuple[str, ...] = (".rs",)
    test_paths: tuple[str, ...] = ("tests/**", "benches/**", "**/tests/**", "**/benches/**")
    skip_dirs = frozenset({"target"})
    scope_separator = "::"
    doc_anchor = "what-is-a-finding-in-rust"
    manifest = "Cargo.toml"
    hooks: ClassVar[Mapping[str, str]] = {
        "detect": "detect.detect_rust", "apply": "apply.apply_rust",
        "expand": "expand.expand_rust", "formatter": "formatter.rust_formatter",
        "same_code": "formatter.same_rust", "settings_module": "settings_module.rust_settings",
        "reserved_names": "settings_module.KEYWORDS", "module_of": "site_steps.module_of",
        "site_steps": "site_steps.site_steps",
    }  # fmt: skip
