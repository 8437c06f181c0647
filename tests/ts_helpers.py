"""Run the real engine on a snippet of TypeScript or JavaScript, as a user's file would be."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, analyze_file
from hardcode_lint.lang import language_of
from hardcode_lint.model import Finding


def detect_ts(
    tmp_path: Path, source: str, name: str = "snippet.ts", **config: Any
) -> list[Finding]:
    """The findings of ``source`` (dedented) saved as ``name`` under ``tmp_path``."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    settings = settings_for(Config(root=tmp_path, **config))
    language = language_of(path.name)
    assert language in ("typescript", "javascript")
    task = FileTask(path=path, rel=name, test=False, language=language)
    result = analyze_file(task, settings)
    assert result.error is None, result.error
    return list(result.findings)


def rows(found: list[Finding]) -> list[tuple[Any, ...]]:
    """(value, code, context, api, arg, unit, seconds) per finding."""
    return [(f.value, f.code, f.context.value, f.api, f.arg, f.unit, f.seconds) for f in found]
