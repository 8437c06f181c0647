"""Languages as peers: one locator (byte ranges), rule languages, settings files, `--language`."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from hardcode_lint.api import scan
from hardcode_lint.cli.main import cli
from hardcode_lint.config import Config, find_root, load_config
from hardcode_lint.errors import ConfigError
from hardcode_lint.lang import frontend, language_of, names
from hardcode_lint.rules.load import load_rules
from tests.test_fix import SCHEDULER, git_copy


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def report_rows(status: str) -> dict[tuple[str, str], list[str]]:
    """(rule id, path) -> the `new` column of its rows of ``status``, in line order."""
    data = json.loads(run("report", "--format", "json")[1])
    rows: dict[tuple[str, str], list[str]] = {}
    for module in data["modules"]:
        for row in module["rules"]:
            if row["status"] == status:
                rows.setdefault((row["id"], row["path"]), []).append(row["new"])
    return rows


def test_new_code_column_is_what_fix_writes_at_every_pending_site(tmp_path, monkeypatch):
    """The same splice (a formatter run after it may change the layout only: none here)."""
    import hardcode_lint.lang.python.formatter as formatter

    monkeypatch.setattr(formatter, "_which", lambda tool: None)
    root = git_copy(SCHEDULER, tmp_path / "scheduler")
    monkeypatch.chdir(root)
    promised = report_rows("pending")
    assert sum(len(v) for v in promised.values()) == 17
    code, _, _ = run("fix", "--write")
    assert code == 0
    written = report_rows("migrated")
    for site, news in promised.items():
        assert written[site] == news, site
    assert promised[("job-attempt-id-min", "src/job_management.py")] == [
        "max((previous or 0) + 1, config.jobs.attempt_id_min)"
    ]


def test_every_finding_carries_the_byte_range_of_its_literal(tmp_path):
    source = "# -*- coding: latin-1 -*-\r\nimport time\r\nname = 'caf\xe9'; time.sleep(  5 )\r\n"
    (tmp_path / "latin.py").write_bytes(source.encode("latin-1"))
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbfimport time\ntime.sleep(60 * 5)\n")
    shutil.copytree(SCHEDULER / "src", tmp_path / "src")
    result = scan([tmp_path], Config(root=tmp_path), jobs=1, use_cache=False)
    assert len(result.findings) > 20
    for finding in result.findings:
        data = (tmp_path / finding.path).read_bytes()
        encoding = "latin-1" if finding.path == "latin.py" else "utf-8"
        text = data[finding.start : finding.end].decode(encoding)
        assert " ".join(text.split()) == finding.value, finding
        shown = finding.snippet[finding.snippet_start : finding.snippet_end]
        assert shown == finding.value, finding
        assert finding.language == "python"
    latin = next(f for f in result.findings if f.path == "latin.py")
    assert (latin.line, latin.column) == (3, 29)


def test_registry_knows_python_by_extension():
    assert "python" in names()
    assert language_of("a.py") == "python" and language_of("README.md") is None
    assert frontend("python").comment == "#"


@pytest.mark.parametrize("name", ["hardcode-lint.toml", ".hardcode-lint.toml"])
def test_a_dedicated_settings_file_marks_the_root_and_wins_over_pyproject(tmp_path, name):
    (tmp_path / "pyproject.toml").write_text('[tool.hardcode-lint]\nexclude = ["a/**"]\n')
    (tmp_path / name).write_text('exclude = ["b/**"]\n')
    deep = tmp_path / "src" / "pkg"
    deep.mkdir(parents=True)
    assert find_root(deep) == tmp_path.resolve()
    assert load_config(tmp_path).exclude == ("b/**",)


def test_a_folder_with_only_hardcode_lint_toml_needs_no_pyproject(tmp_path, monkeypatch):
    (tmp_path / "hardcode-lint.toml").write_text('select = ["HCL1"]\n')
    (tmp_path / "m.py").write_text("import time\ntime.sleep(3)\nMAX_RETRIES = 3\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    code, out, _ = run("scan", str(tmp_path), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["root"] == str(tmp_path.resolve())
    assert [f["code"] for f in data["findings"]] == ["HCL101"]


def test_languages_setting_is_checked(tmp_path):
    (tmp_path / "hardcode-lint.toml").write_text('languages = ["cobol"]\n')
    with pytest.raises(ConfigError, match="unknown language 'cobol'"):
        load_config(tmp_path)
    (tmp_path / "hardcode-lint.toml").write_text('languages = ["python"]\n')
    assert load_config(tmp_path).languages == ("python",)


def test_language_option_narrows_the_scan(tmp_path, monkeypatch):
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "m.py").write_text("import time\ntime.sleep(3)\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("scan", "--language", "python", "--format", "json")
    assert code == 0 and len(json.loads(out)["findings"]) == 1
    code, _, err = run("scan", "--language", "cobol")
    assert code == 2 and "cobol" in err


def write_rules(root: Path, body: str) -> None:
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "m.toml").write_text(textwrap.dedent(body))


def test_rules_take_their_language_from_path_language_or_imports(tmp_path):
    write_rules(
        tmp_path,
        """
        [[rule]]
        id = "by-path"
        path = "src/**/*.py"
        key = "a"
        [[rule]]
        id = "by-imports"
        key = "b"
        imports = ["from app import config"]
        [[rule]]
        id = "explicit"
        key = "c"
        language = "python"
        [[rule]]
        id = "any"
        key = "d"
        """,
    )
    rules = load_rules(tmp_path, ("rules",))
    assert rules.problems == []
    assert [r.language for r in rules.rules] == ["python", "python", "python", None]


def test_an_unknown_rule_language_is_a_located_problem(tmp_path):
    write_rules(tmp_path, '[[rule]]\nid = "a"\nkey = "k"\nlanguage = "cobol"\n')
    (problem,) = load_rules(tmp_path, ("rules",)).problems
    assert (problem.line, "must be one of" in problem.message) == (4, True)


def test_module_replace_template_and_imports_apply_to_its_rules(tmp_path):
    write_rules(
        tmp_path,
        """
        [module]
        replace = "settings.{key}"
        imports = ["from app.settings import settings"]
        [[rule]]
        id = "a"
        key = "loop.interval_seconds"
        [[rule]]
        id = "b"
        key = "other"
        replace = "cfg.other"
        imports = []
        """,
    )
    first, second = load_rules(tmp_path, ("rules",)).rules
    assert first.replace == "settings.loop.interval_seconds"
    assert first.imports == ("from app.settings import settings",)
    assert (second.replace, second.imports) == ("cfg.other", ())


def test_two_rules_importing_one_name_from_two_modules_are_refused(tmp_path, monkeypatch):
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "m.py").write_text("import time\ntime.sleep(3)\ntime.sleep(4)\n")
    write_rules(
        tmp_path,
        """
        [[rule]]
        id = "three"
        value = 3
        key = "a.three"
        replace = "cfg.a.three"
        imports = ["from conf import cfg"]
        [[rule]]
        id = "four"
        value = 4
        key = "a.four"
        replace = "cfg.a.four"
        imports = ["from other import cfg"]
        """,
    )
    monkeypatch.chdir(tmp_path)
    code, diff, err = run("fix")
    assert code == 1 and diff == ""
    assert "imports of `cfg` conflict: rule three imports `conf.cfg`" in err
    assert "rule four imports `other.cfg`" in err


def test_defaults_write_keeps_a_crlf_file_crlf(tmp_path, monkeypatch):
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "m.py").write_text("import time\ntime.sleep(3)\n")
    write_rules(tmp_path, '[[rule]]\nid = "a"\nvalue = 3\nkey = "loop.pause_seconds"\n')
    target = tmp_path / "defaults.toml"
    target.write_bytes(b"# settings\r\n[other]\r\nx = 1\r\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("defaults", "--write", "defaults.toml")
    assert code == 0, err
    data = target.read_bytes()
    assert b"pause_seconds = 3\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
