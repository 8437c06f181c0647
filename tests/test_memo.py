"""Verdicts reused after an edit that leaves every candidate statement as it was.

A pre-commit ``check`` runs on files just edited; when the edit is outside the statements libcst
reads (a function without candidates, a comment, a blank line), the findings come from the
memo kept in the cache, placed at the literals' new positions, and libcst is never parsed.
"""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

import hardcode_lint.lang.python.detect as python_detect
from hardcode_lint.cli.main import cli
from tests.helpers import forbid
from tests.test_cache import shard_holding

SOURCE = """import time


def helper(items):
    total = 0
    for item in items:
        total += item
    return total


def wait():
    time.sleep(5)
    return helper([1, 2])


class Poller:
    def poll(self, client):
        return client.get(url, timeout=30)
"""


def scan(*args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["scan", "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return findings


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "mod.py").write_text(SOURCE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _no_libcst(monkeypatch: pytest.MonkeyPatch) -> None:
    forbid(monkeypatch, python_detect, "parse_cst", "libcst parsed the file again")


def test_an_edit_outside_the_candidates_reuses_the_verdicts(project, monkeypatch):
    first = scan()
    assert [f["value"] for f in first] == ["5", "30"]
    edited = SOURCE.replace("total += item", "total += item * 2\n        total -= 1")
    (project / "mod.py").write_text("# a new comment\n\n" + edited + "\n# the end\n")
    expected = scan("--no-cache")
    _no_libcst(monkeypatch)
    assert scan() == expected
    assert [f["line"] for f in expected] == [f["line"] + 3 for f in first]  # type: ignore[operator]


def test_an_edit_of_a_candidate_is_judged_again(project, monkeypatch):
    scan()
    (project / "mod.py").write_text(SOURCE.replace("time.sleep(5)", "time.sleep(7)"))
    assert [f["value"] for f in scan()] == ["7", "30"]


def test_a_damaged_memo_costs_only_the_reuse(project):
    first = scan()
    path, document = shard_holding(project, "mod.py")
    memo = json.loads(document["files"]["mod.py"][8])
    for rows in memo["units"].values():  # the memo of this very text, with literals
        for row in rows:  # outside their statements
            row[0] = 99
    document["files"]["mod.py"][8] = json.dumps(memo)
    path.write_text(json.dumps(document))
    (project / "mod.py").write_text(SOURCE + "\n")
    assert scan() == first
    document["files"]["mod.py"][8] = "not json"
    path.write_text(json.dumps(document))
    (project / "mod.py").write_text(SOURCE + "\n\n")
    assert scan() == first


def test_a_touch_keeps_the_memo(project, monkeypatch):
    """A file saved unchanged (only its mtime moves) keeps its memo for the next real edit."""
    scan()
    os.utime(project / "mod.py", ns=(1, 1))
    scan()
    (project / "mod.py").write_text(SOURCE + "\n# later\n")
    expected = scan("--no-cache")
    _no_libcst(monkeypatch)
    assert scan() == expected
