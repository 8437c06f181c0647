"""File discovery: folders and files, .gitignore (in and out of git), exclude, skipped folders."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hardcode_lint.api import file_kinds
from hardcode_lint.discover.files import discover
from hardcode_lint.errors import UsageError
from hardcode_lint.lang import names


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")


def found(root: Path, *paths: str, exclude: tuple[str, ...] = ()) -> list[str]:
    given = [root / p for p in paths] or [root]
    return [
        p.relative_to(root).as_posix() for p in discover(given, root, exclude, file_kinds(names()))
    ]


def test_walks_python_files_in_a_stable_order(tmp_path):
    touch(tmp_path, "b.py", "a.py", "pkg/z.py", "pkg/a.py", "notes.txt", "pkg/data.pyi")
    assert found(tmp_path) == ["a.py", "b.py", "pkg/a.py", "pkg/z.py"]


def test_hidden_cache_and_virtualenv_folders_are_skipped(tmp_path):
    touch(
        tmp_path, "app.py", ".hidden/x.py", "__pycache__/x.py", "env/lib/x.py", "node_modules/x.py"
    )
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    assert found(tmp_path) == ["app.py"]


def test_gitignore_outside_a_git_repository(tmp_path):
    touch(tmp_path, "app.py", "build/gen.py", "pkg/keep.py", "pkg/skip_pb2.py", "pkg/sub/x_pb2.py")
    (tmp_path / ".gitignore").write_text("build/\n")
    (tmp_path / "pkg" / ".gitignore").write_text("*_pb2.py\n")
    assert found(tmp_path) == ["app.py", "pkg/keep.py"]


def test_gitignore_negation(tmp_path):
    touch(tmp_path, "gen/a.py", "gen/keep.py")
    (tmp_path / ".gitignore").write_text("gen/*.py\n!gen/keep.py\n")
    assert found(tmp_path) == ["gen/keep.py"]


def test_gitignore_in_a_git_repository_applies_from_the_top(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    touch(tmp_path, "src/app.py", "src/generated/x.py")
    (tmp_path / ".gitignore").write_text("generated/\n")
    (tmp_path / ".git" / "info" / "exclude").write_text("src/local.py\n")
    touch(tmp_path, "src/local.py")
    assert found(tmp_path, "src") == ["src/app.py"]


def test_an_explicitly_named_ignored_folder_is_still_scanned(tmp_path):
    touch(tmp_path, "versions/lib/mod.py")
    (tmp_path / ".gitignore").write_text("/versions\n")
    assert found(tmp_path, "versions/lib") == ["versions/lib/mod.py"]


def test_exclude_globs_are_anchored_at_the_root(tmp_path):
    touch(tmp_path, "build/x.py", "src/build/y.py", "src/a/b/job_management.py", "m.py", "sub/m.py")
    assert found(tmp_path, exclude=("build/**",)) == [
        "m.py",
        "src/a/b/job_management.py",
        "src/build/y.py",
        "sub/m.py",
    ]
    assert found(tmp_path, exclude=("m.py", "src/**/job_management.py")) == [
        "build/x.py",
        "src/build/y.py",
        "sub/m.py",
    ]


def test_files_given_explicitly_and_twice(tmp_path):
    touch(tmp_path, "a.py", "script")
    assert found(tmp_path, "a.py", ".", "script") == ["a.py", "script"]


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match=r"nope\.py: no such file or directory"):
        discover([tmp_path / "nope.py"], tmp_path, ())


def test_a_run_names_the_files_of_languages_the_manifests_left_out(tmp_path, monkeypatch):
    """`languages` defaults to the root's manifests: a Go folder in a Python project is not
    scanned, and the run says so (stderr, with the setting that scans it); not with `-q`, and
    not when the configuration chose its languages."""
    from tests.helpers import cli

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\n')
    (tmp_path / "app.py").write_text("import time\ntime.sleep(5)\n")
    (tmp_path / "svc").mkdir()
    for name in ("a.go", "b.go"):
        (tmp_path / "svc" / name).write_text(
            'package svc\n\nimport "time"\n\nvar d = 5 * time.Second\n'
        )
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("scan", ".")
    assert code == 0 and "in 1 of 1 file(s)" in out
    assert "note: not scanned: 2 Go file(s)" in err and '`languages = ["python", "go"]`' in err
    assert cli("scan", "-q", ".")[2] == ""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "app"\n\n[tool.hardcode-lint]\nlanguages = ["python"]\n'
    )
    assert "not scanned" not in cli("scan", ".")[2]
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "app"\n\n[tool.hardcode-lint]\nlanguages = ["python", "go"]\n'
    )
    code, out, err = cli("scan", ".")
    assert "in 3 of 3 file(s)" in out and "not scanned" not in err
