"""The verbosity and colour conventions users bring from ruff: -q/--quiet, -v/--verbose and
--color auto|always|never, on the group and on every command, over the scheduler fixture."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from tests.helpers import cli

ANSI = "\x1b["
SUMMARY = re.compile(r"^Found \d+ hardcoded value\(s\) in \d+ of \d+ file\(s\).*\n", re.M)
COMMANDS = [["scan"], ["report"], ["fix"], ["check"], ["baseline"], ["defaults"], ["explain"],
            ["lsp"], ["rules"], ["rules", "validate"], ["rules", "list"], ["rules", "suggest"],
            ["cache", "clean"], []]  # fmt: skip


@pytest.fixture
def scheduler(scheduler_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The scheduler fixture as the current folder, with no colour wish in the environment."""
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    return scheduler_copy


def scan_text(*args: str) -> str:
    code, out, err = cli("scan", "--no-cache", *args)
    assert code == 0, err
    assert "src/job_management.py" in out  # findings are there, coloured or not
    return out


def test_color_always_colours_the_text_output_into_a_pipe(scheduler):
    assert ANSI not in scan_text()
    assert ANSI in scan_text("--color", "always")
    code, out, _ = cli("--color", "always", "scan", "--no-cache")
    assert code == 0 and ANSI in out


def test_color_never_and_no_color_give_plain_text(scheduler, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")  # would colour the pipe under auto...
    assert ANSI in scan_text()
    assert ANSI not in scan_text("--color", "never")  # ...but the command line wins
    monkeypatch.setenv("NO_COLOR", "1")  # and NO_COLOR wins over FORCE_COLOR
    assert ANSI not in scan_text()
    assert ANSI in scan_text("--color", "always")  # the command line wins over NO_COLOR too
    monkeypatch.setenv("NO_COLOR", "")  # an empty NO_COLOR means nothing (no-color.org)
    assert ANSI in scan_text()


def test_colour_is_chosen_per_invocation(scheduler):
    from hardcode_lint.output.console import colour_wanted

    assert ANSI in scan_text("--color", "always")
    assert ANSI not in scan_text()  # the previous run's choice does not leak
    assert ANSI in scan_text("--color", "always")
    assert not colour_wanted(io.StringIO())  # nor into the Python API after the run


def test_auto_colours_a_terminal_unless_no_color(monkeypatch):
    from hardcode_lint.output.console import colour_wanted, make_console

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert colour_wanted(Terminal()) and not colour_wanted(io.StringIO())
    assert make_console(Terminal()).no_color is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour_wanted(Terminal()) and make_console(Terminal()).no_color is True
    assert colour_wanted(io.StringIO(), "always") and not colour_wanted(Terminal(), "never")


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_machine_formats_never_get_escapes(scheduler, monkeypatch, fmt):
    monkeypatch.setenv("FORCE_COLOR", "1")
    for args in (["scan", "--color", "always"], ["--color", "always", "check"]):
        code, out, _ = cli(*args, "--format", fmt, "--no-cache")
        assert code in (0, 1) and out and ANSI not in out
    if fmt == "json":
        json.loads(cli("scan", "--color", "always", "--format", "json")[1])


def test_report_and_fix_follow_color_too(scheduler):
    for command in ("report", "fix"):
        assert ANSI in cli(command, "--color", "always", "--no-cache")[1]
        assert ANSI not in cli(command, "--color", "never", "--no-cache")[1]


def test_quiet_keeps_the_findings_and_drops_the_summary(scheduler):
    loud = scan_text()
    assert SUMMARY.search(loud)
    for quiet in (scan_text("-q"), scan_text("--quiet"), cli("-q", "scan", "--no-cache")[1]):
        assert not SUMMARY.search(quiet)
        assert quiet.strip() and quiet == SUMMARY.sub("", loud)


def test_quiet_keeps_exit_codes_and_failures_of_check(scheduler):
    code, out, _ = cli("check", "--no-cache")
    assert code == 1 and "check failed:" in out
    quiet_code, quiet, err = cli("check", "-q", "--no-cache")
    assert quiet_code == 1 and "check failed:" not in quiet and err == ""
    assert quiet.splitlines() == out.splitlines()[:-1]  # every failure and its fix hint
    assert cli("baseline", "-q", "--no-cache")[1:] == ("", "")  # no "wrote ..." chatter
    assert cli("check", "-q", "--no-cache") == (0, "", "")


def test_quiet_fix_shows_the_diff_without_the_tally(scheduler):
    code, diff, err = cli("fix", "--no-cache")
    assert "rule(s) applied" in err
    quiet_code, quiet_diff, quiet_err = cli("fix", "-q", "--no-cache")
    assert (quiet_code, quiet_diff) == (code, diff) and diff.startswith("--- a/")
    assert "rule(s) applied" not in quiet_err and "already migrated" not in quiet_err


def test_quiet_rules_validate_prints_only_problems(scheduler):
    assert cli("rules", "validate")[1].endswith("all valid\n")
    assert cli("rules", "validate", "-q") == (0, "", "")


def test_verbose_says_config_and_counts_on_stderr_only(scheduler):
    plain_code, plain, plain_err = cli("scan", "--format", "json", "--no-cache")
    code, out, err = cli("scan", "--format", "json", "--no-cache", "-v")
    assert (code, out) == (plain_code, plain)  # stdout byte-identical
    assert "config:" not in plain_err and "files:" not in plain_err
    assert f"config: {scheduler / 'pyproject.toml'}" in err
    assert re.search(r"^rules: \d+ rule\(s\) in 10 file\(s\)$", err, re.M)
    assert re.search(r"^files: \d+ discovered, \d+ analysed \(cache off\)", err, re.M)
    assert re.search(r"^time: \d+\.\d\d s$", err, re.M)
    _, group_out, group_err = cli("-v", "scan", "--format", "json", "--no-cache")
    assert group_out == out and _untimed(group_err) == _untimed(err)


def _untimed(err: str) -> str:
    return re.sub(r"^time: .*$", "time:", err, flags=re.M)


def test_verbose_tells_cached_files_from_analysed_ones(scheduler):
    cli("scan", "--format", "json", "-q")  # fills the cache
    err = cli("scan", "--format", "json", "-v")[2]
    found = re.search(r"files: (\d+) discovered, 0 analysed, (\d+) from the cache", err)
    assert found and found[1] == found[2] != "0"
    assert "rules: rules/" not in err
    assert "rules: rules/streams.toml" in cli("scan", "-vv", "--format", "json")[2]


@pytest.mark.parametrize("args", [["scan", "--color", "sometimes"], ["--color", "x", "scan"],
                                  ["scan", "-q", "-v"], ["-v", "check", "-q"]])  # fmt: skip
def test_bad_values_are_usage_errors(scheduler, args):
    code, out, err = cli(*args)
    assert code == 2 and out == "" and "Error:" in err and "Usage:" in err


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_explains_each_option_in_one_line(command):
    code, out, _ = cli(*command, "--help")
    assert code == 0
    for option in ("-q, --quiet ", "-v, --verbose ", "--color [auto|always|never] "):
        line = next(li for li in out.splitlines() if li.lstrip().startswith(option))
        assert len(line.split(option, 1)[1].strip()) > 10  # a help text, on that line
        following = out.splitlines()[out.splitlines().index(line) + 1]
        assert following.lstrip().startswith("-")  # not wrapped onto a second line
