"""Rust tunables as real crates spell them (issue 20, measured on the Debian registry): wrapped
literals (`Some(5)`, `VarInt(5)`, `5u32.into()`), fallbacks (`x.unwrap_or(30)`), sizes
written as shifts, and the constants that only look like settings (a type's digit count, an
array impl's length, an epoch offset).  Rust source in, findings out."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, analyze_file
from hardcode_lint.model import Finding


def scan(root: Path, source: str) -> list[Finding]:
    path = root / "src/lib.rs"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    task = FileTask(path=path, rel="src/lib.rs", test=False, language="rust")
    result = analyze_file(task, settings_for(Config(root=root)))
    assert result.error is None, result.error
    return list(result.findings)


def seen(root: Path, source: str) -> list[tuple[str | None, object, str]]:
    return [(f.api, f.number, f.code) for f in scan(root, source)]


def test_a_wrapped_literal_of_a_struct_field_is_its_value(tmp_path):
    source = """
    fn config() -> Config {
        Config {
            max_message_size: Some(64 * 1024),
            max_idle_timeout: Some(VarInt(10_000)),
            max_concurrent_streams: 100u32.into(),
            keep_alive: Some(KeepAlive::new()),
        }
    }
    """
    assert seen(tmp_path, source) == [
        ("max_message_size", 65536, "HCL302"),
        ("max_idle_timeout", 10000, "HCL103"),
        ("max_concurrent_streams", 100, "HCL302"),
    ]


def test_a_constant_made_by_a_newtype_is_one_of_its_values(tmp_path):
    source = """
    pub const SETTINGS_TIMEOUT: Reason = Reason(4);
    pub const MAX_RETRIES: Option<u32> = Some(3);
    """
    assert seen(tmp_path, source) == [("MAX_RETRIES", 3, "HCL302")]


def test_a_fallback_is_named_by_its_binding_or_by_what_it_reads(tmp_path):
    source = """
    fn f(opts: &Opts) -> u64 {
        let timeout = opts.get("t").unwrap_or(30);
        let n = opts.max_retries.unwrap_or(3);
        let p = opts.poll_interval().unwrap_or(5);
        let w = epoll_timeout.map(|t| t.as_millis()).unwrap_or(-1);
        let x = opts.name.unwrap_or(7);
        timeout + n + p + w + x
    }
    """
    found = scan(tmp_path, source)
    assert [(f.api, f.arg, f.number, f.code) for f in found] == [
        ("timeout", "timeout", 30, "HCL103"),
        ("unwrap_or", "max_retries", 3, "HCL301"),
        ("unwrap_or", "poll_interval", 5, "HCL102"),
    ]
    assert [f.context for f in found] == ["assignment", "keyword", "keyword"]


def test_a_shift_is_a_size_but_a_flag_bit_or_a_field_range_is_not(tmp_path):
    source = """
    pub const MAX_FRAME_SIZE: usize = 16 << 20;
    pub const DEFAULT_BUFFER_CAPACITY: usize = 8 * (1 << 10);
    pub const TIMEOUT_LIMIT: u8 = 1 << 3;
    pub const MAX_WINDOW_SIZE: u32 = (1 << 31) - 1;
    pub const MAX_STREAM_COUNT: u64 = 1 << 60;
    """
    assert seen(tmp_path, source) == [
        ("MAX_FRAME_SIZE", 16 << 20, "HCL302"),
        ("DEFAULT_BUFFER_CAPACITY", 8192, "HCL302"),
    ]


def test_a_types_digit_count_and_an_array_impls_length_are_no_settings(tmp_path):
    source = """
    const U64_MAX_LEN: usize = 20;
    const I8_MAX_LEN: usize = 4;
    impl<T: Default> Array for [T; 16] { const CAPACITY: usize = 16; }
    impl Config for DefaultConfig { const MAX_THREADS: usize = 4096; }
    """
    assert seen(tmp_path, source) == [("MAX_THREADS", 4096, "HCL302")]


def test_words_real_crates_use(tmp_path):
    source = """
    const EXPECTED_RTT: u32 = 100;
    const MAX_STREAM_BANDWIDTH: u32 = 12500 * 1000;
    const TIME_SEC_CONVERSION: u64 = 946_684_800;
    const DAYS_BEFORE_UNIX_EPOCH_AD: u64 = 719162;
    const MAX_SECS_BITS: usize = 44;
    const UNIX_OFFSET_SECS: i64 = 951868800;
    const MAX_SECONDS_TIMESTAMP_FOR_NANOS: i64 = 9_223_372_036;
    fn opts() -> ResolverOpts {
        ResolverOpts { cache_size: 32, num_concurrent_reqs: 2 }
    }
    """
    assert seen(tmp_path, source) == [
        ("EXPECTED_RTT", 100, "HCL103"),
        ("MAX_STREAM_BANDWIDTH", 12_500_000, "HCL302"),
        ("cache_size", 32, "HCL302"),
        ("num_concurrent_reqs", 2, "HCL302"),
    ]
