"""Rust fixes that compile: each site's type, a read that fits it, Cargo's other targets, and
constants whose uses read the setting instead (issue 19: `cargo check` after `fix --write`)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from tests.test_fix import commit_all, git
from tests.test_rust_fixture import run

MANIFEST = '[package]\nname = "demo-x"\nversion = "0.1.0"\nedition = "2021"\n'
LIB = """\
use std::time::Duration;
const MAX_SIZE: usize = 1024;
static RETRY_LIMIT: u32 = 3;
pub const PUBLIC_TIMEOUT_MS: u64 = 250;
const WAIT: Duration = Duration::from_secs(7);
struct Conf { timeout_ms: u32, max_retries: i16 }
pub mod settings;
mod inner {
    use super::MAX_SIZE;
    pub fn g() -> usize { MAX_SIZE * 2 }
}
pub fn f(ttl: usize) -> usize {
    let max_connections: u16 = 10;
    let c = Conf { timeout_ms: 500, max_retries: 4 };
    let _d = Duration::new(5, 100);
    let _e = Duration::from_secs_f32(1.5);
    let _g = Duration::from_millis(10_u64);
    let _w = WAIT;
    let _p = PUBLIC_TIMEOUT_MS;
    let timeout_secs = 30u32;
    let _ = c.timeout_ms + c.max_retries as u32;
    ttl.max(1) + MAX_SIZE + RETRY_LIMIT as usize + max_connections as usize
        + timeout_secs as usize + inner::g()
}
"""
TEST = """\
use std::time::Duration;
#[test]
fn t() {
    std::thread::sleep(Duration::from_millis(20));
    assert_eq!(demo_x::f(3), 3 + 1024 + 3 + 10 + 30 + 2048);
}
"""


def _crate(root: Path, lib: str = LIB, files: dict[str, str] | None = None) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "Cargo.toml").write_text(MANIFEST)
    (root / "src" / "lib.rs").write_text(lib)
    (root / "src" / "settings.rs").write_text("// hardcode-lint: generated settings\n")
    for name, code in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(code)
    (root / ".gitignore").write_text("/target\n")
    git(root, "init", "-q")
    assert run("rules", "suggest", "--output", "rules/", "--replace",
               "crate::settings::get().{key}", cwd=root)[0] == 0  # fmt: skip
    commit_all(root)
    return root


def _types(root: Path) -> dict[str, str | None]:
    code, out, err = run("scan", "--no-cache", "--format", "json", cwd=root)
    assert code == 0, err
    return {f["snippet"] + "@" + str(f["arg"]): f["type"] for f in json.loads(out)["findings"]}


def test_each_site_carries_the_type_it_gives_its_literal(tmp_path):
    types = _types(_crate(tmp_path))
    assert types["const MAX_SIZE: usize = 1024@MAX_SIZE"] == "usize"  # declared
    assert types["static RETRY_LIMIT: u32 = 3@RETRY_LIMIT"] == "u32"
    assert types["let max_connections: u16 = 10@max_connections"] == "u16"
    assert types["timeout_ms: 500@timeout_ms"] == "u32"  # a field of a struct of the file
    assert types["max_retries: 4@max_retries"] == "i16"
    assert types["Duration::new(5, 100)@0"] == "u64"  # the API's parameter (catalog data)
    assert types["Duration::new(5, 100)@1"] == "u32"
    assert types["Duration::from_secs_f32(1.5)@0"] == "f32"
    assert types["let timeout_secs = 30u32@timeout_secs"] == "u32"  # the suffix
    assert types["ttl.max(1)@0"] is None  # nothing says


def _fix(root: Path) -> tuple[int, str]:
    code, out, err = run("fix", "--write", cwd=root)
    return code, out + err


def test_reads_fit_their_sites_and_constants_move_to_their_uses(tmp_path):
    root = _crate(tmp_path, files={"tests/t.rs": TEST})
    code, said = _fix(root)
    assert code == 0, said
    lib = (root / "src" / "lib.rs").read_text()
    get = "crate::settings::get().lib"
    assert f"ttl.max({get}.min_ttl as _)" in lib  # unknown type: the site's, inferred
    assert f"Duration::new({get}.f_delay_seconds, {get}.f_delay_ns)" in lib  # u64 and u32
    assert "const MAX_SIZE" not in lib and "use super::MAX_SIZE" not in lib
    assert f"pub fn g() -> usize {{ {get}.max_size * 2 }}" in lib
    assert f"// hardcode-lint: MAX_SIZE moved to {get}.max_size" in lib
    assert f"let _w = Duration::from_secs({get}.wait_seconds);" in lib  # the initialiser moves
    assert (
        "#[deprecated" in lib
        and "pub const PUBLIC_TIMEOUT_MS: u64 = 250; // hardcode-lint: default" in lib
    )  # public API stays, as the documented default
    assert f"let _p = {get}.public_timeout_ms;" in lib
    test = (root / "tests" / "t.rs").read_text()
    flat = "".join(test.split())  # rustfmt wraps the long line as it would (it accepted the file)
    assert "Duration::from_millis(demo_x::settings::get().tests.t" in flat  # the crate's name
    commit_all(root)
    code, out, _ = run("report", "--format", "json", cwd=root)
    totals = json.loads(out)["totals"]
    assert totals["migrated"] == totals["sites"] and totals["stale"] == 0
    assert _fix(root)[0] == 0 and not git(root, "status", "--porcelain")  # a second fix: nothing


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("const LIMIT_MAX: usize = 8;\npub fn f() -> [u8; LIMIT_MAX] { [0; LIMIT_MAX] }\n",
         "an array length"),
        ("const MAX_SIZE: u64 = 8;\nconst TWICE: u64 = MAX_SIZE * 2;\npub fn f() -> u64 { TWICE }\n",
         "another constant's initialiser"),
        ("static mut MAX_SIZE: u64 = 8;\npub fn f() -> u64 { unsafe { MAX_SIZE } }\n",
         "a mutable static"),
        ("const MAX_SIZE: u64 = 8;\npub fn f(x: u64) -> bool { matches!(x, MAX_SIZE) }\n",
         "which needs a pattern of `matches!`"),
        ("const MAX_SIZE: u64 = 8;\npub fn g(MAX_SIZE: u64) -> u64 { MAX_SIZE }\n",
         "which needs a pattern"),
        ("const MAX_SIZE: u64 = 8;\npub fn g(x: u64) -> bool { match x { MAX_SIZE => true, _ => false } }\n",
         "which needs a match pattern"),
    ],
)  # fmt: skip
def test_a_site_that_cannot_read_a_setting_is_refused_with_its_reason(tmp_path, code, reason):
    root = _crate(tmp_path, lib="pub mod settings;\n" + code)
    before = (root / "src" / "lib.rs").read_text()
    status, said = _fix(root)
    assert status == 1 and reason in said, said
    assert (root / "src" / "lib.rs").read_text() == before  # the rule's edits go together


def test_a_build_script_is_refused(tmp_path):
    script = "fn main() { std::thread::sleep(std::time::Duration::from_secs(3)); }\n"
    root = _crate(tmp_path, lib="pub mod settings;\n", files={"build.rs": script})
    status, said = _fix(root)
    assert status == 1 and "build.rs is compiled before the crate" in said


def _settings(root: Path) -> None:
    """A minimal settings module of the keys the scan typed (the generator's job elsewhere)."""
    _, out, _ = run("scan", "--no-cache", "--format", "json", cwd=root)
    fields: dict[str, tuple[str, str]] = {}
    for f in json.loads(out)["findings"]:
        kind = f["type"] or ("f64" if isinstance(f["number"], float) else "u64")
        fields[f["key"].replace(".", "__")] = (kind, str(f["number"]))
    body = "".join(f"    pub {k}: {t},\n" for k, (t, _) in fields.items())
    init = "".join(f"        {k}: {v} as {t},\n" for k, (t, v) in fields.items())
    (root / "src" / "settings.rs").write_text(
        "// hardcode-lint: generated settings\nuse std::sync::OnceLock;\n"
        f"pub struct Settings {{\n{body}}}\nstatic S: OnceLock<Settings> = OnceLock::new();\n"
        f"pub fn get() -> &'static Settings {{\n    S.get_or_init(|| Settings {{\n{init}    }})\n}}\n"
    )


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
def test_the_fixed_crate_builds_and_its_tests_pass(tmp_path):
    root = _crate(tmp_path, files={"tests/t.rs": TEST})
    for rules in (root / "rules").glob("*.toml"):  # flat keys: the stand-in module is flat
        text = rules.read_text()
        text = re.sub(r'(key = ")([^"]+)(")', lambda m: m[1] + m[2].replace(".", "__") + m[3], text)
        rules.write_text(text)
    _settings(root)
    commit_all(root)
    assert _fix(root)[0] == 0
    done = subprocess.run(["cargo", "test", "--offline", "-q"], cwd=root, capture_output=True,
                          text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, textwrap.shorten(done.stderr, 2000)
