"""Faults on every write: a full disk, a refused write, a kill between the temporary file and
the rename, a symlink, a read-only file, a file changed meanwhile, two runs at once.  After
each, every file is byte-identical or wholly new, no temporary file stays, and the exit code
and message say what happened."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import hardcode_lint.atomic as atomic
from hardcode_lint.atomic import WriteRefused, replace_checked, replace_file, sweep
from tests.helpers import cli_output as run
from tests.test_fix import commit_all, git

SOURCE = "import time\n\ndef loop():\n    time.sleep(30)\n"
RULE = """
[[rule]]
id = "pause"
api = "time.sleep"
value = 30
key = "loop.pause_seconds"
replace = "config.loop.pause_seconds"
imports = ["from app.config import config"]
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "m.py").write_text(SOURCE)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "m.toml").write_text(textwrap.dedent(RULE))
    git(tmp_path, "init", "-q")
    commit_all(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def strays(root: Path) -> list[Path]:
    return [p for p in root.rglob(".hcl-*.tmp")]


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(descriptor: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "write", no_space)


COMMANDS = [
    (["fix", "--write"], "m.py", 1),
    (["baseline"], ".hardcode-lint-baseline.json", 2),
    (["defaults", "--write", "defaults.toml"], "defaults.toml", 2),
    (["report", "--history", "history.jsonl"], "history.jsonl", 2),
]


@pytest.mark.parametrize(("args", "target", "code"), COMMANDS)
def test_a_full_disk_leaves_every_file_as_it_was(project, monkeypatch, args, target, code):
    before = (project / target).read_bytes() if (project / target).exists() else None
    full_disk(monkeypatch)
    exit_code, output = run(*args, "--no-cache")
    assert exit_code == code and "No space left on device" in output
    after = (project / target).read_bytes() if (project / target).exists() else None
    assert after == before and strays(project) == []


def test_rules_suggest_on_a_full_disk_writes_nothing(project, monkeypatch):
    (project / "rules" / "m.toml").unlink()
    full_disk(monkeypatch)
    code, output = run("rules", "suggest", "--output", "rules/", "--no-cache")
    assert code == 2 and "No space left on device" in output
    assert list((project / "rules").iterdir()) == [] and strays(project) == []


def test_a_refused_rename_is_reported_and_cleaned_up(project, monkeypatch):
    def denied(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", denied)
    code, output = run("fix", "--write", "--no-cache")
    assert code == 1 and "m.py not written: cannot write it: Permission denied" in output
    assert (project / "m.py").read_text() == SOURCE and strays(project) == []


def test_a_write_killed_before_the_rename_keeps_the_old_file_and_its_leftover_is_swept(tmp_path):
    target = tmp_path / "m.py"
    target.write_bytes(b"old\n")
    killer = (
        "import os, sys\nfrom pathlib import Path\nimport hardcode_lint.atomic as a\n"
        "a.os.replace = lambda *args: os._exit(9)\n"
        f"a.replace_file(Path({str(target)!r}), b'new\\n')\n"
    )
    done = subprocess.run([sys.executable, "-c", killer], check=False)
    assert done.returncode == 9
    assert target.read_bytes() == b"old\n" and len(strays(tmp_path)) == 1
    replace_file(target, b"newer\n")  # the next write into the folder sweeps the leftover
    assert target.read_bytes() == b"newer\n" and strays(tmp_path) == []


def test_a_live_writers_temporary_file_is_not_swept(tmp_path):
    import fcntl

    live = tmp_path / ".hcl-live.tmp"
    with live.open("wb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        sweep(tmp_path)
        assert live.exists()


def test_fix_writes_through_a_symlink_to_its_target(project):
    real = project / "real.py"
    (project / "m.py").rename(real)
    (project / "m.py").symlink_to("real.py")
    rules = project / "rules" / "m.toml"
    rules.write_text(
        rules.read_text().replace('api = "time.sleep"', 'path = "m.py"\napi = "time.sleep"')
    )
    commit_all(project)
    code, output = run("fix", "--write", "--no-cache")
    assert code == 0, output
    assert (project / "m.py").is_symlink() and "config.loop.pause_seconds" in real.read_text()


def test_a_read_only_file_is_refused(project):
    (project / "m.py").chmod(0o444)
    code, output = run("fix", "--write", "--no-cache")
    assert code == 1 and "read-only" in output
    assert (project / "m.py").read_text() == SOURCE


def test_a_file_renamed_over_meanwhile_is_refused(tmp_path):
    target = tmp_path / "m.py"
    target.write_bytes(b"old\n")
    replace_file(target, b"old\n")  # same bytes, but a new file: another run wrote it
    replace_checked(target, b"old\n", b"mine\n")  # bytes equal: fine
    with pytest.raises(WriteRefused, match="changed since it was read"):
        replace_checked(target, b"old\n", b"again\n")


def test_two_fix_runs_at_once_leave_one_whole_result(project):
    many = project / "many"
    many.mkdir()
    for index in range(40):
        (many / f"f{index}.py").write_text(SOURCE)
    (project / "rules" / "m.toml").write_text(textwrap.dedent(RULE).replace(
        'value = 30', 'value = 30\ncount = "*"'))  # fmt: skip
    commit_all(project)
    command = [sys.executable, "-m", "hardcode_lint", "fix", "--write", "--allow-dirty",
               "--no-cache", "-j", "1"]  # fmt: skip
    runs = [subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE) for _ in range(2)]  # fmt: skip
    codes = [p.wait(timeout=120) for p in runs]
    assert all(code in (0, 1) for code in codes), [p.stderr.read() for p in runs if p.stderr]
    expected = SOURCE.replace("30", "config.loop.pause_seconds")
    for path in [project / "m.py", *many.iterdir()]:
        text = path.read_text()
        assert text.count("from app.config import config") == 1, path
        assert text.endswith(expected.split("\n", 1)[1]), path
    assert strays(project) == []
    shutil.rmtree(many)
