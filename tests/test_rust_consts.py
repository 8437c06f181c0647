"""Constants moved to the settings on code shaped like real crates' (issue 19's trial on
ureq, polling, mio and crossbeam-channel): the judged flow on `fixtures/rust_consts/`, then
`cargo check`/`cargo test`, `check`, and a second fix that changes nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from tests.test_fix import commit_all, git_copy
from tests.test_rust_fixture import run

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "rust_consts"
GET = "crate::settings::get()"


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = git_copy(FIXTURE, tmp_path_factory.mktemp("consts") / "demo")
    (root / ".gitignore").write_text("/target\nCargo.lock\n")
    assert run("rules", "suggest", "--output", "rules/", cwd=root)[0] == 0
    assert run("defaults", "--format", "rust", "--output", "src/settings.rs", "--env-prefix",
               "P", cwd=root)[0] == 0  # fmt: skip
    commit_all(root)
    code, out, err = run("fix", "--write", cwd=root)
    assert code == 1, out + err  # the cfg alternatives are refused
    return root, out + err


def _read(root: Path, rel: str) -> str:
    return (root / rel).read_text()


def test_a_local_constant_moves_within_its_block(fixed):
    root, _ = fixed
    after = _read(root, "tests/after.rs")
    get = "demo_c::settings::get().tests.after"
    assert f"let d = ms(i as u64 / {get}.select_timeout_ms / 2);" in after
    assert f"assert!(d <= ms({get}.select_timeout_ms));" in after
    assert f"ms({get}.other_timeout_ms)" in after  # the other function's own constant
    assert "const TIMEOUT_MS" not in after
    assert [line for line in after.splitlines() if "TIMEOUT_MS" in line and "//" not in line] == []


def test_same_named_private_constants_each_move_in_their_own_module(fixed):
    root, _ = fixed
    encoder = _read(root, "src/chunked/encoder.rs")
    response = _read(root, "src/response.rs")
    assert f"vec![0u8; {GET}.chunked.encoder.max_header_size]" in encoder
    assert "response." not in encoder and "chunked." not in response
    assert f"check(Ok({GET}.response.max_header_size + 1))" in response  # `use super::*`


def test_a_match_guard_is_a_run_time_use(fixed):
    root, _ = fixed
    assert f"Ok(n) if n > {GET}.response.max_header_size =>" in _read(root, "src/response.rs")


def test_a_test_constant_reading_it_becomes_a_let(fixed):
    root, _ = fixed
    response = _read(root, "src/response.rs")
    assert "#[allow(non_snake_case)]\n        let LEN: usize = " in response
    assert f"{GET}.response.max_header_size + 1;" in response


def test_an_initialiser_moves_fitted_and_indented_as_its_use(fixed):
    root, _ = fixed
    lib = _read(root, "src/lib.rs")
    assert lib.count(f"Duration::from_secs({GET}.lib.timeout_seconds)") == 3
    ts = _read(root, "src/ts.rs")
    # the field's type is another file's: the read takes the site's type, as a direct site's
    moved = f"Timespec {{\n            tv_sec: {GET}.ts.tv_sec as _,\n            tv_nsec: 0,\n"
    assert f"None => {moved}        }}," in ts
    assert "TS_ONE" not in ts.replace("// hardcode-lint: TS_ONE moved", "")


def test_cfg_alternatives_are_refused_with_that_reason(fixed):
    root, said = fixed
    assert "`MAX_SAFE_TIMEOUT` has 2 definitions under #[cfg(...)]" in said
    assert "migrate by hand" in said and "bound again" not in said
    assert "const MAX_SAFE_TIMEOUT: u128 = 4_000_000;" in _read(root, "src/lib.rs")


def test_a_re_exported_constant_is_refused_with_that_reason(fixed):
    """h2's `pub use self::settings::DEFAULT_MAX_FRAME_SIZE`: its users outside the module
    reach it by the re-export, which removing the constant would break."""
    root, said = fixed
    assert "`MAX_FRAME_SIZE` is used in src/frame/mod.rs:3, which needs its re-export " \
           "(`pub use`) to stay" in said  # fmt: skip
    assert "pub const MAX_FRAME_SIZE: usize = 16_384;" in _read(root, "src/frame/limits.rs")


def test_a_table_of_several_sites_literals_is_not_copied_to_its_uses(fixed):
    """tower's `static MAX_ENDPOINT_LATENCIES: [Duration; 10]`: moving it for one literal's
    rule copied the other nine literals to every use, and their rules went ambiguous."""
    root, said = fixed
    assert "the initialiser of `LATENCIES` holds other sites' literals too" in said
    assert "static LATENCIES: [Duration; 2] = [" in _read(root, "src/lib.rs")


def test_a_moved_constant_is_its_rule_s_one_site(fixed):
    root, _ = fixed
    commit_all(root)
    code, out, _ = run("report", "--format", "json", cwd=root)
    totals = json.loads(out)["totals"]
    assert code == 0
    assert totals["ambiguous"] == 0 and totals["stale"] == 0
    assert totals["pending"] == 5  # the cfg alternatives, the re-export, a table's two literals
    assert run("check", cwd=root)[0] == 0
    run("fix", "--write", cwd=root)
    assert not subprocess.run(["git", "-C", str(root), "status", "--porcelain"],
                              capture_output=True, text=True).stdout  # fmt: skip


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
def test_the_fixed_crate_builds_and_its_tests_pass(fixed):
    root, _ = fixed
    done = subprocess.run(["cargo", "test", "--offline", "-q"], cwd=root, capture_output=True,
                          text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, textwrap.shorten(done.stderr, 2000)
    assert "warning" not in done.stderr, done.stderr


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("const MAX_SIZE: u64 = 8;\nmacro_rules! m { () => { crate::MAX_SIZE }; }\n"
         "pub fn f() -> u64 { m!() + other!(crate::MAX_SIZE) }\n",
         "which needs a macro definition"),
        ("const MAX_SIZE: u64 = 8;\npub fn f() -> u64 { other!(::demo::MAX_SIZE) }\n",
         "which item `MAX_SIZE` names cannot be told"),
        ("use std::time::Duration;\nmod a;\npub const WAIT: Duration = Duration::from_secs(7);\n",
         "where `Duration` of its initialiser may not name the same thing"),
        ("mod t {\n    #[test]\n    fn f() {\n        const LIMIT: usize = 9;\n"
         "        const BIG: usize = LIMIT * 2;\n        fn g() -> usize { BIG }\n"
         "        assert_eq!(g(), BIG);\n    }\n}\n",
         "(`const BIG` in #[cfg(test)] code, which cannot read a setting: make it a `let` by"),
    ],
)  # fmt: skip
def test_a_use_that_cannot_be_moved_keeps_the_constant(tmp_path, code, reason):
    root = tmp_path / "demo"
    (root / "src").mkdir(parents=True)
    (root / "Cargo.toml").write_text('[package]\nname = "demo"\nversion = "0.1.0"\n')
    (root / "src" / "lib.rs").write_text("pub mod settings;\n" + code)
    (root / "src" / "a.rs").write_text("use crate::WAIT;\npub fn w() -> u64 { WAIT.as_secs() }\n")
    (root / "src" / "settings.rs").write_text("// hardcode-lint: generated settings\n")
    git_copy(root, tmp_path / "repo")
    repo = tmp_path / "repo"
    assert run("rules", "suggest", "--output", "rules/", cwd=repo)[0] == 0
    commit_all(repo)
    before = _read(repo, "src/lib.rs")
    code_, out, err = run("fix", "--write", cwd=repo)
    assert code_ == 1 and reason in out + err, out + err
    assert _read(repo, "src/lib.rs") == before


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "src-tree"
    for rel, code in {"Cargo.toml": '[package]\nname = "demo"\nversion = "0.1.0"\n',
                      "src/lib.rs": "pub mod settings;\n",
                      "src/settings.rs": "// hardcode-lint: generated settings\n",
                      **files}.items():  # fmt: skip
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(code)
    repo = git_copy(root, tmp_path / "repo")
    assert run("rules", "suggest", "--output", "rules/", cwd=repo)[0] == 0
    commit_all(repo)
    return repo


def test_a_test_target_s_constant_moves_into_the_modules_it_declares(tmp_path):
    repo = _repo(tmp_path, {
        "tests/x.rs": "mod helper;\nconst WAIT_MS: u64 = 300;\n#[test]\nfn t() {\n"
                      "    assert_eq!(helper::twice(), 2 * WAIT_MS);\n}\n",
        "tests/x/helper.rs": "pub fn twice() -> u64 {\n    2 * super::WAIT_MS\n}\n",
    })  # fmt: skip
    code, out, err = run("fix", "--write", cwd=repo)
    assert code == 0, out + err
    assert "2 * demo::settings::get().tests.x.wait_ms\n" in _read(repo, "tests/x/helper.rs")
    assert "2 * demo::settings::get().tests.x.wait_ms)" in _read(repo, "tests/x.rs")


def test_a_public_constant_of_a_shared_test_module_is_refused(tmp_path):
    repo = _repo(tmp_path, {
        "tests/common/mod.rs": "pub const WAIT_MS: u64 = 300;\n",
        "tests/a.rs": "mod common;\n#[test]\nfn t() {\n    assert!(common::WAIT_MS > 1);\n}\n",
    })  # fmt: skip
    code, out, err = run("fix", "--write", cwd=repo)
    assert code == 1 and "a module other targets may share: migrate by hand" in out + err


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
def test_a_constant_read_through_an_imported_module_moves_in_macros_too(tmp_path):
    """Session 11's trial on backoff: `use crate::default;` then `default::NAME`, plain and
    inside `assert_eq!`; the constant went while a use kept its name (E0425), or the macro's
    use was refused as unreadable."""
    repo = _repo(tmp_path, {
        "src/lib.rs": "pub mod settings;\nmod default;\npub mod exponential;\n",
        "src/default.rs": "pub const INITIAL_INTERVAL_MILLIS: u64 = 500;\n"
                          "pub const MAX_ELAPSED_TIME_MILLIS: u64 = 900_000;\n",
        "src/exponential.rs": "use crate::default;\nuse std::time::Duration;\n\n"
                              "pub fn check() -> Duration {\n"
                              "    let d = Duration::from_millis(default::INITIAL_INTERVAL_MILLIS);\n"
                              "    assert_eq!(900, Duration::from_millis(default::MAX_ELAPSED_TIME_MILLIS)"
                              ".as_secs());\n    d\n}\n",
    })  # fmt: skip
    assert run("defaults", "--format", "rust", "--output", "src/settings.rs", cwd=repo)[0] == 0
    commit_all(repo)
    code, out, err = run("fix", "--write", cwd=repo)
    assert code == 0, out + err
    uses = _read(repo, "src/exponential.rs")
    assert "default::" not in uses.replace("use crate::default;", "")
    assert uses.count(f"{GET}.default.") == 2
    done = subprocess.run(["cargo", "check", "--offline", "-q"], cwd=repo, capture_output=True,
                          text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, textwrap.shorten(done.stderr, 2000)
    assert run("check", cwd=repo)[0] == 0
