"""Where generated settings live and how suggested rules read them, with no flags given.

A new user runs `rules suggest --output rules/` and nothing else: each rule must then read its
key through the generated settings of its own package or crate, with the import it needs, so
that `fix` can apply it unedited.
"""

from __future__ import annotations

import textwrap
import tomllib
from pathlib import Path

import pytest

from hardcode_lint.config import Config
from hardcode_lint.defaults.targets import settings_targets, targets_of
from tests.helpers import cli


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


PACKAGE = {
    "src/pkg/__init__.py": "",
    "src/pkg/worker.py": "import time\ndef poll():\n    time.sleep(5)\n",
    "src/pkg/net/__init__.py": "",
    "src/pkg/net/client.py": "def connect(timeout=30):\n    pass\n",
    "tests/__init__.py": "",
    "tests/test_a.py": "import time\ntime.sleep(1)\ntime.sleep(2)\ntime.sleep(3)\n",
    "script.py": "import time\ntime.sleep(9)\n",
}


def test_python_settings_live_in_the_package_with_most_findings_not_in_tests(tmp_path):
    write(tmp_path, PACKAGE)
    sites = ["src/pkg/worker.py", "src/pkg/net/client.py", "tests/test_a.py",
             "tests/test_a.py", "tests/test_a.py", "script.py"]  # fmt: skip
    targets = settings_targets(Config(root=tmp_path), sites)
    assert {t.module for t in targets.values()} == {"src/pkg/settings.py"}
    target = targets["tests/test_a.py"]
    assert target.imports == ("from pkg.settings import settings",)
    assert (target.template, target.env_prefix) == ("settings.{key}", "PKG")


def test_a_settings_py_of_the_project_own_is_not_taken(tmp_path):
    write(tmp_path, {**PACKAGE, "src/pkg/settings.py": "DEBUG = False\n"})
    (target,) = targets_of(Config(root=tmp_path), ["src/pkg/worker.py"])
    assert target.module == "src/pkg/hardcode_settings.py"
    assert target.imports == ("from pkg.hardcode_settings import settings",)


def test_configured_settings_module_wins(tmp_path):
    write(tmp_path, PACKAGE)
    config = Config(root=tmp_path, settings_module=("src/pkg/net/conf.py",))
    (target,) = targets_of(config, ["src/pkg/worker.py"])
    assert target.module == "src/pkg/net/conf.py"
    assert target.imports == ("from pkg.net.conf import settings",)


CRATE = {
    "Cargo.toml": '[package]\nname = "my-crate"\nversion = "0.1.0"\nedition = "2021"\n',
    "src/lib.rs": "use std::time::Duration;\npub fn d() -> Duration { Duration::from_secs(5) }\n",
    "tests/it.rs": "#[test]\nfn t() { std::thread::sleep(std::time::Duration::from_millis(10)); }\n",
}


def test_each_crate_reads_its_own_settings_through_an_absolute_path(tmp_path):
    write(tmp_path, CRATE)
    targets = settings_targets(Config(root=tmp_path), ["src/lib.rs", "tests/it.rs"])
    target = targets["src/lib.rs"]
    assert (target.module, target.name, target.env_prefix) == ("src/settings.rs", "my_crate",
                                                               "MY_CRATE")  # fmt: skip
    assert (target.template, target.imports) == ("crate::settings::get().{key}", ())
    write(tmp_path / "other", {"loose.rs": "fn main() {}\n"})
    assert settings_targets(Config(root=tmp_path / "other"), ["loose.rs"]) == {}


def _rules(folder: Path) -> list[dict[str, object]]:
    found = []
    for file in sorted(folder.glob("*.toml")):
        data = tomllib.loads(file.read_text("utf-8"))
        module = data["module"]
        found += [{**{k: module[k] for k in ("replace", "imports") if k in module}, **rule}
                  for rule in data.get("rule", [])]  # fmt: skip
    return found


@pytest.mark.parametrize(
    ("files", "replace", "imports"),
    [
        (PACKAGE, "settings.{key}", ["from pkg.settings import settings"]),
        (CRATE, "crate::settings::get().{key}", None),
    ],
)
def test_suggest_with_no_flags_writes_the_settings_template_and_its_import(
    tmp_path, monkeypatch, files, replace, imports
):
    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("rules", "suggest", "--output", "rules/")
    assert code == 0, err
    rules = _rules(tmp_path / "rules")
    assert rules
    for rule in rules:
        assert rule["replace"] == replace
        assert rule.get("imports") == imports
    assert cli("rules", "validate")[0] == 0


def test_a_folder_mixing_languages_gets_each_rule_its_own_replacement(tmp_path, monkeypatch):
    # a crate scans only Rust unless `languages` says otherwise (the manifests' default)
    languages = '[package.metadata.hardcode-lint]\nlanguages = ["rust", "python"]\n'
    cargo = CRATE["Cargo.toml"] + languages
    write(tmp_path, {**CRATE, "Cargo.toml": cargo, "src/gen.py": "import time\ntime.sleep(4)\n"})
    monkeypatch.chdir(tmp_path)
    assert cli("rules", "suggest", "--output", "rules/")[0] == 0
    modules = [
        tomllib.loads(p.read_text("utf-8"))["module"] for p in (tmp_path / "rules").iterdir()
    ]
    replaces = sorted({(m["replace"], tuple(m.get("imports", ()))) for m in modules})
    assert replaces == [("crate::settings::get().{key}", ()),
                        ("settings.{key}", ("from settings import settings",))]  # fmt: skip
    assert cli("rules", "validate")[0] == 0


def test_appended_rules_follow_the_file_template_or_carry_their_own(tmp_path, monkeypatch):
    write(tmp_path, PACKAGE)
    write(tmp_path, {
        "rules/pkg.toml": '[module]\nname = "pkg"\npaths = ["src/pkg/**"]\n'
                          'replace = "conf.{key}"\nimports = ["from pkg.conf import conf"]\n',
        "rules/tests.toml": '[module]\nname = "tests"\npaths = ["tests/**"]\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert cli("rules", "suggest", "--output", "rules/")[0] == 0
    pkg = tomllib.loads((tmp_path / "rules" / "pkg.toml").read_text("utf-8"))
    assert pkg["rule"] and all("replace" not in r for r in pkg["rule"])
    tests = tomllib.loads((tmp_path / "rules" / "tests.toml").read_text("utf-8"))
    assert tests["rule"] and all(
        r["replace"] == f"settings.{r['key']}"
        and r["imports"] == ["from pkg.settings import settings"]
        for r in tests["rule"]
    )


def test_a_folder_named_for_a_keyword_gives_a_key_part_the_settings_can_hold(tmp_path, monkeypatch):
    """httpcore's `_async/` became `pkg.async.pool...`: every rule of the file was then invalid."""
    write(tmp_path, {"pkg/__init__.py": "", "pkg/async/__init__.py": "",
                     "pkg/async/pool.py": "def f(max_connections=10):\n    pass\n"})  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert cli("rules", "suggest", "--output", "rules/")[0] == 0
    (rule,) = _rules(tmp_path / "rules")
    assert rule["key"] == "pkg.async_.pool.max_connections"
    assert cli("rules", "validate")[0] == 0 and cli("defaults", "--format", "python")[0] == 0


def test_one_value_in_two_units_gets_two_keys_that_say_their_unit(tmp_path, monkeypatch):
    """`every(interval=2).second` and `.minute` are 2 s and 120 s: one key would be a clash."""
    source = ("import schedule\n\ndef g():\n    schedule.every(interval=2).second.do(g)\n"
              "    schedule.every(interval=2).minute.do(g)\n")  # fmt: skip
    write(tmp_path, {"pkg/__init__.py": "", "pkg/jobs.py": source})
    monkeypatch.chdir(tmp_path)
    assert cli("rules", "suggest", "--output", "rules/")[0] == 0
    rules = _rules(tmp_path / "rules")
    assert sorted((r["unit"], r["key"]) for r in rules) == [
        ("min", "pkg.jobs.interval_minutes"), ("s", "pkg.jobs.interval_seconds")]  # fmt: skip
    assert cli("check")[0] == 0 and cli("defaults", "--format", "python")[0] == 0


def test_the_package_named_like_the_distribution_holds_the_settings(tmp_path):
    """urllib3: its test server package `dummyserver` had more findings than `src/urllib3`."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "url-lib"\n',
        "src/url_lib/__init__.py": "", "src/url_lib/a.py": "",
        "dummyserver/__init__.py": "", "dummyserver/app.py": "",
    })  # fmt: skip
    sites = ["src/url_lib/a.py", "dummyserver/app.py", "dummyserver/app.py"]
    (target,) = targets_of(Config(root=tmp_path), sites)
    assert target.module == "src/url_lib/settings.py"
    assert target.imports == ("from url_lib.settings import settings",)
