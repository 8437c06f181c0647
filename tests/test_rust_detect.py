"""The Rust front end, case by case: a snippet of Rust in, the findings out (contract 1R)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, analyze_file
from hardcode_lint.model import Finding


def detect_rust(tmp_path: Path, source: str, name: str = "lib.rs", **config: Any) -> list[Finding]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    settings = settings_for(Config(root=tmp_path, **config))
    task = FileTask(path=path, rel=name, test=False, language="rust")
    result = analyze_file(task, settings)
    assert result.error is None, result.error
    return list(result.findings)


def found(tmp_path: Path, source: str, **config: Any) -> list[tuple[Any, ...]]:
    return [(f.kind.value, f.api, f.value, f.arg) for f in detect_rust(tmp_path, source, **config)]


D = "std::time::Duration"

CASES = [
    # durations, resolved through use declarations, groups, aliases and full paths
    ("use std::time::Duration;\nfn f() { Duration::from_secs(5); }",
     [("duration", f"{D}::from_secs", "5", 0)]),
    ("use std::{cmp, time::Duration as Dur};\nfn f() { Dur::from_millis(250); }",
     [("duration", f"{D}::from_millis", "250", 0)]),
    ("fn f() { std::time::Duration::from_micros(7); }",
     [("duration", f"{D}::from_micros", "7", 0)]),
    ("use std::time::Duration;\nfn f() { Duration::new(1, 500_000_000); }",
     [("duration", f"{D}::new", "1", 0), ("duration", f"{D}::new", "500_000_000", 1)]),
    ("use chrono::{Duration, TimeDelta};\nfn f() { Duration::hours(2); TimeDelta::try_days(3); }",
     [("duration", "chrono::Duration::hours", "2", 0),
      ("duration", "chrono::TimeDelta::try_days", "3", 0)]),
    # the literal inside sleep/timeout/interval is found once, through its constructor
    ("use std::time::Duration;\nasync fn f() { tokio::time::sleep(Duration::from_secs(3)).await; "
     "std::thread::sleep(Duration::from_nanos(9)); }",
     [("duration", f"{D}::from_secs", "3", 0), ("duration", f"{D}::from_nanos", "9", 0)]),
    # literal forms
    ("use std::time::Duration;\nfn f() { Duration::from_secs(5u64); Duration::from_secs(86400_u64); "
     "Duration::from_secs_f64(2.5e3); Duration::from_secs_f32(0f32); Duration::from_secs(10 * 60); "
     "Duration::from_secs((30)); Duration::from_millis(100 as u64); }",
     [("duration", f"{D}::from_secs", "5u64", 0), ("duration", f"{D}::from_secs", "86400_u64", 0),
      ("duration", f"{D}::from_secs_f64", "2.5e3", 0),  # `0f32`: a zero is no tunable
      ("duration", f"{D}::from_secs", "10 * 60", 0), ("duration", f"{D}::from_secs", "30", 0),
      ("duration", f"{D}::from_millis", "100", 0)]),
    # clamps: methods on any receiver (chains count once each), cmp::max/min, imported max
    ("fn f(p: f64, t: u64) { p.min(1.0).max(0.0); t.clamp(1, 10); }",
     [("clamp", "min", "1.0", 0), ("clamp", "clamp", "1", 0),  # `.max(0.0)`: a zero
      ("clamp", "clamp", "10", 1)]),
    ("fn f(hb: u64) -> u64 { (hb * 3).max(10) }", [("clamp", "max", "10", 0)]),
    ("fn f(x: i64) { x.max(-1); }", [("clamp", "max", "-1", 0)]),
    ("use std::cmp;\nfn f(a: u32) { cmp::max(a, 1); std::cmp::min(100, a); }",
     [("clamp", "std::cmp::max", "1", 1), ("clamp", "std::cmp::min", "100", 0)]),
    # the method called as a function (indicatif's `Ord::max(t, 2)`)
    ("fn f(t: u64) -> u64 { Ord::max(t, 2) }", [("clamp", "Ord::max", "2", 1)]),
    ("use std::cmp::{max, min};\nfn f(a: u32) { max(a, 1); min(a, 2); }",
     [("clamp", "std::cmp::max", "1", 1), ("clamp", "std::cmp::min", "2", 1)]),
    # names: const / static / let bindings and struct-literal fields
    ("const MAX_TTL: u32 = 86400_u32;\nstatic POLL_INTERVAL_SECS: u64 = 30;",
     [("duration", "MAX_TTL", "86400_u32", "MAX_TTL"),
      ("duration", "POLL_INTERVAL_SECS", "30", "POLL_INTERVAL_SECS")]),
    ("fn f() { let timeout_ms = 500; let mut max_size = 10; let count = 3; }",
     [("duration", "timeout_ms", "500", "timeout_ms"), ("limit", "max_size", "10", "max_size")]),
    ("fn f() -> Config { Config { poll_interval_secs: 30, max_size: 10, name: 5 } }",
     [("duration", "poll_interval_secs", "30", "poll_interval_secs"),
      ("limit", "max_size", "10", "max_size")]),
    ("const WAIT_TIMEOUT: u32 = 0x102;\nconst NANOS_PER_SEC: u64 = 1_000_000_000;", []),
    # macros: the token tree is read again
    ("use std::time::Duration;\nfn f(d: u64) { assert_eq!(d.max(1), 3); "
     "assert!(Duration::from_secs(2) > Duration::ZERO); let v = vec![Duration::from_millis(5); 2]; }",
     [("clamp", "max", "1", 0), ("duration", f"{D}::from_secs", "2", 0),
      ("duration", f"{D}::from_millis", "5", 0)]),
    ("use std::time::Duration;\nasync fn f() { tokio::select! { _ = tokio::time::sleep("
     "Duration::from_secs(3)) => {}, } tracing::info!(\"{}\", x.min(-5)); }",
     [("duration", f"{D}::from_secs", "3", 0), ("clamp", "min", "-5", 0)]),
    # `map_or`'s first argument is a fallback, as `unwrap_or`'s is (trust-dns' EDNS payload)
    ("fn f(e: Option<u16>) -> u16 { let max_size = e.map_or(512, |p| p); max_size }",
     [("limit", "max_size", "512", "max_size")]),
    ("fn f(e: Option<u16>) -> u16 { e.map_or(0, |p| p) + e.map_or(7, |p| p) }", []),
    # a crate's feature gate holds its own items (tokio's `cfg_io_util! { .. }`); a name in
    # another macro's body (`cfg_if!`'s platform branches) is judged only beside a candidate
    ("cfg_io_util! {\n    const DEFAULT_BUF_SIZE: usize = 8 * 1024;\n}\n"
     "cfg_if::cfg_if! { if #[cfg(x)] { const MAX_STRIDE_SIZE: usize = 16; } }",
     [("limit", "DEFAULT_BUF_SIZE", "8 * 1024", "DEFAULT_BUF_SIZE")]),
    # never findings
    ("use std::time::Duration;\n/// Sleeps `Duration::from_secs(9)`.\n//! x.max(4)\n"
     "fn f(x: (u64, u64), v: &[u8]) { let a = [0u8; 32]; let b = x.0; let c = &v[3]; "
     "for i in 0..10 {} match b { 5 => {}, _ => {} } let s = \"Duration::from_secs(5)\"; "
     "let m = 1 << 20; Vec::<u8>::with_capacity(5); bounded(0); x.delay(5); "
     "println!(\"{}\", \"x.max(3)\"); }\n#[cfg_attr(test, timeout(5))]\nfn g() {}",
     []),
    ("fn f(a: u32, b: u32) { std::cmp::max(1, 2); a.max(b); }", []),
    # a comment between arguments does not shift positions
    ("use std::time::Duration;\nfn f() { Duration::new(/* secs */ 1, // nanos\n 2); }",
     [("duration", f"{D}::new", "1", 0), ("duration", f"{D}::new", "2", 1)]),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_rust_cases(tmp_path, source, expected):
    assert found(tmp_path, source) == expected


def test_scope_names_impl_methods_nested_functions_and_modules(tmp_path):
    source = """\
    use std::time::Duration;
    struct Worker;
    impl Worker { fn run(&self) { Duration::from_secs(1); } }
    impl Default for Worker { fn default() -> Self { Duration::from_secs(2); Worker } }
    impl<T> Pool<T> { fn get(&self) { Duration::from_secs(3); } }
    fn outer() { fn inner() { Duration::from_secs(4); } }
    mod net { pub fn dial() { Duration::from_secs(5); } }
    const TOP_TIMEOUT_SECS: u64 = 6;
    """
    scopes = [f.scope for f in detect_rust(tmp_path, source)]
    assert scopes == ["Worker::run", "Worker::default", "Pool::get", "outer::inner", "net::dial",
                      None]  # fmt: skip


def test_test_code_is_recognised_by_cfg_test_and_test_attributes(tmp_path):
    source = """\
    use std::time::Duration;
    fn prod() { Duration::from_secs(1); }
    #[cfg(test)]
    mod tests {
        fn helper() { Duration::from_secs(2); }
    }
    #[tokio::test]
    async fn a_test() { Duration::from_secs(3); }
    #[cfg(not(test))]
    fn not_a_test() { Duration::from_secs(4); }
    """
    assert [f.test for f in detect_rust(tmp_path, source)] == [False, True, True, False]


def test_suppression_comments(tmp_path):
    source = """\
    fn f(a: u32) {
        a.max(1); // hardcode-lint: ignore
        a.max(2); // noqa: HCL201
        a.max(3); // noqa: HCL101
    }
    """
    assert [f.value for f in detect_rust(tmp_path, source)] == ["3"]


def test_positions_are_characters_and_byte_ranges_point_at_the_literal(tmp_path):
    source = 'fn f(a: u32) { let é = "ü"; a.max(42); }\n'
    (finding,) = detect_rust(tmp_path, source)
    data = source.encode()
    assert data[finding.start : finding.end] == b"42"
    assert (finding.line, finding.column, finding.end_column) == (1, 35, 37)
    assert finding.snippet[finding.snippet_start : finding.snippet_end] == "42"


def test_a_file_with_a_syntax_error_is_scanned_outside_the_broken_region(tmp_path):
    source = (
        "fn good(a: u32) { a.max(1); }\nfn broken( { a.max(2) \nfn later(b: u32) { b.min(3); }\n"
    )
    values = [f.value for f in detect_rust(tmp_path, source)]
    assert "1" in values and "2" not in values


def test_user_catalog_for_rust(tmp_path):
    catalog = {"rust": {"duration-apis": {"crate::retry::backoff": {"arg": 0, "unit": "ms"}}}}
    source = "use crate::retry::backoff;\nfn f() { backoff(250); other(250); }"
    findings = detect_rust(tmp_path, source, catalog=catalog)
    assert [(f.api, f.value, f.unit, f.seconds) for f in findings] == [
        ("crate::retry::backoff", "250", "ms", 0.25)
    ]


def test_an_empty_rust_file_is_valid(tmp_path):
    assert detect_rust(tmp_path, "") == []


def test_a_constant_named_for_a_unit_defines_the_unit_and_is_no_finding(tmp_path):
    """indicatif's `const SECOND: Duration = Duration::from_secs(1)` ... `YEAR` are what the units
    are, not settings; a constant named for what it is used for still is one."""
    source = textwrap.dedent("""
        use std::time::Duration;
        const SECOND: Duration = Duration::from_secs(1);
        static YEAR: Duration = Duration::from_secs(365 * 24 * 60 * 60);
        const MINUTE: u64 = 60;
        const ONE_DAY: Duration = Duration::from_secs(86_400);
        const POLL: Duration = Duration::from_secs(5);
        const TIMEOUT_SECS: u64 = 30;
        fn f() { let second = Duration::from_secs(1); }
    """)
    assert [f.snippet for f in detect_rust(tmp_path, source)] == [
        "Duration::from_secs(5)", "const TIMEOUT_SECS: u64 = 30", "Duration::from_secs(1)",
    ]  # fmt: skip
