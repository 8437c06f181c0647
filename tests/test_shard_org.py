"""An organisation's repositories in three languages, each split among 4 jobs (section 7).

Each generated repository has its own rules; some have a rule that only the whole repository
shows to be ambiguous, one a stale rule, one a key given two values in files that may lie in
different shards.  The merge of every job's output must be exactly the unsharded runs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hardcode_lint.shard import shard_of
from tests.helpers import cli

REPOSITORIES, SHARDS, FILES = 30, 4, 12
LANGUAGES = ("python", "rust", "go")


def _source(language: str, j: int, value: int) -> tuple[str, str]:
    """(path, text) of file ``j``: code under src/, the last two files tests."""
    test = j >= FILES - 2
    if language == "python":
        path = f"tests/test_m{j}.py" if test else f"src/svc/m{j}.py"
        return path, f"import time\n\n\ndef f{j}():\n    time.sleep({value})\n"
    if language == "rust":
        path = f"tests/t{j}.rs" if test else f"src/m{j}.rs"
        return path, (f"use std::time::Duration;\n\npub fn f{j}() {{\n"
                      f"    std::thread::sleep(Duration::from_secs({value}));\n}}\n")  # fmt: skip
    path = f"svc/m{j}_test.go" if test else f"svc/m{j}.go"
    return (
        path,
        f'package svc\n\nimport "time"\n\nfunc F{j}() {{\n\ttime.Sleep({value} * time.Second)\n}}\n',
    )


def _rules(index: int, timeout: int) -> str:
    rules = (f'[module]\nname = "Timeouts"\npriority = "P0"\npaths = ["**"]\n\n'
             f'[[rule]]\nid = "http-timeout"\npath = "**"\nvalue = {timeout}\ncount = "*"\n'
             f'key = "http.timeout"\n')  # fmt: skip
    if index == 0:  # six sites, count 5: ambiguous only when the shards are put together
        rules += '\n[[rule]]\nid = "poll"\npath = "**"\nvalue = 5\ncount = 5\nkey = "poll"\n'
    if index == 1:
        rules += '\n[[rule]]\nid = "gone"\npath = "src/nowhere.rs"\nvalue = 77\nkey = "gone"\n'
    if index == 3:  # every sleep, whatever its value: one key, several values
        rules += '\n[[rule]]\nid = "sleeps"\npath = "src/**"\napi = "time.sleep"\ncount = "*"\n'
        rules += 'key = "sleep.delay"\n'
    return rules


def _repository(base: Path, index: int) -> Path:
    language = LANGUAGES[index % 3]
    root = base / f"service-{index:02d}"
    timeout = 45 if index % 5 == 0 else 30  # one shared key, two values across services
    for j in range(FILES):
        value = timeout if j % 4 == 0 else 5 if index == 0 and j % 2 == 1 else 10 + j
        path, text = _source(language, j, value)
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, "utf-8")
    (root / "rules").mkdir()
    (root / "rules" / "timeouts.toml").write_text(_rules(index, timeout), "utf-8")
    (root / "hardcode-lint.toml").write_text(f'languages = ["{language}"]\n', "utf-8")
    return root


def _report(root: Path, out: Path, *extra: str) -> Path:
    code, _, err = cli("report", str(root), "--format", "json", "--output", str(out),
                       "--jobs", "1", "--no-cache", *extra)  # fmt: skip
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    base, out = tmp_path_factory.mktemp("org"), tmp_path_factory.mktemp("jobs")
    roots = [_repository(base, i) for i in range(REPOSITORIES)]
    wholes = [_report(root, out / f"{root.name}.json") for root in roots]
    shards = [_report(root, out / f"{root.name}-{k}.json", "--shard", f"{k}/{SHARDS}")
              for root in roots for k in range(1, SHARDS + 1)]  # fmt: skip
    return {"roots": roots, "wholes": wholes, "shards": shards}


def _merge(*files: Path, extra: tuple[str, ...] = ()) -> tuple[int, dict, str]:
    code, out, err = cli("merge", "--format", "json", *extra, *map(str, files))
    return code, json.loads(out) if out else {}, err


def _without(document: dict, *keys: str) -> dict:
    return {k: v for k, v in document.items() if k not in ("generated", *keys)}


def test_each_repository_merged_from_its_shards_is_its_unsharded_report(org: dict) -> None:
    for index, whole_file in enumerate(org["wholes"]):
        shards = org["shards"][index * SHARDS : (index + 1) * SHARDS]
        code, merged, err = _merge(*shards)
        assert code == 0, err
        whole = json.loads(whole_file.read_text("utf-8"))
        assert whole["totals"]["sites"] == FILES
        assert _without(merged, "shard", "repositories", "keys") == _without(whole, "shard")


def test_the_organisation_merged_from_all_jobs_is_the_merge_of_unsharded_runs(org: dict) -> None:
    code, from_shards, err = _merge(*org["shards"])
    assert code == 0, err
    code, from_wholes, err = _merge(*org["wholes"])
    assert code == 0, err
    for entry in from_shards["repositories"]:
        assert entry.pop("shards") == SHARDS and entry.pop("missing") == []
    for entry in from_wholes["repositories"]:
        assert entry.pop("shards") == 1
        entry.pop("missing")
    assert _without(from_shards) == _without(from_wholes)
    assert len(from_shards["repositories"]) == REPOSITORIES
    assert from_shards["totals"]["sites"] == REPOSITORIES * FILES
    statuses = {r["id"]: r["status"] for m in from_shards["modules"] for r in m["rules"]}
    assert statuses["poll"] == "ambiguous" and statuses["gone"] == "stale"
    timeout = next(k for k in from_shards["keys"] if k["key"] == "http.timeout")
    assert timeout["differs"] and {(u["value"], u["unit"]) for u in timeout["uses"]} == {
        ("30", "s"),
        ("45", "s"),
    }
    assert len(timeout["repositories"]) == REPOSITORIES


def test_a_missing_shard_is_named_and_the_rest_still_reported(org: dict) -> None:
    jobs = [f for f in org["shards"] if f.name != "service-07-3.json"]
    code, merged, err = _merge(*jobs)
    assert code == 1
    assert "service-07: shard 3/4 missing" in err
    entry = next(r for r in merged["repositories"] if r["name"] == "service-07")
    assert entry["missing"] == ["3/4"] and len(merged["repositories"]) == REPOSITORIES


def test_a_job_run_with_other_settings_is_refused(org: dict, tmp_path: Path) -> None:
    root = org["roots"][4]
    config = root / "hardcode-lint.toml"
    saved = config.read_text("utf-8")
    try:
        config.write_text(saved + 'test-paths = ["src/m1*.rs"]\n', "utf-8")
        odd = _report(root, tmp_path / "odd.json", "--shard", f"2/{SHARDS}")
    finally:
        config.write_text(saved, "utf-8")
    others = [f for f in org["shards"] if f.name != "service-04-2.json"]
    code, _, err = cli("merge", *map(str, others), str(odd))
    assert code == 2 and "different settings" in err and str(odd) in err
    assert "Traceback" not in err


def test_merge_check_judges_what_no_shard_can(org: dict) -> None:
    def shards(index: int) -> list[Path]:
        return org["shards"][index * SHARDS : (index + 1) * SHARDS]

    code, _, err = _merge(*shards(2), extra=("--check",))
    assert code == 0, err
    code, _, err = _merge(*shards(0), extra=("--check",))
    assert code == 1 and "rule `poll` is ambiguous" in err
    local = [json.loads(f.read_text("utf-8")) for f in shards(0)]
    assert "ambiguous" not in {r["status"] for d in local for m in d["modules"]
                               for r in m["rules"] if r["id"] == "poll"}  # fmt: skip
    code, _, err = _merge(*shards(1), extra=("--check",))
    assert code == 1 and "rule `gone` is stale" in err
    code, _, err = _merge(*shards(3), extra=("--check",))
    assert code == 1 and "key `sleep.delay` is given two values" in err
    code, _, err = _merge(*shards(2), extra=("--check", "--min-progress", "50"))
    assert code == 1 and "below --min-progress 50%" in err


def test_check_per_shard_fails_only_the_shard_of_a_new_finding(org: dict) -> None:
    root = org["roots"][6]
    assert cli("baseline", str(root), "--no-cache")[0] == 0
    new = root / "src" / "svc" / "late.py"
    new.write_text("import time\n\n\ndef late():\n    time.sleep(123)\n", "utf-8")
    try:
        codes = {k: cli("check", str(root), "--shard", f"{k}/{SHARDS}", "--no-cache")
                 for k in range(1, SHARDS + 1)}  # fmt: skip
    finally:
        new.unlink()
    owner = shard_of("src/svc/late.py", SHARDS)
    assert codes[owner][0] == 1 and "late.py" in codes[owner][1]
    assert all(code == 0 for k, (code, _, _) in codes.items() if k != owner), codes
