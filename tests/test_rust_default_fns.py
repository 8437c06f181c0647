"""A function whose whole body is a literal, named as the default of a setting (issue 20,
hickory-resolver's serde defaults: `fn default_cache_size() -> usize { 8_192 }`): a named
finding typed by its return type, migrated by `fix` to a settings read that builds."""

from __future__ import annotations

import shutil
import subprocess
import textwrap

import pytest

from tests.migrate_helpers import migrated
from tests.test_rust_fixture import run
from tests.test_rust_names import scan

SOURCE = """
use std::time::Duration;

#[derive(Debug, serde::Deserialize)]
pub struct Config {
    #[serde(default = "default_attempts")]
    pub attempts: usize,
    pub timeout: Duration,
}

fn default_attempts() -> usize {
    2
}

fn default_cache_size() -> usize { 8_192 }

pub(crate) fn recursion_limit_default() -> u8 { 24 }

fn default_timeout_secs() -> u64 { 5 * 60 }

pub struct Net;

impl Net {
    pub fn max_prefix_len(&self) -> u8 { 32 }
    fn capacity() -> Option<usize> { Some(1) }
    fn two() -> u32 { 2 }
}
"""


def test_a_default_function_names_its_literal(tmp_path):
    found = scan(tmp_path, SOURCE)
    assert [(f.api, f.kind.value, f.value, f.value_type) for f in found] == [
        ("default_attempts", "limit", "2", "usize"),
        ("default_cache_size", "limit", "8_192", "usize"),
        ("recursion_limit_default", "limit", "24", "u8"),
        ("default_timeout_secs", "duration", "5 * 60", "u64"),
    ]
    assert found[0].snippet == "fn default_attempts() -> usize {2}"


def test_a_function_of_a_type_s_facts_is_no_finding(tmp_path):
    """`max_prefix_len` (ipnet) and `capacity` (crossbeam's zero-capacity channels) say what
    a type is; only a name with a default word is a setting's default."""
    assert scan(tmp_path, SOURCE.split("pub struct Net;")[1]) == []


CRATE = """
pub mod settings;

fn default_attempts() -> usize {
    2
}

fn default_poll_ms() -> u64 { 250 }

pub fn attempts_and_poll() -> (usize, u64) {
    (default_attempts(), default_poll_ms())
}

#[cfg(test)]
mod tests {
    #[test]
    fn defaults_are_the_literals() {
        assert_eq!(super::attempts_and_poll(), (2, 250));
    }
}
"""


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
def test_the_migrated_defaults_build_and_keep_their_values(tmp_path):
    crate = {"Cargo.toml": '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n',
             "src/lib.rs": textwrap.dedent(CRATE),
             "src/settings.rs": "// hardcode-lint: generated settings\n"}  # fmt: skip
    repo = migrated(tmp_path, crate, "rust", "src/settings.rs")
    fixed = (repo / "src" / "lib.rs").read_text()
    assert "    crate::settings::get()." in fixed and "{ 250 }" not in fixed
    done = subprocess.run(["cargo", "test", "--offline", "-q"], cwd=repo, capture_output=True,
                          text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, textwrap.shorten(done.stderr, 2000)
    assert run("fix", "--write", cwd=repo)[0] == 0
    assert (repo / "src" / "lib.rs").read_text() == fixed  # a second fix changes nothing


def test_jiff_durations_nonzero_wrappers_and_typed_unit_constants(tmp_path):
    """kube-client's jiff `SignedDuration::from_secs(10)`, scylla's `NonZeroU32::new(10)`,
    and jiff's `SECS_PER_MIN_I64 = 60` (a unit constant with its type's name in it)."""
    found = scan(
        tmp_path,
        """
        use jiff::SignedDuration;
        use std::num::NonZeroU32;
        const TEN_SEC: SignedDuration = SignedDuration::from_secs(10);
        const CACHE_TTL: SignedDuration = SignedDuration::from_mins(6);
        pub const SECS_PER_MIN_I64: i64 = 60;
        pub const SECS_PER_MIN_32: i32 = 60;
        pub struct C { fetch_attempts: Option<NonZeroU32> }
        pub fn c() -> C { C { fetch_attempts: NonZeroU32::new(10) } }
    """,
    )
    assert [(f.api, f.value, f.unit) for f in found] == [
        ("jiff::SignedDuration::from_secs", "10", "s"),
        ("jiff::SignedDuration::from_mins", "6", "min"),
        ("fetch_attempts", "10", None),
    ]
