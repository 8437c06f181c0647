"""`hardcode-lint fix`: only the literal changes, imports merge, safety rules hold."""

from __future__ import annotations

import json
import py_compile
import shutil
import stat
import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from hardcode_lint.atomic import WriteRefused, replace_checked
from hardcode_lint.cli.main import cli

SCHEDULER = Path(__file__).resolve().parent.parent / "fixtures" / "scheduler"


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def commit_all(root: Path) -> None:
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "snapshot")


def git_copy(source: Path, root: Path) -> Path:
    """``source`` (a fixture) copied to ``root`` as a fresh, committed git work tree."""
    shutil.copytree(source, root, ignore=shutil.ignore_patterns(".hardcode-lint-cache"))
    git(root, "init", "-q")
    commit_all(root)
    return root


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    git(root, "init", "-q")
    monkeypatch.chdir(root)
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def add_rule(root: Path, body: str, name: str = "m.toml") -> None:
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / name).write_text(textwrap.dedent(body))


def test_seed_fixture_end_to_end(tmp_path, monkeypatch):
    """With no formatter installed only the literals change (one line each)."""
    import hardcode_lint.lang.python.formatter as formatter

    monkeypatch.setattr(formatter, "_which", lambda tool: None)
    root = git_copy(SCHEDULER, tmp_path / "scheduler")
    monkeypatch.chdir(root)
    code, diff, _ = run("fix")
    assert code == 0 and diff.startswith("--- a/src/job_management.py")
    assert git(root, "status", "--porcelain") == ""  # showing writes nothing
    code, _, err = run("fix", "--write")
    assert code == 0 and "17 rule(s) applied, 7 file(s) changed" in err
    report = json.loads(run("report", "--format", "json")[1])
    assert report["totals"]["pending"] == 0 and report["totals"]["migrated"] == 30
    for path in root.rglob("*.py"):
        py_compile.compile(str(path), doraise=True)
    diff_lines = git(root, "diff", "-U0").splitlines()
    changed = [line for line in diff_lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    removed = [line[1:] for line in changed if line.startswith("-")]
    added = [
        line[1:]
        for line in changed
        if line.startswith("+") and line != "+from app.config import config"
    ]
    assert len(removed) == len(added) == 17  # one line per literal, and the import lines
    for before, after in zip(removed, added, strict=True):
        assert before.split("(")[0].split("=")[0] == after.split("(")[0].split("=")[0]
    commit_all(root)
    code, _, err = run("fix", "--write")
    assert code == 0 and "0 rule(s) applied, 0 file(s) changed" in err
    assert git(root, "status", "--porcelain") == ""


SOURCE = '''\
"""Module docstring."""
from __future__ import annotations

import asyncio
from app.config import other  # keep this comment

async def loop(  # formatting stays
    items,
):
    await asyncio.sleep( 30 )  # thirty seconds
    return {'quotes': "stay", 'trailing': [1, 2, 3,],}
'''

RULE = """
[[rule]]
id = "loop-interval"
api = "asyncio.sleep"
value = 30
key = "loop.interval_seconds"
replace = "config.loop.interval_seconds"
imports = ["from app.config import config"]
"""


def test_only_the_literal_changes_and_imports_merge(repo):
    (repo / "m.py").write_text(SOURCE)
    add_rule(repo, RULE)
    commit_all(repo)
    assert run("fix", "--write")[0] == 0
    assert (repo / "m.py").read_text() == SOURCE.replace(
        "from app.config import other", "from app.config import config, other"
    ).replace("asyncio.sleep( 30 )", "asyncio.sleep( config.loop.interval_seconds )")


def test_import_goes_after_docstring_and_future_imports(repo):
    (repo / "m.py").write_text(
        '"""Doc."""\nfrom __future__ import annotations\nimport time\ntime.sleep(5)\n'
    )
    add_rule(repo, RULE.replace("asyncio.sleep", "time.sleep").replace("30", "5"))
    commit_all(repo)
    run("fix", "--write")
    lines = (repo / "m.py").read_text().splitlines()
    assert lines[:4] == ['"""Doc."""', "from __future__ import annotations", "import time",
                         "from app.config import config"]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (
            b"\xef\xbb\xbfimport asyncio\r\nasync def f():\r\n    await asyncio.sleep(30)\r\n",
            "utf-8-sig",
        ),
        (
            "# -*- coding: latin-1 -*-\nimport asyncio\nS = 'é'\nasync def f():\n    await asyncio.sleep(30)\n".encode(
                "latin-1"
            ),
            "latin-1",
        ),
    ],
)
def test_encoding_bom_line_endings_and_mode_are_kept(repo, data, encoding):
    path = repo / "m.py"
    path.write_bytes(data)
    path.chmod(0o755)
    add_rule(repo, RULE)
    commit_all(repo)
    assert run("fix", "--write")[0] == 0
    after = path.read_bytes()
    assert after.startswith(data[:3])
    if b"\r\n" in data:  # every line ending stays CRLF, the added import's too
        assert b"\n" not in after.replace(b"\r\n", b"")
    assert "config.loop.interval_seconds" in after.decode(encoding)
    assert stat.S_IMODE(path.stat().st_mode) == 0o755


@pytest.mark.parametrize(
    "source",
    [
        "import asyncio\nasync def f(config):\n    await asyncio.sleep(30)\n",
        "import asyncio\nfrom django.conf import settings as config\n"
        "async def f():\n    await asyncio.sleep(30)\n",
    ],
)
def test_a_name_taken_at_the_site_reads_the_settings_under_another_name(repo, source):
    (repo / "m.py").write_text(source)
    add_rule(repo, RULE)
    commit_all(repo)
    code, _, err = run("fix", "--write")
    assert code == 0, err
    text = (repo / "m.py").read_text()
    assert "from app.config import config as app_config" in text
    assert "await asyncio.sleep(app_config.loop.interval_seconds)" in text
    assert "config" in text.split("def f(")[1] or "django" in text  # the user's name stays
    code, out, _ = run("report", "--format", "json")
    assert json.loads(out)["totals"]["migrated"] == 1


def test_one_file_reads_the_settings_by_name_and_under_another_name(repo):
    """diskcache's core.py: one site's function takes `settings` as a parameter, the others do
    not; both imports go in (libcst had failed adding them in one pass: a traceback)."""
    (repo / "m.py").write_text(
        "import asyncio\nasync def f(config):\n    await asyncio.sleep(30)\n"
        "async def g():\n    await asyncio.sleep(30)\n"
    )
    add_rule(repo, RULE.replace("value = 30", "value = 30\ncount = 2"))
    commit_all(repo)
    code, _, err = run("fix", "--write")
    assert code == 0, err
    text = (repo / "m.py").read_text()
    assert "config as app_config" in text and "await asyncio.sleep(app_config.loop." in text
    assert "await asyncio.sleep(config.loop.interval_seconds)" in text.split("def g(")[1]
    compile(text, "m.py", "exec")


def test_a_local_name_that_no_alias_avoids_is_refused(repo):
    (repo / "m.py").write_text(
        "import asyncio\nasync def f(config, app_config):\n    await asyncio.sleep(30)\n"
    )
    add_rule(repo, RULE)
    commit_all(repo)
    code, diff, err = run("fix")
    assert code == 1 and diff == ""
    assert "`config` is a local name in `f`; the replacement would use it" in err


def test_undefined_replacement_without_imports_is_refused(repo):
    (repo / "m.py").write_text("import asyncio\nasync def f():\n    await asyncio.sleep(30)\n")
    add_rule(repo, RULE.replace('imports = ["from app.config import config"]', ""))
    code, _, err = run("fix")
    assert code == 1 and "`config` is not defined at the site" in err


def test_a_result_that_does_not_compile_is_not_written(repo):
    (repo / "m.py").write_text("POLL_INTERVAL = 30\n")
    add_rule(repo, RULE.replace('api = "asyncio.sleep"', "").replace(
        'replace = "config.loop.interval_seconds"', 'replace = "(yield config)"'))  # fmt: skip
    commit_all(repo)
    code, _, err = run("fix", "--write")
    assert code == 1 and "the result would not parse" in err
    assert (repo / "m.py").read_text() == "POLL_INTERVAL = 30\n"


def test_dirty_and_untracked_files_are_refused_unless_allowed(repo):
    (repo / "m.py").write_text("import asyncio\nasync def f():\n    await asyncio.sleep(30)\n")
    add_rule(repo, RULE)
    code, _, err = run("fix", "--write")  # m.py is untracked
    assert code == 2 and "error: m.py: has uncommitted changes" in err
    commit_all(repo)
    (repo / "m.py").write_text((repo / "m.py").read_text() + "# edited\n")
    assert run("fix", "--write")[0] == 2
    assert "30" in (repo / "m.py").read_text()
    assert run("fix", "--write", "--allow-dirty")[0] == 0
    assert "config.loop.interval_seconds" in (repo / "m.py").read_text()


def test_outside_git_it_writes_and_says_so(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "m.py").write_text("import asyncio\nasync def f():\n    await asyncio.sleep(30)\n")
    add_rule(tmp_path, RULE)
    monkeypatch.chdir(tmp_path)
    code, _, err = run("fix", "--write")
    assert code == 0 and "note: m.py: not in a git work tree; writing it anyway" in err


def test_rule_and_module_selection(repo):
    (repo / "m.py").write_text("import time\ntime.sleep(1)\ntime.sleep(2)\n")
    add_rule(repo, """
        [module]
        name = "Sleeps"
        [[rule]]
        id = "one"
        value = 1
        key = "a.one"
        replace = "ONE"
        [[rule]]
        id = "two"
        value = 2
        key = "a.two"
        replace = "TWO"
        [[rule]]
        id = "gone"
        value = 3
        key = "a.three"
    """)  # fmt: skip
    (repo / "m.py").write_text("import time\nONE = TWO = 0\ntime.sleep(1)\ntime.sleep(2)\n")
    code, diff, _ = run("fix", "--rule", "two")
    assert code == 0 and "+time.sleep(TWO)" in diff and "+time.sleep(ONE)" not in diff
    code, _, err = run("fix", "--module", "Sleeps")
    assert code == 1 and "gone: not applied: stale" in err
    code, _, err = run("fix", "--rule", "nope")
    assert code == 2 and "unknown rule 'nope'" in err


def test_ambiguous_rule_is_not_guessed(repo):
    (repo / "m.py").write_text("import time\nX = 0\ntime.sleep(1)\ntime.sleep(1)\n")
    add_rule(repo, '[[rule]]\nid = "one"\nvalue = 1\nkey = "a.one"\nreplace = "X"\n')
    code, diff, err = run("fix")
    assert code == 1 and diff == "" and "ambiguous: matches 2 sites" in err


def test_write_atomically_refuses_a_file_changed_since_it_was_read(tmp_path):
    path = tmp_path / "m.py"
    path.write_bytes(b"new content")
    with pytest.raises(WriteRefused, match="changed since it was read"):
        replace_checked(path, b"old content", b"fixed")
    assert path.read_bytes() == b"new content"
    replace_checked(path, b"new content", b"fixed")
    assert path.read_bytes() == b"fixed"
    assert [p.name for p in tmp_path.iterdir()] == ["m.py"]  # no temporary file left behind


def test_diff_has_no_colour_when_piped(repo):
    (repo / "m.py").write_text("import asyncio\nasync def f():\n    await asyncio.sleep(30)\n")
    add_rule(repo, RULE)
    _, diff, _ = run("fix")
    assert "\x1b[" not in diff and "-    await asyncio.sleep(30)" in diff


def test_a_file_whose_git_status_git_will_not_give_is_not_written_unasked(repo):
    """A work tree git refuses (a broken worktree link here; "dubious ownership" for a tarball
    unpacked as someone else): its files are not assumed clean."""
    (repo / "m.py").write_text("import asyncio\nasync def f():\n    await asyncio.sleep(30)\n")
    add_rule(repo, RULE)
    commit_all(repo)
    shutil.rmtree(repo / ".git")
    (repo / ".git").write_text("gitdir: /nonexistent/worktree\n")
    code, _, err = run("fix", "--write")
    assert code == 2 and "error: m.py: git status failed" in err and "--allow-dirty" in err
    assert "30" in (repo / "m.py").read_text()
    assert run("fix", "--write", "--allow-dirty")[0] == 0
    assert "30" not in (repo / "m.py").read_text()


def test_the_package_init_reads_the_settings_under_another_name(repo):
    """`from pkg.settings import settings` in `pkg/__init__.py` would make `pkg.settings` the
    object, not the module (`import pkg.settings as m; m.SettingsError` then fails)."""
    (repo / "pkg").mkdir()
    (repo / "pkg" / "__init__.py").write_text(
        "import asyncio\n\nasync def f():\n    await asyncio.sleep(30)\n"
    )
    (repo / "pkg" / "settings.py").write_text(  # fix waits for the module a rule reads
        "# hardcode-lint: generated settings\nsettings = None\n"
    )
    add_rule(
        repo,
        RULE.replace("config.loop", "settings.loop").replace(
            "from app.config import config", "from pkg.settings import settings"
        ),
    )
    commit_all(repo)
    assert run("fix", "--write")[0] == 0
    text = (repo / "pkg" / "__init__.py").read_text()
    assert "from pkg.settings import settings as pkg_settings" in text
    assert "asyncio.sleep(pkg_settings.loop.interval_seconds)" in text


def test_a_migrated_fallback_in_a_conditional_stays_migrated(repo):
    (repo / "m.py").write_text(
        "class C:\n    def __init__(self, timeout=None):\n"
        "        self.timeout = timeout if timeout else 0.5\n"
    )
    add_rule(
        repo,
        """
        [[rule]]
        id = "t"
        api = "self.timeout"
        value = 0.5
        key = "c.timeout"
        replace = "config.c.timeout"
        imports = ["from app.config import config"]
    """,
    )
    commit_all(repo)
    assert run("fix", "--write")[0] == 0
    assert "timeout if timeout else config.c.timeout" in (repo / "m.py").read_text()
    out = run("report", "--format", "json")[1]
    assert json.loads(out)["totals"]["migrated"] == 1
    assert run("check")[0] == 0
