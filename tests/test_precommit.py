"""The real pre-commit (from PyPI) runs this repository's hook in a scratch git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")


def sh(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("scratch")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    sh(root, "git", "init", "-q")
    return root, env


def try_repo(root: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return sh(root, PRE_COMMIT, "try-repo", str(REPO), "hardcode-lint", env=env)


def test_hook_blocks_a_new_sleep_and_passes_clean_code(scratch):
    root, env = scratch
    (root / "clean.py").write_text("def add(a, b):\n    return a + b\n")
    sh(root, "git", "add", "clean.py")
    clean = try_repo(root, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    sh(root, "git", "commit", "-qm", "clean")
    (root / "worker.py").write_text("import time\n\ndef run():\n    time.sleep(5)\n")
    sh(root, "git", "add", "worker.py")
    bad = try_repo(root, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "worker.py:4: HCL101 new hardcoded duration `5` in run" in bad.stdout
    sh(root, "git", "reset", "-q", "worker.py")
    (root / "worker.py").unlink()
    (root / "rules").mkdir()
    (root / "rules" / "m.toml").write_text('[[rule]]\nid = "x"\n')  # broken: no `key`
    sh(root, "git", "add", "rules/m.toml")
    broken = try_repo(root, env)  # only a rule file changed: the hook still runs, on the tree
    assert broken.returncode != 0, broken.stdout + broken.stderr
    assert "rules/m.toml:1: [[rule]] is missing `key`" in broken.stdout + broken.stderr
