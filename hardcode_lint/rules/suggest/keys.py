"""The key proposed for one site: named after what the code calls the value.

First the name the value is bound to (``OWNER_TTL_SECONDS = 30``, a struct field, a keyword, a
builder method, the binding a ``Duration::from_secs(30)`` or ``timedelta(..)`` is bound to),
without words that say nothing (``DEFAULT_``); only a site no name holds is named after its
enclosing function and what the call is for (``asyncio.sleep(60)`` in ``session_cleanup_loop``
-> ``session_cleanup_interval_seconds``).  A clamp's bound is named after its role: the floor
of ``max(ttl, 1)`` is ``min_ttl``.  The unit is added when the name does not already say one.
Keys are prefixed by the file's dotted module (``pkg.wait``), so related settings share a section.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

from hardcode_lint.detect.catalog import shipped_data, unit_name_words
from hardcode_lint.detect.names import split_words
from hardcode_lint.lang.base import Step
from hardcode_lint.model import Context, Finding, Kind


def suggest_data() -> Mapping[str, Any]:
    data: Mapping[str, Any] = shipped_data()[1]["suggest"]
    return data


@lru_cache(maxsize=1 << 16)
def snake(identifier: str) -> str:
    return "_".join(w.lower() for w in split_words(identifier) if w)


def last(path: str) -> str:
    """The last name of a dotted (Python) or ``::`` (Rust) path."""
    return re.split(r"\.|::", path)[-1]


def scope_words(finding: Finding, data: Mapping[str, Any]) -> str:
    """The innermost enclosing function or class, snake-cased ('' at module level); a generic
    one (``__init__``, ``new``) is named by its class instead."""
    parts = [p for p in re.split(r"\.|::", finding.scope or "") if p and p != "<locals>"]
    while parts and parts[-1] in data["generic-scopes"]:
        parts = parts[:-1]
    return snake(parts[-1]) if parts else ""


def _is_name(name: str, data: Mapping[str, Any]) -> bool:
    words = set(split_words(name))
    return bool(words) and not words <= unit_name_words() and name not in data["no-name-words"]


def is_maker(callee: str, data: Mapping[str, Any]) -> bool:
    """Whether a callee's result is the value it is given (see ``value-makers``)."""
    name = last(callee)
    return name in data["value-makers"] or name.startswith("from_") or name == "new" or (
        "." not in callee and "::" not in callee and name[:1].isupper())  # fmt: skip


def _passes(step: Step, first: bool, finding: Finding, data: Mapping[str, Any]) -> bool:
    """Whether the value goes through ``step``'s call unchanged in what it is called: a
    constructor, or the clamp the literal bounds."""
    return (first and finding.kind is Kind.CLAMP) or is_maker(step.name, data)


def site_name(finding: Finding, steps: Sequence[Step], data: Mapping[str, Any]) -> str | None:
    """The name the code gives the value: binding, field, keyword or builder method."""
    if finding.context in (Context.ASSIGNMENT, Context.DEFAULT) and isinstance(finding.arg, str):
        return finding.arg
    if isinstance(finding.arg, str) and _is_name(finding.arg, data):
        return str(data["keyword-names"].get(finding.arg, finding.arg))
    for index, step in enumerate(steps):
        if step.how in ("binding", "field"):
            return step.name if _is_name(step.name, data) else None
        if index and isinstance(step.arg, str):
            if _is_name(step.arg, data):
                return step.arg
            continue
        if _passes(step, index == 0, finding, data):
            continue
        name = last(step.name)
        return name if step.how == "method" and index and _is_name(name, data) else None
    return None


def _kept_words(name: str, data: Mapping[str, Any]) -> str:
    words = [w for w in snake(name).split("_") if w]
    kept = [w for w in words if w not in data["dropped-words"]]
    return "_".join(kept or words)


def is_lower_bound(finding: Finding, steps: Sequence[Step], data: Mapping[str, Any]) -> bool:
    """Whether a clamp's literal is its lower bound (``max(x, 1)``, ``clamp(0.0, 1.0)``'s 0.0)."""
    api = last(finding.api or "").lower()
    if api in data["lower-apis"] or api in data["upper-apis"]:
        return api in data["lower-apis"]
    if isinstance(finding.arg, str):
        return finding.arg in data["lower-keywords"]
    positional = steps[0].args if steps else 0
    return finding.arg == (positional - 2 if positional >= 2 else 0)


def _clamped(finding: Finding) -> str:
    """The clamped variable's name: ``max(ttl_seconds, 1)``, ``ttl_seconds.max(1)``."""
    match = re.match(r"^[\w.:]+\((?P<first>[\w.]+)\s*,", finding.snippet)
    receiver = re.search(r"(?P<first>\w+)\s*\.\s*(?:max|min|clamp)\s*\(", finding.snippet)
    if match is None and finding.api in ("max", "min", "clamp"):
        match = receiver
    other = match.group("first").rsplit(".", 1)[-1] if match else ""
    return "" if not other or other.isdigit() or other == "self" else snake(other)


def _bound_name(finding: Finding, steps: Sequence[Step], name: str | None,
                data: Mapping[str, Any]) -> str:  # fmt: skip
    """``min_<what>`` or ``max_<what>``; a lower bound's key never says ``max``."""
    bound = "min" if is_lower_bound(finding, steps, data) else "max"
    other = "max" if bound == "min" else "min"
    what = _kept_words(name, data) if name else _clamped(finding)
    what = what or scope_words(finding, data) or "value"
    words = [w for w in what.split("_") if w != other]
    return "_".join(words if words and words[0] == bound else [bound, *words])


def _role(finding: Finding, data: Mapping[str, Any]) -> str:
    name = last(finding.api or "")
    key = finding.arg if isinstance(finding.arg, str) and finding.arg in data["roles"] else name
    role = str(data["roles"].get(key, "duration"))
    if role == "delay" and scope_words(finding, data).split("_")[-1] in data["loop-suffixes"]:
        role = "interval"
    return role


def role_call(finding: Finding, steps: Sequence[Step], data: Mapping[str, Any]) -> str:
    """The callee that says what an unnamed value is for: ``thread::sleep`` around
    ``Duration::from_millis(50)``, else the site's own api."""
    for index, step in enumerate(steps):
        if step.how in ("call", "method") and not _passes(step, index == 0, finding, data):
            return last(step.name)
    return last(finding.api or "")


def _unnamed(finding: Finding, steps: Sequence[Step], data: Mapping[str, Any]) -> str:
    """A site no name holds: the enclosing function and what the call is for."""
    function = re.sub(r"_(loop|task|worker)$", "", scope_words(finding, data))
    if set(function.split("_")) & set(shipped_data()[1]["names"]["duration-words"]):
        return function  # `lease_timeout` already says what the duration is for
    call = role_call(finding, steps, data)
    if finding.kind is Kind.DURATION:
        role = _role(replace(finding, api=call) if call else finding, data)
    else:
        role = call
    return join(function, snake(role) or "value")


@lru_cache(maxsize=1 << 16)
def join(*parts: str) -> str:
    """Words in order, each said once: ``join("get_timeout", "timeout")`` -> ``get_timeout``."""
    words: list[str] = []
    for part in parts:
        for word in part.split("_"):
            if word and word not in words:
                words.append(word)
    return "_".join(words)


def with_unit(name: str, finding: Finding, data: Mapping[str, Any]) -> str:
    if finding.unit is None:
        return name
    if {w for w in name.split("_") if len(w) > 1 and w != "min"} & unit_name_words():
        return name  # a one-letter word is a name (`def h()`), not the unit h
    return f"{name}_{data['unit-suffixes'][finding.unit]}"


def base_name(finding: Finding, steps: Sequence[Step] = (),
              data: Mapping[str, Any] | None = None) -> str:  # fmt: skip
    """The key's last part for one site (without the module section)."""
    data = data or suggest_data()
    name = site_name(finding, steps, data)
    if finding.kind is Kind.CLAMP:
        base = _bound_name(finding, steps, name, data)
    elif name is not None:
        base = _kept_words(name, data)
    else:
        base = _unnamed(finding, steps, data)
    if _is_margin(finding):
        base += "_margin"  # `timeout = max(a, b) + 5`: the 5 is no timeout, its margin is
    base = with_unit(base, finding, data)
    return re.sub(r"_+", "_", base).strip("_") or "value"


#: What stands before a duration added to or taken from a value: ``max(a, b) + ``, ``ttl - ``.
_MARGIN_BEFORE = re.compile(r"[\w)\]][ \t]*[-+][ \t]*$")


def _is_margin(finding: Finding) -> bool:
    """Whether the finding's literal is added to or taken from a value (``ttl - 15``)."""
    start = finding.snippet_start
    return (
        finding.kind is Kind.DURATION
        and start > 0
        and bool(_MARGIN_BEFORE.search(finding.snippet[:start]))
    )


@lru_cache(maxsize=1 << 16)
def section(path: str) -> str:
    """The file's dotted name: ``pkg/wait.py`` -> ``pkg.wait``, ``pkg/__init__.py`` -> ``pkg``,
    ``src/app/mod.rs`` -> ``app`` (a ``src/`` or ``lib/`` layout folder is not part of it)."""
    parts = list(PurePosixPath(path).with_suffix("").parts)
    while len(parts) > 1 and parts[0] in ("src", "lib", ".", ".."):
        parts = parts[1:]
    if len(parts) > 1 and parts[-1] in ("__init__", "mod", "lib", "main"):
        parts = parts[:-1]
    return ".".join(re.sub(r"[^a-z0-9_]+", "_", p.lower()).strip("_") or "x" for p in parts)


def propose_key(finding: Finding, data: Mapping[str, Any] | None = None,
                steps: Sequence[Step] = ()) -> str:  # fmt: skip
    """The config key proposed for one unmapped finding (``steps``: the constructs around it,
    from its front end's :meth:`~hardcode_lint.lang.base.Frontend.site_steps`)."""
    return f"{section(finding.path)}.{base_name(finding, steps, data)}"
