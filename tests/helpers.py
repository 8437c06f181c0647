"""Test helpers: run the real engine on a snippet of source, as a user's file would be."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, analyze_file
from hardcode_lint.model import Finding


def detect_in(
    tmp_path: Path, source: str, *, prefilter: bool = True, **config: Any
) -> list[Finding]:
    """The findings of ``source`` (dedented) saved as ``tmp_path/snippet.py``."""
    path = tmp_path / "snippet.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    settings = settings_for(Config(root=tmp_path, **config), prefilter=prefilter)
    result = analyze_file(
        FileTask(path=path, rel="snippet.py", test=False, language="python"), settings
    )
    assert result.error is None, result.error
    return list(result.findings)


def summary(findings: list[Finding]) -> list[tuple[str, str, str, Any]]:
    """(kind, api, value, arg) per finding: the part most tests assert on."""
    return [(f.kind.value, f.api or "", f.value, f.arg) for f in findings]


def cli(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr); an escaping exception fails."""
    from click.testing import CliRunner

    from hardcode_lint.cli.main import cli as command

    result = CliRunner().invoke(command, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, result.exception)  # fmt: skip
    return result.exit_code, result.stdout, result.stderr


def cli_output(*args: str) -> tuple[int, str]:
    """:func:`cli` with stdout and stderr together."""
    code, out, err = cli(*args)
    return code, out + err


def forbid(monkeypatch: Any, module: object, name: str, why: str) -> None:
    """Make ``module.name`` fail the test if it is called: work that must not happen."""

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError(why)

    monkeypatch.setattr(module, name, fail)
