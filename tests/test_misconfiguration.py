"""Misconfiguration is an error that names the key or FILE:LINE, never a silent exit 0."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.helpers import cli_output as run


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "m.py").write_text("import time\ntime.sleep(5)\n")
    (tmp_path / "rules").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def settings(root: Path, text: str) -> None:
    (root / "hardcode-lint.toml").write_text(textwrap.dedent(text))


@pytest.mark.parametrize("key", ["select", "ignore"])
def test_a_code_prefix_that_names_no_code_is_an_error(project, key):
    settings(project, f'{key} = ["XYZ"]\n')
    code, output = run("scan")
    assert code == 2 and f"{key}: 'XYZ' names no code" in output


def test_a_missing_defaults_file_fails_check(project):
    settings(project, 'defaults-file = "config/defaults.toml"\n')
    code, output = run("check")
    assert code == 2 and "defaults-file 'config/defaults.toml'" in output
    assert "does not exist" in output


def test_a_rule_stale_because_of_ignore_says_why(project):
    settings(project, 'ignore = ["HCL"]\n')
    (project / "rules" / "m.toml").write_text('[[rule]]\nid = "a"\nvalue = 5\nkey = "k.a"\n')
    code, output = run("check")
    assert code == 1 and "turned off by `select`/`ignore`" in output


def test_a_rule_whose_path_matches_no_file_fails_validate(project):
    settings(project, "")
    (project / "rules" / "m.toml").write_text(
        '[[rule]]\nid = "a"\npath = "src/nowhere.py"\nkey = "k.a"\n'
    )
    code, output = run("rules", "validate")
    assert code == 2 and "rules/m.toml:1: `path` 'src/nowhere.py' matches no file" in output
    code, output = run("check")
    assert code == 1 and "matches no file that was scanned" in output


def test_a_duplicate_id_is_reported_even_when_that_rule_has_another_problem(project):
    settings(project, "")
    (project / "rules" / "m.toml").write_text(
        '[[rule]]\nid = "a"\nkey = "k.a"\n\n[[rule]]\nid = "a"\nkey = "k.b"\nvalue = "x"\n'
    )
    code, output = run("rules", "validate")
    assert code == 2 and "rules/m.toml:5: duplicate rule id 'a'" in output
    assert "`value` must be a number" in output


def test_a_report_with_nothing_found_says_so(tmp_path, monkeypatch):
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "clean.py").write_text("x = 'no hardcodes here'\n")
    monkeypatch.chdir(tmp_path)
    for fmt in ("text", "markdown", "html"):
        code, output = run("report", "--format", fmt)
        assert code == 0 and "No hardcoded constants found" in output, fmt
        assert "100.0" not in output, fmt
