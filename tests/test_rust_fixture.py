"""The seed's own code, in Rust: scan, report, fix and gate `fixtures/rust_scheduler/`.

`EXPECTED.json` is the fixture's hand-written ground truth (every site, with its position,
kind, api, scope, test flag, rule and status; and the lines that must hold no finding).
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
from tests.test_fix import commit_all, git
from tests.test_report import EPOCH, check_golden

RUST = Path(__file__).resolve().parent.parent / "fixtures" / "rust_scheduler"
EXPECTED = json.loads((RUST / "EXPECTED.json").read_text("utf-8"))
FIELDS = ("path", "line", "column", "kind", "code", "context", "number", "unit", "seconds",
          "api", "arg", "scope", "test", "rule", "key", "status")  # fmt: skip


def run(*args: str, cwd: Path) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner(env={"SOURCE_DATE_EPOCH": EPOCH}).invoke(cli, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_scan_finds_exactly_the_hand_counted_sites():
    code, out, _ = run("scan", "--no-cache", "--format", "json", cwd=RUST)
    data = json.loads(out)
    assert code == 0 and data["errors"] == []
    actual = [{k: f[k] for k in FIELDS} for f in data["findings"]]
    wanted = [{k: s[k] for k in FIELDS} for s in EXPECTED["sites"] if s["status"] != "migrated"]
    key = lambda row: (row["path"], row["line"], row["column"])  # noqa: E731
    assert sorted(actual, key=key) == sorted(wanted, key=key)
    assert {f["language"] for f in data["findings"]} == {"rust"}


def test_no_finding_on_the_non_finding_lines():
    """Lines of traps (tuple index, array length, doc example...): anything found there must be
    one of the sites that line also holds."""
    _, out, _ = run("scan", "--no-cache", "--format", "json", cwd=RUST)
    sites = {(s["path"], s["line"], s["column"]) for s in EXPECTED["sites"]}
    for finding in json.loads(out)["findings"]:
        on_trap_line = any(
            (e["path"], e["line"]) == (finding["path"], finding["line"])
            for e in EXPECTED["non_findings"]
        )
        where = (finding["path"], finding["line"], finding["column"])
        assert not on_trap_line or where in sites, finding


def test_report_counts_sites_per_module_and_test_code():
    _, out, _ = run("report", "--no-cache", "--format", "json", cwd=RUST)
    report = json.loads(out)
    sites = EXPECTED["sites"]
    # the two suppressed literals (node_cache.rs:43, redis_handle.rs:108) are kept sites
    assert report["totals"]["kept"] == 2
    assert report["totals"]["sites"] - 2 == len(sites) == 43
    for status in ("migrated", "pending", "unmapped"):
        assert report["totals"][status] == sum(s["status"] == status for s in sites)
    assert report["tests"]["sites"] - report["tests"]["kept"] == sum(s["test"] for s in sites)
    modules = {m["name"]: m["sites"] - m["kept"] for m in report["modules"]}
    for name in {s["module"] for s in sites}:
        assert modules[name] == sum(s["module"] == name for s in sites), name


def test_golden_scan_and_report():
    _, scan, _ = run("scan", "--no-cache", "--format", "json", cwd=RUST)
    findings = json.loads(scan)["findings"]
    check_golden("rust_scheduler-scan.json", json.dumps(findings, indent=2) + "\n")
    _, markdown, _ = run("report", "--no-cache", "--format", "markdown", cwd=RUST)
    check_golden("rust_scheduler-report.md", markdown)


def test_fix_migrates_every_pending_site_and_a_second_fix_changes_nothing(crate):
    pending = sum(s["status"] == "pending" for s in EXPECTED["sites"])
    code, _, err = run("fix", "--write", cwd=crate)
    assert code == 0, err
    _, out, _ = run("report", "--no-cache", "--format", "json", cwd=crate)
    totals = json.loads(out)["totals"]
    assert totals["pending"] == 0 and totals["migrated"] == 11 + pending
    commit_all(crate)
    code, _, err = run("fix", "--write", cwd=crate)
    assert code == 0 and "0 rule(s) applied, 0 file(s) changed" in err
    assert git(crate, "status", "--porcelain") == ""
    assert git(crate, "diff", "HEAD~1", "--", "src/phase2/runtime_init.rs").count("+use ") == 0


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
def test_the_fixed_crate_still_builds(crate, tmp_path):
    run("fix", "--write", cwd=crate)
    done = subprocess.run(
        ["cargo", "check", "--offline", "--all-targets", "--quiet"],
        cwd=crate,
        capture_output=True,
        text=True,
        env={**os.environ, "CARGO_TARGET_DIR": str(tmp_path / "target")},
        check=False,
    )
    assert done.returncode == 0, done.stderr
