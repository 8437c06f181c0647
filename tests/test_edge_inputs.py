"""Awkward but real input, one test each: line endings, BOMs, encodings, huge files and lines,
binary files, link loops, odd names, deep nesting, empty projects."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from tests.helpers import cli as run
from tests.test_fix import commit_all, git

RULE = """
[[rule]]
id = "pause"
api = "time.sleep"
count = "*"
key = "loop.pause_seconds"
replace = "config.loop.pause_seconds"
imports = ["from app.config import config"]
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "m.toml").write_text(textwrap.dedent(RULE))
    git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fixed(project: Path, name: str, data: bytes) -> bytes:
    (project / name).write_bytes(data)
    commit_all(project)
    code, _, err = run("fix", "--write", "--no-cache")
    assert code == 0, err
    return (project / name).read_bytes()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"import time\r\ntime.sleep(5)\r\n",
         b"import time\r\nfrom app.config import config\r\n\r\ntime.sleep(config.loop.pause_seconds)\r\n"),
        (b"import time\rtime.sleep(5)\r",
         b"import time\rfrom app.config import config\r\rtime.sleep(config.loop.pause_seconds)\r"),
        (b"import time\r\nx = 1\ntime.sleep(5)\r\n",
         b"import time\r\nfrom app.config import config\r\n\r\nx = 1\ntime.sleep(config.loop.pause_seconds)\r\n"),
        (b"\xef\xbb\xbfimport time\nif 1:\n\ttime.sleep(5)\n",
         b"\xef\xbb\xbfimport time\nfrom app.config import config\n\nif 1:\n\ttime.sleep(config.loop.pause_seconds)\n"),
    ],
    ids=["crlf", "cr-only", "mixed", "bom-and-tab"],
)  # fmt: skip
def test_fix_keeps_line_endings_and_bom_byte_for_byte(project, data, expected):
    assert fixed(project, "m.py", data) == expected


def test_a_pep263_latin1_file_is_fixed_in_latin1(project):
    data = "# -*- coding: latin-1 -*-\nimport time\nname = 'caf\xe9'; time.sleep(5)\n"
    after = fixed(project, "m.py", data.encode("latin-1"))
    assert after.decode("latin-1") == (
        "# -*- coding: latin-1 -*-\nimport time\nfrom app.config import config\n\n"
        "name = 'caf\xe9'; time.sleep(config.loop.pause_seconds)\n"
    )


def test_a_5_mb_file_and_a_200_kb_line_are_scanned(project):
    filler = "'" + "generated " * 10 + "'"
    big = "import time\n" + "".join(f"x{i} = {filler}\n" for i in range(48_000))
    big += "time.sleep(7)\n"
    assert len(big) > 5_000_000
    (project / "big.py").write_text(big)
    (project / "wide.py").write_text("import time\nv = [" + "1, " * 70_000 + "]; time.sleep(8)\n")
    _, out, _ = run("scan", "--format", "json", "--no-cache")
    data = json.loads(out)
    assert data["errors"] == []
    assert sorted(f["value"] for f in data["findings"]) == ["7", "8"]


def test_a_nul_byte_is_a_binary_file_error_and_the_scan_goes_on(project):
    (project / "bin.py").write_bytes(b"import time\x00\ntime.sleep(1)\n")
    (project / "ok.py").write_text("import time\ntime.sleep(2)\n")
    _, out, _ = run("scan", "--format", "json", "--no-cache")
    data = json.loads(out)
    assert [e["path"] for e in data["errors"]] == ["bin.py"]
    assert "binary file" in data["errors"][0]["message"]
    assert [f["path"] for f in data["findings"]] == ["ok.py"]


@pytest.mark.parametrize(
    "source",
    ["x = " + "not " * 20_000 + "y\n", "x = " + " + ".join(["a"] * 100_000) + "\n",
     "x = " + "(" * 1000 + "1" + ")" * 1000 + "\n", "x = [" * 5000 + "]" * 5000 + "\n"],
    ids=["not-chain", "plus-chain", "parentheses", "lists"],
)  # fmt: skip
def test_deeply_nested_code_is_an_error_never_a_crash(project, source):
    (project / "deep.py").write_text("import time\ntime.sleep(5)\n" + source)
    (project / "ok.py").write_text("import time\ntime.sleep(2)\n")
    code, out, _ = run("scan", "--format", "json", "--no-cache")
    data = json.loads(out)
    assert code == 0 and [e["path"] for e in data["errors"]] == ["deep.py"]
    assert [f["path"] for f in data["findings"]] == ["ok.py"]


def test_link_loops_and_dangling_links_are_skipped(project):
    (project / "pkg").mkdir()
    (project / "pkg" / "m.py").write_text("import time\ntime.sleep(3)\n")
    (project / "pkg" / "loop").symlink_to(project / "pkg", target_is_directory=True)
    (project / "gone.py").symlink_to(project / "nowhere.py")
    code, out, _ = run("scan", "--format", "json", "--no-cache")
    data = json.loads(out)
    assert code == 0 and data["errors"] == []
    assert [f["path"] for f in data["findings"]] == ["pkg/m.py"]


def test_paths_with_spaces_quotes_and_non_ascii(project):
    folder = project / "my dir" / "caf\xe9 \"q\" 'x'"
    folder.mkdir(parents=True)
    (folder / "\u65e5\u672c.py").write_text("import time\ntime.sleep(4)\n")
    for fmt in ("json", "text", "github", "sarif"):
        code, out, _ = run("scan", "--format", fmt, "--no-cache")
        assert code == 0 and ("\u65e5\u672c.py" in out or "%E6%97%A5" in out), fmt
    commit_all(project)
    code, _, err = run("fix", "--write", "--no-cache")
    assert code == 0, err
    assert "config.loop.pause_seconds" in (folder / "\u65e5\u672c.py").read_text()


def test_an_empty_project_and_one_without_rules(tmp_path, monkeypatch):
    (tmp_path / "hardcode-lint.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    for args in (["scan"], ["report"], ["check"], ["fix"], ["rules", "validate"]):
        code, _, err = run(*args)
        assert code == 0, (args, err)
    (tmp_path / "m.py").write_text("import time\ntime.sleep(1)\n")
    code, out, _ = run("report", "--format", "json")
    assert code == 0 and json.loads(out)["totals"]["unmapped"] == 1


def test_a_corrupted_cache_is_rebuilt(project):
    (project / "m.py").write_text("import time\ntime.sleep(6)\n")
    run("scan")
    for document in (project / ".hardcode-lint-cache").glob("results-*.json"):
        document.write_bytes(os.urandom(64))
    code, out, _ = run("scan", "--format", "json")
    assert code == 0 and [f["value"] for f in json.loads(out)["findings"]] == ["6"]


@pytest.mark.parametrize("depth", [900, 2500])
def test_fix_and_scan_on_deep_but_valid_code_say_so_instead_of_crashing(project, depth):
    source = ("import time\ntime.sleep(5)\nx = " + "a + " * depth + "1\ny = " + "-" * depth
              + "1\n")  # fmt: skip
    (project / "m.py").write_text(source)
    commit_all(project)
    code, out, err = run("scan", "--format", "json", "--no-cache")
    errors = json.loads(out)["errors"]
    assert code == 0 and all("internal" not in e["message"] for e in errors)
    code, _, err = run("fix", "--write", "--no-cache")
    assert code in (0, 1) and "Traceback" not in err
    after = (project / "m.py").read_text()
    assert after == source or "config.loop.pause_seconds" in after
