"""Finding the project root and reading ``[tool.hardcode-lint]``, strictly.

An unknown key or a value of the wrong type is an error that names the key: a typo in
``exclude`` silently ignored would scan ``build/`` for months before anyone noticed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hardcode_lint.errors import ConfigError

DEFAULT_TEST_PATHS = (
    "tests/**",
    "**/tests/**",
    "**/test_*.py",
    "**/*_test.py",
    "**/conftest.py",
)
CATALOG_KEYS = ("duration-apis", "clamp-apis", "duration-keywords", "limit-keywords")


@dataclass(frozen=True)
class Config:
    """The validated settings of one project; paths in it are relative to ``root``."""

    root: Path
    source: Path | None = None  # the file the settings came from
    rules: tuple[str, ...] = ("rules",)
    exclude: tuple[str, ...] = ()
    test_paths: tuple[str, ...] = DEFAULT_TEST_PATHS
    select: tuple[str, ...] = ("HCL",)
    ignore: tuple[str, ...] = ()
    defaults_file: str | None = None
    baseline: str = ".hardcode-lint-baseline.json"
    catalog: Mapping[str, Any] = field(default_factory=dict)
    explicit: frozenset[str] = frozenset()  # the keys the user actually wrote


def find_root(start: Path) -> Path:
    """The folder of the nearest ``pyproject.toml`` at or above ``start``, else the cwd."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "pyproject.toml").is_file():
            return candidate
    return Path.cwd().resolve()


def _strings(where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: must be a list of strings")
    return tuple(value)


def _string(where: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: must be a string")
    return value


def _catalog(where: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: must be a table")
    for key, item in value.items():
        if key not in CATALOG_KEYS:
            raise ConfigError(
                f"{where}: unknown key `{key}` (expected one of {', '.join(CATALOG_KEYS)})"
            )
        if key.endswith("-keywords"):
            _strings(f"{where}.{key}", item)
        elif not isinstance(item, dict):
            raise ConfigError(
                f"{where}.{key}: must be a table of API = {{ arg = ..., unit = ... }}"
            )
    from hardcode_lint.detect.catalog import build_catalog

    build_catalog(value, where)  # raises ConfigError naming the bad entry
    return value


_FIELDS: Mapping[str, tuple[str, Callable[[str, Any], Any]]] = {
    "rules": ("rules", _strings),
    "exclude": ("exclude", _strings),
    "test-paths": ("test_paths", _strings),
    "select": ("select", _strings),
    "ignore": ("ignore", _strings),
    "defaults-file": ("defaults_file", _string),
    "baseline": ("baseline", _string),
    "catalog": ("catalog", _catalog),
}


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _table(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``[tool.hardcode-lint]`` of a pyproject.toml, or the top level of a dedicated file."""
    tool = data.get("tool", {})
    if isinstance(tool, dict) and "hardcode-lint" in tool:
        table = tool["hardcode-lint"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.hardcode-lint must be a table")
        return table, "tool.hardcode-lint"
    if path.name == "pyproject.toml":
        return {}, "tool.hardcode-lint"
    return data, ""


def load_config(root: Path, explicit: Path | None = None) -> Config:
    """The settings for ``root``: from ``explicit`` if given, else ``root/pyproject.toml``."""
    path = explicit if explicit is not None else root / "pyproject.toml"
    if explicit is None and not path.is_file():
        return Config(root=root)
    table, prefix = _table(path, _load_toml(path))
    values: dict[str, Any] = {}
    for key, value in table.items():
        where = f"{path}: {prefix + '.' if prefix else ''}{key}"
        if key not in _FIELDS:
            known = ", ".join(_FIELDS)
            raise ConfigError(f"{where}: unknown key (known keys: {known})")
        attribute, check = _FIELDS[key]
        values[attribute] = check(where, value)
    return Config(root=root, source=path, explicit=frozenset(table), **values)
