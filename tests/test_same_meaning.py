"""Same meaning, guarded: one key is one value, and `check` fails on what it cannot vouch for
(a file it could not parse)."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import pytest

from tests.helpers import cli

SSH = """
import socket

def connect(sock):
    banner_timeout = 15
    auth_timeout = 30
    return banner_timeout, auth_timeout
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def two_rules(first: object, second: object, unit: str = "") -> str:
    return textwrap.dedent(f"""
        [[rule]]
        id = "banner"
        path = "ssh.py"
        api = "banner_timeout"
        value = {first}
        key = "ssh.timeout{unit}"

        [[rule]]
        id = "auth"
        path = "ssh.py"
        api = "auth_timeout"
        value = {second}
        key = "ssh.timeout{unit}"
    """)


@pytest.fixture
def clash(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write(tmp_path, {"ssh.py": SSH, "rules/ssh.toml": two_rules(15, 30)})


def test_validate_refuses_one_key_with_two_values_naming_both_rules(clash):
    code, out, _ = cli("rules", "validate")
    assert code == 2
    assert (
        "rules/ssh.toml:9: key `ssh.timeout` is given 30, but rules/ssh.toml:2 gives it 15" in out
    )


def test_validate_accepts_one_key_with_equal_values(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"ssh.py": SSH.replace("30", "15"), "rules/ssh.toml": two_rules(15, 15.0)})
    assert cli("rules", "validate")[0] == 0
    assert cli("check")[0] == 0


def test_check_fails_on_one_key_with_two_literals_naming_both_sites(clash):
    code, out, _ = cli("check")
    assert code == 1, out
    assert "ssh.py:6: HCL902 key `ssh.timeout` is given two values: `15` s at ssh.py:5 and " \
           "`30` s at ssh.py:6" in out  # fmt: skip


def test_check_tells_seconds_from_milliseconds(tmp_path, monkeypatch):
    """5 s and 5000 ms are two values for one key, whatever their rules' `value`s say."""
    monkeypatch.chdir(tmp_path)
    source = "import time\nimport asyncio\n\ndef f():\n    time.sleep(5)\n"
    source += "\n\ndef g(r):\n    r.set('k', 'v', px=5)\n"
    rules = textwrap.dedent("""
        [[rule]]
        id = "a"
        api = "time.sleep"
        key = "k.delay"
        [[rule]]
        id = "b"
        arg = "px"
        key = "k.delay"
    """)
    write(tmp_path, {"m.py": source, "rules/m.toml": rules})
    assert cli("rules", "validate")[0] == 0
    code, out, _ = cli("check")
    assert code == 1 and "HCL902 key `k.delay` is given two values: `5` s at m.py:5 and `5` ms " \
                         "at m.py:9" in out, out  # fmt: skip


def test_check_in_file_mode_judges_a_clash_of_the_given_file(clash, tmp_path):
    write(tmp_path, {"other.py": "x = 1\n"})
    assert cli("check", "ssh.py")[0] == 1
    assert cli("check", "other.py")[0] == 0


def test_key_clashes_is_one_function_fix_can_call(clash, tmp_path):
    from hardcode_lint.api import analyze
    from hardcode_lint.config import Config
    from hardcode_lint.rules.clashes import key_clashes

    (found,) = key_clashes(analyze([tmp_path], Config(root=tmp_path), jobs=1).matching)
    assert (found.key, found.first.line, found.second.line) == ("ssh.timeout", 5, 6)


def test_fix_refuses_a_key_with_two_values_and_writes_nothing(clash, tmp_path):
    rules = (tmp_path / "rules" / "ssh.toml").read_text()
    rules = rules.replace('key = "ssh.timeout"', 'key = "ssh.timeout"\nreplace = "ssh_timeout"')
    (tmp_path / "rules" / "ssh.toml").write_text(rules)
    before = (tmp_path / "ssh.py").read_bytes()
    code, out, err = cli("fix", "--write", "--allow-dirty")
    assert code == 1 and out == ""
    assert "key `ssh.timeout` is given two values: `15` s at ssh.py:5 and `30` s at ssh.py:6" in err
    assert (tmp_path / "ssh.py").read_bytes() == before


BROKEN = "import time\n\ndef broken(:\n    time.sleep(3)\n"


def test_check_fails_on_a_file_it_cannot_parse(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"ok.py": "x = 1\n", "broken.py": BROKEN})
    code, out, _ = cli("check")
    assert code == 1
    assert "broken.py:3: HCL904 not checked: syntax error" in out
    assert "fix: fix the file so that it parses, or accept it" in out


def test_a_baselined_broken_file_passes_until_its_error_changes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"ok.py": "x = 1\n", "broken.py": BROKEN})
    assert cli("baseline")[0] == 0
    data = json.loads((tmp_path / ".hardcode-lint-baseline.json").read_text())
    assert data["errors"] == [{"path": "broken.py", "kind": "syntax error"}]
    (tmp_path / "broken.py").write_text("\n\n" + BROKEN)  # lines moved: still accepted
    code, out, _ = cli("check")
    assert code == 0 and "warning: broken.py:5: not checked" in out
    (tmp_path / "ok.py").write_bytes(b"x = 1\xff\n")  # a new unreadable file fails
    assert cli("check")[0] == 1


def test_check_given_files_judges_only_their_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"ok.py": "x = 1\n", "broken.py": BROKEN})
    assert cli("check", "ok.py")[0] == 0
    assert cli("check", "broken.py")[0] == 1


def test_check_json_lists_an_unparsable_file_as_a_failure(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"broken.py": BROKEN})
    code, out, _ = cli("check", "--format", "json")
    data = json.loads(out)
    assert code == 1 and [f["kind"] for f in data["failures"]] == ["file-not-checked"]


def test_check_finds_a_hand_edited_default_in_the_generated_module_with_no_defaults_file(
    tmp_path, monkeypatch
):
    """The judged loop configures nothing: `check` still reads the generated module where the
    settings targets say it is, and names the key, its line and the command that regenerates it."""
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {"pkg/__init__.py": "", "pkg/wait.py": "import time\n\ndef f():\n    time.sleep(5)\n"},
    )
    assert cli("rules", "suggest", "--output", "rules/")[0] == 0
    assert cli("defaults", "--format", "python")[0] == 0
    assert cli("check")[0] == 0
    module = tmp_path / "pkg" / "settings.py"
    text = module.read_text()
    assert ": int = 5" in text
    module.write_text(text.replace(": int = 5", ": int = 6"))
    line = (
        module.read_text()
        .splitlines()
        .index(next(x for x in module.read_text().splitlines() if ": int = 6" in x))
        + 1
    )
    code, out, _ = cli("check")
    assert code == 1
    assert f"pkg/settings.py:{line}: HCL901 the default of key `pkg.wait.f_delay_seconds`" in out
    assert "`hardcode-lint defaults --format python --output pkg/settings.py`" in out
    assert cli("check", "pkg/settings.py")[0] == 1  # pre-commit with the module staged
    assert cli("check", "pkg/wait.py")[0] == 0  # other files cannot have changed it


def test_reads_of_a_settings_module_that_does_not_exist_fail_check_and_fix_waits_for_it(
    tmp_path, monkeypatch
):
    """async-io's trial: fix applied 19 rules with no settings module, and check passed while
    cargo could not build.  Now fix refuses until `defaults` wrote the module, and check names
    the reads of a module that is not there."""
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q"], check=True)
    write(
        tmp_path,
        {"pkg/__init__.py": "", "pkg/a.py": "import time\n\ndef f():\n    time.sleep(3)\n"},
    )
    assert cli("rules", "suggest", "--output", "rules/")[0] == 0
    code, _, err = cli("fix", "--write", "--allow-dirty")
    assert code == 1 and "the settings module pkg/settings.py does not exist yet" in err
    assert "settings" not in (tmp_path / "pkg" / "a.py").read_text()
    write(tmp_path, {"pkg/b.py": "import time\nfrom pkg.settings import settings\n\n"
                                 "def g():\n    time.sleep(settings.pkg.nope)\n"})  # fmt: skip
    code, out, _ = cli("check")
    assert code == 1
    assert "pkg/b.py:5: HCL903 reads settings key `pkg.nope`, but the settings module " \
           "pkg/settings.py does not exist" in out  # fmt: skip
    assert cli("defaults", "--format", "python")[0] == 0
    assert cli("fix", "--write", "--allow-dirty")[0] == 0
    assert "settings.pkg.a.f_delay_seconds" in (tmp_path / "pkg" / "a.py").read_text()


def test_the_generated_module_is_compared_by_its_values_not_its_layout():
    """httpcore: ruff wrapped `x: float = 5.0  # seconds` as `x: float = (\n    5.0\n)`; the
    module regenerated after the fix (its unit comment gone) was laid out on one line, and
    check failed on a module that held exactly the rules' literals."""
    from hardcode_lint.defaults.modules import without_comments

    wrapped = "class A:\n    a_rather_long_name: float = (\n        5.0\n    )  # seconds\n"
    plain = "class A:\n    a_rather_long_name: float = 5.0\n"
    assert without_comments(wrapped) == without_comments(plain)
    assert without_comments(wrapped) != without_comments(plain.replace("5.0", "6.0"))
