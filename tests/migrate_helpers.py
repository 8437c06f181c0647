"""A project taken through the whole migration as a user takes it: its files in a git
repository, `rules suggest`, `defaults`, a commit, then `fix --write`."""

from __future__ import annotations

from pathlib import Path

from tests.test_fix import commit_all, git_copy
from tests.test_rust_fixture import run


def migrated(tmp_path: Path, files: dict[str, str], language: str, settings: str) -> Path:
    """The repository of ``files`` after `fix --write` (which must succeed); the generated
    settings module of ``language`` is written to ``settings``."""
    root = tmp_path / "tree"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    repo = git_copy(root, tmp_path / "repo")
    assert run("rules", "suggest", "--output", "rules/", cwd=repo)[0] == 0
    assert run("defaults", "--format", language, "--output", settings, cwd=repo)[0] == 0
    commit_all(repo)
    code, out, err = run("fix", "--write", cwd=repo)
    assert code == 0, out + err
    return repo
