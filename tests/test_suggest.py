"""`rules suggest`: stubs for unmapped findings that validate unedited, with sensible keys."""

from __future__ import annotations

import re
import shutil
import textwrap
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from hardcode_lint.cli.main import cli
from hardcode_lint.rules.load import load_rules
from tests.helpers import detect_in

SCHEDULER = Path(__file__).resolve().parent.parent / "fixtures" / "scheduler"


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("import asyncio\nasync def session_cleanup_loop():\n    await asyncio.sleep(60)\n",
         "snippet.session_cleanup_interval_seconds"),
        ("import asyncio\nasync def ensure_group():\n    await asyncio.sleep(2)\n",
         "snippet.ensure_group_delay_seconds"),
        ("OWNER_TTL_SECONDS = 30\n", "snippet.owner_ttl_seconds"),
        ("class W:\n    def __init__(self):\n        self.heartbeat_interval = 10\n",
         "snippet.heartbeat_interval_seconds"),
        ("def set_with_ttl(ttl_seconds):\n    return max(ttl_seconds, 1)\n",
         "snippet.min_ttl_seconds"),
        ("def read(count):\n    return min(count, 100)\n", "snippet.max_count"),
        ("import asyncio\nasync def current_version(c):\n    await asyncio.wait_for(c, timeout=0.25)\n",
         "snippet.timeout_seconds"),
        ("def remember_miss(r):\n    r.set('k', b'', ex=120)\n", "snippet.ttl_seconds"),
        ("def f(retry_delay_ms=250):\n    pass\n", "snippet.retry_delay_ms"),
        ("from datetime import timedelta\ndef g():\n    return timedelta(minutes=5)\n",
         "snippet.g_duration_minutes"),
    ],
)  # fmt: skip
def test_proposed_keys(tmp_path, source, key):
    from hardcode_lint.rules.suggest import propose_key

    (finding,) = detect_in(tmp_path, source)
    assert propose_key(finding) == key


def test_suggested_file_validates_and_has_no_duplicates(tmp_path, monkeypatch):
    copy = tmp_path / "scheduler"
    shutil.copytree(SCHEDULER, copy)
    monkeypatch.chdir(copy)
    result = CliRunner().invoke(cli, ["rules", "suggest", "--output", "rules/suggested.toml"])
    assert result.exit_code == 0, result.stderr
    data = tomllib.loads((copy / "rules" / "suggested.toml").read_text())
    ids = [r["id"] for r in data["rule"]]
    keys = [r["key"] for r in data["rule"]]
    assert len(ids) == len(set(ids)) == 16 and len(keys) == len(set(keys))
    loaded = load_rules(copy, ("rules",))
    assert loaded.problems == []
    assert not {r.key for r in loaded.rules if r.file.endswith("suggested.toml")} & {
        r.key for r in loaded.rules if not r.file.endswith("suggested.toml")
    }
    after = CliRunner().invoke(cli, ["report", "--format", "json"])
    assert '"unmapped": 0' in after.stdout  # every stub matches the finding it was made for


def test_one_file_per_folder_into_a_directory(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("")
    for folder in ("a", "b/c"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "m.py").write_text(textwrap.dedent("import time\ntime.sleep(3)\n"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["rules", "suggest", "--output", "suggested/"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "suggested").iterdir()) == ["a.toml", "b_c.toml"]
    module = tomllib.loads((tmp_path / "suggested" / "b_c.toml").read_text())["module"]
    assert module["paths"] == ["b/c/*"]
    before = {p.name: p.read_text() for p in (tmp_path / "suggested").iterdir()}
    (tmp_path / "a" / "n.py").write_text("import time\ntime.sleep(9)\n")  # the code grows
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.hardcode-lint]\nrules = ["suggested"]\n')
    again = CliRunner().invoke(cli, ["rules", "suggest", "--output", "suggested/"])
    assert again.exit_code == 0, again.stderr
    grown = (tmp_path / "suggested" / "a.toml").read_text()
    assert grown.startswith(before["a.toml"].rstrip("\n"))  # appended, comments kept
    assert grown.count("[[rule]]") == 2 and "a/n.py" in grown
    assert (tmp_path / "suggested" / "b_c.toml").read_text() == before["b_c.toml"]
    check = CliRunner().invoke(cli, ["check"])
    assert check.exit_code == 0, check.stdout


def test_identical_sites_become_one_rule_with_count_and_the_rules_pass_check(tmp_path, monkeypatch):
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "pkg").mkdir()
    body = "".join(f"    Job(interval=2)  # {i}\n" for i in range(12))
    (tmp_path / "pkg" / "__init__.py").write_text(
        "class IterState:\n    limit = max(n, 1)\n\n    def reset(self):\n"
        "        return max(m, 1)\n\n\ndef jobs():\n" + body
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    result = CliRunner().invoke(cli, ["rules", "suggest", "--output", "rules/", "--replace",
                                      "settings.{key}", "--import",
                                      "from pkg.settings import settings"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rules = tomllib.loads((tmp_path / "rules" / "pkg.toml").read_text())
    assert rules["module"]["replace"] == "settings.{key}"
    keys = [rule["key"] for rule in rules["rule"]]
    assert len(keys) == 3 and all(key.startswith("pkg.") for key in keys), keys
    assert [rule.get("count", 1) for rule in rules["rule"]] == [1, 1, 12]
    assert not any(key[-2:].strip("_").isdigit() for key in keys)  # nothing numbered
    assert CliRunner().invoke(cli, ["rules", "validate"]).exit_code == 0
    check = CliRunner().invoke(cli, ["check"])
    assert check.exit_code == 0, check.stdout


def test_a_configured_rules_folder_that_does_not_exist_yet_is_where_suggest_writes(
    tmp_path, monkeypatch
):
    """`rules = ["rules"]` configured before the first suggest: every command used to exit 2."""
    (tmp_path / "hardcode-lint.toml").write_text('rules = ["rules"]\n')
    (tmp_path / "m.py").write_text("import time\ntime.sleep(3)\n")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["rules", "suggest", "--dry-run"]).exit_code == 0
    assert runner.invoke(cli, ["rules", "suggest", "--output", "rules/"]).exit_code == 0
    assert runner.invoke(cli, ["check"]).exit_code == 0
    (tmp_path / "hardcode-lint.toml").write_text('rules = ["rules/typo.toml"]\n')
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 2 and "'rules/typo.toml' does not exist" in result.stderr


def test_a_one_letter_function_is_not_a_unit_in_a_key(tmp_path):
    """`def h(): time.sleep(3)` proposed `..h_delay` (no `_seconds`): `h` read as hours."""
    from hardcode_lint.rules.suggest import propose_key

    (finding,) = detect_in(tmp_path, "import time\ndef h():\n    time.sleep(3)\n")
    assert propose_key(finding) == "snippet.h_delay_seconds"


def _keys(tmp_path, files, *args):
    """The key, count and scope of every rule `rules suggest` writes for ``files``."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text))
    result = CliRunner().invoke(cli, ["rules", "suggest", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout, tomllib.loads(result.stdout)["rule"]


RUST_CONFIG = """\
    use std::time::Duration;
    const DEFAULT_MAX_IDLE_CONNS: usize = 10;
    pub struct B { timeout_connect: Option<Duration>, n: usize }
    impl B {
        pub fn new() -> B {
            B { timeout_connect: Some(Duration::from_secs(30)), n: 0 }
        }
        pub fn go(&self, x: f64) -> f64 {
            let pool = Pool::builder().connection_timeout(Duration::from_millis(500)).build();
            x.clamp(0.25, 1.5)
        }
    }
"""


def test_keys_are_named_after_the_binding_field_or_builder_method(tmp_path, monkeypatch):
    """`timeout_connect: Some(Duration::from_secs(30))` was `agent.new_delay_seconds`."""
    (tmp_path / "Cargo.toml").write_text('[package]\nname = "agent"\nversion = "0.1.0"\n')
    monkeypatch.chdir(tmp_path)
    _, rules = _keys(tmp_path, {"src/config.rs": RUST_CONFIG})
    assert sorted(r["key"] for r in rules) == [
        "config.connection_timeout_ms", "config.max_go", "config.max_idle_conns",
        "config.min_go", "config.timeout_connect_seconds"]  # fmt: skip
    lower = next(r for r in rules if r["value"] == 0.25)
    assert lower["key"] == "config.min_go"  # the lower bound of a clamp is never `max`


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("from datetime import timedelta\nclass C:\n    def run(self):\n"
         "        client = Client(timeout=timedelta(seconds=7))\n", "snippet.timeout_seconds"),
        ("class S:\n    def __init__(self, x):\n        self.limit = max(x, 1)\n",
         "snippet.min_limit"),
        ("def time_remaining(x):\n    return min(x.left(), 10)\n", "snippet.max_time_remaining"),
        ("class S:\n    def __init__(self, v):\n        self.f = v.clamp(0.5, 1.5)\n",
         "snippet.min_f"),
        ("def is_set(r):\n    r.get(timeout=5)\n", "snippet.timeout_seconds"),
        ("DEFAULT_POOL_TIMEOUT_MS = 30\n", "snippet.pool_timeout_ms"),
    ],
)  # fmt: skip
def test_keys_from_the_names_around_the_literal(tmp_path, source, key):
    from hardcode_lint.lang import frontend
    from hardcode_lint.rules.suggest import propose_key

    finding = detect_in(tmp_path, source)[0]
    data = (tmp_path / "snippet.py").read_bytes()
    (steps,) = frontend("python").site_steps(data, [(finding.start, finding.end)])
    assert propose_key(finding, steps=steps) == key


def test_one_name_and_value_share_a_key_and_nothing_is_numbered(tmp_path, monkeypatch):
    """tenacity's tests: one name and value across functions was `backoff_seconds_2` .. `_4`."""
    (tmp_path / "hardcode-lint.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    source = "".join(f"def t{i}():\n    backoff = 0.5\n" for i in range(4))
    source += "def u():\n    backoff = 2\n    time.sleep(1)\n    time.sleep(3)\n"
    text, rules = _keys(tmp_path, {"m.py": "import time\n" + source})
    shared = [r for r in rules if r["value"] == 0.5]
    assert len(shared) == 1 and shared[0]["count"] == 4 and "scope" not in shared[0]
    keys = [r["key"] for r in rules]
    ids = [r["id"] for r in rules]
    assert len(set(keys)) == len(keys) == len(set(ids)) == 4, keys
    assert not any(re.search(r"[_-]\d+$", k) for k in keys + ids), keys + ids
    assert {k for k in keys if "backoff" in k} == {"m.backoff_seconds", "m.u_backoff_seconds"}
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "m.toml").write_text(text)
    check = CliRunner().invoke(cli, ["check"])
    assert check.exit_code == 0, check.stdout


def test_modules_are_the_project_modules_production_first(tmp_path, monkeypatch):
    (tmp_path / "hardcode-lint.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    files = {"src/pkg/__init__.py": "", "src/pkg/contrib/__init__.py": "",
             "src/pkg/contrib/w.py": "import time\ntime.sleep(3)\n",
             "tests/test_w.py": "import time\ntime.sleep(4)\n"}  # fmt: skip
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert CliRunner().invoke(cli, ["rules", "suggest", "--output", "rules/"]).exit_code == 0
    modules = {
        p.name: tomllib.loads(p.read_text())["module"] for p in (tmp_path / "rules").iterdir()
    }
    assert modules["pkg_contrib.toml"]["name"] == "pkg.contrib"
    assert modules["pkg_contrib.toml"]["priority"] == "P1"
    assert modules["tests.toml"]["priority"] == "P3"


def test_appending_to_an_existing_module_file_follows_its_template_and_fix_applies_it(
    tmp_path, monkeypatch
):
    """Appended rules said `replace = "config.x.y"` with no import: `fix` refused all 85."""
    from tests.test_fix import commit_all, git

    (tmp_path / "hardcode-lint.toml").write_text('rules = ["rules"]\n')
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "conf.py").write_text("class _C:\n    pass\n\nconf = _C()\n")
    (tmp_path / "pkg" / "w.py").write_text("import time\ndef f():\n    time.sleep(3)\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "pkg.toml").write_text(
        '# ours\n[module]\nname = "pkg"\nreplace = "conf.{key}"\n'
        'imports = ["from pkg.conf import conf"]\n'
    )
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["rules", "suggest", "--output", "rules/"]).exit_code == 0
    text = (tmp_path / "rules" / "pkg.toml").read_text()
    assert text.startswith("# ours\n") and "[[rule]]" in text and "\nreplace" not in text.split(
        "[[rule]]", 1)[1]  # fmt: skip
    git(tmp_path, "init", "-q")
    commit_all(tmp_path)
    fixed = CliRunner().invoke(cli, ["fix", "--write"])
    assert fixed.exit_code == 0, fixed.stdout + fixed.stderr
    assert "conf.pkg.w.f_delay_seconds" in (tmp_path / "pkg" / "w.py").read_text()


def test_suggest_may_write_a_configured_rule_file_that_does_not_exist_yet(tmp_path, monkeypatch):
    (tmp_path / "hardcode-lint.toml").write_text('rules = ["rules/all.toml"]\n')
    (tmp_path / "m.py").write_text("import time\ntime.sleep(3)\n")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["check"]).exit_code == 2  # elsewhere a missing file is a typo
    result = runner.invoke(cli, ["rules", "suggest", "--output", "rules/all.toml"])
    assert result.exit_code == 0, result.stderr
    assert runner.invoke(cli, ["check"]).exit_code == 0


def test_the_rule_with_the_longer_api_claims_the_site_both_match(tmp_path, monkeypatch):
    """tokio's tests write `Duration::from_millis(1)` (a `use` the macro body hides) and
    `std::time::Duration::from_millis(1)`: the shorter api's rule matches both spellings, the
    longer one's claims its own site (as a deeper scope does), so the two suggested rules pass
    `check` instead of one ambiguous and one stale."""
    (tmp_path / "Cargo.toml").write_text('[package]\nname = "t"\nversion = "0.1.0"\n')
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "lib.rs").write_text(
        "mod a {\n    fn f() { std::thread::sleep(Duration::from_millis(1)); }\n}\n"
        "fn g() { std::thread::sleep(std::time::Duration::from_millis(1)); }\n"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["rules", "suggest", "--output", "rules/"])
    assert result.exit_code == 0, result.stderr
    (written,) = (tmp_path / "rules").glob("*.toml")
    rules = tomllib.loads(written.read_text())["rule"]
    assert [(r["api"], r.get("count", 1)) for r in rules] == [
        ("Duration::from_millis", 1), ("std::time::Duration::from_millis", 1)
    ]  # fmt: skip
    check = CliRunner().invoke(cli, ["check"])
    assert check.exit_code == 0, check.stdout


def test_a_typescript_constructor_is_named_by_its_class(tmp_path):
    """generic-pool's `Math.max(isNaN(m) ? 1 : m, 1)` in `PoolOptions`' constructor was keyed
    `min_constructor`: a constructor is as generic a scope as `__init__`."""
    from hardcode_lint.lang import frontend
    from hardcode_lint.rules.suggest import propose_key
    from tests.ts_helpers import detect_ts

    code = (
        "class PoolOptions {\n  constructor(m) {\n    use(Math.max(isNaN(m) ? 2 : m, 1))\n  }\n}\n"
    )
    findings = detect_ts(tmp_path, code, name="snippet.js")
    data = (tmp_path / "snippet.js").read_bytes()
    steps = frontend("javascript").site_steps(data, [(f.start, f.end) for f in findings])
    keys = {propose_key(f, steps=s) for f, s in zip(findings, steps, strict=True)}
    assert keys == {"snippet.min_pool_options"}
