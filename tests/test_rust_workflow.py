"""Rust findings through the rest of the pipeline: suggest, gate, SARIF, fix safety."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema

from hardcode_lint.model import Context, Finding, Kind
from hardcode_lint.rules.suggest import propose_key
from tests.test_fix import commit_all, git
from tests.test_rust_fixture import RUST, run

SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"


def rust_finding(**fields: object) -> Finding:
    base: dict[str, object] = dict(
        path="src/app/startup.rs", line=1, column=1, end_line=1, end_column=2,
        kind=Kind.DURATION, code="HCL101", context=Context.CALL, value="60", number=60,
        unit="s", seconds=60, api="std::time::Duration::from_secs", arg=0,
        scope="session_cleanup_loop", snippet="Duration::from_secs(60)", test=False,
        language="rust",
    )  # fmt: skip
    return Finding(**{**base, **fields})  # type: ignore[arg-type]


def test_suggested_keys_come_from_the_rust_context():
    assert propose_key(rust_finding()) == "app.startup.session_cleanup_interval_seconds"
    clamp = rust_finding(kind=Kind.CLAMP, code="HCL201", api="max", unit=None, seconds=None,
                         scope="RedisHandle::set_with_ttl", snippet="ttl_seconds.max(1)")  # fmt: skip
    assert propose_key(clamp) == "app.startup.min_ttl_seconds"


def test_suggested_rules_pass_validate_and_check_on_the_code_they_came_from(crate):
    shutil.rmtree(crate / "rules")
    (crate / "rules").mkdir()
    code, _, err = run("rules", "suggest", "--output", "rules/", cwd=crate)
    assert code == 0, err
    text = "".join(p.read_text() for p in (crate / "rules").glob("*.toml"))
    assert 'path = "src/app/mod.rs"' in text
    assert run("rules", "validate", cwd=crate)[0] == 0
    code, out, err = run("check", cwd=crate)
    assert code == 0, out + err


def test_baseline_then_check_on_rust(crate):
    assert run("check", cwd=crate)[0] == 1  # unmapped findings, no baseline yet
    assert run("baseline", cwd=crate)[0] == 0
    assert run("check", cwd=crate)[0] == 0
    path = crate / "src" / "pubsub.rs"
    path.write_text(path.read_text() + "\npub fn extra() -> u64 { 7u64.max(3) }\n")
    code, out, _ = run("check", cwd=crate)
    assert code == 1 and "src/pubsub.rs" in out and "`3`" in out
    assert "`// hardcode-lint: ignore`" in out and "# hardcode-lint" not in out  # Rust's syntax


def test_sarif_for_rust_findings_is_valid():
    _, out, _ = run("scan", "--no-cache", "--format", "sarif", cwd=RUST)
    log = json.loads(out)
    jsonschema.validate(log, json.loads(SCHEMA.read_text("utf-8")))
    assert len(log["runs"][0]["results"]) == 32


def write_crate(root: Path, source: bytes, rule: str) -> None:
    (root / "hardcode-lint.toml").write_text("")
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "src" / "lib.rs").write_bytes(source)
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "m.toml").write_text(rule)
    git(root, "init", "-q")
    commit_all(root)


RULE = """
[[rule]]
id = "ttl"
path = "src/lib.rs"
api = "Duration::from_secs"
key = "net.ttl_secs"
replace = "global().net.ttl_secs"
imports = ["use crate::config::global;"]
"""


def test_fix_keeps_crlf_and_the_bom_and_adds_use_after_the_use_block(tmp_path):
    source = (b"\xef\xbb\xbf//! Net.\r\nuse std::time::Duration;\r\n\r\n"
              b"pub fn ttl() -> Duration { Duration::from_secs(30) }\r\n")  # fmt: skip
    write_crate(tmp_path, source, RULE)
    code, _, err = run("fix", "--write", cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "src" / "lib.rs").read_bytes() == (
        b"\xef\xbb\xbf//! Net.\r\nuse std::time::Duration;\r\nuse crate::config::global;\r\n\r\n"
        b"pub fn ttl() -> Duration { Duration::from_secs(global().net.ttl_secs) }\r\n"
    )


def test_fix_adds_use_below_inner_docs_and_attributes_when_there_is_no_use_block(tmp_path):
    source = b"//! Net.\n#![allow(dead_code)]\nfn ttl() { std::time::Duration::from_secs(30); }\n"
    write_crate(tmp_path, source, RULE)
    assert run("fix", "--write", cwd=tmp_path)[0] == 0
    assert (tmp_path / "src" / "lib.rs").read_bytes() == (
        b"//! Net.\n#![allow(dead_code)]\nuse crate::config::global;\n\n"
        b"fn ttl() { std::time::Duration::from_secs(global().net.ttl_secs); }\n"
    )


def test_a_use_that_stands_in_a_group_is_not_repeated(tmp_path):
    source = (b"use crate::config::{global, Other};\n"
              b"fn ttl() { std::time::Duration::from_secs(30); }\n")  # fmt: skip
    write_crate(tmp_path, source, RULE)
    assert run("fix", "--write", cwd=tmp_path)[0] == 0
    assert (tmp_path / "src" / "lib.rs").read_text().count("use ") == 1


def test_a_use_that_would_shadow_a_binding_is_refused(tmp_path):
    source = b"use other::global;\nfn ttl() { std::time::Duration::from_secs(30); }\n"
    write_crate(tmp_path, source, RULE)
    code, _, err = run("fix", "--write", cwd=tmp_path)
    assert code == 1 and "would shadow `global`, already bound to other::global" in err
    assert (tmp_path / "src" / "lib.rs").read_bytes() == source


def test_rust_rules_validate_replace_and_imports_as_rust(tmp_path):
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "m.toml").write_text(
        '[[rule]]\nid = "a"\npath = "src/*.rs"\nkey = "k"\nreplace = "global().k;"\n'
        '[[rule]]\nid = "b"\npath = "src/*.rs"\nkey = "k2"\nimports = ["import os"]\n'
    )
    code, out, _ = run("rules", "validate", cwd=tmp_path)
    assert code == 2
    assert "rules/m.toml:5: `replace` replacement 'global().k;' is not one Rust expression" in out
    assert "rules/m.toml:10: `imports` 'import os' is not a Rust `use` declaration" in out
