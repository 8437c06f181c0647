"""Rust names where users live (issue 20): C/OS constant tables, names without a unit word,
zeros, struct-literal limits and unit-conversion constants.  Rust source in, findings out."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, analyze_file
from hardcode_lint.lang.base import DetectOptions
from hardcode_lint.lang.rust.frontend import RustFrontend
from hardcode_lint.model import Finding


def scan(root: Path, source: str, rel: str = "src/lib.rs") -> list[Finding]:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    task = FileTask(path=path, rel=rel, test=False, language="rust")
    result = analyze_file(task, settings_for(Config(root=root)))
    assert result.error is None, result.error
    return list(result.findings)


def names(root: Path, source: str, rel: str = "src/lib.rs") -> list[str | None]:
    return [f.api for f in scan(root, source, rel)]


TABLE = """
pub const SYS_wait4: u32 = 260;
pub const MS_SYNC: u32 = 4;
pub const ERROR_TIMEOUT: u32 = 1460;
pub const IFLA_GSO_MAX_SIZE: u32 = 41;
"""


@pytest.mark.parametrize(
    "manifest",
    ['[package]\nname = "linux-raw-sys"\nversion = "0.1.0"\n',
     '[package]\nname = "zstd-safe"\nversion = "0.1.0"\nlinks = "zstd"\n'],
    ids=["a -sys package", "a package with links"],
)  # fmt: skip
def test_the_constants_of_a_binding_package_are_no_findings(tmp_path, manifest):
    (tmp_path / "Cargo.toml").write_text(manifest)
    assert names(tmp_path, TABLE, "src/x86/consts.rs") == []


def test_the_same_constants_in_an_ordinary_package_are_findings(tmp_path):
    (tmp_path / "Cargo.toml").write_text('[package]\nname = "app"\nversion = "0.1.0"\n')
    assert names(tmp_path, TABLE) == ["SYS_wait4", "MS_SYNC", "IFLA_GSO_MAX_SIZE"]


def test_a_file_with_an_extern_block_is_a_c_table(tmp_path):
    source = TABLE + 'extern "C" {\n    fn wait4(pid: i32) -> i32;\n}\n'
    assert names(tmp_path, source) == []
    # `extern "C" fn` (a callback) and `extern crate` are no extern blocks
    source = TABLE + 'extern crate libc;\npub extern "C" fn cb() {}\n'
    assert names(tmp_path, source) == ["SYS_wait4", "MS_SYNC", "IFLA_GSO_MAX_SIZE"]


def test_a_run_of_constants_with_an_os_prefix_is_a_c_table(tmp_path):
    run = "".join(f"pub const SYS_call{i}: u32 = {i + 1};\n" for i in range(4))
    source = run + "pub const SYS_wait4: u32 = 260;\nconst POLL_TIMEOUT_MS: u64 = 500;\n"
    assert names(tmp_path, source) == ["POLL_TIMEOUT_MS"]
    # one SYS_ constant alone is no run: its words decide
    assert names(tmp_path, "pub const SYS_wait4: u32 = 260;\n") == ["SYS_wait4"]


def test_errno_and_windows_names_form_runs(tmp_path):
    errno = "".join(f"pub const E{n}: i32 = {i + 1};\n" for i, n in enumerate(
        ["PERM", "NOENT", "SRCH", "INTR", "IO", "TIMEDOUT"]))  # fmt: skip
    windows = "".join(f"pub const ERROR_{n}: u32 = {i + 1};\n" for i, n in enumerate(
        ["A", "B", "C", "D"])) + "pub const ERROR_TIMEOUT: u32 = 1460;\n"  # fmt: skip
    assert names(tmp_path, errno + windows + "const EVENT_TIMEOUT_MS: u64 = 5;\n") == [
        "EVENT_TIMEOUT_MS"
    ]


def test_a_run_of_c_typed_constants_is_a_c_table(tmp_path):
    source = "".join(f"pub const RPC_C_OPT_{i}: DWORD = {i + 1};\n" for i in range(4))
    source += "pub const SQL_LOGIN_TIMEOUT: libc::c_int = 103;\n"
    assert names(tmp_path, source) == []
    # one C-typed tunable in application code stays a finding
    assert names(tmp_path, "const POLL_TIMEOUT_MS: libc::c_int = 100;\n") == ["POLL_TIMEOUT_MS"]


def test_a_file_of_hundreds_of_constants_is_a_table(tmp_path):
    source = "".join(f"pub const DT_{i}: u32 = {i};\n" for i in range(120))
    assert names(tmp_path, source + "pub const MAX_SIZE: usize = 64;\n") == []


@pytest.mark.parametrize(
    ("source", "unit", "seconds"),
    [
        ("const INTERVAL: u64 = 1_000_000;", None, None),
        ("const EVENT_INTERVAL: u32 = 4;", None, None),
        ("fn f() { let lifetime = 60 * 60 * 12; }", None, None),
        ("const TIMEOUT_MS: u64 = 500;", "ms", 0.5),
        ("const SPIN_TIMEOUT_S: u64 = 10;", "s", 10),
        ("const POLL_INTERVAL_SECS: u64 = 30;", "s", 30),
        ("fn f() { let timeout_us = 250; }", "us", 0.00025),
        ("const RETRY_DELAY_NANOS: u64 = 1_000;", "ns", 0.000001),
    ],
)
def test_a_rust_name_has_the_unit_of_its_words_or_none(tmp_path, source, unit, seconds):
    (finding,) = scan(tmp_path, source + "\n")
    assert (finding.kind.value, finding.unit, finding.seconds) == ("duration", unit, seconds)


def test_a_count_typed_period_is_no_duration(tmp_path):
    """memchr's `Suffix { period: 1 }` counts; a constant interval stays one whatever its
    integer type (sysinfo's `const SAMPLING_INTERVAL: usize = 5`, seconds by its comment)."""
    source = """
    struct Suffix { pos: usize, period: usize }
    struct Every { period_secs: usize }
    fn f() { let s = Suffix { pos: 0, period: 1 }; let e = Every { period_secs: 5 }; }
    fn g() { let max_countdown: usize = 20; }
    const RETRY_INTERVAL: u64 = 20;
    const SAMPLING_INTERVAL: usize = 5;
    """
    assert names(tmp_path, source) == ["period_secs", "RETRY_INTERVAL", "SAMPLING_INTERVAL"]


def test_struct_literal_limits_and_bursts_are_named_findings(tmp_path):
    source = """
    const MAX_BURST: u8 = 20;
    fn new() -> AgentConfig { AgentConfig { redirects: 5, timeout_connect: None } }
    """
    found = [
        (f.api, f.value, f.kind.value, f.context.value, f.code) for f in scan(tmp_path, source)
    ]
    assert found == [("MAX_BURST", "20", "limit", "assignment", "HCL302"),
                     ("redirects", "5", "limit", "assignment", "HCL302")]  # fmt: skip


def test_hex_literals_bound_to_names_are_codes(tmp_path):
    source = """
    static SEQ_SOFT_LIMIT: u64 = 0xffff_ffff_ffff_0000u64;
    const CHUNK_MAX_SIZE: usize = 0x4000;
    const MAX_SIZE: usize = 16384;
    """
    assert names(tmp_path, source) == ["MAX_SIZE"]


def test_unit_conversion_constants_are_no_findings(tmp_path):
    source = """
    use std::time::Duration;
    const NANOS_PER_SEC: u32 = 1_000_000_000;
    const MICROS_PER_MILLI: u32 = 1_000;
    const SECS_PER_MINUTE: u64 = 60;
    const MILLIS_PER_SEC: u64 = 1_000;
    const SECOND: Duration = Duration::from_secs(1);
    const MINUTE: u64 = 60;
    const TIMEOUT: Duration = Duration::from_secs(30);
    """
    assert names(tmp_path, source) == ["std::time::Duration::from_secs"]


@pytest.mark.parametrize(
    "source",
    ["Duration::from_secs(0)", "Duration::from_millis(0u64)", "Duration::from_secs_f64(0.0)",
     "Duration::from_secs(0 * 60)", "Duration::new(0, 0)"],
)  # fmt: skip
def test_rust_zeros_are_hits_with_number_zero(source):
    """The engine's include-zero rule reads ``number``: every Rust spelling of a zero duration
    must give 0 there (``Duration::ZERO`` is no literal at all)."""
    text = f"use std::time::Duration;\nfn f() {{ {source}; Duration::ZERO; }}\n"
    frontend = RustFrontend()
    detected = frontend.detect(frontend.decode(text.encode(), "lib.rs", "lib.rs"),
                               DetectOptions(catalog=""))  # fmt: skip
    assert detected.hits
    assert all(hit.number == 0 for hit in detected.hits), detected.hits


def test_bindings_need_no_path_on_disk():
    """A buffer with no file (an editor's) is judged by its text alone."""
    frontend = RustFrontend()
    source = frontend.decode(TABLE.encode(), "lib.rs", "lib.rs")
    hits: list[Any] = frontend.detect(source, DetectOptions(catalog="")).hits
    assert [h.api for h in hits] == ["SYS_wait4", "MS_SYNC", "IFLA_GSO_MAX_SIZE"]


def test_max_and_min_with_any_noun_are_limits_but_not_facts(tmp_path):
    source = """
    const MAX_IOVS: usize = 64;
    pub const DEFAULT_RESET_STREAM_MAX: usize = 10;
    static TLS13_MAX_DROPPED_CCS: u8 = 2u8;
    fn new() -> Config { Config { max_tlps: 2 } }
    const MAX_U32: u64 = 4_294_967_295;
    const MAX_BITS: usize = 44;
    static T_MIN: u32 = 1;
    pub const DEFAULT_INITIAL_WINDOW_SIZE: u32 = 65_535;
    pub(crate) const SPEC_WINDOW_SIZE: u32 = 65_536;
    """
    assert names(tmp_path, source) == [
        "MAX_IOVS", "DEFAULT_RESET_STREAM_MAX", "TLS13_MAX_DROPPED_CCS", "max_tlps",
        "DEFAULT_INITIAL_WINDOW_SIZE"]  # fmt: skip


def test_connection_and_stream_windows_are_limits(tmp_path):
    source = """
    const DEFAULT_CONN_WINDOW: u32 = 1024 * 1024 * 5;
    const DEFAULT_STREAM_WINDOW: u32 = 1024 * 1024 * 2;
    const WINDOW: u32 = 1024;
    """
    assert names(tmp_path, source) == ["DEFAULT_CONN_WINDOW", "DEFAULT_STREAM_WINDOW"]
