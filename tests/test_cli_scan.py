"""`hardcode-lint scan` end to end: the JSON contract, text output, exit codes, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hardcode_lint.cli.main import cli

CONTRACT_FIELDS = [
    "path", "line", "column", "end_line", "end_column", "kind", "code", "context", "value",
    "number", "unit", "seconds", "api", "arg", "scope", "snippet", "test", "rule", "key", "status",
    "language", "type",
]  # fmt: skip


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'demo'\n")
    app = tmp_path / "src" / "app"
    app.mkdir(parents=True)
    (app / "startup.py").write_text(
        "from datetime import timedelta\n\n"
        "def start_background_tasks(scheduler):\n"
        "    scheduler.every(timedelta(seconds=5))\n",
        encoding="utf-8",
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_startup.py").write_text("import time\ntime.sleep(1)\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_matches_the_contract_field_for_field(project):
    code, out, _ = run("scan", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["version"] == 1 and data["root"] == str(project.resolve()) and data["errors"] == []
    first, second = data["findings"]
    assert list(first) == CONTRACT_FIELDS
    assert first == {
        "path": "src/app/startup.py", "line": 4, "column": 39, "end_line": 4, "end_column": 40,
        "kind": "duration", "code": "HCL101", "context": "call", "value": "5", "number": 5,
        "unit": "s", "seconds": 5, "api": "datetime.timedelta", "arg": "seconds",
        "scope": "start_background_tasks", "snippet": "timedelta(seconds=5)", "test": False,
        "rule": None, "key": None, "status": "unmapped", "language": "python",
        "type": None,
    }  # fmt: skip
    assert (second["path"], second["test"]) == ("tests/test_startup.py", True)


def test_paths_are_relative_to_the_root_when_scanning_a_subfolder(project, monkeypatch):
    monkeypatch.chdir(project / "src")
    _, out, _ = run("scan", "app", "--format", "json")
    assert [f["path"] for f in json.loads(out)["findings"]] == ["src/app/startup.py"]


def test_text_output_groups_by_file_and_has_no_colour_when_piped(project):
    code, out, _ = run("scan")
    assert code == 0
    assert "src/app/startup.py" in out and "timedelta(seconds=5)" in out
    assert "\x1b[" not in out
    assert "Found 2 hardcoded value(s) in 2 of 2 file(s)" in out


def test_output_file(project):
    code, out, _ = run("scan", "--format", "json", "--output", "found.json")
    assert code == 0 and out == ""
    assert len(json.loads((project / "found.json").read_text())["findings"]) == 2


def test_missing_path_is_a_usage_error(project):
    code, _, err = run("scan", "nowhere")
    assert code == 2
    assert "nowhere: no such file or directory" in err


def test_bad_config_is_a_usage_error_naming_the_key(project):
    (project / "pyproject.toml").write_text("[tool.hardcode-lint]\nexclude = 3\n")
    code, _, err = run("scan")
    assert code == 2
    assert "tool.hardcode-lint.exclude: must be a list of strings" in err
    assert "Traceback" not in err


def test_unknown_format_is_a_usage_error(project):
    code, _, err = run("scan", "--format", "yaml")
    assert code == 2 and "yaml" in err


BAD_FILES = {
    "syntax.py": (b"def broken(:\n    pass\n", 1, "syntax error"),
    "latin.py": (b"x = 1\nname = '\xe9t\xe9'\n", 2, "not valid UTF-8"),
    "binary.py": (b"\x00\x01\x02ELF", None, "binary file"),
    "cookie.py": (b"# -*- coding: klingon -*-\nx = 1\n", 1, "bad encoding declaration"),
}


def test_bad_files_go_to_errors_and_the_scan_goes_on(project):
    bad = project / "bad"
    bad.mkdir()
    for name, (data, _, _) in BAD_FILES.items():
        (bad / name).write_bytes(data)
    (bad / "good.py").write_text("import time\ntime.sleep(3)\n")
    code, out, _ = run("scan", "bad", "--format", "json")
    assert code == 0
    data = json.loads(out)
    errors = {Path(e["path"]).name: (e["line"], e["message"]) for e in data["errors"]}
    assert set(errors) == set(BAD_FILES)
    for name, (_, line, message) in BAD_FILES.items():
        assert errors[name][0] == line, name
        assert message in errors[name][1], name
    assert [f["path"] for f in data["findings"]] == ["bad/good.py"]


def test_an_empty_python_file_is_valid(project):
    (project / "empty.py").write_bytes(b"")
    (project / "blank.py").write_bytes(b"\n\n   \n")
    _, out, _ = run("scan", "empty.py", "blank.py", "--format", "json")
    assert json.loads(out)["errors"] == [] and json.loads(out)["findings"] == []


def test_coding_cookie_is_honoured(project):
    source = "# -*- coding: latin-1 -*-\nlabel = 'été'; import time; time.sleep(2)\n"
    (project / "latin.py").write_bytes(source.encode("latin-1"))
    _, out, _ = run("scan", "latin.py", "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert finding["column"] == source.splitlines()[1].index("2)") + 1


def test_file_vanishing_during_the_scan_is_an_error_not_a_crash(project, monkeypatch):
    import hardcode_lint.api as api

    real = api.tasks_for

    def tasks_then_delete(paths, config, passed=None):
        tasks = real(paths, config, passed)
        (project / "src" / "app" / "startup.py").unlink()
        return tasks

    monkeypatch.setattr(api, "tasks_for", tasks_then_delete)
    _, out, _ = run("scan", "--format", "json")
    errors = json.loads(out)["errors"]
    assert errors == [
        {"path": "src/app/startup.py", "line": None, "message": "file vanished during the scan"}
    ]


def test_console_script_and_python_m_agree(project):
    module = subprocess.run(
        [sys.executable, "-m", "hardcode_lint", "scan", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(json.loads(module.stdout)["findings"]) == 2
    version = subprocess.run(
        [sys.executable, "-m", "hardcode_lint", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and "hardcode-lint" in version.stdout


def test_parallel_and_serial_runs_give_the_same_findings(project):
    for index in range(1, 41):
        (project / "src" / "app" / f"m{index}.py").write_text(f"import time\ntime.sleep({index})\n")
    _, serial, _ = run("scan", "--format", "json", "-j", "1")
    _, parallel, _ = run("scan", "--format", "json", "-j", "2")
    assert json.loads(serial) == json.loads(parallel)
    assert len(json.loads(serial)["findings"]) == 42


def test_no_color_is_respected_even_on_a_terminal(monkeypatch):
    import io

    from hardcode_lint.output.console import make_console

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert make_console(Terminal()).no_color is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert make_console(Terminal()).no_color is True


def test_text_output_has_a_header_row(project):
    _, out, _ = run("scan")
    assert out.splitlines()[1].split()[:4] == ["line:col", "code", "kind", "value"]


def test_a_file_named_in_a_language_the_project_does_not_enable_is_read_in_its_own(project):
    """A Python project (pyproject.toml: Python only by default) and `scan tools/poll.js`: the
    file was parsed as Python and reported as a syntax error."""
    (project / "tools").mkdir()
    (project / "tools" / "poll.js").write_text("setTimeout(poll, 5000);\n")
    code, out, _ = run("scan", "tools/poll.js", "--format", "json", "--no-cache")
    data = json.loads(out)
    assert code == 0 and data["errors"] == []
    assert [(f["language"], f["value"]) for f in data["findings"]] == [("javascript", "5000")]
