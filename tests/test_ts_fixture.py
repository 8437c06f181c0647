"""The seed's scheduler, ported to TypeScript: scan, report, fix and type-check
`fixtures/ts_scheduler/`.

`EXPECTED.json` is the fixture's ground truth (every site with its position, kind, api, scope,
test flag, rule and status, and the lines that must hold no finding), checked by hand against
the source; the golden files pin the scan's JSON and the markdown report.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_fix import commit_all, git, git_copy
from tests.test_report import check_golden
from tests.test_rust_fixture import run

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "ts_scheduler"
EXPECTED = json.loads((FIXTURE / "EXPECTED.json").read_text("utf-8"))
FIELDS = ("path", "line", "column", "kind", "code", "context", "number", "unit", "api", "arg",
          "scope", "test", "rule", "key", "status")  # fmt: skip
TSC = os.environ.get("TSC") or shutil.which("tsc")


def _scan(cwd: Path = FIXTURE) -> dict:
    code, out, err = run("scan", "--no-cache", "--format", "json", cwd=cwd)
    assert code == 0, err
    return json.loads(out)


def test_scan_finds_exactly_the_hand_counted_sites():
    data = _scan()
    assert data["errors"] == []
    actual = [{k: f[k] for k in FIELDS} for f in data["findings"]]
    wanted = [{k: s[k] for k in FIELDS} for s in EXPECTED["sites"] if s["status"] != "migrated"]
    key = lambda row: (row["path"], row["line"], row["column"])  # noqa: E731
    assert sorted(actual, key=key) == sorted(wanted, key=key)
    assert {f["language"] for f in data["findings"]} == {"typescript"}


def test_no_finding_on_the_non_finding_lines():
    traps = {(e["path"], e["line"]) for e in EXPECTED["non_findings"]}
    assert not [f for f in _scan()["findings"] if (f["path"], f["line"]) in traps]


def test_report_counts_the_seed_modules_sites():
    _, out, _ = run("report", "--no-cache", "--format", "json", cwd=FIXTURE)
    report = json.loads(out)
    sites = EXPECTED["sites"]
    assert report["totals"]["kept"] == 1  # redisHandle.ts's suppressed marker TTL
    assert report["totals"]["sites"] - 1 == len(sites)
    for status in ("migrated", "pending", "unmapped"):
        assert report["totals"][status] == sum(s["status"] == status for s in sites)
    assert report["tests"]["sites"] == sum(s["test"] for s in sites)
    modules = {m["name"]: m["sites"] - m["kept"] for m in report["modules"]}
    for name in {s["module"] for s in sites}:
        assert modules[name] == sum(s["module"] == name for s in sites), name
    done = {m["name"] for m in report["modules"] if m["migrated"] == m["sites"] - m["kept"]}
    assert done == {"Background tasks", "Redis operations", "Runtime init"}  # as the seed


def test_golden_scan_and_report():
    check_golden("ts_scheduler-scan.json", json.dumps(_scan()["findings"], indent=2) + "\n")
    _, markdown, _ = run("report", "--no-cache", "--format", "markdown", cwd=FIXTURE)
    check_golden("ts_scheduler-report.md", markdown)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return git_copy(FIXTURE, tmp_path / "ts_scheduler")


def test_fix_migrates_every_pending_site_and_a_second_fix_changes_nothing(project):
    pending = sum(s["status"] == "pending" for s in EXPECTED["sites"])
    code, _, err = run("fix", "--write", cwd=project)
    assert code == 0, err
    _, out, _ = run("report", "--no-cache", "--format", "json", cwd=project)
    totals = json.loads(out)["totals"]
    migrated = sum(s["status"] == "migrated" for s in EXPECTED["sites"])
    assert totals["pending"] == 0 and totals["migrated"] == migrated + pending
    commit_all(project)
    code, _, err = run("fix", "--write", cwd=project)
    assert code == 0 and "0 rule(s) applied, 0 file(s) changed" in err
    assert git(project, "status", "--porcelain") == ""


def test_the_committed_settings_module_is_what_defaults_generates(project):
    before = (project / "src/settings.ts").read_text("utf-8")
    code, _, err = run("defaults", "--format", "typescript", cwd=project)
    assert code == 0 and "src/settings.ts" in err
    assert (project / "src/settings.ts").read_text("utf-8") == before
    assert "pending_key" not in before and "streams: {" in before


@pytest.mark.skipif(TSC is None, reason="tsc is not installed (npm install typescript; or TSC=...)")
def test_the_fixed_project_still_type_checks(project):
    assert TSC is not None
    before = subprocess.run([TSC, "--noEmit", "-p", "."], cwd=project, capture_output=True,
                            text=True, check=False)  # fmt: skip
    assert before.returncode == 0, before.stdout
    run("fix", "--write", cwd=project)
    after = subprocess.run([TSC, "--noEmit", "-p", "."], cwd=project, capture_output=True,
                           text=True, check=False)  # fmt: skip
    assert after.returncode == 0, after.stdout
    assert "settings." in (project / "src/phase2/streams.ts").read_text()
