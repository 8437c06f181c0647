"""Generated settings are configuration: `defaults --format LANG` writes a module whose values
change with the environment or a settings file, refuses a key given two values, keeps what the
rules no longer say when it is regenerated, and lists the languages the registry offers."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import cli_output as run

WAIT = "import time\n\n\ndef wait():\n    time.sleep(5)\n    time.sleep(0.25)\n    return 3\n"


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "wait.py").write_text(WAIT)
    (tmp_path / "rules").mkdir()
    monkeypatch.chdir(tmp_path)
    assert run("rules", "suggest", "--output", "rules/")[0] == 0
    return tmp_path


def _read(
    root: Path, *keys: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    code = "from pkg.settings import settings\n" + "".join(f"print(settings.{k})\n" for k in keys)
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PKG")}
    return subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                          env={**clean, **(env or {})}, check=False)  # fmt: skip


def test_python_module_is_written_to_its_target_with_the_umasks_mode(package):
    old = os.umask(0o022)
    try:
        code, out = run("defaults", "--format", "python")
    finally:
        os.umask(old)
    assert code == 0, out
    path = package / "pkg" / "settings.py"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    text = path.read_text()
    assert text.startswith("# hardcode-lint: generated settings (env prefix PKG)")
    assert "wait_sleep_seconds_v5: int = 5  # seconds" in text
    assert "wait_sleep_seconds_v0p25: float = 0.25  # seconds" in text
    assert "import tomllib" in text and "PKG_SETTINGS_FILE" in text


def test_environment_and_file_override_the_defaults_type_checked(package, tmp_path):
    assert run("defaults", "--format", "python")[0] == 0
    keys = ("pkg.wait.wait_sleep_seconds_v5", "pkg.wait.wait_sleep_seconds_v0p25")
    assert _read(package, *keys).stdout.split() == ["5", "0.25"]
    env = {
        "PKG__PKG__WAIT__WAIT_SLEEP_SECONDS_V5": "7",
        "PKG__PKG__WAIT__WAIT_SLEEP_SECONDS_V0P25": "1",
    }
    assert _read(package, *keys, env=env).stdout.split() == ["7", "1.0"]
    json_file = tmp_path / "s.json"
    json_file.write_text('{"pkg": {"wait": {"wait_sleep_seconds_v5": 9}}}')
    toml_file = tmp_path / "s.toml"
    toml_file.write_text("[pkg.wait]\nwait_sleep_seconds_v0p25 = 3.5\n")
    assert _read(package, *keys, env={"PKG_SETTINGS_FILE": str(json_file)}).stdout.split() == [
        "9",
        "0.25",
    ]
    assert _read(package, *keys, env={"PKG_SETTINGS_FILE": str(toml_file)}).stdout.split() == [
        "5",
        "3.5",
    ]
    both = {"PKG_SETTINGS_FILE": str(json_file), "PKG__PKG__WAIT__WAIT_SLEEP_SECONDS_V5": "8"}
    assert _read(package, keys[0], env=both).stdout.split() == ["8"]  # the environment wins


@pytest.mark.parametrize(
    ("env", "file", "message"),
    [
        ({"PKG__PKG__WAIT__WAIT_SLEEP_SECONDS_V5": "5.5"}, None,
         "settings key 'pkg.wait.wait_sleep_seconds_v5' from environment variable PKG__PKG__WAIT__WAIT_SLEEP_SECONDS_V5: '5.5' is not int"),
        ({"PKG__PKG__WAIT__WAIT_SECOND": "5"}, None,
         "environment variable PKG__PKG__WAIT__WAIT_SECOND: names no settings key"),
        ({}, '{"pkg": {"wait": {"wait_sleep_seconds_v5": true}}}', "settings key 'pkg.wait.wait_sleep_seconds_v5' from {file}: True is not int"),
        ({}, '{"pkg": {"wait": {"wait_sleep_seconds_v5": 2.0}}}', "settings key 'pkg.wait.wait_sleep_seconds_v5' from {file}: 2.0 is not int"),
        ({}, '{"pkg": {"wait": {"wait_sleep_seconds_v0p25": "1"}}}', "settings key 'pkg.wait.wait_sleep_seconds_v0p25' from {file}: '1' is not float"),
        ({}, '{"pkg": {"wait": {"typo": 1}}}', "settings file {file}: 'pkg.wait.typo' is no settings key"),
        ({}, "{not json", "settings file {file}: cannot be read"),
    ],
)  # fmt: skip
def test_a_bad_override_fails_at_import_naming_the_key_and_its_source(
    package, tmp_path, env, file, message
):
    assert run("defaults", "--format", "python")[0] == 0
    if file is not None:
        (tmp_path / "bad.json").write_text(file)
        env = {"PKG_SETTINGS_FILE": str(tmp_path / "bad.json")}
    result = _read(package, "pkg.wait.wait_sleep_seconds_v5", env=env)
    assert result.returncode != 0
    assert "SettingsError: " + message.format(file=tmp_path / "bad.json") in result.stderr


def _old_pythons() -> list[str]:
    """Python 3.7-3.9 interpreters on PATH or in pyenv's versions (the generated module must
    import there: projects still declare them)."""
    import shutil

    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = []
    for version in ("3.7", "3.8", "3.9"):
        candidates = [shutil.which(f"python{version}"),
                      *map(str, sorted(pyenv.glob(f"{version}.*/bin/python{version}")))]  # fmt: skip
        for python in filter(None, candidates):
            if subprocess.run([python, "-c", "pass"], capture_output=True).returncode == 0:
                found.append(python)
                break
    return found


@pytest.mark.skipif(not _old_pythons(), reason="no Python 3.7-3.9 interpreter on PATH")
def test_the_module_imports_on_the_older_pythons_a_project_supports(package):
    """filelock (requires-python >= 3.8) stopped importing on 3.8 and 3.9 once migrated: the
    module's annotations (`dict[str, type]`, `int | float`) were evaluated there."""
    assert run("defaults", "--format", "python")[0] == 0
    code = "from pkg.settings import settings; print(settings.pkg.wait.wait_sleep_seconds_v5)"
    for python in _old_pythons():
        env = {**os.environ, "PKG__PKG__WAIT__WAIT_SLEEP_SECONDS_V5": "7"}
        done = subprocess.run([python, "-c", code], cwd=package, capture_output=True,
                              text=True, env=env, check=False)  # fmt: skip
        assert done.stdout.strip() == "7", (python, done.stderr)


def test_generated_python_passes_ruff_and_mypy_strict(package):
    assert run("defaults", "--format", "python", "--env-prefix", "APP")[0] == 0
    module = package / "pkg" / "settings.py"
    assert 'ENV_PREFIX = "APP"' in module.read_text()
    bin_dir = Path(sys.executable).parent
    for tool in (["ruff", "check", "--isolated", "--select", "E,F,W,I,UP,B,FA", str(module)],
                 ["ruff", "format", "--isolated", "--check", str(module)],
                 ["mypy", "--strict", "--no-incremental", str(module)]):  # fmt: skip
        result = subprocess.run([str(bin_dir / tool[0]), *tool[1:]], capture_output=True,
                                text=True, check=False)  # fmt: skip
        assert result.returncode == 0, (tool, result.stdout, result.stderr)


def test_regenerating_keeps_prefix_type_and_unit_of_a_migrated_key(package):
    assert run("defaults", "--format", "python", "--env-prefix", "APP")[0] == 0
    path = package / "pkg" / "settings.py"
    rules = next((package / "rules").glob("*.toml"))
    key = next(line for line in rules.read_text().splitlines() if line.startswith("key"))
    expression = "settings." + key.split("=", 1)[1].strip().strip('"')  # the module's template
    wait = package / "pkg" / "wait.py"
    wait.write_text(wait.read_text().replace("time.sleep(5)", f"time.sleep({expression})"))
    assert '"status": "migrated"' in run("report", "--format", "json")[1]
    code, out = run("defaults", "--format", "python")  # the literal 5 is gone: `value` gives it
    assert code == 0, out
    text = path.read_text()
    assert text.startswith("# hardcode-lint: generated settings (env prefix APP)")
    assert "wait_sleep_seconds_v5: int = 5  # seconds" in text


def test_one_key_given_two_values_is_refused_in_every_format(package):
    rules = next((package / "rules").glob("*.toml"))
    rules.write_text(rules.read_text().replace('key = "pkg.wait.wait_sleep_seconds_v0p25"',
                                               'key = "pkg.wait.wait_sleep_seconds_v5"'))  # fmt: skip
    for fmt in ("python", "toml", "json"):
        code, out = run("defaults", "--format", fmt)
        assert code == 1, (fmt, out)
        assert ("key pkg.wait.wait_sleep_seconds_v5 is given two values: 5 s at pkg/wait.py:5 and "
                "0.25 s at pkg/wait.py:6") in out  # fmt: skip
    assert not (package / "pkg" / "settings.py").exists()


def test_a_file_that_is_not_generated_is_never_replaced(package):
    (package / "pkg" / "mine.py").write_text("X = 1\n")
    code, out = run("defaults", "--format", "python", "--output", "pkg/mine.py")
    assert code == 2 and "pkg/mine.py: exists and is not generated settings" in out
    assert (package / "pkg" / "mine.py").read_text() == "X = 1\n"


def test_without_a_place_for_the_module_it_is_printed(tmp_path, monkeypatch):
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.toml").write_text(
        '[[rule]]\nid = "a"\npath = "gone.rs"\nvalue = 3\nkey = "a.b"\n'
    )
    monkeypatch.chdir(tmp_path)
    code, out = run("defaults", "--format", "rust")
    assert code == 0 and "pub struct SettingsA {" in out and "b: 3" in out
    assert list(tmp_path.rglob("*.rs")) == []


def test_formats_are_the_file_formats_and_the_registrys_languages():
    from hardcode_lint.lang import names

    code, out = run("defaults", "--help")
    assert code == 0
    for name in ("toml", "json", "yaml", *names()):
        assert name in out


def test_a_unit_comment_is_read_back_where_ruff_format_wrapped_the_line(tmp_path):
    """requests' trial: ruff format wrapped a long setting as `... = (\n    3  # seconds\n)`,
    and regenerating the module dropped its unit."""
    from hardcode_lint.lang import frontend
    from hardcode_lint.lang.base import SettingsRequest, SettingValue

    python = frontend("python")
    values = (SettingValue("wait_seconds", 3, None, "seconds"), SettingValue("b", 4, None, "ms"))
    text = python.settings_module(tmp_path, SettingsRequest("m", values, "P")).text
    line = "    wait_seconds: int = 3  # seconds\n"
    assert line in text
    wrapped = text.replace(line, "    wait_seconds: int = (\n        3  # seconds\n    )\n")
    assert python.settings_keys(wrapped) == {"wait_seconds": ("int", "seconds"), "b": ("int", "ms")}


def test_settings_keys_reads_a_generated_module_back(tmp_path):
    from hardcode_lint.lang import frontend
    from hardcode_lint.lang.base import SettingsRequest, SettingValue

    values = (SettingValue("net.ttl_secs", 30, None, "seconds"), SettingValue("net.pool.size", 4, "usize"),
              SettingValue("ratio", 0.5))  # fmt: skip
    expected = {
        "net.ttl_secs": ("u64", "seconds"),
        "net.pool.size": ("usize", None),
        "ratio": ("f64", None),
    }
    for language, types in (("rust", expected),
                            ("python", {k: ("float" if v[0] == "f64" else "int", v[1])
                                        for k, v in expected.items()})):  # fmt: skip
        text = frontend(language).settings_module(tmp_path, SettingsRequest("m", values, "P")).text
        assert frontend(language).settings_keys(text) == types
        assert frontend(language).settings_keys("x = 1\n") == {}


def test_a_module_with_long_keys_passes_ruff_format(tmp_path, monkeypatch):
    """httpcore's and urllib3's generated settings.py failed `ruff format --check`."""
    ruff = Path(sys.executable).parent / "ruff"
    if not ruff.exists():
        pytest.skip("ruff is not installed beside the interpreter")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "background_scheduler_with_a_long_module_name.py").write_text(
        "import time\n\ndef session_active_result_check_loop_of_the_scheduler():\n"
        "    time.sleep(5)\n"
    )
    monkeypatch.chdir(tmp_path)
    assert run("rules", "suggest", "--output", "rules/")[0] == 0
    assert run("defaults", "--format", "python")[0] == 0
    check = subprocess.run([str(ruff), "format", "--check", "pkg/settings.py"], cwd=tmp_path,
                           capture_output=True, text=True, check=False)  # fmt: skip
    assert check.returncode == 0, check.stdout
    assert run("check")[0] == 0


@pytest.mark.parametrize(("language", "word"), [("python", "class"), ("rust", "type")])
def test_a_key_part_that_is_a_keyword_is_a_usage_error_naming_it(
    tmp_path, monkeypatch, language, word
):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "m.toml").write_text(
        f'[[rule]]\nid = "r"\nvalue = 5\nkey = "a.{word}.b"\nreplace = "s.v"\nlanguage = "{language}"\n'
    )
    monkeypatch.chdir(tmp_path)
    code, out = run(
        "defaults",
        "--format",
        language,
        "--output",
        f"out.{'py' if language == 'python' else 'rs'}",
    )
    assert code == 2 and f"'{word}' cannot be a name in {language} settings" in out
