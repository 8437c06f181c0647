"""The command-line conventions users bring from ruff: --select/--ignore/--exclude,
--statistics, check --exit-zero."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import cli


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "m.py").write_text("import time\ntime.sleep(5)\ndef f(n):\n    return max(n, 1)\n")
    (tmp_path / "gen").mkdir()
    (tmp_path / "gen" / "g.py").write_text("import time\ntime.sleep(7)\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(*args: str) -> list[str]:
    code, out, err = cli("scan", "--format", "json", "--no-cache", *args)
    assert code == 0, err
    return [f"{f['path']}:{f['code']}" for f in json.loads(out)["findings"]]


def test_select_ignore_and_exclude_on_the_command_line(project):
    assert codes() == ["gen/g.py:HCL101", "m.py:HCL101", "m.py:HCL201"]
    assert codes("--select", "HCL2") == ["m.py:HCL201"]
    assert codes("--ignore", "hcl1") == ["m.py:HCL201"]
    assert codes("--exclude", "gen/**") == ["m.py:HCL101", "m.py:HCL201"]


def test_a_select_that_names_no_code_is_a_usage_error(project):
    code, _, err = cli("scan", "--select", "XYZ")
    assert code == 2 and "--select: 'XYZ' names no code" in err


def test_statistics_counts_findings_per_code(project):
    code, out, _ = cli("scan", "--statistics", "--no-cache")
    assert code == 0
    assert out.splitlines()[0].split()[:2] == ["2", "HCL101"]
    assert out.splitlines()[1].split()[:2] == ["1", "HCL201"]


def test_check_exit_zero_reports_but_passes(project):
    code, out, _ = cli("check", "--exit-zero", "--no-cache")
    assert code == 0 and "check failed: 3 problem(s)" in out
    assert cli("check", "--no-cache")[0] == 1


@pytest.mark.parametrize("group", [[], ["rules"], ["cache"]], ids=["top", "rules", "cache"])
def test_help_lists_every_command_with_its_whole_summary(group):
    from click.testing import CliRunner

    from hardcode_lint.cli.main import cli as command_group

    result = CliRunner().invoke(command_group, [*group, "--help"], env={"COLUMNS": "100"})
    listing = " ".join(result.output.split("Commands:", 1)[1].split())
    assert result.exit_code == 0 and "..." not in listing
    if not group:
        assert "Say what CODE (e.g. HCL101) means" in listing
        assert "the defaults-file disagrees with a literal" in listing


def test_output_into_a_reader_that_stops_early_ends_quietly(tmp_path):
    """`hardcode-lint report | head -1`: no broken-pipe message, no traceback, and the
    process ends as cat does (by the signal), not with click's exit 1."""
    import shutil
    import subprocess
    import sys

    script = shutil.which("hardcode-lint") or f"{sys.executable} -m hardcode_lint"
    big = tmp_path / "big.py"
    big.write_text("".join(f"def f{i}(timeout={i + 1}): pass\n" for i in range(3000)))
    run = subprocess.run(f"{script} scan --format concise {big} | head -1; exit ${{PIPESTATUS[0]}}",
                         shell=True, executable="/bin/bash", capture_output=True, text=True)  # fmt: skip
    assert run.stderr == ""
    assert run.stdout.count("\n") == 1
    assert run.returncode in (0, 141)  # 141: ended by SIGPIPE, as cat and grep are
