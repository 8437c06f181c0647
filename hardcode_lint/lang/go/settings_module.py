"""The generated Go settings package: configuration, not a second place of hardcodes.

``type Settings struct`` and its nested structs, whose field paths are the keys spelled the Go
way (``naming.py``), typed as the sites need (``time.Duration`` for a duration, the binding's
declared type, else ``int`` / ``float64``); ``Default()`` holds the exact literals
(``5 * time.Second``).  ``Get()`` loads them once and panics with a message naming the key and
its source when an override is bad; ``Load()`` returns that error instead.  Overrides come from
the file named by ``PREFIX_SETTINGS_FILE`` (JSON of nested objects: the standard library reads
it) and from the ``PREFIX__KEY__PATH`` environment variables, the environment winning; a
duration is written as Go writes it (``"1m30s"``, ``time.ParseDuration``), or as a bare
number where the key names its unit (``..._SECONDS=3``).  Standard library
only, ``interface{}`` rather than ``any`` so that a module declaring an old ``go`` version
builds, and laid out as gofmt would (no aligned columns to keep), so a gofmt-clean module stays
clean.  The first line is both Go's generated-code marker and the tool's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hardcode_lint.detect.catalog import shipped_data
from hardcode_lint.lang.base import GeneratedSettings, SettingsRequest, SettingValue, key_tree
from hardcode_lint.lang.go import settings_text as parts
from hardcode_lint.lang.go.naming import go_name, spelling_problem
from hardcode_lint.lang.go.targets import package_name
from hardcode_lint.parse.source import GENERATED_MARKER

ROOT_STRUCT = "Settings"
DURATION = "time.Duration"
INTEGERS = frozenset(
    {"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
     "uintptr", "byte"}
)  # fmt: skip
FLOATS = frozenset({"float32", "float64"})
#: a duration's unit comment -> the `time` constant that writes it
UNIT_CONSTANTS = {
    "nanoseconds": "time.Nanosecond", "microseconds": "time.Microsecond",
    "milliseconds": "time.Millisecond", "seconds": "time.Second", "minutes": "time.Minute",
    "hours": "time.Hour", "days": "24 * time.Hour", "weeks": "7 * 24 * time.Hour",
}  # fmt: skip


def go_type(value: SettingValue) -> str:
    """The field's type: the site's when it can hold the literal, else one that can."""
    number, kind = value.value, value.value_type
    if kind == DURATION or (kind is None and value.comment in UNIT_CONSTANTS):
        return DURATION  # a site's literal always says its type: None is a migrated rule's
    if isinstance(number, float):
        return kind if kind in FLOATS else "float64"
    if kind in FLOATS or (kind in INTEGERS and not (number < 0 and kind.startswith(("u", "b")))):
        return "uint8" if kind == "byte" else str(kind)
    return "int"


def go_literal(value: SettingValue, kind: str) -> str:
    """``value`` as Go code of type ``kind``: ``5 * time.Second`` for a duration."""
    number = repr(value.value)
    if kind == DURATION:
        unit = UNIT_CONSTANTS.get(value.comment or "")
        return f"{number} * {unit}" if unit else f"time.Duration({number})"
    if kind in FLOATS and not any(c in number for c in ".eE"):
        return f"{number}.0"
    return number


def _structs(node: dict[str, Any], path: list[str], out: list[str], taken: set[str],
             defaults: list[str]) -> str:  # fmt: skip
    """Append the structs of ``node`` (deepest first); return its type's name."""
    children = {
        name: _structs(child, [*path, name], out, taken, defaults)
        for name, child in sorted(node.items())
        if isinstance(child, dict)
    }
    name = ROOT_STRUCT + "".join(go_name(p) for p in path)
    while name in taken:
        name += "_"
    taken.add(name)
    fields: list[str] = []
    for leaf, value in sorted(node.items()):
        if isinstance(value, SettingValue):
            kind = go_type(value)
            comment = f" ({value.comment})" if value.comment else ""
            fields.append(f"\t// {go_name(leaf)} is `{value.key}`{comment}.\n"
                          f"\t{go_name(leaf)} {kind}")  # fmt: skip
            spelled = ".".join(go_name(p) for p in value.key.split("."))
            defaults.append(f"\ts.{spelled} = {go_literal(value, kind)}")
    for child, struct in children.items():
        key = ".".join([*path, child])
        fields.append(f"\t// {go_name(child)} holds the settings under `{key}`.\n"
                      f"\t{go_name(child)} {struct}")  # fmt: skip
    doc = f"holds the settings under `{'.'.join(path)}`" if path else "is every setting"
    if fields:
        out += [f"// {name} {doc}.", f"type {name} struct {{", "\n\n".join(fields), "}", ""]
    else:
        out += [f"// {name} {doc}.", f"type {name} struct{{}}", ""]
    return name


def module_text(request: SettingsRequest, package: str) -> str:
    """The package file's text (see the module docstring)."""
    prefix = request.env_prefix
    body: list[str] = []
    defaults: list[str] = []
    _structs(key_tree(request.values), [], body, set(), defaults)
    kinds = sorted({go_type(v) for v in request.values} | {"int", "float64"})
    durations = DURATION in kinds
    head = [
        f"// Code generated by {GENERATED_MARKER} (env prefix {prefix}). DO NOT EDIT.",
        f"// `hardcode-lint defaults --format go --output {request.module}` writes it.",
        *parts.docs(prefix),
        "",
        f"// Package {package} holds every hardcoded value the migration moved, with its default.",
        f"package {package}",
        "",
        *parts.imports(durations),
        "",
        "// EnvPrefix is the prefix of the environment variables that override a setting.",
        f'const EnvPrefix = "{prefix}"',
        "",
    ]
    fields = [f'\tf["{v.key}"] = &s.{".".join(go_name(p) for p in v.key.split("."))}'
              for v in sorted(request.values, key=lambda v: v.key)]  # fmt: skip
    loader = parts.loader(defaults, fields, kinds)
    named = parts.units(_named_units(request.values)) if durations else []
    return "\n".join([*head, *body, *named, *loader]) + "\n"


#: a unit word's unit -> the `time` constant that counts it
_UNIT_OF = {"s": "time.Second", "ms": "time.Millisecond", "min": "time.Minute",
            "h": "time.Hour", "d": "24 * time.Hour", "w": "7 * 24 * time.Hour"}  # fmt: skip


def _named_units(values: tuple[SettingValue, ...]) -> list[tuple[str, str]]:
    """(key, unit constant) of the duration keys whose last word is a unit word."""
    words = shipped_data()[1]["names"]["unit-words"]
    found = []
    for value in values:
        last = value.key.rsplit(".", 1)[-1].rsplit("_", 1)[-1]
        unit = _UNIT_OF.get(words.get(last, ""))
        if go_type(value) == DURATION and unit is not None:
            found.append((value.key, unit))
    return found


def go_settings(root: Path, request: SettingsRequest) -> GeneratedSettings:
    """The package file for ``request``; keys whose Go spelling would not read back refused."""
    problems = tuple(p for v in request.values if (p := spelling_problem(v.key)))
    if problems:
        return GeneratedSettings("", problems=problems)
    module = Path(request.module)
    package = package_name(module.parent if module.is_absolute() else root, module.name
                           if module.is_absolute() else request.module)  # fmt: skip
    return GeneratedSettings(module_text(request, package))
