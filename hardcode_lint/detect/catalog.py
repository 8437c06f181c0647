"""The catalog of known APIs and identifier words, loaded from data.

Knowledge about libraries lives in data: each language's ``lang/<name>/catalog.toml`` (its
APIs), the shared ``words.toml`` (identifier words) and the user's
``[tool.hardcode-lint.catalog]``; this module only turns that data into lookup tables, so adding
an API never means adding an ``if``.  It is language-neutral: an API is a qualified name
(``time.sleep``, ``std::time::Duration::from_secs``) or a ``*.method`` pattern.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from hardcode_lint.errors import ConfigError
from hardcode_lint.model import Kind

#: Seconds per unit; the one place that knows what a unit means.
UNIT_SECONDS: Mapping[str, float | int] = {
    "s": 1,
    "ms": 0.001,
    "us": 0.000001,
    "min": 60,
    "h": 3600,
    "d": 86400,
    "w": 604800,
    "ns": 0.000000001,
}

#: The spelled-out name of each unit, for comments and messages.
UNIT_NAMES: Mapping[str, str] = {
    "s": "seconds",
    "ms": "milliseconds",
    "us": "microseconds",
    "min": "minutes",
    "h": "hours",
    "d": "days",
    "w": "weeks",
    "ns": "nanoseconds",
}

ArgKey = int | str


@lru_cache(maxsize=8)
def shipped_data(
    package: str = "hardcode_lint.detect", name: str = "words.toml"
) -> tuple[str, Mapping[str, Any]]:
    """A shipped TOML data file (by default the shared ``words.toml``) as text and as data,
    read once per process."""
    text = resources.files(package).joinpath(name).read_text("utf-8")
    return text, tomllib.loads(text)


@lru_cache(maxsize=1)
def unit_name_words() -> frozenset[str]:
    """Every word that names a unit (``seconds``, ``ms``, ``min``, ``microseconds``...): a key
    or a name holding one already says its unit."""
    words = shipped_data()[1]["names"]["unit-words"]
    return frozenset({*words, *UNIT_SECONDS, *UNIT_NAMES.values()})


@dataclass(frozen=True)
class ApiSpec:
    """Which arguments of one API are a duration / clamp bound / limit, and in which unit."""

    kind: Kind
    args: Mapping[ArgKey, str | None]  # position or keyword -> unit (None: no unit)
    any_position: bool = False  # every positional argument counts (max, min)
    min_args: int = 0  # fewer positional arguments than this: not a clamp (max(iterable))

    def alias(self, arg: ArgKey) -> ArgKey | None:
        """The other spelling of the same parameter: ``0`` <-> ``"delay"`` for asyncio.sleep.

        Paired when exactly one position and one keyword share a unit in the entry, so rule
        authors may write either ``arg = 0`` or ``arg = "delay"``.
        """
        unit = self.args.get(arg, "")
        same = [key for key, other in self.args.items() if other == unit and key != arg]
        kinds = {type(arg), *(type(key) for key in same)}
        return same[0] if len(same) == 1 and kinds == {int, str} else None

    def unit_for(self, arg: ArgKey) -> tuple[bool, str | None]:
        """Whether ``arg`` is catalogued for this API, and its unit."""
        if arg in self.args:
            return True, self.args[arg]
        if self.any_position and isinstance(arg, int):
            return True, None
        return False, None


@dataclass(frozen=True, eq=False)
class NameWords:
    """The identifier words that make a name a duration or a limit (see ``names.py``).

    Compared and hashed by identity: ``names.py`` memoises verdicts per instance, outside it.
    """

    duration_words: frozenset[str]
    duration_phrases: tuple[tuple[str, ...], ...]
    rate_words: frozenset[str]
    code_words: frozenset[str]
    unit_words: Mapping[str, str]
    duration_call_keywords: Mapping[str, str]
    limit_words: frozenset[str]
    limit_pairs: tuple[tuple[frozenset[str], frozenset[str]], ...]
    limit_call_keywords: frozenset[str]
    extra_duration_names: frozenset[str] = frozenset()
    extra_limit_names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Catalog:
    """Lookup tables for the detector: exact APIs, ``*.method`` patterns, and name words."""

    apis: Mapping[str, ApiSpec]
    methods: Mapping[str, ApiSpec]
    words: NameWords
    fingerprint: str = field(default="", compare=False)

    def lookup(self, qualname: str | None, method: str | None) -> ApiSpec | None:
        """The spec for a callee: by its resolved qualified name first, then by method name.

        ``method`` is the callee's last attribute when it has a receiver (``loop.call_later``)
        or resolves to a dotted name; a bare, unresolved name (a local ``def max``) gets none.
        """
        if qualname is not None and qualname in self.apis:
            return self.apis[qualname]
        if method is not None:
            return self.methods.get(method)
        return None

    def callee_names(self) -> frozenset[str]:
        """The last name of every catalogued callee: what the cheap pre-filter looks for."""
        return _callee_names(tuple(self.apis), tuple(self.methods))


@lru_cache(maxsize=8)
def _callee_names(apis: tuple[str, ...], methods: tuple[str, ...]) -> frozenset[str]:
    return frozenset({api.rsplit(".", 1)[-1] for api in apis} | set(methods))


def _arg_keys(where: str, raw: Any) -> list[ArgKey]:
    items = raw if isinstance(raw, list) else [raw]
    keys: list[ArgKey] = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, int | str):
            raise ConfigError(
                f"{where}: `arg` must be a position, a keyword name or a list of them"
            )
        if isinstance(item, str) and item.isdigit():
            item = int(item)
        if isinstance(item, int) and item < 0:
            raise ConfigError(f"{where}: argument positions start at 0")
        keys.append(item)
    return keys


def parse_api(where: str, kind: Kind, raw: Any) -> ApiSpec:
    """One catalog entry (shipped or user-written) as an :class:`ApiSpec`, strictly checked."""
    if not isinstance(raw, dict):
        raise ConfigError(f'{where}: must be a table such as {{ arg = 0, unit = "s" }}')
    unknown = set(raw) - {"arg", "args", "unit", "min-args"}
    if unknown:
        raise ConfigError(f"{where}: unknown key `{sorted(unknown)[0]}`")
    unit = raw.get("unit", "s" if kind is Kind.DURATION else None)
    if unit is not None and unit not in UNIT_SECONDS:
        raise ConfigError(f"{where}: unknown unit {unit!r} (one of {', '.join(UNIT_SECONDS)})")
    if kind is not Kind.DURATION:
        unit = None
    args: dict[ArgKey, str | None] = {}
    any_position = raw.get("arg") == "*"
    if "arg" in raw and not any_position:
        args.update({key: unit for key in _arg_keys(f"{where}.arg", raw["arg"])})
    for key, arg_unit in dict(raw.get("args", {})).items():
        if arg_unit not in UNIT_SECONDS:
            raise ConfigError(f"{where}.args.{key}: unknown unit {arg_unit!r}")
        args[_arg_keys(f"{where}.args", key)[0]] = arg_unit
    if not args and not any_position:
        raise ConfigError(f"{where}: needs `arg` or `args`")
    min_args = raw.get("min-args", 0)
    if not isinstance(min_args, int) or isinstance(min_args, bool) or min_args < 0:
        raise ConfigError(f"{where}.min-args: must be a whole number >= 0")
    return ApiSpec(kind=kind, args=args, any_position=any_position, min_args=min_args)


def _words(data: Mapping[str, Any]) -> NameWords:
    return NameWords(
        duration_words=frozenset(data["duration-words"]),
        duration_phrases=tuple(tuple(p.split()) for p in data["duration-phrases"]),
        rate_words=frozenset(data["rate-words"]),
        code_words=frozenset(data["code-words"]),
        unit_words=dict(data["unit-words"]),
        duration_call_keywords=dict(data["duration-call-keywords"]),
        limit_words=frozenset(data["limit-words"]),
        limit_pairs=tuple((frozenset(a), frozenset(b)) for a, b in data["limit-pairs"]),
        limit_call_keywords=frozenset(data["limit-call-keywords"]),
    )


API_TABLES: Mapping[str, Kind] = {"duration-apis": Kind.DURATION, "clamp-apis": Kind.CLAMP}


def build_catalog(
    package: str, user: Mapping[str, Any] | None = None, where: str = "catalog"
) -> Catalog:
    """A language's shipped catalog (``package``'s ``catalog.toml``) merged with the user's
    additions, which win on the same API.

    ``where`` names the user's table in error messages (``pyproject.toml: tool....catalog``).
    """
    text, data = shipped_data(package, "catalog.toml")
    words_text, words_data = shipped_data()
    user = user or {}
    apis: dict[str, ApiSpec] = {}
    for table, kind in API_TABLES.items():
        for api, raw in data.get(table, {}).items():
            apis[api] = parse_api(f"catalog.toml: {table}.{api!r}", kind, raw)
        for api, raw in user.get(table, {}).items():
            apis[api] = parse_api(f"{where}.{table}.{api!r}", kind, raw)
    words = _words(words_data["names"])
    words = replace(
        words,
        extra_duration_names=frozenset(n.lower() for n in user.get("duration-keywords", [])),
        extra_limit_names=frozenset(n.lower() for n in user.get("limit-keywords", [])),
    )
    exact = {api: spec for api, spec in apis.items() if not api.startswith("*.")}
    methods = {api[2:]: spec for api, spec in apis.items() if api.startswith("*.")}
    raw = text + words_text + json.dumps(user, sort_keys=True)
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return Catalog(apis=exact, methods=methods, words=words, fingerprint=digest[:16])
