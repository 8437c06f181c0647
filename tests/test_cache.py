"""The results cache: same answers warm as cold, and never trusted when it should not be."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from hardcode_lint.cache import CACHE_DIR
from hardcode_lint.cli.main import cli


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "a.py").write_text("import time\ntime.sleep(1)\n")
    (tmp_path / "b.py").write_text("x = max(n, 2)\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def scan(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["scan", "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def cache_files(root: Path) -> list[Path]:
    """Every shard of every settings key."""
    return sorted((root / CACHE_DIR).glob("results-*/*.json"))


def key_folders(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR).glob("results-*"))


def shard_holding(root: Path, rel: str) -> tuple[Path, dict[str, Any]]:
    """The shard whose rows hold ``rel``, and its document."""
    for path in cache_files(root):
        document: dict[str, Any] = orjson.loads(path.read_bytes())
        if rel in document["files"] or rel in json.loads(document.get("stdlib_files", "{}")):
            return path, document
    raise AssertionError(f"no shard holds {rel}")


def test_warm_run_gives_the_cold_answer_and_ignores_itself_in_git(project):
    cold = scan()
    assert len(key_folders(project)) == 1 and cache_files(project)
    assert (project / CACHE_DIR / ".gitignore").read_text().strip().endswith("*")
    assert scan() == cold


def test_a_changed_file_is_analysed_again(project):
    scan()
    (project / "a.py").write_text("import time\ntime.sleep(1)\ntime.sleep(7)\n")
    values = [f["value"] for f in scan()["findings"]]  # type: ignore[index]
    assert values == ["1", "7", "2"]


def test_same_content_with_a_new_mtime_is_still_a_hit(project):
    first = scan()
    os.utime(project / "a.py", ns=(1, 1))
    assert scan() == first


def test_corrupted_or_foreign_cache_is_ignored_and_rebuilt(project):
    cold = scan()
    for path in cache_files(project):
        path.write_text("{ not json")
    assert scan() == cold
    path, data = shard_holding(project, "a.py")
    assert data["magic"] == "hardcode-lint-cache"
    data["files"]["a.py"][4] = [{"unexpected": True}]  # a foreign/garbled entry
    path.write_text(json.dumps(data))
    assert scan() == cold


def test_settings_are_part_of_the_key(project):
    scan()
    (project / "pyproject.toml").write_text('[tool.hardcode-lint]\nignore = ["HCL2"]\n')
    assert [f["code"] for f in scan()["findings"]] == ["HCL101"]  # type: ignore[index]
    assert len(key_folders(project)) == 2


def test_no_cache_neither_reads_nor_writes(project):
    scan("--no-cache")
    assert cache_files(project) == []


def test_cache_clean(project):
    scan()
    result = CliRunner().invoke(cli, ["cache", "clean"])
    assert result.exit_code == 0 and "removed" in result.stdout
    assert not (project / CACHE_DIR).exists()


def test_two_runs_at_once_leave_a_valid_cache(project):
    for index in range(30):
        (project / f"m{index}.py").write_text(f"import time\ntime.sleep({index})\n")
    command = [sys.executable, "-m", "hardcode_lint", "scan", "--format", "json", "-j", "1"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    results = [json.loads(run.communicate()[0]) for run in runs]
    assert results[0] == results[1]
    assert cache_files(project) and all(
        json.loads(path.read_text())["magic"] == "hardcode-lint-cache"
        for path in cache_files(project)
    )
    assert scan() == results[0]


def test_a_damaged_entry_costs_only_that_file(project, monkeypatch):
    cold = scan()
    path, document = shard_holding(project, "a.py")
    document["files"]["a.py"] = ["not", "an", "entry", False]
    path.write_text(json.dumps(document))
    analysed: list[str] = []
    import hardcode_lint.runner as runner

    real = runner.run_task
    monkeypatch.setattr(
        runner, "run_task", lambda t, s, **kw: analysed.append(t.rel) or real(t, s, **kw)
    )
    assert scan() == cold
    assert analysed == ["a.py"]  # b.py came from the cache, a.py was analysed again


@pytest.mark.parametrize(
    "source",
    ["call(ttl=0x1FFFFFFFFFFFFFFFF)\n", "x = 1\nimport time\ntime.sleep(2)  # \udcff\n"],
    ids=["beyond-64-bits", "lone-surrogate"],
)
def test_what_the_fast_json_encoder_refuses_still_round_trips(project, source):
    (project / "a.py").write_bytes(source.encode("utf-8", "surrogateescape"))
    cold = scan()
    assert cold["findings"], "the file must hold a finding for this test to mean anything"
    assert scan() == cold and len(key_folders(project)) == 1


def test_one_row_the_fast_encoder_refuses_leaves_the_others_to_it(project):
    """A 65-bit literal in one file is written by the standard library, that row alone: the
    rest of the document stays orjson's, which ``check`` reads and writes in milliseconds."""
    (project / "a.py").write_text("call(ttl=0x1FFFFFFFFFFFFFFFF)\n")
    cold = scan()
    assert "b.py" in shard_holding(project, "b.py")[1]["files"]
    document = shard_holding(project, "a.py")[1]
    assert "a.py" not in document["files"] and "a.py" in json.loads(document["stdlib_files"])
    (project / "b.py").write_text("x = max(n, 3)\n")
    edited = scan()
    assert edited == scan("--no-cache") != cold
    findings: list[dict[str, object]] = edited["findings"]  # type: ignore[assignment]
    assert [f["number"] for f in findings if f["path"] == "a.py"] == [0x1FFFFFFFFFFFFFFFF]


def test_a_one_file_run_rewrites_only_that_files_shard(project):
    """``check FILE`` in a pre-commit hook: one small document read and written, however big
    the project's cache."""
    for index in range(40):
        (project / f"m{index}.py").write_text(f"import time\ntime.sleep({index})\n")
    scan()
    before = {path: path.stat().st_mtime_ns for path in cache_files(project)}
    assert len(before) > 10
    (project / "m3.py").write_text("import time\ntime.sleep(33)\n")
    assert [f["value"] for f in scan("m3.py")["findings"]] == ["33"]  # type: ignore[index]
    changed = [path for path in cache_files(project) if path.stat().st_mtime_ns != before[path]]
    assert changed == [shard_holding(project, "m3.py")[0]]
    assert scan() == scan("--no-cache")
