"""Kept findings: the literals a team decides to keep (issue 21), end to end through the CLI.

A literal is kept by a `keep = true` rule or a `[[keep]]` entry, a `noqa` or
`hardcode-lint: ignore` comment, `per-file-ignores`, the baseline, or a module with
`scope = "out"`.  Kept sites count in `sites`, never in what is left to migrate, are not listed
by `scan`, never fail `check`, and `fix` leaves them alone.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tests.helpers import cli

JOBS = """\
import time

from app.settings import settings


def poll():
    time.sleep(settings.jobs.poll_seconds)


def handshake():
    time.sleep(7)


def legacy():
    time.sleep(9)  # noqa: HCL101


def retry(attempts=3):
    return attempts
"""

APP_RULES = """\
[module]
name = "Jobs"
paths = ["app/**"]
replace = "settings.{key}"
imports = ["from app.settings import settings"]

[[rule]]
id = "poll"
path = "app/jobs.py"
scope = "poll"
api = "time.sleep"
value = 5
key = "jobs.poll_seconds"

[[rule]]
id = "handshake"
path = "app/jobs.py"
scope = "handshake"
keep = true
reason = "fixed by the wire protocol"

[[keep]]
path = "app/jobs.py"
scope = "retry"
reason = "an API default"
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    return root


def run(*args: str) -> tuple[int, str]:
    code, out, err = cli(*args, "--no-cache")
    return code, out + err


def report(root: Path) -> dict:
    code, out = run("report", "--format", "json", str(root))
    assert code == 0, out
    return json.loads(out)


def module(data: dict, name: str) -> dict:
    return next(m for m in data["modules"] if m["name"] == name)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Production migrated but for the literals it keeps; test code out of scope."""
    root = write(tmp_path, {
        "pyproject.toml": '[tool.hardcode-lint]\nrules = ["rules"]\n',
        "app/__init__.py": "",
        "app/jobs.py": JOBS,
        "tests/test_jobs.py": "import time\n\n\ndef test_poll():\n    time.sleep(2)\n",
        "rules/app.toml": APP_RULES,
        "rules/tests.toml": '[module]\nname = "Tests"\npaths = ["tests/**"]\nscope = "out"\n',
    })  # fmt: skip
    code, out = run("defaults", "--format", "python", "--output", str(root / "app/settings.py"),
                    str(root))  # fmt: skip
    assert code == 0, out
    return root


def test_kept_literals_leave_production_at_100_percent(project):
    data = report(project)
    assert data["production"] == {"sites": 4, "migrated": 1, "kept": 3, "progress": 100.0}
    assert data["tests"] == {"sites": 1, "migrated": 0, "kept": 1, "progress": 100.0}
    totals = data["totals"]
    assert (totals["sites"], totals["kept"], totals["unmapped"], totals["progress"]) == (5, 4, 0,
                                                                                      100.0)  # fmt: skip
    reasons = {(s["line"], s["reason"]) for s in module(data, "Jobs")["kept_sites"]}
    assert reasons == {(11, "fixed by the wire protocol"), (15, "`# noqa: HCL101` comment"),
                       (18, "an API default")}  # fmt: skip
    assert module(data, "Jobs")["kept"] == 3 and module(data, "Jobs")["progress"] == 100.0


def test_kept_literals_are_not_listed_nor_fail_the_gate(project):
    code, out = run("scan", "--format", "json", str(project))
    assert code == 0 and json.loads(out)["findings"] == []
    code, out = run("check", str(project))
    assert code == 0, out


def test_a_module_out_of_scope_is_said_so_and_its_findings_are_kept(project):
    tests = module(report(project), "Tests")
    assert tests["scope"] == "out" and module(report(project), "Jobs")["scope"] == "in"
    assert (tests["sites"], tests["kept"], tests["unmapped"]) == (1, 1, 0)
    assert tests["kept_sites"][0]["reason"] == "module out of scope"


def test_without_the_keeps_the_same_literals_are_work_to_do(project):
    (project / "rules/tests.toml").write_text('[module]\nname = "Tests"\npaths = ["tests/**"]\n')
    rules = (project / "rules/app.toml").read_text()
    (project / "rules/app.toml").write_text(rules[: rules.index('[[rule]]\nid = "handshake"')])
    data = report(project)
    assert data["tests"] == {"sites": 1, "migrated": 0, "kept": 0, "progress": 0.0}
    assert data["production"]["kept"] == 1  # the noqa comment still keeps its literal
    assert data["production"]["progress"] == 33.3  # 1 migrated of 3 to migrate


def test_the_text_report_shows_the_kept_count(project):
    code, out = run("report", str(project))
    assert code == 0 and "1 of 5 sites migrated, 4 kept as literals" in out


def test_fix_never_touches_a_kept_site(tmp_path):
    root = write(tmp_path, {
        "pyproject.toml": '[tool.hardcode-lint]\nrules = ["rules"]\n',
        "m.py": "import time\n\n\ndef a():\n    time.sleep(5)\n\n\ndef b():\n    time.sleep(5)\n",
        "rules/m.toml": textwrap.dedent("""\
            [[rule]]
            id = "naps"
            path = "m.py"
            api = "time.sleep"
            count = "*"
            key = "nap_seconds"
            replace = "NAP"
            imports = ["from cfg import NAP"]

            [[rule]]
            id = "b-stays"
            path = "m.py"
            scope = "b"
            keep = true
            reason = "b must wait exactly five seconds"
            """),
    })  # fmt: skip
    code, out = run("fix", "--write", str(root))
    assert code == 0, out
    text = (root / "m.py").read_text()
    assert "def a():\n    time.sleep(NAP)" in text and "def b():\n    time.sleep(5)" in text


def test_a_rule_of_a_module_out_of_scope_is_kept_not_stale_and_not_fixed(tmp_path):
    root = write(tmp_path, {
        "pyproject.toml": '[tool.hardcode-lint]\nrules = ["rules"]\n',
        "m.py": "import time\ntime.sleep(5)\n",
        "rules/m.toml": '[module]\nscope = "out"\n\n[[rule]]\nid = "nap"\npath = "m.py"\n'
                        'key = "nap"\nreplace = "NAP"\n',
    })  # fmt: skip
    data = report(root)
    assert data["modules"][0]["rules"][0]["status"] == "kept"
    assert (data["totals"]["kept"], data["totals"]["pending"]) == (1, 0)
    assert run("check", str(root))[0] == 0
    run("fix", "--write", str(root))
    assert (root / "m.py").read_text() == "import time\ntime.sleep(5)\n"


def test_baselined_findings_count_as_kept(tmp_path):
    root = write(tmp_path, {
        "pyproject.toml": "[tool.hardcode-lint]\n",
        "m.py": "import time\ntime.sleep(5)\ntime.sleep(6)\n",
    })  # fmt: skip
    before = report(root)["totals"]
    assert (before["unmapped"], before["kept"], before["progress"]) == (2, 0, 0.0)
    assert run("baseline", str(root))[0] == 0
    (root / "m.py").write_text("import time\ntime.sleep(5)\ntime.sleep(6)\ntime.sleep(7)\n")
    data = report(root)
    assert (data["totals"]["unmapped"], data["totals"]["kept"]) == (1, 2)
    kept = data["modules"][0]["kept_sites"]
    assert [(s["line"], s["reason"]) for s in kept] == [(2, "accepted in the baseline"),
                                                        (3, "accepted in the baseline")]  # fmt: skip
    assert data["totals"]["progress"] == 0.0  # the new sleep(7) is still to migrate


@pytest.mark.parametrize("comment", ["# hardcode-lint: ignore", "# noqa"])
def test_suppressed_findings_are_kept_not_listed(tmp_path, comment):
    root = write(tmp_path, {"pyproject.toml": "[tool.hardcode-lint]\n",
                            "m.py": f"import time\ntime.sleep(5)  {comment}\n"})  # fmt: skip
    assert json.loads(run("scan", "--format", "json", str(root))[1])["findings"] == []
    assert run("check", str(root))[0] == 0
    totals = report(root)["totals"]
    assert (totals["sites"], totals["kept"], totals["progress"]) == (1, 1, 100.0)


def test_a_suppressed_rust_literal_is_kept(tmp_path):
    source = "use std::time::Duration;\nfn f() -> Duration { Duration::from_secs(5) } // noqa\n"
    root = write(tmp_path, {"hardcode-lint.toml": "", "src/lib.rs": source})
    assert report(root)["totals"]["kept"] == 1


def test_per_file_ignores_keep_what_they_ignore(tmp_path):
    root = write(tmp_path, {
        "pyproject.toml": textwrap.dedent("""\
            [tool.hardcode-lint.per-file-ignores]
            "legacy/*.py" = ["HCL101"]
            "conftest.py" = ["HCL"]
            """),
        "legacy/old.py": "import time\ntime.sleep(5)\nmax(n, 3)\n",
        "pkg/sub/conftest.py": "import time\ntime.sleep(6)\n",
        "pkg/run.py": "import time\ntime.sleep(7)\n",
    })  # fmt: skip
    found = json.loads(run("scan", "--format", "json", str(root))[1])["findings"]
    assert sorted((f["path"], f["code"]) for f in found) == [("legacy/old.py", "HCL201"),
                                                             ("pkg/run.py", "HCL101")]  # fmt: skip
    data = report(root)
    assert (data["totals"]["sites"], data["totals"]["kept"]) == (4, 2)
    reasons = {s["path"]: s["reason"] for m in data["modules"] for s in m["kept_sites"]}
    assert reasons == {"legacy/old.py": "per-file-ignores 'legacy/*.py'",
                       "pkg/sub/conftest.py": "per-file-ignores 'conftest.py'"}  # fmt: skip


@pytest.mark.parametrize(
    ("table", "message"),
    [('"tests/**" = ["XYZ"]', "per-file-ignores.\"tests/**\": 'XYZ' names no code"),
     ('"tests/**" = "HCL"', 'per-file-ignores."tests/**": must be a list of strings'),
     ("x = 1", "per-file-ignores: must be a table")],
)  # fmt: skip
def test_per_file_ignores_errors_name_the_key(tmp_path, table, message):
    text = f"[tool.hardcode-lint]\nper-file-ignores = {{ {table} }}\n"
    if table == "x = 1":
        text = "[tool.hardcode-lint]\nper-file-ignores = 1\n"
    root = write(tmp_path, {"pyproject.toml": text, "m.py": "import time\ntime.sleep(5)\n"})
    code, out = run("scan", str(root))
    assert code == 2 and message in out and "Traceback" not in out


def validate(root: Path) -> tuple[int, str]:
    code, out, err = cli("rules", "validate", str(root))
    return code, out + err


@pytest.mark.parametrize(
    ("rule", "message"),
    [('[[rule]]\nid = "k"\npath = "m.py"\nkeep = true\n', "rules/m.toml:4: keep needs a reason"),
     ('[[rule]]\nid = "k"\nkey = "a.b"\nreason = "x"\n',
      "rules/m.toml:4: `reason` is for a kept rule"),
     ('[[rule]]\nid = "k"\nkeep = true\nreason = " "\n', "rules/m.toml:4: `reason` must be"),
     ('[[rule]]\nid = "k"\nkeep = "yes"\nreason = "x"\n', "rules/m.toml:3: `keep` must be"),
     ('[[keep]]\nreason = "x"\n', "rules/m.toml:1: [[keep]] is missing `path`"),
     ('[[keep]]\npath = "m.py"\n', "rules/m.toml:1: [[keep]] is missing `reason`"),
     ('[[keep]]\npath = "m.py"\nreason = "x"\nkey = "a"\n', "rules/m.toml:4: unknown field `key`"),
     ('[module]\nscope = "maybe"\n', 'rules/m.toml:2: `scope` must be "in" or "out"')],
)  # fmt: skip
def test_validate_locates_keep_problems(tmp_path, rule, message):
    root = write(tmp_path, {"pyproject.toml": '[tool.hardcode-lint]\nrules = ["rules"]\n',
                            "rules/m.toml": rule})  # fmt: skip
    code, out = validate(root)
    assert code == 2 and message in out, out


def test_a_kept_rule_needs_no_key_nor_replace(tmp_path):
    root = write(tmp_path, {
        "pyproject.toml": '[tool.hardcode-lint]\nrules = ["rules"]\n',
        "rules/m.toml": '[[rule]]\nid = "k"\npath = "m.py"\nkeep = true\nreason = "spec"\n\n'
                        '[[keep]]\npath = "legacy/**"\napi = "sleep"\nreason = "frozen"\n',
    })  # fmt: skip
    code, out = validate(root)
    assert code == 0 and "0 rule(s), 2 kept in 1 file(s): all valid" in out, out
