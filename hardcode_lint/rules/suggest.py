"""``rules suggest``: rule stubs for unmapped findings, with keys a reviewer would accept.

A key is built from what the code says about the literal: the assigned name
(``OWNER_TTL_SECONDS`` -> ``owner_ttl_seconds``), the keyword (``timeout=``), the clamped
variable (``max(ttl_seconds, 1)`` -> ``min_ttl_seconds``), or the enclosing function and what the
call is for (``asyncio.sleep(60)`` in ``session_cleanup_loop`` ->
``session_cleanup_interval_seconds``), plus the unit when the name does not already say it.
Keys are prefixed by the file's stem so that related settings share a section.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from pathlib import PurePosixPath
from typing import Any

from hardcode_lint.detect.catalog import shipped_data, unit_name_words
from hardcode_lint.detect.names import split_words
from hardcode_lint.model import Context, Finding, Kind
from hardcode_lint.textsafe import visible


def _suggest_data() -> Mapping[str, Any]:
    data: Mapping[str, Any] = shipped_data()[1]["suggest"]
    return data


@dataclass(frozen=True)
class Defaults:
    """A ``replace`` template and the imports it needs: given by ``--replace``/``--import``,
    else the settings target of the site's file (``settings.{key}`` with
    ``from pkg.settings import settings``; ``crate::settings::get().{key}`` in Rust)."""

    replace: str | None = None
    imports: tuple[str, ...] = ()


#: The template and imports a site's rule reads its key with.
DefaultsFor = Callable[[Finding], Defaults]


@dataclass(frozen=True)
class Stub:
    """One suggested rule: the first of its sites, how many identical sites it covers, and the
    template its replacement follows."""

    finding: Finding
    id: str
    key: str
    count: int = 1
    defaults: Defaults = Defaults()
    by_unit: bool = False  # another stub differs only by its unit: this one writes `unit`


def _snake(identifier: str) -> str:
    return "_".join(w for w in split_words(identifier) if w)


def _last(path: str) -> str:
    """The last name of a dotted (Python) or ``::`` (Rust) path."""
    return re.split(r"\.|::", path)[-1]


def _function(finding: Finding) -> str:
    """The innermost enclosing function or class name, snake-cased ('' at module level)."""
    return _snake(_last(finding.scope or ""))


def _role(finding: Finding, data: Mapping[str, Any]) -> str:
    last = _last(finding.api or "")
    key = finding.arg if isinstance(finding.arg, str) and finding.arg in data["roles"] else last
    role = str(data["roles"].get(key, "duration"))
    function = _function(finding)
    if role == "delay" and function.split("_")[-1] in data["loop-suffixes"]:
        role = "interval"
    return role


def _clamped(finding: Finding) -> str:
    """``max(ttl_seconds, 1)`` -> ``min_ttl_seconds``; the bound's name when it has none."""
    bound = (
        "min" if (finding.api or "").endswith("max") or finding.arg in ("min", "lower") else "max"
    )
    match = re.match(r"^[\w.:]+\((?P<first>[\w.]+)\s*,", finding.snippet)
    receiver = re.search(r"(?P<first>\w+)\s*\.\s*(?:max|min|clamp)\s*\(", finding.snippet)
    if match is None and finding.api in ("max", "min", "clamp"):
        match = receiver  # Rust's `ttl_seconds.max(1)`: the receiver is what is clamped
    other = match.group("first").rsplit(".", 1)[-1] if match else ""
    if other and not other.isdigit():
        return f"{bound}_{_snake(other)}"
    return f"{_function(finding) or 'value'}_{bound}"


def _base_name(finding: Finding, data: Mapping[str, Any]) -> str:
    if finding.context in (Context.ASSIGNMENT, Context.DEFAULT):
        return _snake(str(finding.arg))
    if finding.kind is Kind.CLAMP:
        return _clamped(finding)
    function = _function(finding)
    if isinstance(finding.arg, str) and not set(split_words(finding.arg)) <= unit_name_words():
        arg = _snake(finding.arg)
        if arg in ("ex", "px"):
            arg = "ttl"
        return f"{function}_{arg}" if function and not arg.startswith(function) else arg
    role = _role(finding, data)
    function = re.sub(r"_(loop|task|worker)$", "", function)
    if set(function.split("_")) & set(shipped_data()[1]["names"]["duration-words"]):
        return function  # `lease_timeout` already says what the duration is for
    return f"{function}_{role}" if function else role


def _with_unit(name: str, finding: Finding, data: Mapping[str, Any]) -> str:
    if finding.unit is None:
        return name
    if {w for w in name.split("_") if len(w) > 1} & unit_name_words():
        return name  # a one-letter word is a name (`def h()`), not the unit h
    return f"{name}_{data['unit-suffixes'][finding.unit]}"


def _section(path: str) -> str:
    """The module's dotted name: ``pkg/wait.py`` -> ``pkg.wait``, ``pkg/__init__.py`` -> ``pkg``,
    ``src/app/mod.rs`` -> ``app`` (a ``src/`` or ``lib/`` layout folder is not part of it)."""
    parts = list(PurePosixPath(path).with_suffix("").parts)
    while len(parts) > 1 and parts[0] in ("src", "lib", ".", ".."):
        parts = parts[1:]
    if len(parts) > 1 and parts[-1] in ("__init__", "mod", "lib", "main"):
        parts = parts[:-1]
    return ".".join(re.sub(r"[^a-z0-9_]+", "_", p.lower()).strip("_") or "x" for p in parts)


def propose_key(finding: Finding, data: Mapping[str, Any] | None = None) -> str:
    """The config key proposed for one unmapped finding."""
    data = data or _suggest_data()
    name = _with_unit(_base_name(finding, data), finding, data)
    name = re.sub(r"_+", "_", name).strip("_") or "value"
    return f"{_section(finding.path)}.{name}"


def _unique(candidate: str, taken: set[str]) -> str:
    result, number = candidate, 2
    while result in taken:
        result, number = f"{candidate}_{number}", number + 1
    taken.add(result)
    return result


def _same_rule(finding: Finding) -> tuple[object, ...]:
    """What a rule written from ``finding`` matches by: identical sites share one rule (sites
    of one value in two units, ``every(2).second`` and ``every(2).minute``, are two)."""
    return (finding.path, finding.scope, finding.api, finding.arg, finding.number, finding.kind,
            finding.unit)  # fmt: skip


def _safe_key(key: str, language: str) -> str:
    """Every part of ``key`` a name the language's generated settings can hold: a keyword
    (a folder named ``async``) gets a trailing ``_``, a leading digit a leading ``n``."""
    from hardcode_lint.lang import frontend

    reserved = frontend(language).reserved_names()
    parts = [f"n{p}" if p[:1].isdigit() else p for p in key.split(".")]
    return ".".join(f"{p}_" if p in reserved else p for p in parts)


def stubs_for(findings: Iterable[Finding], taken_ids: set[str], taken_keys: set[str],
              defaults_for: DefaultsFor | None = None) -> list[Stub]:  # fmt: skip
    """One stub per group of identical sites (``count`` = the group's size), in site order."""
    data = _suggest_data()
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for finding in findings:
        groups.setdefault(_same_rule(finding), []).append(finding)
    stubs = []
    units = Counter(key[:-1] for key in groups)
    for identity, group in groups.items():
        key = _unique(_safe_key(propose_key(group[0], data), group[0].language), taken_keys)
        stub_id = _unique(key.replace(".", "-").replace("_", "-"), taken_ids)
        chosen = defaults_for(group[0]) if defaults_for else Defaults()
        by_unit = units[identity[:-1]] > 1  # the rule must say its unit to match its sites only
        stubs.append(Stub(group[0], stub_id, key, len(group), chosen, by_unit))
    return stubs


def _toml(value: object) -> str:
    """A TOML literal for a string, number or list.

    JSON's escapes are valid TOML, except that TOML also wants DEL escaped and has no escape
    for a lone surrogate (an undecodable byte of a file name): that becomes ``?``, which in a
    ``path`` glob matches the very byte it stands for.
    """
    import json

    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        value = re.sub("[\ud800-\udfff]", "?", value)
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _rule_text(stub: Stub, template: bool = False) -> list[str]:
    """A ``[[rule]]`` table; ``template``: the module gives ``replace``, the rule does not."""
    f = stub.finding
    lines = ["", "[[rule]]", f"id = {_toml(stub.id)}", f"path = {_toml(f.path)}"]
    if f.scope:
        lines.append(f"scope = {_toml(f.scope)}")
    if f.api:
        lines.append(f"api = {_toml(f.api)}")
    if f.arg is not None:
        lines.append(f"arg = {_toml(f.arg)}")
    lines.append(f"value = {_toml(f.number)}")
    if stub.by_unit and f.unit:
        lines.append(f"unit = {_toml(f.unit)}")
    if stub.count > 1:
        lines.append(f"count = {stub.count}")
    lines.append(f"key = {_toml(stub.key)}")
    if not template:
        own = stub.defaults.replace
        lines.append(
            f"replace = {_toml(own.replace('{key}', stub.key) if own else 'config.' + stub.key)}"
        )
        if own and stub.defaults.imports:
            lines.append(f"imports = {_toml(list(stub.defaults.imports))}")
    lines.append(f"old = {_toml(f.snippet)}")  # the report's old code once it is migrated
    sites = f", {stub.count} sites" if stub.count > 1 else ""
    lines.append(f"# was: {visible(f.snippet)}  ({visible(f.path)}:{f.line}, {f.kind.value}"
                 + (f", {f.unit}" if f.unit else "") + f"{sites})")  # fmt: skip
    return lines


def _folder(stub: Stub) -> str:
    parent = str(PurePosixPath(stub.finding.path).parent)
    return "" if parent == "." else parent


def _shared(stubs: list[Stub], explicit: Defaults) -> Defaults:
    """The ``[module]`` template of a file: the explicit one, else the one all its stubs share
    (a folder mixing languages gets each rule's own ``replace`` instead)."""
    if explicit.replace:
        return explicit
    chosen = {stub.defaults for stub in stubs}
    return chosen.pop() if len(chosen) == 1 else Defaults()


def _module_text(name: str, paths: list[str], stubs: list[Stub], explicit: Defaults) -> str:
    defaults = _shared(stubs, explicit)
    lines = [
        "# Suggested by `hardcode-lint rules suggest`: review the keys"
        + ("." if defaults.replace else ", then set `replace`"),
        "[module]",
        f"name = {_toml(name)}",
        'priority = "P2"',
        f"paths = {_toml(paths)}",
    ]
    if defaults.replace:
        lines.append(f"replace = {_toml(defaults.replace)}")
    if defaults.imports:
        lines.append(f"imports = {_toml(list(defaults.imports))}")
    for stub in stubs:
        lines += _rule_text(stub, template=bool(defaults.replace))
    return "\n".join(lines) + "\n"


def appended_text(stubs: list[Stub], defaults: Defaults, templated: bool = False) -> str:
    """Rule tables to append to an existing rule file (its own text and comments untouched).

    ``templated``: the file's ``[module]`` gives a ``replace`` template, which the appended
    rules then follow like the file's own; else each rule says its own ``replace``."""
    lines: list[str] = []
    for stub in stubs:
        if defaults.replace:
            stub = Stub(stub.finding, stub.id, stub.key, stub.count, defaults, stub.by_unit)
        lines += _rule_text(stub, template=templated)
    return "\n".join(lines) + "\n"


def _slug(folder: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", folder).strip("_") or "root"


def _sorted_stubs(unmapped: Iterable[Finding], taken_ids: set[str], taken_keys: set[str],
                  defaults_for: DefaultsFor | None = None) -> list[Stub]:  # fmt: skip
    return stubs_for(sorted(unmapped, key=lambda f: (f.path, f.line, f.column)), taken_ids,
                     taken_keys, defaults_for)  # fmt: skip


def suggest_files(
    unmapped: Iterable[Finding],
    taken_ids: set[str],
    taken_keys: set[str],
    defaults: Defaults = Defaults(),
    claims: Mapping[str, Any] | None = None,
    defaults_for: DefaultsFor | None = None,
    templated: Iterable[str] = (),
) -> dict[str, tuple[bool, str]]:
    """Rule file -> (whether it is new, its text or the text to append to it).

    A site whose path an existing module claims (``claims``: rule file -> compiled ``paths``)
    goes to that module's file; the others to one new file per folder (``src_phase2.toml``).
    ``templated`` are the claiming files whose ``[module]`` gives a ``replace`` template.
    """
    stubs = _sorted_stubs(unmapped, taken_ids, taken_keys, defaults_for)
    templated = set(templated)
    files: dict[str, tuple[bool, str]] = {}
    claimed: dict[str, list[Stub]] = {}
    fresh: list[Stub] = []
    for stub in stubs:
        owner = next((file for file, globs in (claims or {}).items()
                      if globs.match_file(stub.finding.path)), None)  # fmt: skip
        (claimed.setdefault(owner, []) if owner else fresh).append(stub)
    for file, group in claimed.items():
        files[file] = (False, appended_text(group, defaults, file in templated))
    for folder, folder_group in groupby(sorted(fresh, key=_folder), key=_folder):
        claim = [f"{folder}/*"] if folder else ["*"]
        text = _module_text(folder or "root", claim, list(folder_group), defaults)
        files[f"{_slug(folder)}.toml"] = (True, text)
    return files


def suggest_rules(unmapped: Iterable[Finding], taken_ids: set[str], taken_keys: set[str],
                  defaults: Defaults = Defaults(),
                  defaults_for: DefaultsFor | None = None) -> str:  # fmt: skip
    """All stubs as one valid rule file (folders as comment-headed sections of one module)."""
    stubs = _sorted_stubs(unmapped, taken_ids, taken_keys, defaults_for)
    folders = sorted({_folder(s) for s in stubs})
    if len(folders) == 1:
        folder = folders[0]
        return _module_text(folder or "root", [f"{folder}/*" if folder else "*"], stubs, defaults)
    shared = _shared(stubs, defaults)
    lines = _module_text("Suggested", [], [], shared).rstrip("\n").split("\n")
    for folder, group in groupby(sorted(stubs, key=_folder), key=_folder):
        lines += ["", f"# --- {folder or '(root)'} ---"]
        for stub in group:
            lines += _rule_text(stub, template=bool(shared.replace))
    return "\n".join(lines) + "\n"
