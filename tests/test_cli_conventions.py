"""What a Rust or Python user expects of a linter's command line: settings in Cargo.toml, the
project's own languages by default, one line per finding, the source on standard input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from hardcode_lint.config import load_config
from tests.helpers import cli

CRATE = '[package]\nname = "demo"\nversion = "0.1.0"\n'
RUST = "use std::time::Duration;\npub fn wait() -> Duration {\n    Duration::from_secs(30)\n}\n"
PY2 = 'import time\nprint "hello"\ntime.sleep(5)\n'


def crate(root, metadata=""):
    (root / "src").mkdir(parents=True)
    (root / "scripts").mkdir()
    (root / "Cargo.toml").write_text(CRATE + metadata)
    (root / "src/lib.rs").write_text(RUST)
    (root / "scripts/helper.py").write_text(PY2)
    return root


def scan_json(root, *args):
    code, out, err = cli("scan", str(root), "--format", "json", "--no-cache", *args)
    assert code == 0, err
    return json.loads(out)


def test_a_crates_scan_leaves_its_python2_script_alone(tmp_path, monkeypatch):
    root = crate(tmp_path)
    monkeypatch.chdir(root)
    found = scan_json(root)
    assert [f["path"] for f in found["findings"]] == ["src/lib.rs"] and found["errors"] == []
    assert load_config(root).languages == ("rust",)


def test_configured_languages_win_over_the_manifests(tmp_path, monkeypatch):
    root = crate(tmp_path, '[package.metadata.hardcode-lint]\nlanguages = ["rust", "python"]\n')
    monkeypatch.chdir(tmp_path.parent)
    found = scan_json(root)
    assert [e["path"] for e in found["errors"]] == ["scripts/helper.py"]


def test_with_no_manifest_every_language_is_scanned(tmp_path):
    (tmp_path / "a.py").write_text("import time\ntime.sleep(5)\n")
    (tmp_path / "b.rs").write_text(RUST)
    (tmp_path / "hardcode-lint.toml").write_text("")
    assert {f["path"] for f in scan_json(tmp_path)["findings"]} == {"a.py", "b.rs"}


def test_a_mixed_project_scans_both_languages(tmp_path):
    crate(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[build-system]\nrequires = ["maturin"]\n')
    assert load_config(tmp_path).languages == ("python", "rust")


@pytest.mark.parametrize("section", ["package", "workspace"])
def test_cargo_metadata_is_read_like_tool_hardcode_lint(tmp_path, section):
    (tmp_path / "Cargo.toml").write_text(
        f'[{section}]\nmembers = []\n[{section}.metadata.hardcode-lint]\nexclude = ["gen/**"]\n'
    )
    (tmp_path / "src").mkdir()
    config = load_config(tmp_path)
    assert config.exclude == ("gen/**",) and config.source == tmp_path / "Cargo.toml"
    code, _, err = cli("scan", str(tmp_path / "src"), "-v", "--no-cache")
    assert code == 0 and f"config: {tmp_path / 'Cargo.toml'}" in err


def test_cargo_metadata_errors_name_the_key(tmp_path):
    (tmp_path / "Cargo.toml").write_text(CRATE + "[package.metadata.hardcode-lint]\nexclud = []\n")
    code, _, err = cli("scan", str(tmp_path))
    assert code == 2
    assert "Cargo.toml: package.metadata.hardcode-lint.exclud: unknown key" in err
    (tmp_path / "Cargo.toml").write_text(
        CRATE + "[package.metadata.hardcode-lint]\n[workspace.metadata.hardcode-lint]\n"
    )
    code, _, err = cli("scan", str(tmp_path))
    assert code == 2 and "keep one" in err


def test_the_dedicated_file_wins_then_pyproject_then_cargo(tmp_path):
    (tmp_path / "Cargo.toml").write_text(
        CRATE + '[package.metadata.hardcode-lint]\nrules = ["c"]\n'
    )
    assert load_config(tmp_path).rules == ("c",)
    (tmp_path / "pyproject.toml").write_text('[tool.hardcode-lint]\nrules = ["p"]\n')
    assert load_config(tmp_path).rules == ("p",)
    (tmp_path / "hardcode-lint.toml").write_text('rules = ["d"]\n')
    assert load_config(tmp_path).rules == ("d",)


def test_a_member_crate_without_metadata_is_no_root(tmp_path):
    from hardcode_lint.config import find_root

    (tmp_path / "Cargo.toml").write_text('[workspace]\nmembers = ["m"]\n'
                                         "[workspace.metadata.hardcode-lint]\n")  # fmt: skip
    (tmp_path / "m/src").mkdir(parents=True)
    (tmp_path / "m/Cargo.toml").write_text(CRATE)
    assert find_root(tmp_path / "m/src") == tmp_path


def test_concise_is_one_grepable_line_per_finding(tmp_path, monkeypatch):
    root = crate(tmp_path)
    monkeypatch.chdir(root)
    code, out, _ = cli("scan", "--format", "concise", "--no-cache")
    assert code == 0
    assert (
        out == "src/lib.rs:3:25: HCL101 Hardcoded duration `30` in wait: Duration::from_secs(30)\n"
    )
    code, out, _ = cli("check", "--format", "concise", "--no-cache")
    assert code == 1 and out.startswith("src/lib.rs:3:25: HCL101 new hardcoded duration `30`")
    assert out.count("\n") == 1 and "\x1b" not in out


def test_concise_has_no_colour_under_no_color_even_on_a_terminal(tmp_path, monkeypatch):
    from hardcode_lint.api import scan
    from hardcode_lint.output.annotations import scan_annotations
    from hardcode_lint.output.concise import write_concise

    root = crate(tmp_path)
    monkeypatch.chdir(root)

    class Terminal:
        text = ""

        def isatty(self):
            return True

        def write(self, text):
            self.text += text

    run = scan_annotations(scan([root], load_config(root), jobs=1, use_cache=False))
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    write_concise(run, plain)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    coloured = Terminal()
    write_concise(run, coloured)
    assert "\x1b" not in plain.text and "\x1b[31mHCL101" in coloured.text


def _stdin(root, source, *args):
    return subprocess.run([sys.executable, "-m", "hardcode_lint", "scan", "-", *args],
                          input=source, cwd=root, capture_output=True, text=True,
                          check=False, timeout=120)  # fmt: skip


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github"])
def test_stdin_in_every_format(tmp_path, fmt):
    root = crate(tmp_path)
    done = _stdin(root, RUST, "--stdin-filename", "src/lib.rs", "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert "src/lib.rs" in done.stdout and "30" in done.stdout


def test_stdin_takes_language_settings_and_path_from_the_filename(tmp_path):
    root = crate(tmp_path, '[package.metadata.hardcode-lint]\nexclude = ["gen/**"]\n')
    done = _stdin(root, "import time\ntime.sleep(3)\n", "--stdin-filename", "new/x.py",
                  "--format", "json")  # fmt: skip
    assert json.loads(done.stdout)["findings"] == []  # a crate's settings: rust only
    done = _stdin(root, RUST, "--stdin-filename", "src/new.rs", "--format", "concise")
    assert done.stdout.startswith("src/new.rs:3:25: HCL101")
    done = _stdin(root, RUST, "--stdin-filename", "gen/x.rs", "--format", "concise")
    assert done.returncode == 0 and done.stdout == ""


def test_stdin_without_a_filename_is_python_at_dash(tmp_path):
    done = _stdin(tmp_path, "import time\ntime.sleep(3)\n", "--format", "concise")
    assert done.stdout == "-:2:12: HCL101 Hardcoded duration `3`: time.sleep(3)\n"
    done = _stdin(tmp_path, "x = (\n", "--format", "json")
    assert json.loads(done.stdout)["errors"][0]["path"] == "-"


def test_stdin_misuse_is_one_line(tmp_path):
    done = _stdin(tmp_path, "", str(tmp_path))
    assert done.returncode == 2 and done.stderr.startswith("error: ")
    code, _, err = cli("scan", str(tmp_path), "--stdin-filename", "x.py")
    assert code == 2 and "standard input" in err


def test_the_help_names_every_language_the_registry_offers():
    from hardcode_lint.lang import frontend, names

    code, out, _ = cli("--help")
    assert code == 0
    flat = " ".join(out.split())
    assert all(frontend(name).title in flat for name in names())
    assert "in Python and Rust code" not in flat
