"""Finding the project root and reading its settings, strictly.

Settings live in ``hardcode-lint.toml`` or ``.hardcode-lint.toml`` (keys at the top level, as
ruff reads ``ruff.toml``), in ``[tool.hardcode-lint]`` of ``pyproject.toml``, or in
``[package.metadata.hardcode-lint]`` / ``[workspace.metadata.hardcode-lint]`` of ``Cargo.toml``
(where Cargo keeps other tools' settings), so that a crate needs no file of another ecosystem.
An unknown key or a value of the wrong type is an error that names the key: a typo in
``exclude`` silently ignored would scan ``build/`` for months before anyone noticed.

``languages`` not given: the languages whose project manifests stand at the root (a front end
names them: ``Cargo.toml``, ``pyproject.toml``), else every language.  A crate's scan must not
try to parse the Python 2 helper script beside it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from hardcode_lint.errors import ConfigError
from hardcode_lint.lang import frontend, names

#: The files that hold settings, in the order they win within one folder (a Cargo.toml only
#: when it has a hardcode-lint table: a workspace member's own manifest is no project root).
CONFIG_FILES = ("hardcode-lint.toml", ".hardcode-lint.toml", "pyproject.toml")
CARGO_FILE = "Cargo.toml"
_CARGO_TABLES = ("package", "workspace")  # [<this>.metadata.hardcode-lint]
#: Every language's default test globs.
DEFAULT_TEST_PATHS = tuple(dict.fromkeys(p for n in names() for p in frontend(n).test_paths))
CATALOG_KEYS = (
    "duration-apis",
    "clamp-apis",
    "limit-apis",
    "aliases",
    "duration-keywords",
    "limit-keywords",
)
DEFAULT_LANGUAGE = names()[0]  # the catalog's top-level tables are the first registered language's


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
    settings_module: tuple[str, ...] = ()  # generated settings modules (section 5); () = default
    baseline: str = ".hardcode-lint-baseline.json"
    include_zero: bool = False  # zero literals are findings (by default they are no tunables)
    # `per-file-ignores`: (glob, code prefixes), as ruff has them; what they ignore is kept
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    catalog: Mapping[str, Any] = field(default_factory=dict)
    languages: tuple[str, ...] = field(default_factory=names)
    explicit: frozenset[str] = frozenset()  # the keys the user actually wrote

    def catalog_for(self, language: str) -> Mapping[str, Any]:
        """The user's catalog additions for ``language`` (top-level tables are Python's)."""
        own = self.catalog.get(language, {})
        if language != DEFAULT_LANGUAGE:
            return dict(own)
        top = {k: v for k, v in self.catalog.items() if k in CATALOG_KEYS}
        return {**top, **own}


def find_root(start: Path) -> Path:
    """The folder of the nearest settings file (:data:`CONFIG_FILES`) at or above ``start``,
    else the cwd."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if settings_file(candidate) is not None:
            return candidate
    return Path.cwd().resolve()


def _languages(where: str, value: Any) -> tuple[str, ...]:
    chosen = _strings(where, value)
    unknown = [name for name in chosen if name not in names()]
    if unknown:
        raise ConfigError(f"{where}: unknown language {unknown[0]!r} (known: {', '.join(names())})")
    if not chosen:
        raise ConfigError(f"{where}: must name at least one language")
    return tuple(dict.fromkeys(chosen))


def _strings(where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: must be a list of strings")
    return tuple(value)


def _string(where: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: must be a string")
    return value


def _bool(where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: must be true or false")
    return value


def _catalog_table(where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: must be a table")
    for key, item in value.items():
        if key not in CATALOG_KEYS:
            raise ConfigError(
                f"{where}: unknown key `{key}` (expected one of {', '.join(CATALOG_KEYS)}, "
                f"or a language's table: {', '.join(names())})"
            )
        if key.endswith("-keywords"):
            _strings(f"{where}.{key}", item)
        elif not isinstance(item, dict):
            raise ConfigError(
                f"{where}.{key}: must be a table of API = {{ arg = ..., unit = ... }}"
            )
    return value


def _catalog(where: str, value: Any) -> Mapping[str, Any]:
    """The top-level tables (Python's) and one sub-table per other language, each checked by
    its front end (which raises ConfigError naming the bad entry)."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: must be a table")
    tables = {DEFAULT_LANGUAGE: {k: v for k, v in value.items() if k not in names()}}
    for language in names():
        if language in value:
            own = _catalog_table(f"{where}.{language}", value[language])
            tables[language] = {**tables.get(language, {}), **own}
    _catalog_table(where, tables[DEFAULT_LANGUAGE])
    for language, table in tables.items():
        suffix = "" if language == DEFAULT_LANGUAGE and language not in value else f".{language}"
        frontend(language).check_catalog(table, where + suffix)
    return value


def _codes(where: str, value: Any) -> tuple[str, ...]:
    """Code prefixes that each cover at least one code: ``select = ["XYZ"]`` would silently
    turn everything off."""
    from hardcode_lint.detect.codes import CODES

    prefixes = _strings(where, value)
    known = sorted({code.code for code in CODES.values()})
    for prefix in prefixes:
        if not any(code.startswith(prefix.upper()) for code in known):
            raise ConfigError(f"{where}: {prefix!r} names no code (codes: {', '.join(known)})")
    return tuple(p.upper() for p in prefixes)


def _per_file_ignores(where: str, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``{"tests/**" = ["HCL"], "legacy/**" = ["HCL101"]}``: each glob with its code
    prefixes, checked as ``ignore`` is (a prefix that names no code is an error)."""
    from hardcode_lint.discover.globs import GlobError, compile_globs

    if not isinstance(value, dict):
        raise ConfigError(f'{where}: must be a table of "glob" = ["HCL..."]')
    table = []
    for glob, codes in value.items():
        try:
            compile_globs([glob])
        except GlobError as exc:
            raise ConfigError(f'{where}."{glob}": bad glob ({exc})') from None
        table.append((glob, _codes(f'{where}."{glob}"', codes)))
    return tuple(table)


_FIELDS: Mapping[str, tuple[str, Callable[[str, Any], Any]]] = {
    "rules": ("rules", _strings),
    "exclude": ("exclude", _strings),
    "test-paths": ("test_paths", _strings),
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "defaults-file": ("defaults_file", _string),
    "settings-module": ("settings_module", _strings),
    "baseline": ("baseline", _string),
    "include-zero": ("include_zero", _bool),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "catalog": ("catalog", _catalog),
    "languages": ("languages", _languages),
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


def _cargo_table(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``[package.metadata.hardcode-lint]`` or ``[workspace.metadata.hardcode-lint]``; both at
    once is an error (which one wins would be a guess)."""
    found = [(section, _metadata(data, section)) for section in _CARGO_TABLES]
    present = [(f"{section}.metadata.hardcode-lint", t) for section, t in found if t is not None]
    if len(present) > 1:
        raise ConfigError(f"{path}: both {present[0][0]} and {present[1][0]} are set; keep one")
    if not present:
        return {}, f"{_CARGO_TABLES[0]}.metadata.hardcode-lint"
    where, table = present[0]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {where} must be a table")
    return table, where


def _metadata(data: dict[str, Any], section: str) -> Any:
    """``data[section].metadata.hardcode-lint``, or None when absent."""
    metadata = data.get(section, {})
    metadata = metadata.get("metadata", {}) if isinstance(metadata, dict) else {}
    return metadata.get("hardcode-lint") if isinstance(metadata, dict) else None


def _has_cargo_table(path: Path) -> bool:
    """Whether the Cargo.toml ``path`` holds a hardcode-lint table (an unreadable one counts,
    so that reading it reports what is wrong)."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True
    return any(_metadata(data, section) is not None for section in _CARGO_TABLES)


def _table(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``[tool.hardcode-lint]`` of a pyproject.toml, the metadata table of a Cargo.toml, or the
    top level of a dedicated file."""
    if path.name == CARGO_FILE:
        return _cargo_table(path, data)
    tool = data.get("tool", {})
    if isinstance(tool, dict) and "hardcode-lint" in tool:
        table = tool["hardcode-lint"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.hardcode-lint must be a table")
        return table, "tool.hardcode-lint"
    if path.name == "pyproject.toml":
        return {}, "tool.hardcode-lint"
    return data, ""


def settings_file(root: Path) -> Path | None:
    """The settings file of ``root``: a dedicated file, else a ``pyproject.toml`` or
    ``Cargo.toml`` holding a hardcode-lint table, else a bare ``pyproject.toml``."""
    dedicated = [root / n for n in CONFIG_FILES if n != "pyproject.toml"]
    pyproject, cargo = root / "pyproject.toml", root / CARGO_FILE
    if found := next((p for p in dedicated if p.is_file()), None):
        return found
    if pyproject.is_file() and "hardcode-lint" in _load_toml(pyproject).get("tool", {}):
        return pyproject
    if cargo.is_file() and _has_cargo_table(cargo):
        return cargo
    return pyproject if pyproject.is_file() else None


def project_languages(root: Path) -> tuple[str, ...]:
    """The languages whose project manifests stand in ``root`` (each front end names its
    own), in registry order; every language when there is none."""
    found = tuple(n for n in names() if frontend(n).project_manifest(root) is not None)
    return found or names()


def load_config(root: Path, explicit: Path | None = None) -> Config:
    """The settings for ``root``: from ``explicit`` if given, else its :func:`settings_file`."""
    path = explicit if explicit is not None else settings_file(root)
    if path is None:
        return Config(root=root, languages=project_languages(root))
    table, prefix = _table(path, _load_toml(path))
    values: dict[str, Any] = {}
    for key, value in table.items():
        where = f"{path}: {prefix + '.' if prefix else ''}{key}"
        if key not in _FIELDS:
            known = ", ".join(_FIELDS)
            raise ConfigError(f"{where}: unknown key (known keys: {known})")
        attribute, check = _FIELDS[key]
        values[attribute] = check(where, value)
    values.setdefault("languages", project_languages(root))
    return Config(root=root, source=path, explicit=frozenset(table), **values)


def override(
    config: Config,
    language: tuple[str, ...] = (),
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
) -> Config:
    """``config`` with the command line's ``--language``/``--select``/``--ignore``/``--exclude``
    (checked like the settings: a prefix that names no code is an error)."""
    changes: dict[str, Any] = {}
    if language:
        changes["languages"] = tuple(dict.fromkeys(language))
    if select:
        changes["select"] = _codes("--select", list(select))
    if ignore:
        changes["ignore"] = config.ignore + _codes("--ignore", list(ignore))
    if exclude:
        changes["exclude"] = config.exclude + tuple(exclude)
    return replace(config, **changes) if changes else config
