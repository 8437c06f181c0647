"""Hostile input: what a user's files hold is data, never markup or terminal control; odd file
names and sizes never crash a command or corrupt a file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from hardcode_lint.atomic import replace_checked
from hardcode_lint.textsafe import json_text, visible
from tests.helpers import cli as run

CONTROL = "\x1b]0;pwned\x07\x1b[2J\x9b\u202e"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose source puts markup and control characters on lines with findings."""
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "m.py").write_text(
        "import time\n"
        f"time.sleep(5); label = '[/] [bold red]x[/bold red] {CONTROL}'\n"
        f"def f(x):\n    return max(x, 1)  # [/]{CONTROL}\n"
        f"requests.get('[/]{CONTROL}', timeout=5)\n",
        encoding="utf-8",
    )
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "m.toml").write_text(
        '[module]\nname = "[/]odd [b]module"\n\n[[rule]]\nid = "clamp"\npath = "m.py"\n'
        'value = 1\nkey = "a.min"\nreplace = "cfg.a.min"\n'
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_visible_escapes_every_control_character_but_tab():
    assert visible("a\tb") == "a\tb"
    assert visible(CONTROL) == "\\x1b]0;pwned\\x07\\x1b[2J\\x9b\\u202e"
    assert visible("caf\xe9 \u65e5\u672c") == "caf\xe9 \u65e5\u672c"
    assert visible("name\udcff.py") == "name\\udcff.py"


@pytest.mark.parametrize(
    "args",
    [
        ["scan"], ["scan", "--format", "github"], ["report"], ["report", "--lang", "zh"],
        ["report", "--format", "markdown"], ["report", "--format", "html"], ["check"],
        ["fix"], ["rules", "list"],
    ],
)  # fmt: skip
def test_no_output_format_carries_raw_control_characters_or_dies_on_markup(hostile, args):
    code, out, err = run(*args)
    assert code in (0, 1), err
    for char in RAW:
        assert char not in out and char not in err, (args, char)


def test_json_and_sarif_escape_by_construction(hostile):
    for fmt in ("json", "sarif"):
        _, out, _ = run("scan", "--format", fmt)
        assert "\\u001b" in out and "\x1b" not in out
        json.loads(out)


def test_suggested_rules_parse_whatever_the_snippets_hold(hostile):
    (hostile / "rules" / "m.toml").unlink()
    code, _, err = run("rules", "suggest", "--output", "rules/")
    assert code == 0, err
    for path in (hostile / "rules").glob("*.toml"):
        tomllib.loads(path.read_text("utf-8"))
        assert "\x1b" not in path.read_text("utf-8")
    assert run("rules", "validate")[0] == 0


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
def test_a_file_name_that_is_not_utf8_round_trips(tmp_path):
    (tmp_path / "hardcode-lint.toml").write_text("")
    name = os.fsencode(tmp_path) + b"/caf\xff.py"
    with open(name, "wb") as handle:
        handle.write(b"import time\ntime.sleep(2)\n")
    for fmt in ("json", "text", "github", "sarif"):
        done = subprocess.run(
            [sys.executable, "-m", "hardcode_lint", "scan", "--format", fmt, "--no-cache"],
            cwd=tmp_path, capture_output=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        done.stdout.decode("utf-8")  # valid UTF-8, whatever the name
        shown = b"caf%FF.py" if fmt == "sarif" else b"caf\\udcff.py"  # SARIF: a URI
        assert shown in done.stdout, fmt
    data = json.loads(
        subprocess.run([sys.executable, "-m", "hardcode_lint", "scan", "--format", "json"],
                       cwd=tmp_path, capture_output=True, check=True).stdout
    )  # fmt: skip
    assert os.fsencode(data["findings"][0]["path"]) == b"caf\xff.py"  # it round-trips


def test_json_text_keeps_unicode_and_escapes_lone_surrogates():
    assert json_text({"p": "\u65e5\udcff"}, None) == '{"p": "\u65e5\\udcff"}'


def test_fix_writes_a_file_whose_name_is_255_bytes_long(tmp_path):
    target = tmp_path / ("x" * 251 + ".py")
    target.write_bytes(b"old\n")
    replace_checked(target, b"old\n", b"new\n")
    assert target.read_bytes() == b"new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no stray temp file


def test_json_output_keeps_integers_beyond_64_bits_exact_and_surrogates_escaped():
    from hardcode_lint.textsafe import json_text

    data = {"findings": [{"number": 2**70, "seconds": -(2**64), "flag": True, "f": 0.5}]}
    assert json.loads(json_text(data)) == data
    assert '"number": 1180591620717411303424' in json_text(data)
    assert json_text({"path": "a\udcff"}) == '{\n  "path": "a\\udcff"\n}'
