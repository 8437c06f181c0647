"""Showing defaults as TOML, JSON or YAML, and merging them into an existing file.

TOML is merged with tomlkit, which keeps the file's comments, order and formatting; a key whose
existing value differs from the literal is a conflict and nothing is written (changing it would
change behaviour).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import Table

from hardcode_lint.defaults.values import Default
from hardcode_lint.errors import UsageError


@dataclass(frozen=True)
class Conflict:
    key: str
    existing: Any
    wanted: Any
    rule: str

    def __str__(self) -> str:
        return (f"{self.key} = {self.existing!r} in the file, but the literal it replaces is "
                f"{self.wanted!r} (rule {self.rule})")  # fmt: skip


def format_for(path: Path | None, explicit: str | None) -> str:
    if explicit:
        return explicit
    suffix = path.suffix.lower().lstrip(".") if path else ""
    return (
        {"yml": "yaml"}.get(suffix, suffix) if suffix in ("toml", "json", "yaml", "yml") else "toml"
    )


def _nested(defaults: Iterable[Default]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for default in defaults:
        if default.value is None:
            continue
        *sections, name = default.key.split(".")
        node = tree
        for section in sections:
            node = node.setdefault(section, {})
        node[name] = default.value
    return tree


def _toml_set(document: tomlkit.TOMLDocument, default: Default) -> Any:
    """Set ``default`` in ``document`` unless present; returns the value already there, if any."""
    *sections, name = default.key.split(".")
    container: Any = document
    for section in sections:
        if section not in container:
            container[section] = tomlkit.table()
        container = container[section]
        if not isinstance(container, Table | dict):
            raise UsageError(f"cannot nest `{default.key}`: `{section}` is not a table")
    if name in container:
        return container[name]
    item = tomlkit.item(default.value)
    if default.unit_comment:
        item.comment(default.unit_comment)
    container[name] = item
    return None


def merge_toml(text: str, defaults: list[Default]) -> tuple[str, list[Conflict]]:
    document = tomlkit.parse(text)
    conflicts = []
    for default in defaults:
        if default.value is None:
            continue
        existing = _toml_set(document, default)
        if existing is not None and existing != default.value:
            conflicts.append(
                Conflict(default.key, _plain(existing), default.value, default.rule.id)
            )
    return tomlkit.dumps(document), conflicts


def _plain(value: Any) -> Any:
    unwrap = getattr(value, "unwrap", None)
    return unwrap() if callable(unwrap) else value


def merge_json(text: str, defaults: list[Default]) -> tuple[str, list[Conflict]]:
    data = json.loads(text) if text.strip() else {}
    conflicts = []
    for default in defaults:
        if default.value is None:
            continue
        *sections, name = default.key.split(".")
        node = data
        for section in sections:
            node = node.setdefault(section, {})
        if name in node and node[name] != default.value:
            conflicts.append(Conflict(default.key, node[name], default.value, default.rule.id))
        node.setdefault(name, default.value)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n", conflicts


def render(defaults: list[Default], fmt: str) -> str:
    """A fresh document holding every default."""
    if fmt == "toml":
        return merge_toml("", defaults)[0]
    if fmt == "json":
        return merge_json("", defaults)[0]
    import yaml

    return str(yaml.safe_dump(_nested(defaults), sort_keys=False, allow_unicode=True))


def merge(existing: str, defaults: list[Default], fmt: str) -> tuple[str, list[Conflict]]:
    """``existing`` with the missing defaults added, and the keys whose value differs.

    A file written with CRLF line endings gets its new lines with CRLF too.
    """
    try:
        if fmt == "toml":
            text, conflicts = merge_toml(existing, defaults)
        elif fmt == "json":
            text, conflicts = merge_json(existing, defaults)
        else:
            raise UsageError(
                "--write merges into TOML or JSON files only; print YAML and merge by hand"
            )
    except (ValueError, tomlkit.exceptions.ParseError) as exc:
        raise UsageError(f"cannot read the existing {fmt.upper()}: {exc}") from None
    if existing.count("\r\n") * 2 > existing.count("\n"):
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text, conflicts
