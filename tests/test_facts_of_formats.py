"""Limit-named values that are facts of a format or ratios, not settings (issue 20, session 7),
in every front end that judges names by the shared words, and the tunables beside them that
stay findings.  Shapes from quinn-proto, tokio, chardet, asyncio and nix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_rust_names import names as rust_names
from tests.test_rust_names import scan as rust_scan


@pytest.mark.parametrize("fast", ["1", "0"])
def test_a_fraction_bound_to_a_limit_name_is_a_ratio(detect, monkeypatch, fast):
    monkeypatch.setenv("HARDCODE_LINT_FASTPASS", fast)
    source = (
        "SHORTCUT_THRESHOLD = 0.95\n"  # chardet: a confidence score
        "_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5\n"  # asyncio
        "MAX_HEADERS = 100\n"
        "max_size = 2.0\n"  # whole, if written as a float: a size
    )
    assert [f.api for f in detect(source)] == ["MAX_HEADERS", "max_size"]


def test_a_rust_fraction_bound_to_a_limit_name_is_a_ratio(tmp_path: Path):
    source = """
    fn default() -> Config {
        Config { time_threshold: 9.0 / 8.0, packet_threshold: 3, max_tlps: 2 }
    }
    """
    assert rust_names(tmp_path, source) == ["packet_threshold", "max_tlps"]


def test_so_many_per_unit_of_a_format_is_a_fact(tmp_path: Path):
    source = """
    const MAX_BYTES_PER_CHAR: usize = 4;
    const BITS_PER_DIGIT: u32 = 4;
    const MAX_TASKS_PER_TICK: u32 = 61;
    const DEFAULT_MAX_IDLE_CONNECTIONS_PER_HOST: usize = 1;
    const MAX_BYTES_PER_SECOND: u64 = 1_000_000;
    """
    assert rust_names(tmp_path, source) == [
        "MAX_TASKS_PER_TICK", "DEFAULT_MAX_IDLE_CONNECTIONS_PER_HOST", "MAX_BYTES_PER_SECOND"]  # fmt: skip


def test_so_many_per_character_in_python_too(detect):
    source = "MAX_BYTES_PER_CHAR = 4\nmax_requests_per_connection = 100\n"
    assert [f.api for f in detect(source)] == ["max_requests_per_connection"]


NIX_SHAPE = """
macro_rules! feature { ($($t:tt)*) => { $($t)* } }
feature! {
#![feature = "uio"]
pub fn recv() { let t = std::time::Duration::from_secs(5); }

#[cfg(target_os = "linux")]
#[cfg(test)]
mod test {
    #[test]
    fn test_recvmm2() {
        let t = std::time::Duration::from_secs(10);
    }
}
}
"""


def test_a_test_module_inside_a_macro_body_is_test_code(tmp_path: Path):
    found = [(f.value, f.test) for f in rust_scan(tmp_path, NIX_SHAPE)]
    assert found == [("5", False), ("10", True)]


def test_a_constant_sizing_a_c_structure_member_mirrors_c(tmp_path: Path):
    source = """
    use shared::minwindef::DWORD;
    use shared::ntdef::CHAR;
    pub const MAX_ADAPTER_NAME_LENGTH: usize = 256;
    pub const MAX_HOSTNAME_LEN: usize = 128;
    STRUCT!{struct IP_ADAPTER_INFO {
        ComboIndex: DWORD,
        AdapterName: [CHAR; MAX_ADAPTER_NAME_LENGTH + 4],
    }}
    #[repr(C)]
    pub struct Fixed { name: [libc::c_char; MAX_HOSTNAME_LEN] }
    """
    assert rust_names(tmp_path, source) == []


def test_a_constant_sizing_a_rust_array_is_still_a_limit(tmp_path: Path):
    source = """
    const MAX_OBJECTS: usize = 64;
    const MAX_HEADERS: usize = 100;
    struct Bag { deferreds: [Deferred; MAX_OBJECTS] }
    fn new() -> Bag { Bag { deferreds: [Deferred::NO_OP; MAX_OBJECTS] } }
    fn parse() { let mut headers = [EMPTY_HEADER; MAX_HEADERS]; }
    """
    assert rust_names(tmp_path, source) == ["MAX_OBJECTS", "MAX_HEADERS"]


def test_the_clocks_own_numbers_are_rust_durations_too(tmp_path: Path):
    """Every hand-labelled set counted the clock's grain and a field's top, as the contract
    does: a finding like any other duration."""
    source = """
    use std::time::Duration;
    fn f() {
        let never = Duration::new(u64::MAX, 1_000_000_000 - 1);
        let next = Duration::from_nanos(1);
        let tick = Duration::new(0, 1);
        let step = Duration::from_micros(1);
    }
    """
    assert [f.value for f in rust_scan(tmp_path, source)] == ["1_000_000_000 - 1", "1", "1", "1"]


def test_near_the_clocks_numbers_durations_stay(tmp_path: Path):
    source = """
    use std::time::Duration;
    fn f() {
        let a = Duration::from_nanos(2);
        let b = Duration::from_millis(1);
        let c = Duration::new(5, 500_000_000);
    }
    """
    assert [f.value for f in rust_scan(tmp_path, source)] == ["2", "1", "5", "500_000_000"]


def test_a_fallback_by_reference_and_a_rust_cap_are_findings(tmp_path: Path):
    source = """
    fn f(&self, sleeps: u32) {
        let delay_us = [50, 75, 100].get(sleeps as usize).unwrap_or(&10_000);
        let (reader, writer) = pipe(self.cap.unwrap_or(8 * 1024 * 1024));
        let index = table.get(i).unwrap_or(&3);
    }
    const BLOCK_CAP: usize = 32;
    const CAPTION: usize = 3;
    """
    found = [(f.api, f.value, f.kind.value, f.unit) for f in rust_scan(tmp_path, source)]
    assert found == [
        ("delay_us", "10_000", "duration", "us"),
        ("unwrap_or", "8 * 1024 * 1024", "limit", None),
        ("BLOCK_CAP", "32", "limit", None),
    ]


def test_cap_is_no_limit_word_in_python(detect):
    assert detect("codepoints = {'cap': 0x2229, 'cup': 0x222A}\ncap = 5\n") == []
