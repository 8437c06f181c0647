"""The generated Rust settings module: declared in the crate root, compiled by cargo in every
edition without warnings, and overridable at run time (environment; a TOML or JSON file when
the crate already depends on toml or serde_json), a bad value failing with the key's name."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from hardcode_lint.lang.rust.settings_crate import crate_facts, declaration_edit
from hardcode_lint.lang.rust.targets import crate_of
from tests.helpers import cli_output as run

REGISTRY = Path("/usr/share/cargo/registry")
LIB = "//! A crate.\n#![forbid(unsafe_code)]\n\nmod a;\nmod z;\n\npub fn f() {\n    a::a();\n    z::z();\n}\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (LIB, LIB.replace("mod a;\n", "mod a;\npub mod settings;\n")),  # sorted as rustfmt does
        ("mod a;\nmod b;\n", "mod a;\nmod b;\npub mod settings;\n"),
        ("//! Docs.\n#![deny(missing_docs)]\n\nuse std::io;\n",
         "//! Docs.\n#![deny(missing_docs)]\n\npub mod settings;\n\nuse std::io;\n"),
        ("fn main() {}\n", "pub mod settings;\n\nfn main() {}\n"),
        ("mod settings;\nfn f() {}\n", "pub mod settings;\nfn f() {}\n"),
        ("mod a;\r\nmod z;\r\n", "mod a;\r\npub mod settings;\r\nmod z;\r\n"),
        ("#[cfg(test)]\nmod tests;\nmod a;\n", "pub mod settings;\n#[cfg(test)]\nmod tests;\nmod a;\n"),
    ],
)  # fmt: skip
def test_the_crate_root_declares_the_module_and_keeps_every_other_byte(before, after):
    assert declaration_edit(before.encode(), "settings") == after.encode()


def test_a_declared_public_module_needs_no_edit():
    assert declaration_edit(b"pub mod settings;\n", "settings") is None
    assert declaration_edit(b"pub(crate) mod settings;\n", "settings") is None


def _crate(root: Path, edition: str, dependencies: str = "", lib: str = LIB) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "Cargo.toml").write_text(f'[package]\nname = "demo"\nversion = "0.1.0"\n'
                                     f'edition = "{edition}"\n\n[dependencies]\n{dependencies}')  # fmt: skip
    (root / "src" / "lib.rs").write_text(lib)
    return root


@pytest.mark.parametrize(
    ("dependencies", "edition", "formats", "derive"),
    [
        ("", "2021", (), None),
        ('serde = { version = "1", features = ["derive"] }\ntoml = "0.5"\n', "2021", ("toml",),
         "::serde::Deserialize"),
        ('serde = "1"\nserde_derive = "1"\nserde_json = "1"\n', "2018", ("json",),
         "::serde_derive::Deserialize"),
        ('toml = { version = "0.5", optional = true }\nserde = "1"\n', "2021", (), None),
        ('serde_json = "1"\n', "2015", (), None),  # no `extern crate serde_json;` in the root
    ],
)  # fmt: skip
def test_what_the_crate_offers_decides_the_file_reader_and_the_derive(
    tmp_path, dependencies, edition, formats, derive
):
    _crate(tmp_path, edition, dependencies)
    facts = crate_facts(tmp_path, crate_of(tmp_path, "src/lib.rs"))
    assert (facts.file_formats, facts.derive, facts.root_file) == (formats, derive, "src/lib.rs")


needs_cargo = pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
SITE = "pub fn pause() {\n    std::thread::sleep(std::time::Duration::from_secs(5));\n}\n"


def _cargo(
    root: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("P_")}
    return subprocess.run(["cargo", *args, "--offline", "-q"], cwd=root, capture_output=True, text=True,
                          env={**clean, "RUST_BACKTRACE": "0", **(env or {})}, check=False)  # fmt: skip


def _generate(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Rules for the crate's one site, its settings module; returns the site's key."""
    from hardcode_lint.lang import frontend

    (root / "hardcode-lint.toml").write_text("")
    (root / "rules").mkdir()
    monkeypatch.chdir(root)
    assert run("rules", "suggest", "--output", "rules/")[0] == 0
    code, out = run("defaults", "--format", "rust", "--env-prefix", "P")
    assert code == 0, out
    keys = frontend("rust").settings_keys((root / "src" / "settings.rs").read_text())
    assert list(keys.values()) == [("u64", "seconds")]
    return next(iter(keys))


def _use_it(root: Path, key: str) -> None:
    lib = root / "src" / "lib.rs"
    lib.write_text(
        lib.read_text().replace("from_secs(5)", f"from_secs(crate::settings::get().{key})")
    )
    (root / "examples").mkdir()
    (root / "examples" / "print_setting.rs").write_text(
        f'fn main() {{\n    println!("{{}}", demo::settings::get().{key});\n}}\n'
    )


@needs_cargo
@pytest.mark.parametrize("edition", ["2015", "2018", "2021"])
def test_the_module_compiles_without_warnings_and_reads_the_environment(
    tmp_path, monkeypatch, edition
):
    root = _crate(tmp_path / "demo", edition, lib=LIB + SITE)
    (root / "src" / "a.rs").write_text("pub fn a() {}\n")
    (root / "src" / "z.rs").write_text("pub fn z() {}\n")
    key = _generate(root, monkeypatch)
    assert "\nmod a;\npub mod settings;\nmod z;\n" in (root / "src" / "lib.rs").read_text()
    if shutil.which("rustfmt"):
        fmt = subprocess.run(["rustfmt", "--check", "--edition", edition, "src/lib.rs"],
                             cwd=root, capture_output=True, text=True, check=False)  # fmt: skip
        assert fmt.returncode == 0, fmt.stdout
    _use_it(root, key)
    check = _cargo(root, "check", "--all-targets")
    assert check.returncode == 0 and "warning" not in check.stderr, check.stderr
    variable = "P__" + key.upper().replace(".", "__")
    assert _cargo(root, "run", "--example", "print_setting").stdout == "5\n"
    assert _cargo(root, "run", "--example", "print_setting", env={variable: "42"}).stdout == "42\n"
    bad = _cargo(root, "run", "--example", "print_setting", env={variable: "4.5"})
    assert bad.returncode != 0
    assert (
        f'settings key `{key}` from environment variable {variable}: "4.5" is not a valid u64'
        in bad.stderr
    )
    unknown = _cargo(root, "run", "--example", "print_setting", env={"P__NO__SUCH": "1"})
    assert "environment variable P__NO__SUCH: names no settings key" in unknown.stderr


@needs_cargo
@pytest.mark.skipif(not list(REGISTRY.glob("toml-0.5*")) or not list(REGISTRY.glob("serde_json-1*")),
                    reason="the toml and serde_json crates are not in the local registry")  # fmt: skip
def test_a_crate_with_toml_and_serde_json_reads_a_settings_file(tmp_path, monkeypatch):
    dependencies = (
        'serde = { version = "1", features = ["derive"] }\ntoml = "0.5"\nserde_json = "1"\n'
    )
    root = _crate(tmp_path / "demo", "2021", dependencies, lib=SITE)
    (root / ".cargo").mkdir()
    (root / ".cargo" / "config.toml").write_text(
        f'[source.crates-io]\nreplace-with = "local"\n[source.local]\ndirectory = "{REGISTRY}"\n'
    )
    key = _generate(root, monkeypatch)
    _use_it(root, key)
    section, name = key.rsplit(".", 1)
    assert _cargo(root, "check", "--all-targets").returncode == 0
    (tmp_path / "s.toml").write_text(f"[{section}]\n{name} = 7\n")
    (tmp_path / "s.json").write_text(f'{{"{section}": {{"{name}": 8}}}}')
    (tmp_path / "bad.json").write_text(f'{{"{section}": {{"{name}": 8.5}}}}')
    (tmp_path / "typo.toml").write_text(f"[{section}]\n{name}_typo = 7\n")
    runs = {f: _cargo(root, "run", "--example", "print_setting", env={"P_SETTINGS_FILE": str(tmp_path / f)})
            for f in ("s.toml", "s.json", "bad.json", "typo.toml")}  # fmt: skip
    assert runs["s.toml"].stdout == "7\n" and runs["s.json"].stdout == "8\n"
    assert (
        f'settings key `{key}` from settings file {tmp_path / "bad.json"}: "8.5" is not a valid u64'
        in runs["bad.json"].stderr
    )
    assert (
        f'settings file {tmp_path / "typo.toml"}: "{key}_typo" is no settings key'
        in runs["typo.toml"].stderr
    )


@pytest.mark.skipif(shutil.which("rustfmt") is None, reason="rustfmt is not installed")
def test_a_module_with_long_keys_is_laid_out_as_rustfmt_wants(tmp_path, monkeypatch):
    """ureq's and backoff's generated settings.rs failed `cargo fmt --check` on long lines."""
    long_name = "session_active_result_check_interval_seconds_for_the_background_scheduler"
    lib = (
        f"pub fn {long_name}() {{\n    std::thread::sleep(std::time::Duration::from_secs(5));\n}}\n"
    )
    root = _crate(tmp_path / "demo", "2021", lib=lib)
    _generate(root, monkeypatch)
    module = root / "src" / "settings.rs"
    assert max(len(line) for line in module.read_text().splitlines()) > 60  # the key is in it
    check = subprocess.run(["rustfmt", "--edition", "2021", "--check", str(module)],
                           capture_output=True, text=True, check=False)  # fmt: skip
    assert check.returncode == 0, check.stdout
    assert run("check")[0] == 0  # check regenerates it the same way


@needs_cargo
@pytest.mark.parametrize("attribute", ["#![no_std]", '#![cfg_attr(not(feature = "std"), no_std)]'])
def test_a_no_std_crate_reads_its_settings_with_std_on_a_host(tmp_path, monkeypatch, attribute):
    """A `no_std` crate has neither `std` nor its prelude in scope: the module brings its own."""
    lib = f"{attribute}\npub fn pause() -> core::time::Duration {{\n    core::time::Duration::from_secs(5)\n}}\n"
    root = _crate(tmp_path / "demo", "2021", "\n[features]\nstd = []\n", lib=lib)
    key = _generate(root, monkeypatch)
    _use_it(root, key)
    check = _cargo(root, "check", "--all-targets")
    assert check.returncode == 0 and "warning" not in check.stderr, check.stderr
    variable = "P__" + key.upper().replace(".", "__")
    assert _cargo(root, "run", "--example", "print_setting", env={variable: "9"}).stdout == "9\n"


def test_a_crate_nested_in_the_project_gets_its_own_module_and_check_passes_after_fix(
    tmp_path, monkeypatch
):
    """ureq: `examples/mbedtls` is a crate of its own.  `defaults --output src/settings.rs`
    writes its module too (its rules read it), each crate's module holds its own keys, and
    after the fix `check` still finds each module holding exactly its rules' literals."""
    root = _crate(tmp_path / "demo", "2021", lib=SITE)
    nested = root / "examples" / "inner"
    (nested / "src").mkdir(parents=True)
    (nested / "Cargo.toml").write_text(
        '[package]\nname = "inner"\nversion = "0.1.0"\nedition = "2021"\n'
    )
    (nested / "src" / "main.rs").write_text(
        "fn main() {\n    std::thread::sleep(std::time::Duration::from_millis(20));\n}\n"
    )
    (root / "hardcode-lint.toml").write_text("")
    monkeypatch.chdir(root)
    subprocess.run(["git", "init", "-q"], check=True)
    assert run("rules", "suggest", "--output", "rules/")[0] == 0
    code, out = run(
        "defaults", "--format", "rust", "--output", "src/settings.rs", "--env-prefix", "P"
    )
    assert code == 0, out
    from hardcode_lint.lang import frontend

    keys = frontend("rust").settings_keys
    outer = keys((root / "src" / "settings.rs").read_text())
    inner = keys((nested / "src" / "settings.rs").read_text())
    assert len(outer) == len(inner) == 1 and set(outer) != set(inner)
    assert "mod settings;" in (nested / "src" / "main.rs").read_text()
    assert run("fix", "--write", "--allow-dirty")[0] == 0
    assert run("check")[0] == 0
