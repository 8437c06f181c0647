"""Run the real engine on a snippet of Go, as a user's file would be."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, analyze_file
from hardcode_lint.model import Finding


def detect_go(
    tmp_path: Path, source: str, name: str = "snippet.go", **config: Any
) -> list[Finding]:
    """The findings of ``source`` (dedented, ``package p`` added when missing)."""
    code = textwrap.dedent(source)
    if "package " not in code:
        code = "package p\n\n" + code
    path = tmp_path / name
    path.write_text(code, encoding="utf-8")
    settings = settings_for(Config(root=tmp_path, **config))
    task = FileTask(path=path, rel=name, test=name.endswith("_test.go"), language="go")
    result = analyze_file(task, settings)
    assert result.error is None, result.error
    return list(result.findings)


def rows(found: list[Finding]) -> list[tuple[Any, ...]]:
    """(value, code, context, api, arg, unit, seconds) per finding."""
    return [(f.value, f.code, f.context.value, f.api, f.arg, f.unit, f.seconds) for f in found]
