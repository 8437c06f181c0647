"""Rule files are validated strictly; every problem is reported as FILE:LINE: message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from hardcode_lint.cli.main import cli
from hardcode_lint.rules.load import load_rules

VALID = """
[module]
name = "Background tasks"
priority = "P0"
paths = ["src/app/**"]

[[rule]]
id = "snapshot-ttl"
path = "src/app/startup.py"
scope = "start_background_tasks"
api = "datetime.timedelta"
arg = "seconds"
value = 5
count = 1
key = "scheduler.snapshot_ttl_seconds"
replace = "config.scheduler.snapshot_ttl_seconds"
imports = ["from app.config import config"]
"""


def write(root: Path, name: str, text: str) -> None:
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / name).write_text(textwrap.dedent(text), encoding="utf-8")


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_rules(root, ("rules",)).problems]


def test_a_valid_file_loads_every_field(tmp_path):
    write(tmp_path, "tasks.toml", VALID)
    loaded = load_rules(tmp_path, ("rules",))
    assert loaded.problems == []
    (rule,) = loaded.rules
    assert (rule.id, rule.module, rule.api, rule.arg, rule.value, rule.count) == (
        "snapshot-ttl", "Background tasks", "datetime.timedelta", "seconds", 5, 1,
    )  # fmt: skip
    assert rule.imports == ("from app.config import config",)
    assert loaded.modules[0].paths == ("src/app/**",)


def test_module_name_defaults_to_the_file_stem_and_replace_to_the_key(tmp_path):
    write(tmp_path, "pubsub.toml", '[[rule]]\nid = "a"\nkey = "pubsub.delay"\ncount = "*"\n')
    loaded = load_rules(tmp_path, ("rules",))
    assert loaded.modules[0].name == "pubsub"
    assert (loaded.rules[0].replace, loaded.rules[0].count) == ("pubsub.delay", None)


BROKEN = [
    ('[[rule]]\nid = "a"\nkey = "k"\nvalu = 5\n', 4, "unknown field `valu` in [rule]"),
    ('[[rule]]\nid = "a"\nkey = "k"\npath = "src/[a.py"\n', 4, "bad glob"),
    ('[[rule]]\nid = "a"\nkey = "k"\npath = "/abs/x.py"\n', 4, "relative to the project root"),
    ('[[rule]]\nid = "a"\nkey = "k"\nreplace = "config."\n', 4, "is not a Python expression"),
    ('[[rule]]\nid = "a"\nkey = "k"\nimports = ["config"]\n', 4, "is not an import statement"),
    ('[[rule]]\nid = "a"\nkey = "k"\ncount = 0\n', 4, 'positive integer or "*"'),
    ('[[rule]]\nid = "a"\nkey = "k"\ncount = "many"\n', 4, 'positive integer or "*"'),
    ('[[rule]]\nid = "a"\nkey = "k"\nvalue = "5"\n', 4, "must be a number"),
    ('[[rule]]\nid = "a"\nkey = "k"\narg = -1\n', 4, "positions start at 0"),
    ('[[rule]]\nid = "a"\nkey = "k"\nkind = "speed"\n', 4, "must be one of duration"),
    ('[[rule]]\nid = "a"\nkey = "not a key"\n', 3, "bad config key"),
    ('\n\n[[rule]]\nid = "a"\n', 3, "[[rule]] is missing `key`"),
    ('[module]\nname = "m"\ncolour = "red"\n', 3, "unknown field `colour` in [module]"),
    ('[module]\npaths = "src"\n', 2, "must be a list of glob strings"),
    ("[rules]\nid = 1\n", 1, "unknown table `rules`"),
    ('[[rule]]\nid = "a"\nkey = "k"\nvalue = \n', 4, "invalid TOML"),
]


@pytest.mark.parametrize(("text", "line", "message"), BROKEN)
def test_each_problem_is_located(tmp_path, text, line, message):
    write(tmp_path, "bad.toml", text)
    (problem,) = problems(tmp_path)
    assert problem.startswith(f"rules/bad.toml:{line}: "), problem
    assert message in problem


def test_duplicate_ids_across_files(tmp_path):
    write(tmp_path, "a.toml", '[[rule]]\nid = "same"\nkey = "a.k"\n')
    write(
        tmp_path,
        "b.toml",
        '\n[[rule]]\nid = "other"\nkey = "b.k"\n\n[[rule]]\nid = "same"\nkey = "b.j"\n',
    )
    assert problems(tmp_path) == [
        "rules/b.toml:6: duplicate rule id 'same' (first defined at rules/a.toml:1)"
    ]


def test_all_problems_of_all_files_are_listed(tmp_path):
    write(tmp_path, "a.toml", '[[rule]]\nid = "a"\nkey = "k"\nvalu = 5\n\n[[rule]]\nid = "b"\n')
    write(tmp_path, "b.toml", "[module]\nnam = 1\n")
    assert [p.split(": ")[0] for p in problems(tmp_path)] == [
        "rules/a.toml:4", "rules/a.toml:6", "rules/b.toml:2",
    ]  # fmt: skip


def test_cli_validate_exit_codes(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "src" / "app").mkdir(parents=True)
    (tmp_path / "src" / "app" / "startup.py").write_text("x = 1\n")  # the rule's `path`
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "tasks.toml", VALID)
    ok = CliRunner().invoke(cli, ["rules", "validate"])
    assert ok.exit_code == 0 and "1 rule(s) in 1 file(s): all valid" in ok.stdout
    write(tmp_path, "bad.toml", '[[rule]]\nid = "x"\nkey = "k"\nreplace = "1 +"\n')
    bad = CliRunner().invoke(cli, ["rules", "validate"])
    assert bad.exit_code == 2
    assert bad.stdout.startswith("rules/bad.toml:4: `replace` replacement '1 +' is not a Python")


def test_invalid_rules_stop_the_report_with_exit_2(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "m.py").write_text("import time\ntime.sleep(1)\n")
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "bad.toml", '[[rule]]\nid = "x"\n')
    result = CliRunner().invoke(cli, ["report"])
    assert result.exit_code == 2 and "rules/bad.toml:1: [[rule]] is missing `key`" in result.stderr


def test_a_configured_rule_file_must_exist_a_folder_may_come_later(tmp_path, monkeypatch):
    """A folder is where `rules suggest --output` will write; a missing file is a typo."""
    (tmp_path / "pyproject.toml").write_text('[tool.hardcode-lint]\nrules = ["migration"]\n')
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["rules", "validate"]).exit_code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.hardcode-lint]\nrules = ["m.toml"]\n')
    result = CliRunner().invoke(cli, ["rules", "validate"])
    assert result.exit_code == 2 and "'m.toml' does not exist" in result.stderr
