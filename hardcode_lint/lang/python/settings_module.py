"""The generated Python settings module: configuration, not a second place of hardcodes.

A tree of frozen dataclasses whose attribute paths are the keys, each default the literal's
exact value (its unit in a comment), and ``settings = load()`` at import: the defaults, then
the values of the JSON or TOML file named by ``PREFIX_SETTINGS_FILE``, then the environment's
``PREFIX__KEY__PATH`` variables, each checked against its key's type.  An unknown key or a value
of the wrong type raises ``SettingsError`` naming the key and where it came from: a typo in a
deployment must not silently leave the old value in force.  Standard library only, so that the
module is importable wherever it is written; the code it holds passes ruff and ``mypy --strict``.
"""

from __future__ import annotations

import keyword
from pathlib import Path
from typing import Any

from hardcode_lint.lang.base import GeneratedSettings, SettingsRequest, SettingValue, key_tree
from hardcode_lint.parse.source import GENERATED_MARKER

ROOT_CLASS = "Settings"
OBJECT = "settings"
RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)

_LOADER = '''

class SettingsError(ValueError):
    """A bad override: the message names the key and where its value came from."""


def _leaves(cls: Any, path: str = "") -> dict[str, type]:
    """Every key under the dataclass ``cls`` with its type (``int`` or ``float``)."""
    found: dict[str, type] = {}
    hints = get_type_hints(cls)  # the annotations are strings (`from __future__`)
    for item in fields(cls):
        kind = hints[item.name]
        if is_dataclass(kind):
            found.update(_leaves(kind, f"{path}{item.name}."))
        else:
            found[f"{path}{item.name}"] = float if kind is float else int
    return found


def _checked(key: str, kind: type, value: object, source: str) -> int | float:
    """``value`` if it has the key's type (an int is a float too, a bool no number)."""
    number = value if isinstance(value, (int, float)) else None
    number = None if isinstance(value, bool) else number
    if number is None or (kind is int and isinstance(number, float)):
        raise SettingsError(
            f"settings key {key!r} from {source}: {value!r} is not {kind.__name__}"
        )
    return number  # narrowed so that older mypy (1.6) agrees it is a number


def _parsed(key: str, kind: type, text: str, source: str) -> int | float:
    """The number an environment variable's text spells, as the key's type."""
    try:
        return int(text) if kind is int else float(text)
    except ValueError:
        raise SettingsError(
            f"settings key {key!r} from {source}: {text!r} is not {kind.__name__}"
        ) from None


def _flat(data: object, path: str, source: str) -> dict[str, object]:
    """A settings file's nested tables as dotted keys and their values."""
    if not isinstance(data, dict):
        where = path or "the file"
        raise SettingsError(f"{source}: {where} must be a table of settings")
    found: dict[str, object] = {}
    for name, value in data.items():
        key = f"{path}{name}"
        if isinstance(value, dict):
            found.update(_flat(value, f"{key}.", source))
        else:
            found[key] = value
    return found


def _from_file(path: str, known: dict[str, type]) -> dict[str, int | float]:
    """The values of the JSON (or, on Python 3.11+, TOML) settings file ``path``."""
    try:
        with open(path, "rb") as handle:
            if path.endswith(".toml"):
                import tomllib

                data: object = tomllib.load(handle)
            else:
                data = json.load(handle)
    except (OSError, ValueError, ImportError) as exc:
        raise SettingsError(f"settings file {path}: cannot be read: {exc}") from None
    values: dict[str, int | float] = {}
    for key, value in _flat(data, "", path).items():
        if key not in known:
            raise SettingsError(f"settings file {path}: {key!r} is no settings key")
        values[key] = _checked(key, known[key], value, path)
    return values


def _from_env(
    environ: Mapping[str, str], known: dict[str, type]
) -> dict[str, int | float]:
    """The values of the ``ENV_PREFIX__KEY__PATH`` environment variables."""
    names = {f"{ENV_PREFIX}__{key.upper().replace('.', '__')}": key for key in known}
    values: dict[str, int | float] = {}
    for name, text in environ.items():
        if name.startswith(f"{ENV_PREFIX}__"):
            key, source = names.get(name), f"environment variable {name}"
            if key is None:
                raise SettingsError(f"{source}: names no settings key")
            values[key] = _parsed(key, known[key], text, source)
    return values


def _built(cls: Any, values: dict[str, int | float], path: str = "") -> Any:
    """An instance of the dataclass ``cls`` holding ``values`` where they are given."""
    given: dict[str, object] = {}
    hints = get_type_hints(cls)
    for item in fields(cls):
        key = f"{path}{item.name}"
        if is_dataclass(hints[item.name]):
            given[item.name] = _built(hints[item.name], values, f"{key}.")
        elif key in values:
            given[item.name] = values[key]
    return cls(**given)


def load(environ: Mapping[str, str] | None = None) -> Settings:
    """The defaults, overridden by the settings file, overridden by the environment."""
    environ = os.environ if environ is None else environ
    known = _leaves(Settings)
    values: dict[str, int | float] = {}
    file = environ.get(f"{ENV_PREFIX}_SETTINGS_FILE")
    if file:
        values.update(_from_file(file, known))
    values.update(_from_env(environ, known))
    loaded: Settings = _built(Settings, values)
    return loaded


settings = load()
'''


def _class_name(path: list[str]) -> str:
    return ROOT_CLASS + "".join(p[:1].upper() + p[1:] for p in path).replace("_", "")


def _kind(value: SettingValue) -> str:
    if value.value_type in ("int", "float"):
        return value.value_type
    return "float" if isinstance(value.value, float) else "int"


def _classes(node: dict[str, Any], path: list[str], out: list[str], names: set[str]) -> str:
    """Append the dataclasses of ``node`` (deepest first); return its class name."""
    children = {
        name: _classes(child, [*path, name], out, names)
        for name, child in sorted(node.items())
        if isinstance(child, dict)
    }
    name = _class_name(path)
    while name in names:  # a_b.c and ab.c would share a name
        name += "_"
    names.add(name)
    out += ["", "", "@dataclass(frozen=True)", f"class {name}:"]
    for leaf, value in sorted(node.items()):
        if isinstance(value, SettingValue):
            comment = f"  # {value.comment}" if value.comment else ""
            out.append(f"    {leaf}: {_kind(value)} = {value.value!r}{comment}")
    for child, cls in children.items():
        out.append(f"    {child}: {cls} = field(default_factory={cls})")
    if not node:
        out.append("    pass")
    return name


def header(prefix: str, module: str) -> list[str]:
    return [
        f"# {GENERATED_MARKER} (env prefix {prefix})",
        f"# `hardcode-lint defaults --format python --output {module}` writes it.",
        "# Each default is the literal the code held, so behaviour stays as it was. Change a",
        f"# value without touching code: set {prefix}__KEY__PATH (the key upper-cased, `.` as",
        f"# `__`), or name a JSON or TOML file of nested tables in {prefix}_SETTINGS_FILE (the",
        "# file `hardcode-lint defaults --format toml` prints is one); the environment wins.",
        "# An unknown key or a value of the wrong type raises SettingsError naming the key.",
    ]


def python_settings(root: Path, request: SettingsRequest) -> GeneratedSettings:
    """The module for ``request`` (see the module docstring)."""
    del root  # a Python module needs nothing from its project to be importable
    body: list[str] = []
    _classes(key_tree(request.values), [], body, set())
    head = [
        *header(request.env_prefix, request.module),
        '"""Settings: every hardcoded value the migration moved, with its default."""',
        "",
        "from __future__ import annotations  # importable on every Python 3 a project supports",
        "",
        "import json",
        "import os",
        "from collections.abc import Mapping",
        "from dataclasses import dataclass, field, fields, is_dataclass",
        "from typing import Any, get_type_hints",
        "",
        f'ENV_PREFIX = "{request.env_prefix}"',
    ]
    return GeneratedSettings("\n".join([*head, *body]) + "\n" + _LOADER)
