"""`check` and `baseline`: the gate survives line shifts, catches new and regressed hardcodes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from hardcode_lint.cli.main import cli

SCHEDULER = Path(__file__).resolve().parent.parent / "fixtures" / "scheduler"
SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text()
)


@pytest.fixture
def project(scheduler_copy: Path) -> Path:
    return scheduler_copy


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_without_baseline_unmapped_findings_fail(project):
    code, out, _ = run("check")
    assert code == 1 and "check failed: 16 problem(s)" in out
    assert "tests/test_streams.py:20: HCL101 new hardcoded duration `2`" in out
    assert "fix: map it with a rule" in out


def test_baseline_survives_blank_lines_and_reformatting(project):
    assert run("baseline")[0] == 0
    data = json.loads((project / ".hardcode-lint-baseline.json").read_text())
    assert len(data["findings"]) == 16 and "line" not in data["findings"][0]
    assert data["migrated_rules"][0] == "dashboard-snapshot-ttl"
    assert run("check")[0] == 0
    streams = project / "src" / "phase2" / "streams.py"
    streams.write_text("\n\n\n" + streams.read_text().replace(
        'self.group, self.consumer, {self.stream: ">"}, count=50, block=5000',
        'self.group,\n                    self.consumer,\n                    {self.stream: ">"},\n'
        "                    count=50,\n                    block=5000,"))  # fmt: skip
    code, out, _ = run("check")
    assert code == 0, out


def test_a_new_occurrence_in_the_same_function_is_caught(project):
    run("baseline")
    edit(project / "tests" / "test_runtime.py", "    time.sleep(1.1)\n",
         "    time.sleep(1.1)\n    time.sleep(1.1)\n")  # fmt: skip
    code, out, _ = run("check")
    assert code == 1 and "tests/test_runtime.py:15: HCL101 new hardcoded duration `1.1`" in out


def test_a_new_sleep_fails_with_its_line(project):
    run("baseline")
    edit(project / "src" / "pubsub.py", "            await asyncio.sleep(1.5)\n",
         "            await asyncio.sleep(1.5)\n            await asyncio.sleep(3)\n")  # fmt: skip
    code, out, _ = run("check")
    assert code == 1 and "src/pubsub.py:23: HCL101 new hardcoded duration `3` in listen" in out


def test_reverting_a_migrated_site_fails_naming_the_rule(project):
    run("baseline")
    edit(
        project / "src" / "phase2" / "redis_handle.py",
        "max(ttl_ms, self.min_ttl_ms)",
        "max(ttl_ms, 1)",
    )
    code, out, _ = run("check")
    assert code == 1
    assert "rule `redis-min-ttl-ms` was migrated, but its literal `1` is back" in out


def test_removed_findings_never_fail_and_the_baseline_can_be_tightened(project):
    run("baseline")
    (project / "tests" / "test_streams.py").unlink()
    code, out, _ = run("check")
    assert code == 0 and "2 baselined finding(s) are gone" in out


def test_stale_and_ambiguous_rules_fail(project):
    run("baseline")
    (project / "rules" / "broken.toml").write_text(
        '[[rule]]\nid = "moved"\npath = "src/gone.py"\nkey = "a.b"\n\n'
        '[[rule]]\nid = "broad"\npath = "tests/**"\nvalue = 1\nkey = "a.c"\n'
    )
    code, out, _ = run("check")
    assert code == 1
    assert "rules/broken.toml:1: HCL900 rule `moved` is stale" in out
    assert "rules/broken.toml:6: HCL900 rule `broad` is ambiguous" in out


def test_min_progress(project):
    code, out, _ = run("check", "--min-progress", "30")
    assert "progress is 28.3%, below --min-progress 30.0%" in out  # 13 of 46, none kept yet
    run("baseline")
    assert run("check", "--min-progress", "20")[0] == 0
    code, out, _ = run("check", "--min-progress", "50")
    # the 16 baselined findings are kept: 13 migrated of the 30 sites left to migrate
    assert code == 1 and "progress is 43.3%, below --min-progress 50.0%" in out


def test_defaults_file_disagreeing_with_a_literal_fails(project):
    run("baseline")
    edit(project / "config" / "defaults.toml", "min_ttl_ms = 1", "min_ttl_ms = 2")
    code, out, _ = run("check")
    assert code == 1 and "retry.min_ttl_ms = 2 in the file, but the literal it replaces is 1" in out


def test_file_mode_judges_only_the_given_files(project):
    (project / "rules" / "broken.toml").write_text(
        '[[rule]]\nid = "moved"\npath = "src/gone.py"\nkey = "a.b"\n'
    )
    assert run("check", "src/pubsub.py")[0] == 0  # stale rule elsewhere, unmapped tests elsewhere
    code, out, _ = run("check", "tests/test_streams.py")
    assert code == 1 and out.count("new hardcoded") == 2


def test_sarif_validates_and_fingerprints_are_stable(project):
    code, out, _ = run("check", "--format", "sarif")
    assert code == 1
    document = json.loads(out)
    jsonschema.validate(document, SARIF_SCHEMA)
    results = document["runs"][0]["results"]
    assert len(results) == 16 and results[0]["level"] == "error"
    fingerprints = [r["partialFingerprints"]["hardcodeLint/v1"] for r in results]
    edit(project / "tests" / "test_streams.py", "import asyncio", "\n\nimport asyncio")
    again = json.loads(run("check", "--format", "sarif")[1])["runs"][0]["results"]
    assert [r["partialFingerprints"]["hardcodeLint/v1"] for r in again] == fingerprints


def test_scan_sarif_has_rule_descriptors_and_fixes(project):
    document = json.loads(run("scan", "--format", "sarif")[1])
    jsonschema.validate(document, SARIF_SCHEMA)
    run_ = document["runs"][0]
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {"HCL101", "HCL201", "HCL301"}
    with_fix = [r for r in run_["results"] if "fixes" in r]
    assert len(with_fix) == 17  # every pending site has its rule's replacement as a fix
    replacement = with_fix[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "config.jobs.attempt_id_min"


def test_github_annotations(project):
    code, out, _ = run("check", "--format", "github")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("::error file=src/phase2/streams.py,line=35,col=74,")
    _, out, _ = run("scan", "--format", "github")
    assert out.startswith("::warning file=src/job_management.py,line=10,col=37,")


def test_check_json(project):
    code, out, _ = run("check", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["passed"] is False and len(data["failures"]) == 16
    assert data["failures"][0]["kind"] == "new-finding" and data["failures"][0]["finding"]["line"]


def test_corrupt_baseline_is_a_usage_error(project):
    (project / ".hardcode-lint-baseline.json").write_text("{not json")
    code, _, err = run("check")
    assert code == 2 and "not a hardcode-lint baseline" in err
