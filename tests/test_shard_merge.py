"""Sharding a repository among N jobs and merging their outputs (contract section 7).

The generated repository is big enough that every shard holds files of both languages, and its
rules are judged differently per shard than on the whole: a rule whose sites lie in several
shards is ambiguous only when they are put together; a rule stale in the shards without its
file; a migrated rule whose replacement lives in one shard.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from hardcode_lint.shard import parse_shard, shard_of
from tests.helpers import cli
from tests.test_gate import SARIF_SCHEMA

SHARDS = 4


def _python(index: int) -> str:
    sleep = "config.polling.interval" if index == 7 else str(index % 9 + 1)  # migrated
    return (
        "import time\nfrom datetime import timedelta\nfrom app.config import config\n\n\n"
        f"def job_{index}():\n    time.sleep({sleep})\n"
        f"    return timedelta(seconds={index % 5 + 30})\n\n\n"
        f"def retry_{index}(n):\n    return max(n, {index % 3 + 2})\n"
    )


def _rust(index: int) -> str:
    return (
        "use std::time::Duration;\n\n"
        f"pub fn wait_{index}() {{\n"
        f"    std::thread::sleep(Duration::from_secs({index % 7 + 1}));\n}}\n"
    )


RULES = """\
[module]
name = "Polling"
priority = "P0"
paths = ["src/app/**"]

[[rule]]
id = "poll-interval"
path = "src/app/m7.py"
api = "time.sleep"
key = "polling.interval"
replace = "config.polling.interval"
imports = ["from app.config import config"]

[[rule]]
id = "token-ttl"
path = "src/app/**"
api = "timedelta"
arg = "seconds"
value = 31
key = "tokens.ttl"

[[rule]]
id = "retries-everywhere"
path = "src/app/**"
api = "max"
value = 3
count = "*"
key = "retry.floor"

[[rule]]
id = "gone"
path = "src/app/nowhere.py"
value = 99
key = "gone.value"
"""

RUST_RULES = """\
[module]
name = "Native"
priority = "P1"
paths = ["native/**"]

[[rule]]
id = "native-wait"
path = "native/src/**"
api = "Duration::from_secs"
value = 3
key = "native.wait"
"""


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("org") / "service"
    (root / "src" / "app").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "native" / "src").mkdir(parents=True)
    (root / "rules").mkdir()
    for i in range(150):
        (root / "src" / "app" / f"m{i}.py").write_text(_python(i), "utf-8")
    for i in range(40):
        (root / "tests" / f"test_m{i}.py").write_text(_python(i + 1000), "utf-8")
    for i in range(90):
        (root / "native" / "src" / f"w{i}.rs").write_text(_rust(i), "utf-8")
    (root / "native" / "Cargo.toml").write_text('[package]\nname = "native"\n', "utf-8")
    (root / "src" / "app" / "broken.py").write_text("def (:\n", "utf-8")
    (root / "rules" / "polling.toml").write_text(RULES, "utf-8")
    (root / "rules" / "native.toml").write_text(RUST_RULES, "utf-8")
    (root / "hardcode-lint.toml").write_text('languages = ["python", "rust"]\n', "utf-8")
    return root


def _report(root: Path, out: Path, *extra: str) -> dict:
    code, _, err = cli("report", str(root), "--format", "json", "--output", str(out),
                       "--jobs", "1", "--no-cache", *extra)  # fmt: skip
    assert code == 0, err
    return json.loads(out.read_text("utf-8"))


@pytest.fixture(scope="module")
def runs(repository: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("outputs")
    whole = _report(repository, out / "whole.json")
    shards = [out / f"shard-{k}.json" for k in range(1, SHARDS + 1)]
    for k, path in enumerate(shards, 1):
        _report(repository, path, "--shard", f"{k}/{SHARDS}")
    return {"whole": whole, "shards": shards, "out": out}


def _comparable(report: dict) -> dict:
    return {k: v for k, v in report.items()
            if k not in ("generated", "shard", "repositories", "keys")}  # fmt: skip


def test_the_merge_of_the_shards_is_the_unsharded_report(runs: dict) -> None:
    merged_file = runs["out"] / "merged.json"
    code, _, err = cli("merge", "--format", "json", "--output", str(merged_file),
                       *map(str, runs["shards"]))  # fmt: skip
    assert code == 0, err
    merged, whole = json.loads(merged_file.read_text("utf-8")), runs["whole"]
    statuses = {r["status"] for m in whole["modules"] for r in m["rules"]}
    assert {"pending", "migrated", "ambiguous", "stale"} <= statuses  # the test means something
    assert whole["totals"]["unmapped"] > 0 and whole["errors"] == 1
    assert merged["totals"] == whole["totals"]
    assert _comparable(merged) == _comparable(whole)
    assert merged["repositories"][0]["shards"] == SHARDS


def test_a_shard_alone_cannot_judge_a_rule_spread_over_shards(runs: dict) -> None:
    """Each shard sees fewer sites than the whole: its own statuses differ, so the merge must
    judge them again (otherwise the first test could pass by accident)."""
    whole = {r["id"]: r["status"] for m in runs["whole"]["modules"] for r in m["rules"]}
    first = json.loads(runs["shards"][0].read_text("utf-8"))
    local = {r["id"]: r["status"] for m in first["modules"] for r in m["rules"]}
    assert local != whole


def test_every_file_is_in_exactly_one_shard_whatever_the_order() -> None:
    paths = [f"src/pkg{i}/mod{j}.py" for i in range(20) for j in range(20)]
    owners = [[k for k in range(1, 5) if parse_shard(f"{k}/4").holds(p)] for p in paths]
    assert all(len(o) == 1 for o in owners)
    assert {o[0] for o in owners} == {1, 2, 3, 4}
    assert [shard_of(p, 4) for p in reversed(paths)] == [shard_of(p, 4) for p in paths][::-1]


def test_a_missing_shard_is_reported(runs: dict) -> None:
    code, out, err = cli("merge", "--format", "json", *map(str, runs["shards"][:3]))
    assert code == 1
    assert f"shard 4/{SHARDS} missing" in err
    assert json.loads(out)["repositories"][0]["missing"] == [f"4/{SHARDS}"]


def test_overlapping_shards_are_refused_naming_the_files(runs: dict) -> None:
    first = runs["shards"][0]
    copy = runs["out"] / "again.json"
    copy.write_text(first.read_text("utf-8"), "utf-8")
    code, _, err = cli("merge", str(first), str(copy))
    assert code == 2
    assert str(first) in err and str(copy) in err


def test_outputs_of_other_settings_are_refused(runs: dict) -> None:
    first, second = runs["shards"][:2]
    data = json.loads(second.read_text("utf-8"))
    data["settings"] = "0" * 16
    other = runs["out"] / "other-settings.json"
    other.write_text(json.dumps(data), "utf-8")
    code, _, err = cli("merge", str(first), str(other))
    assert code == 2
    assert "different settings" in err and str(other) in err


def test_different_settings_change_the_fingerprint(repository: Path, tmp_path: Path) -> None:
    before = _report(repository, tmp_path / "a.json", "--shard", "1/4")["settings"]
    config = repository / "hardcode-lint.toml"
    saved = config.read_text("utf-8")
    try:
        config.write_text(saved + 'test-paths = ["tests/**", "src/app/m1*.py"]\n', "utf-8")
        after = _report(repository, tmp_path / "b.json", "--shard", "1/4")["settings"]
    finally:
        config.write_text(saved, "utf-8")
    assert before != after


def test_repositories_merge_with_a_keys_table(runs: dict, tmp_path: Path) -> None:
    """Two services sharing a key with different values: the key table shows it."""
    whole = runs["whole"]
    other = json.loads(json.dumps(whole))
    other["repository"] = {"url": None, "commit": None, "name": "billing"}
    for module in other["modules"]:
        for rule in module["rules"]:
            if rule["key"] == "tokens.ttl":
                for literal in rule["literals"]:
                    literal.update(value="45", number=45)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(whole), "utf-8")
    b.write_text(json.dumps(other), "utf-8")
    code, out, err = cli("merge", "--format", "json", str(a), str(b))
    assert code == 0, err
    merged = json.loads(out)
    assert len(merged["repositories"]) == 2
    assert merged["totals"]["sites"] == 2 * whole["totals"]["sites"]
    ttl = next(k for k in merged["keys"] if k["key"] == "tokens.ttl")
    assert ttl["differs"] and ttl["repositories"] == sorted(["billing", "service"])
    for fmt, marker in (("text", "DIFFERS"), ("markdown", "| tokens.ttl"), ("html", "<table>")):
        code, out, _ = cli("merge", "--format", fmt, str(a), str(b))
        assert code == 0 and marker in out


def test_a_scan_output_given_to_merge_is_refused_saying_what_merge_reads(
    repository: Path, tmp_path: Path
) -> None:
    scanned = tmp_path / "scan-1.json"
    code, _, err = cli("scan", str(repository), "--format", "json", "--shard", "1/4",
                       "--jobs", "1", "--no-cache", "--output", str(scanned))  # fmt: skip
    code, _, err = cli("merge", str(scanned))
    assert code == 2 and "Traceback" not in err
    assert str(scanned) in err and "hardcode-lint report --format json" in err


def test_scan_json_and_sarif_say_what_they_cover(repository: Path) -> None:
    code, out, _ = cli("scan", str(repository), "--format", "json", "--shard", "2/4",
                       "--jobs", "1", "--no-cache")  # fmt: skip
    data = json.loads(out)
    assert code == 0 and data["shard"] == "2/4" and data["tool"]["name"] == "hardcode-lint"
    assert data["repository"]["name"] == "service" and data["settings"]
    assert all(shard_of(f["path"], 4) == 2 for f in data["findings"])


def _sarif(*args: str) -> dict:
    code, out, err = cli(*args, "--format", "sarif", "--jobs", "1", "--no-cache")
    assert code in (0, 1), err
    document = json.loads(out)
    jsonschema.validate(document, SARIF_SCHEMA)
    return document["runs"][0]


def _fingerprints(run: dict) -> dict[str, dict]:
    return {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] + ":"
            + str(r["locations"][0]["physicalLocation"]["region"]["startLine"]):
            r["partialFingerprints"] for r in run["results"]}  # fmt: skip


def test_sarif_of_each_shard_is_valid_categorised_and_fingerprinted_as_unsharded(
    repository: Path,
) -> None:
    """Code scanning keeps one set of alerts per category: each shard its own; an alert's
    fingerprint is the same whichever job found it, so no alert is closed and reopened."""
    whole = _fingerprints(_sarif("scan", str(repository)))
    assert "automationDetails" not in _sarif("scan", str(repository))
    found: dict[str, dict] = {}
    for k in range(1, 5):
        for command in ("scan", "check"):
            run = _sarif(command, str(repository), "--shard", f"{k}/4")
            assert run["automationDetails"]["id"] == f"hardcode-lint/{k}-of-4/"
            if command == "scan":
                found.update(_fingerprints(run))
    assert found == whole and len(whole) > 100


def test_a_bad_shard_is_one_line(repository: Path) -> None:
    code, _, err = cli("scan", str(repository), "--shard", "5/4")
    assert code == 2 and "Traceback" not in err
