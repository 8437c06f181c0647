"""`hardcode-lint report` on the seed scenario's fixture: numbers, golden documents, formats."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hardcode_lint.cli.main import cli

REPO = Path(__file__).resolve().parent.parent
SCHEDULER = REPO / "fixtures" / "scheduler"
GOLDEN = Path(__file__).resolve().parent / "golden"
EPOCH = "1769076000"  # 2026-01-22T10:00:00Z, the date of the seed report


def report(*args: str, cwd: Path = SCHEDULER) -> str:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner(env={"SOURCE_DATE_EPOCH": EPOCH}).invoke(cli, ["report", *args])
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("HARDCODE_LINT_UPDATE_GOLDEN"):
        path.write_text(actual, "utf-8")
    assert actual == path.read_text("utf-8")


def test_json_totals_split_and_modules():
    data = json.loads(report("--format", "json"))
    assert data["generated"] == "2026-01-22T10:00:00Z"
    assert data["totals"] == {"sites": 46, "migrated": 13, "pending": 17, "unmapped": 16,
                              "kept": 0, "progress": 28.3, "stale": 0, "ambiguous": 0}  # fmt: skip
    assert data["production"] == {"sites": 33, "migrated": 13, "kept": 0, "progress": 39.4}
    assert data["tests"] == {"sites": 13, "migrated": 0, "kept": 0, "progress": 0.0}
    modules = {m["name"]: (m["files"], m["sites"], m["migrated"], m["pending"], m["unmapped"])
               for m in data["modules"]}  # fmt: skip
    assert modules == {
        "Background tasks": (1, 6, 6, 0, 0), "Redis operations": (1, 5, 5, 0, 0),
        "Runtime init": (1, 2, 2, 0, 0), "Phase2 Streams": (1, 8, 0, 5, 3),
        "Phase2 runtime": (1, 3, 0, 3, 0), "WebSocket": (2, 3, 0, 3, 0),
        "Node cache": (1, 2, 0, 2, 0), "Pub/Sub": (1, 2, 0, 2, 0),
        "Job management": (1, 2, 0, 2, 0), "Test code": (4, 13, 0, 0, 13),
    }  # fmt: skip
    first = data["modules"][0]["rules"][0]
    assert first == {**first, "id": "dashboard-snapshot-ttl", "path": "src/app/startup.py",
                     "line": 22, "old": "timedelta(seconds=5)", "status": "migrated",
                     "key": "scheduler.background_tasks.dashboard_snapshot_cache_ttl_seconds"}  # fmt: skip


def test_json_golden():
    data = json.loads(report("--format", "json"))
    assert data["repository"]["name"] == "scheduler" and data["shard"] is None
    data["repository"] = {
        "url": "<origin>",
        "commit": "<commit>",
        "name": "scheduler",
    }  # the checkout's
    assert len(data["settings"]) == 16  # a fingerprint of every setting and rule: see
    data["settings"] = "<fingerprint>"  # test_shard_merge for what changes it
    check_golden("scheduler-report.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def test_markdown_golden():
    check_golden("scheduler-report.md", report("--format", "markdown"))


def test_markdown_in_chinese_golden():
    check_golden("scheduler-report.zh.md", report("--format", "markdown", "--lang", "zh"))


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    """The scheduler with one stale and one ambiguous rule added."""
    copy = tmp_path / "scheduler"
    shutil.copytree(SCHEDULER, copy)
    (copy / "rules" / "zz_broken.toml").write_text(
        '[module]\nname = "Broken"\npriority = "P3"\n\n'
        '[[rule]]\nid = "moved-away"\npath = "src/gone.py"\nkey = "gone.delay_seconds"\n\n'
        '[[rule]]\nid = "too-broad"\npath = "tests/**"\nvalue = 1\nkey = "tests.one"\n'
    )
    return copy


def test_stale_and_ambiguous_rules_are_reported_in_every_format(broken_copy):
    data = json.loads(report("--format", "json", cwd=broken_copy))
    assert (data["totals"]["stale"], data["totals"]["ambiguous"]) == (1, 1)
    statuses = {r["id"]: r["status"] for m in data["modules"] for r in m["rules"]}
    assert (statuses["moved-away"], statuses["too-broad"]) == ("stale", "ambiguous")
    markdown = report("--format", "markdown", cwd=broken_copy)
    assert "## Rules to fix" in markdown
    assert "`moved-away` (rules/zz_broken.toml:5, Broken): stale" in markdown
    html = report("--format", "html", cwd=broken_copy)
    assert "moved-away" in html and 'class="problem"' in html
    text = report(cwd=broken_copy)
    assert "rules/zz_broken.toml:5: moved-away: stale" in text


def test_html_is_one_self_contained_page():
    html = report("--format", "html")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing fetched from the network
    assert html.count("<svg") >= 10  # the module chart and a meter per module
    assert "Background tasks" in html and "timedelta(seconds=5)" in html


def test_text_report_headline_and_no_colour_when_piped():
    text = report()
    assert "Completion (Production code): " in text and "13 of 33 sites migrated" in text
    assert "28.3%" in text and "13 of 46 sites migrated" in text
    assert "\x1b[" not in text


def test_history_appends_and_shows_the_trend(tmp_path):
    history = tmp_path / "history.jsonl"
    earlier = {"generated": "2026-01-01T00:00:00Z", "sites": 46, "migrated": 0, "pending": 30,
               "unmapped": 16, "progress": 0.0, "production": 0.0, "tests": 0.0}  # fmt: skip
    history.write_text(json.dumps(earlier) + "\n")
    report("--history", str(history))
    text = report("--history", str(history))  # the same run again: no new point
    lines = [json.loads(line) for line in history.read_text().splitlines()]
    assert [line["progress"] for line in lines] == [0.0, 28.3]
    assert "Trend (2 runs): Production code ▁▄ · All code ▁▃ · Test code ▁▁" in text
    html = report("--format", "html", "--history", str(history))
    assert "<polyline" in html


def test_corrupt_history_lines_are_skipped_with_a_warning(tmp_path):
    history = tmp_path / "history.jsonl"
    history.write_text("not json\n")
    result = CliRunner().invoke(cli, ["report", str(SCHEDULER), "--history", str(history)])
    assert result.exit_code == 0
    assert f"{history}:1: not a history entry; skipped" in result.stderr


def test_a_history_line_with_a_field_of_the_wrong_type_is_skipped_too(tmp_path):
    history = tmp_path / "history.jsonl"
    good = {"generated": "2026-01-01T00:00:00Z", "sites": 4, "migrated": 1, "pending": 2,
            "unmapped": 1, "progress": 25.0, "production": 25.0, "tests": 0.0}  # fmt: skip
    history.write_text(json.dumps({**good, "progress": "80"}) + "\n" + json.dumps(good) + "\n")
    result = CliRunner().invoke(cli, ["report", str(SCHEDULER), "--history", str(history)])
    assert result.exit_code == 0, result.output
    assert f"{history}:1: not a history entry; skipped" in result.stderr
    assert f"{history}:2:" not in result.stderr


def test_history_keeps_one_point_per_commit(tmp_path, monkeypatch):
    import shutil
    import subprocess

    root = tmp_path / "p"
    shutil.copytree(SCHEDULER, root, ignore=shutil.ignore_patterns(".hardcode-lint-cache"))
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "a"],
                   cwd=root, check=True)  # fmt: skip
    history = root / "history.jsonl"
    for _ in range(3):
        report("--history", str(history), cwd=root)
    lines = [json.loads(line) for line in history.read_text().splitlines()]
    assert len(lines) == 1 and len(lines[0]["commit"]) == 40
