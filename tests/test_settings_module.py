"""The whole migration on a small package: suggest, settings module, fix, its tests, 100 %."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import cli_output as run
from tests.test_fix import commit_all, git

WAIT = "import time\n\n\ndef wait():\n    time.sleep(5)\n    return 3\n\n\nTIMEOUT_SECONDS = 2.5\n"
TEST = "from pkg.wait import TIMEOUT_SECONDS, wait\n\n\ndef test_wait():\n    assert wait() == 3\n    assert TIMEOUT_SECONDS == 2.5\n"


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "hardcode-lint.toml").write_text('defaults-file = "pkg/settings.py"\n')
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "wait.py").write_text(WAIT)
    (tmp_path / "test_wait.py").write_text(TEST)
    (tmp_path / "rules").mkdir()
    git(tmp_path, "init", "-q")
    commit_all(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_suggest_settings_fix_and_the_package_tests_still_pass(package):
    code, out = run("rules", "suggest", "--output", "rules/", "--replace", "settings.{key}",
                    "--import", "from pkg.settings import settings")  # fmt: skip
    assert code == 0, out
    assert run("rules", "validate")[0] == 0
    code, out = run("defaults", "--format", "python", "--output", "pkg/settings.py")
    assert code == 0, out
    settings = (package / "pkg" / "settings.py").read_text()
    assert settings.startswith("# hardcode-lint: generated settings")
    assert "wait_seconds: int = 5  # seconds" in settings
    assert "timeout_seconds: float = 2.5" in settings
    code, out = run("check")
    assert code == 0, out  # the settings module's literals are not findings
    commit_all(package)
    code, out = run("fix", "--write")
    assert code == 0, out
    assert "time.sleep(settings.pkg.wait.wait_seconds)" in (package / "pkg" / "wait.py").read_text()
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            "test_wait.py"], cwd=package, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(package)}, check=False)  # fmt: skip
    assert tests.returncode == 0, tests.stdout
    code, out = run("report", "--format", "json")
    assert '"progress": 100.0' in out
    code, out = run("check")
    assert code == 0, out
    commit_all(package)
    code, out = run("fix", "--write")
    assert code == 0 and "0 file(s) changed" in out


def test_check_fails_when_a_default_in_the_settings_module_differs(package):
    run("rules", "suggest", "--output", "rules/", "--replace", "settings.{key}")
    run("defaults", "--format", "python", "--output", "pkg/settings.py")
    path = package / "pkg" / "settings.py"
    text = path.read_text()
    path.write_text(text.replace("= 5", "= 6"))
    line = text[: text.index("= 5")].count("\n") + 1
    code, out = run("check")
    assert code == 1, out
    assert f"pkg/settings.py:{line}: HCL901 the default of key `pkg.wait.wait_seconds` is not " \
           "the literal `5` of rule `pkg-wait-wait-seconds` (rules/pkg.toml:" in out  # fmt: skip
    assert "fix: regenerate it: `hardcode-lint defaults --format python --output " \
           "pkg/settings.py`" in out  # fmt: skip
    code, out = run("explain", "HCL901")
    assert code == 0 and "regenerate" in out


def test_a_key_added_by_hand_to_the_settings_module_is_named(package):
    run("rules", "suggest", "--output", "rules/", "--replace", "settings.{key}")
    run("defaults", "--format", "python", "--output", "pkg/settings.py")
    path = package / "pkg" / "settings.py"
    text = path.read_text()
    path.write_text(
        text.replace("wait_seconds: int = 5", "wait_seconds: int = 5\n    extra: int = 1")
    )
    code, out = run("check")
    assert code == 1 and "HCL901 defines key `pkg.wait.extra`, which no rule gives" in out, out


def test_a_missing_settings_module_says_how_to_write_it_in_its_language(package):
    run("rules", "suggest", "--output", "rules/", "--replace", "settings.{key}")
    code, out = run("check")
    assert code == 2
    assert "write it with `hardcode-lint defaults --format python --output pkg/settings.py`" in out


def test_the_rust_settings_module_has_impl_default(tmp_path):
    from hardcode_lint.lang import frontend
    from hardcode_lint.lang.base import SettingsRequest, SettingValue

    request = SettingsRequest(
        "settings.rs", (SettingValue("net.ttl_secs", 30, None, "seconds"),), "P"
    )
    text = frontend("rust").settings_module(tmp_path, request).text
    assert text.startswith("// hardcode-lint: generated settings")
    assert (
        "pub struct SettingsNet {\n    /// `net.ttl_secs` (seconds)\n    pub ttl_secs: u64,\n}"
        in text
    )
    assert "impl Default for Settings {" in text and "net: SettingsNet::default()" in text
