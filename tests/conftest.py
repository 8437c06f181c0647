from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hardcode_lint.model import Finding
from tests.helpers import detect_in


@pytest.fixture
def detect(tmp_path: Path) -> Callable[..., list[Finding]]:
    def run(source: str, **config: Any) -> list[Finding]:
        return detect_in(tmp_path, source, **config)

    return run


SCHEDULER = Path(__file__).resolve().parent.parent / "fixtures" / "scheduler"


@pytest.fixture
def scheduler_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the seed fixture, as the current folder."""
    root = tmp_path / "scheduler"
    shutil.copytree(SCHEDULER, root)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def crate(tmp_path: Path) -> Path:
    """A private copy of the Rust fixture crate, committed in its own git work tree."""
    from tests.test_fix import git_copy

    return git_copy(SCHEDULER.parent / "rust_scheduler", tmp_path / "rust_scheduler")
