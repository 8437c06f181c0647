"""`fix --write --verify CMD`: a fix that breaks the project's build is rolled back rule by
rule; `fix` keeps the project's formatting; the report says why a rule is left pending."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import cli
from tests.test_fix import commit_all, git

#: Fails (exit 1, naming the file) when a file under pkg/ holds the marker BROKEN: a cheap
#: stand-in for a build that a wrong replacement breaks.
CMD = (
    f'"{sys.executable}" -c "import pathlib,sys; bad=[str(p) for p in '
    "pathlib.Path('pkg').rglob('*.py') if 'BROKEN' in p.read_text()]; "
    "print('error: marker in', *bad) if bad else None; sys.exit(bool(bad))\""
)


def _rule(rule_id: str, path: str, scope: str, replace: str) -> str:
    return textwrap.dedent(f"""
        [[rule]]
        id = "{rule_id}"
        path = "{path}"
        scope = "{scope}"
        key = "k.{rule_id.replace("-", "_")}"
        replace = "{replace}"
        imports = ["from pkg.cfg import cfg"]
        """)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three rules in two files, committed; ``pkg/a.py`` is executable (its mode must stay)."""
    root = tmp_path / "p"
    (root / "pkg").mkdir(parents=True)
    (root / "rules").mkdir()
    (root / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    sleeps = "import time\n\n\ndef f():\n    time.sleep(5)\n\n\ndef g():\n    time.sleep(7)\n"
    (root / "pkg" / "a.py").write_text(sleeps)
    (root / "pkg" / "a.py").chmod(0o755)
    (root / "pkg" / "b.py").write_text("import time\n\n\ndef h():\n    time.sleep(9)\n")
    git(root, "init", "-q")
    monkeypatch.chdir(root)
    return root


def _rules(root: Path, g_replace: str) -> None:
    text = _rule("f-sleep", "pkg/a.py", "f", "cfg.F") + _rule("g-sleep", "pkg/a.py", "g", g_replace)
    (root / "rules" / "m.toml").write_text(text + _rule("h-sleep", "pkg/b.py", "h", "cfg.H"))
    commit_all(root)


def _originals(root: Path) -> dict[str, bytes]:
    return {p: (root / p).read_bytes() for p in ("pkg/a.py", "pkg/b.py")}


def test_verify_needs_write(project):
    _rules(project, "cfg.G")
    code, _, err = cli("fix", "--verify", CMD)
    assert code == 2 and "--verify needs --write" in err


def test_command_failing_before_the_fix_writes_nothing(project):
    _rules(project, "cfg.G")
    (project / "pkg" / "c.py").write_text("BROKEN = 1\n")
    commit_all(project)
    before = _originals(project)
    code, _, err = cli("fix", "--write", "--verify", CMD)
    assert code == 2
    assert "fails before the fix; nothing written" in err and "error: marker in" in err
    assert _originals(project) == before and git(project, "status", "--porcelain") == ""


def test_the_breaking_rule_is_rolled_back_and_the_others_kept(project):
    _rules(project, "cfg.BROKEN")
    before = _originals(project)
    code, _, err = cli("fix", "--write", "--verify", CMD)
    assert code == 1
    assert "g-sleep: rolled back:" in err and "error: marker in pkg/a.py" in err
    assert "2 rule(s) applied" in err and "1 rule(s) rolled back" in err
    a_py = (project / "pkg" / "a.py").read_text()
    assert "time.sleep(cfg.F)" in a_py and "time.sleep(7)" in a_py and "BROKEN" not in a_py
    assert "time.sleep(cfg.H)" in (project / "pkg" / "b.py").read_text()
    assert stat.S_IMODE((project / "pkg" / "a.py").stat().st_mode) == 0o755
    # the report says why g-sleep is still pending
    report = json.loads(cli("report", "--format", "json")[1])
    reasons = {r["id"]: (r["status"], r["reason"]) for m in report["modules"] for r in m["rules"]}
    assert reasons["f-sleep"] == ("migrated", None)
    status, reason = reasons["g-sleep"]
    assert status == "pending" and reason.startswith("rolled back:")
    assert "error: marker in pkg/a.py" in reason
    assert "rolled back" in cli("report", "--format", "markdown")[1]
    assert (project / "pkg" / "b.py").read_bytes() != before["pkg/b.py"]


def test_a_rule_breaking_alone_restores_the_original_bytes(project):
    _rules(project, "cfg.G")
    (project / "rules" / "m.toml").write_text(_rule("h-sleep", "pkg/b.py", "h", "cfg.BROKEN"))
    commit_all(project)
    before = _originals(project)
    code, _, err = cli("fix", "--write", "--verify", CMD)
    assert code == 1 and "h-sleep: rolled back" in err
    assert _originals(project) == before


def test_all_good_rules_pass_and_forget_an_old_rollback(project):
    _rules(project, "cfg.BROKEN")
    assert cli("fix", "--write", "--verify", CMD)[0] == 1
    commit_all(project)
    _rules(project, "cfg.G")  # the rule is mended: its reason no longer holds
    report = json.loads(cli("report", "--format", "json")[1])
    g = next(r for m in report["modules"] for r in m["rules"] if r["id"] == "g-sleep")
    assert g["status"] == "pending" and g["reason"] is None
    code, _, err = cli("fix", "--write", "--verify", CMD)
    assert code == 0, err
    assert "passes" in err and "time.sleep(cfg.G)" in (project / "pkg" / "a.py").read_text()


def test_report_reason_of_a_refused_site(project):
    """A replacement whose import would shadow a local name, under its own name and under the
    alias fix would read it by, is refused by the front end: the report says so without
    writing anything."""
    (project / "pkg" / "a.py").write_text(
        "import time\n\n\ndef f(cfg, pkg_cfg):\n    time.sleep(5)\n"
    )
    (project / "rules" / "m.toml").write_text(_rule("f-sleep", "pkg/a.py", "f", "cfg.F"))
    commit_all(project)
    report = json.loads(cli("report", "--format", "json")[1])
    rule = report["modules"][0]["rules"][0]
    assert rule["status"] == "pending" and rule["reason"].startswith("refused at pkg/a.py:5:")
    assert git(project, "status", "--porcelain") == ""


# --- formatting ----------------------------------------------------------------------------

LONG = "settings.a_rather_long_section_name.another_long_group.the_session_cleanup_interval"


def _ruff_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ruff of the dev extras (next to this interpreter) first on PATH."""
    if not (Path(sys.executable).parent / "ruff").exists() and not shutil.which("ruff"):
        pytest.skip("ruff is not installed")
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


def test_ruff_formatted_file_stays_formatted(project, monkeypatch):
    _ruff_on_path(monkeypatch)
    (project / "pyproject.toml").write_text(
        "[project]\nname = 'p'\n[tool.ruff]\nline-length = 60\n"
    )
    (project / "pkg" / "a.py").write_text(
        "import time\n\n\ndef cleanup_loop():\n    time.sleep(60)\n"
    )
    (project / "pkg" / "b.py").write_text("import time\ntime.sleep( 5 )\n")  # not ruff-formatted
    rules = textwrap.dedent(f"""
        [[rule]]
        id = "loop"
        path = "pkg/a.py"
        key = "k.loop"
        replace = "{LONG}"
        imports = ["from pkg.settings import settings"]
        [[rule]]
        id = "b"
        path = "pkg/b.py"
        key = "k.b"
        replace = "{LONG}"
        imports = ["from pkg.settings import settings"]
        """)
    (project / "rules" / "m.toml").write_text(rules)
    commit_all(project)
    ruff = shutil.which("ruff")
    assert ruff
    import subprocess

    def accepted(rel: str) -> bool:
        done = subprocess.run([ruff, "format", "--check", rel], cwd=project, capture_output=True)
        return done.returncode == 0

    assert accepted("pkg/a.py") and not accepted("pkg/b.py")
    code, _, err = cli("fix", "--write")
    assert code == 0, err
    assert accepted("pkg/a.py")  # wrapped as ruff would
    assert "time.sleep(\n        settings." in (project / "pkg" / "a.py").read_text()
    b_py = (project / "pkg" / "b.py").read_text()
    assert b_py.endswith(f"time.sleep( {LONG} )\n")  # rejected before: only the literal changed


def test_rustfmt_formatted_file_stays_formatted(tmp_path, monkeypatch):
    rustfmt = shutil.which("rustfmt")
    if rustfmt is None:
        pytest.skip("rustfmt is not installed")
    root = tmp_path / "c"
    (root / "src").mkdir(parents=True)
    (root / "Cargo.toml").write_text('[package]\nname = "c"\nversion = "0.1.0"\nedition = "2021"\n')
    (root / "rustfmt.toml").write_text("max_width = 60\n")
    (root / "src" / "lib.rs").write_text(
        "use std::time::Duration;\n\npub fn f() -> Duration {\n    Duration::from_secs(30)\n}\n"
    )
    (root / "rules").mkdir()
    (root / "rules" / "m.toml").write_text(
        textwrap.dedent("""
        [[rule]]
        id = "f"
        path = "src/lib.rs"
        key = "k.f"
        replace = "crate::settings::get().a_long_group.the_timeout_seconds"
        """)
    )
    git(root, "init", "-q")
    commit_all(root)
    monkeypatch.chdir(root)
    import subprocess

    def accepted() -> bool:
        argv = [rustfmt, "--edition", "2021", "--check", "src/lib.rs"]
        return subprocess.run(argv, cwd=root, capture_output=True).returncode == 0

    assert accepted()
    code, _, err = cli("fix", "--write")
    assert code == 0, err
    assert "get()" in (root / "src" / "lib.rs").read_text() and accepted()


def test_with_no_formatter_configured_a_ruff_clean_file_stays_ruff_clean(project, monkeypatch):
    """A project that configures no formatter may still check with ruff's defaults (black's):
    a file ruff accepted before the fix is accepted after it."""
    _ruff_on_path(monkeypatch)
    (project / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    long = "settings.scheduler.background_tasks.session_active_result_check_interval_seconds"
    (project / "pkg" / "a.py").write_text(
        "import time\n\n\ndef cleanup_loop():\n    time.sleep(60)\n"
    )
    (project / "rules" / "m.toml").write_text(textwrap.dedent(f"""
        [[rule]]
        id = "loop"
        path = "pkg/a.py"
        key = "k.loop"
        replace = "{long}"
        imports = ["from pkg.settings import settings"]
        """))  # fmt: skip
    commit_all(project)
    ruff = shutil.which("ruff")
    assert ruff
    import subprocess

    check = [ruff, "format", "--isolated", "--check", "pkg/a.py"]
    assert subprocess.run(check, cwd=project, capture_output=True).returncode == 0
    code, _, err = cli("fix", "--write")
    assert code == 0, err
    assert f"time.sleep(\n        {long}\n    )" in (project / "pkg" / "a.py").read_text()
    assert subprocess.run(check, cwd=project, capture_output=True).returncode == 0


def test_rustfmt_bracing_a_wrapped_match_arm_is_layout():
    """rustfmt puts braces around a match arm it wraps; that must not make the formatted file
    look like other code (crossbeam-channel's utils.rs was left unformatted for it)."""
    from hardcode_lint.lang.rust.formatter import same_rust

    before = b"fn f(x: u8) -> u64 {\n    match x {\n        0 => g(crate::settings::get().a.very_long_key_name_here),\n        _ => 1,\n    }\n}\n"
    after = b"fn f(x: u8) -> u64 {\n    match x {\n        0 => {\n            g(crate::settings::get().a.very_long_key_name_here)\n        }\n        _ => 1,\n    }\n}\n"
    assert same_rust(before, after)
    assert not same_rust(before, after.replace(b"_ => 1", b"_ => 2"))
