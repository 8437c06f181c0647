"""The rule files ``rules suggest`` writes: one module per module of the project, or the
rules to append to the existing file of a module, in that file's own ``[module]`` template."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from hardcode_lint.lang import frontend
from hardcode_lint.model import Finding, Number
from hardcode_lint.rules.suggest.unique import (
    NO_DEFAULTS,
    Defaults,
    DefaultsFor,
    StepsOf,
    Stub,
    stubs_for,
)
from hardcode_lint.textsafe import visible

#: A site's module: its name as its language spells it ("" at the root) and the glob of its files.
ModuleOf = Callable[[Finding], tuple[str, str]]
#: Production modules come before test modules in the report.
PRODUCTION, TESTS = "P1", "P3"


def folder_module(finding: Finding) -> tuple[str, str]:
    """The module of a site when its front end is not asked: its folder."""
    folder = finding.path.rpartition("/")[0]
    return folder, f"{folder}/*" if folder else "*"


def _toml(value: object) -> str:
    """A TOML literal for a string, number or list.

    JSON's escapes are valid TOML, except that TOML also wants DEL escaped and has no escape
    for a lone surrogate (an undecodable byte of a file name): that becomes ``?``, which in a
    ``path`` glob matches the very byte it stands for.
    """
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        value = re.sub("[\ud800-\udfff]", "?", value)
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(finding: Finding) -> Number | str:
    """A rule's ``value``: the literal's number, or a duration as its language writes one in
    configuration where it has such a spelling (Go's ``"90s"`` for ``90 * time.Second``)."""
    if finding.unit is None:
        return finding.number
    front = frontend(finding.language)
    text = front.duration_text(finding.number, finding.unit, finding.value_type)
    return finding.number if text is None else text


def _rule_text(stub: Stub, template: bool = False) -> list[str]:
    """A ``[[rule]]`` table; ``template``: the module gives ``replace``, the rule does not."""
    f = stub.finding
    lines = ["", "[[rule]]", f"id = {_toml(stub.id)}", f"path = {_toml(f.path)}"]
    if f.scope and stub.scoped:
        lines.append(f"scope = {_toml(f.scope)}")
    if f.api:
        lines.append(f"api = {_toml(f.api)}")
    if f.arg is not None:
        lines.append(f"arg = {_toml(f.arg)}")
    lines.append(f"value = {_toml(_value(f))}")
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


def _shared(stubs: list[Stub], explicit: Defaults) -> Defaults:
    """The ``[module]`` template of a file: the explicit one, else the one all its stubs share
    (a folder mixing languages gets each rule's own ``replace`` instead)."""
    if explicit.replace:
        return explicit
    chosen = {stub.defaults for stub in stubs}
    return chosen.pop() if len(chosen) == 1 else Defaults()


def _priority(stubs: list[Stub]) -> str:
    return TESTS if stubs and all(s.finding.test for s in stubs) else PRODUCTION


def _module_text(name: str, paths: list[str], stubs: list[Stub], explicit: Defaults,
                 priority: str | None = None) -> str:  # fmt: skip
    defaults = _shared(stubs, explicit)
    lines = [
        "# Suggested by `hardcode-lint rules suggest`: review the keys"
        + ("." if defaults.replace else ", then set `replace`"),
        "[module]",
        f"name = {_toml(name)}",
        f"priority = {_toml(priority or _priority(stubs))}",
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
    rules then follow like the file's own; else each rule says its own ``replace`` (the
    explicit template, else its site's settings target) and the imports it needs."""
    lines: list[str] = []
    for stub in stubs:
        if defaults.replace:
            stub = Stub(stub.finding, stub.id, stub.key, stub.count, defaults, stub.by_unit,
                        stub.scoped)  # fmt: skip
        lines += _rule_text(stub, template=templated)
    return "\n".join(lines) + "\n"


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") or "root"


def _sorted_stubs(unmapped: Iterable[Finding], taken_ids: set[str], taken_keys: set[str],
                  defaults_for: DefaultsFor | None,
                  steps: StepsOf | None) -> list[Stub]:  # fmt: skip
    return stubs_for(sorted(unmapped, key=lambda f: (f.path, f.line, f.column)), taken_ids,
                     taken_keys, defaults_for, steps)  # fmt: skip


def _by_module(
    stubs: Iterable[Stub], module_of: ModuleOf
) -> dict[str, tuple[list[str], list[Stub]]]:
    """Module name -> (the globs of its files, its stubs), production modules first."""
    found: dict[str, tuple[list[str], list[Stub]]] = {}
    for stub in stubs:
        name, glob = module_of(stub.finding)
        globs, members = found.setdefault(name, ([], []))
        if glob not in globs:
            globs.append(glob)
        members.append(stub)
    order = sorted(found, key=lambda n: (_priority(found[n][1]), n))
    return {name: found[name] for name in order}


def suggest_files(
    unmapped: Iterable[Finding],
    taken_ids: set[str],
    taken_keys: set[str],
    defaults: Defaults = NO_DEFAULTS,
    claims: Mapping[str, Any] | None = None,
    defaults_for: DefaultsFor | None = None,
    templated: Iterable[str] = (),
    steps: StepsOf | None = None,
    module_of: ModuleOf = folder_module,
    present: Mapping[str, str] | None = None,
) -> dict[str, tuple[bool, str]]:
    """Rule file -> (whether it is new, its text or the text to append to it).

    A site whose path an existing module claims (``claims``: rule file -> compiled ``paths``)
    goes to that module's file; the others to one new file per module (``pkg_contrib.toml``).
    ``templated`` are the claiming files whose ``[module]`` gives a ``replace`` template.
    ``present``: the rule files already in the folder, by name: a new module whose file is
    there is appended to it (in its template) instead.
    """
    stubs = _sorted_stubs(unmapped, taken_ids, taken_keys, defaults_for, steps)
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
    for name, (globs, members) in _by_module(fresh, module_of).items():
        file = f"{_slug(name)}.toml"
        there = (present or {}).get(file)
        if there is not None:
            files[there] = (False, appended_text(members, defaults, there in templated))
        else:
            files[file] = (True, _module_text(name or "root", globs, members, defaults))
    return files


def suggest_rules(unmapped: Iterable[Finding], taken_ids: set[str], taken_keys: set[str],
                  defaults: Defaults = NO_DEFAULTS, defaults_for: DefaultsFor | None = None,
                  steps: StepsOf | None = None,
                  module_of: ModuleOf = folder_module) -> str:  # fmt: skip
    """All stubs as one valid rule file (modules as comment-headed sections of one module)."""
    stubs = _sorted_stubs(unmapped, taken_ids, taken_keys, defaults_for, steps)
    modules = _by_module(stubs, module_of)
    if len(modules) == 1:
        ((name, (globs, members)),) = modules.items()
        return _module_text(name or "root", globs, members, defaults)
    shared = _shared(stubs, defaults)
    lines = _module_text("Suggested", [], [], shared, _priority(stubs)).rstrip("\n").split("\n")
    for name, (_, members) in modules.items():
        lines += ["", f"# --- {name or '(root)'} ({_priority(members)}) ---"]
        for stub in members:
            lines += _rule_text(stub, template=bool(shared.replace))
    return "\n".join(lines) + "\n"
