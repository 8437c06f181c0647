"""`[tool.hardcode-lint]` is validated strictly: unknown keys and wrong types name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardcode_lint.config import DEFAULT_TEST_PATHS, find_root, load_config
from hardcode_lint.errors import ConfigError


def write_pyproject(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(f"[project]\nname = 'x'\n\n[tool.hardcode-lint]\n{body}\n", encoding="utf-8")
    return path


def test_defaults_without_a_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    config = load_config(tmp_path)
    assert config.rules == ("rules",) and config.test_paths == DEFAULT_TEST_PATHS


def test_values_are_read(tmp_path):
    write_pyproject(
        tmp_path,
        'rules = ["migration"]\nexclude = ["build/**"]\nignore = ["HCL3"]\n'
        'defaults-file = "config/defaults.toml"\n'
        '[tool.hardcode-lint.catalog]\nduration-keywords = ["grace"]\n',
    )
    config = load_config(tmp_path)
    assert config.rules == ("migration",)
    assert config.exclude == ("build/**",)
    assert config.ignore == ("HCL3",)
    assert config.defaults_file == "config/defaults.toml"
    assert config.catalog == {"duration-keywords": ["grace"]}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('exclud = ["x"]', "tool.hardcode-lint.exclud: unknown key"),
        ('exclude = "build"', "tool.hardcode-lint.exclude: must be a list of strings"),
        ("select = [1]", "tool.hardcode-lint.select: must be a list of strings"),
        ("defaults-file = 3", "tool.hardcode-lint.defaults-file: must be a string"),
        ("[tool.hardcode-lint.catalog]\nfoo = 1", "unknown key `foo`"),
        (
            '[tool.hardcode-lint.catalog]\nduration-apis = { "a.b" = { unit = "s" } }',
            "needs `arg` or `args`",
        ),
        (
            "[tool.hardcode-lint.catalog]\n"
            'duration-apis = { "a.b" = { arg = 0, unit = "fortnight" } }',
            "unknown unit 'fortnight'",
        ),
        ('[tool.hardcode-lint.catalog]\nduration-keywords = "grace"', "must be a list of strings"),
    ],
)
def test_bad_config_names_the_key(tmp_path, body, message):
    path = write_pyproject(tmp_path, body)
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_invalid_toml_is_a_config_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.hardcode-lint\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(tmp_path)


def test_explicit_config_file_with_top_level_keys(tmp_path):
    own = tmp_path / "hardcode-lint.toml"
    own.write_text('exclude = ["gen/**"]\n')
    assert load_config(tmp_path, own).exclude == ("gen/**",)


def test_missing_explicit_config_file(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path, tmp_path / "nope.toml")


def test_root_is_the_nearest_pyproject_folder(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("")
    deep = tmp_path / "src" / "app"
    deep.mkdir(parents=True)
    assert find_root(deep) == tmp_path.resolve()
    assert find_root(deep / "missing.py") == tmp_path.resolve()
    elsewhere = tmp_path.parent / (tmp_path.name + "-other")
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert find_root(elsewhere) == elsewhere.resolve()
