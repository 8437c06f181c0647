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

from hardcode_lint.detect.words import NameWords, build_words
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
    # arguments of another kind than ``kind``, for an API listed in two tables
    # (``cachetools.TTLCache``: ``maxsize`` a limit, ``ttl`` a duration)
    kinds: Mapping[ArgKey, Kind] = field(default_factory=dict)
    # the unit is named by the attribute after the call (`schedule.every(5).seconds`)
    unit_from_attribute: bool = False
    # the parameter's type in the front end's language (Rust's ``Duration::new``: secs u64,
    # nanos u32), so a generated setting read there has the type the call compiles with
    types: Mapping[ArgKey, str] = field(default_factory=dict)

    def type_of(self, arg: ArgKey) -> str | None:
        """The declared type of a catalogued argument, when the catalog says it."""
        return self.types.get(arg, self.types.get("*"))

    def kind_of(self, arg: ArgKey) -> Kind:
        """The kind of a catalogued argument."""
        return self.kinds.get(arg, self.kind)

    def merged(self, other: ApiSpec) -> ApiSpec:
        """This entry and another table's entry for the same API as one (``other`` wins on
        an argument listed in both)."""
        kinds = {key: self.kind_of(key) for key in self.args}
        kinds |= {key: other.kind_of(key) for key in other.args}
        return ApiSpec(
            kind=self.kind,
            args={**self.args, **other.args},
            any_position=self.any_position or other.any_position,
            min_args=max(self.min_args, other.min_args),
            unit_from_attribute=self.unit_from_attribute or other.unit_from_attribute,
            types={**self.types, **other.types},
            kinds={key: kind for key, kind in kinds.items() if kind is not self.kind},
        )

    def alias(self, arg: ArgKey) -> ArgKey | None:
        """The other spelling of the same parameter: ``0`` <-> ``"delay"`` for asyncio.sleep.

        Paired when exactly one position and one keyword share a unit in the entry, so rule
        authors may write either ``arg = 0`` or ``arg = "delay"``.
        """
        unit, kind = self.args.get(arg, ""), self.kind_of(arg)
        same = [
            key
            for key, other in self.args.items()
            if other == unit and key != arg and self.kind_of(key) is kind
        ]
        kinds = {type(arg), *(type(key) for key in same)}
        return same[0] if len(same) == 1 and kinds == {int, str} else None

    def unit_for(self, arg: ArgKey) -> tuple[bool, str | None]:
        """Whether ``arg`` is catalogued for this API, and its unit."""
        if arg in self.args:
            return True, self.args[arg]
        if self.any_position and isinstance(arg, int):
            return True, None
        return False, None


@dataclass(frozen=True)
class Fallback:
    """A lookup with a default (``opts.get("delay", 3)``, ``getattr(cfg, "max_retries", 3)``):
    the argument holding the looked-up name, and the one holding the default returned when
    it is missing.  The default is a tunable when the name is duration- or limit-named."""

    name: int  # position of the name (a string literal)
    default: tuple[ArgKey, ...]  # position and/or keyword of the default


@dataclass(frozen=True)
class Catalog:
    """Lookup tables for the detector: exact APIs, ``*.method`` patterns, and name words."""

    apis: Mapping[str, ApiSpec]
    methods: Mapping[str, ApiSpec]
    words: NameWords
    fingerprint: str = field(default="", compare=False)
    # re-exports: a module (or API) path -> the path the catalog knows it by
    # (``tenacity.wait`` -> ``tenacity``: ``tenacity.wait.wait_fixed`` is ``tenacity.wait_fixed``)
    aliases: Mapping[str, str] = field(default_factory=dict)
    # lookups with a default, by qualified name or `*.method` (see :class:`Fallback`)
    fallbacks: Mapping[str, Fallback] = field(default_factory=dict)

    def fallback(self, qualname: str | None, method: str | None) -> Fallback | None:
        """The lookup ``qualname`` (else ``*.method``) is, if the catalog lists it."""
        found = self.fallbacks.get(qualname) if qualname is not None else None
        if found is None and method is not None:
            found = self.fallbacks.get("*." + method)
        return found

    def fallback_names(self) -> frozenset[str]:
        """The last name of every lookup with a default: what the pre-filters look for
        (with a duration- or limit-named string among the call's arguments)."""
        return frozenset(api.rsplit(".", 1)[-1] for api in self.fallbacks)

    def canonical(self, qualname: str) -> str:
        """``qualname`` under the name the catalog lists it by, through the longest re-export
        prefix that leads to a catalogued API; ``qualname`` itself otherwise."""
        if qualname in self.apis or not self.aliases:
            return qualname
        parts = qualname.split(".")
        for cut in range(len(parts), 0, -1):
            target = self.aliases.get(".".join(parts[:cut]))
            if target is not None:
                renamed = ".".join([target, *parts[cut:]])
                return renamed if renamed in self.apis else qualname
        return qualname

    def lookup(self, qualname: str | None, method: str | None) -> ApiSpec | None:
        """The spec for a callee: by its resolved qualified name first, then by method name.

        ``method`` is the callee's last attribute when it has a receiver (``loop.call_later``)
        or resolves to a dotted name; a bare, unresolved name (a local ``def max``) gets none.
        """
        if qualname is not None:
            qualname = self.canonical(qualname)
            if qualname in self.apis:
                return self.apis[qualname]
        if method is not None:
            return self.methods.get(method)
        return None

    def callee_names(self) -> frozenset[str]:
        """The last name of every catalogued callee: what the cheap pre-filter looks for."""
        return _callee_names((*self.apis, *self.aliases), tuple(self.methods))


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
    known = {"arg", "args", "unit", "min-args", "example", "unit-from-attribute", "type", "types"}
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"{where}: unknown key `{sorted(unknown)[0]}`")
    if not isinstance(raw.get("example", ""), str):
        raise ConfigError(f"{where}.example: must be a string of code that uses the API")
    from_attribute = raw.get("unit-from-attribute", False)
    if not isinstance(from_attribute, bool) or (from_attribute and kind is not Kind.DURATION):
        raise ConfigError(f"{where}.unit-from-attribute: must be true or false (durations only)")
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
    return ApiSpec(kind=kind, args=args, any_position=any_position, min_args=min_args,
                   unit_from_attribute=from_attribute,
                   types=_types(where, raw, args))  # fmt: skip


def _types(where: str, raw: Mapping[str, Any], args: Mapping[ArgKey, Any]) -> dict[ArgKey, str]:
    """``type = "u64"`` (every catalogued argument) and ``types = { "1" = "u32" }`` (by
    argument), the latter winning."""
    one = raw.get("type")
    if one is not None and not isinstance(one, str):
        raise ConfigError(f'{where}.type: must be a type name such as "u64"')
    found: dict[ArgKey, str] = {key: one for key in (args or ["*"])} if one else {}
    table = raw.get("types", {})
    if not isinstance(table, dict):
        raise ConfigError(f'{where}.types: must be a table such as {{ "0" = "u64" }}')
    for key, name in table.items():
        if not isinstance(name, str):
            raise ConfigError(f'{where}.types.{key}: must be a type name such as "u64"')
        found[_arg_keys(f"{where}.types", key)[0]] = name
    return found


def parse_fallback(where: str, raw: Any) -> Fallback:
    """One ``[fallback-apis]`` entry: ``{ name = 0, default = [1, "default"] }``."""
    if not isinstance(raw, dict) or set(raw) - {"name", "default", "example"}:
        raise ConfigError(f"{where}: must be a table such as {{ name = 0, default = 1 }}")
    name = raw.get("name")
    if isinstance(name, bool) or not isinstance(name, int) or name < 0:
        raise ConfigError(f"{where}.name: must be the position of the looked-up name")
    return Fallback(name, tuple(_arg_keys(f"{where}.default", raw.get("default", []))))


def parse_aliases(where: str, raw: Any) -> dict[str, str]:
    """The ``[aliases]`` table: re-exported path -> catalogued path, both dotted names."""
    if not isinstance(raw, dict):
        raise ConfigError(f'{where}: must be a table such as {{ "tenacity.wait" = "tenacity" }}')
    aliases: dict[str, str] = {}
    for name, target in raw.items():
        for path in (name, target):
            if not isinstance(path, str) or not all(p.isidentifier() for p in path.split(".")):
                raise ConfigError(f"{where}.{name!r}: {path!r} is not a dotted name")
        if name == target:
            raise ConfigError(f"{where}.{name!r}: an alias of itself")
        aliases[name] = target
    return aliases


API_TABLES: Mapping[str, Kind] = {
    "duration-apis": Kind.DURATION,
    "clamp-apis": Kind.CLAMP,
    "limit-apis": Kind.LIMIT,
}


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
        specs = {
            api: parse_api(f"catalog.toml: {table}.{api!r}", kind, raw)
            for api, raw in data.get(table, {}).items()
        }
        for api, raw in user.get(table, {}).items():
            specs[api] = parse_api(f"{where}.{table}.{api!r}", kind, raw)
        for api, spec in specs.items():  # an API in two tables has arguments of both kinds
            apis[api] = apis[api].merged(spec) if api in apis else spec
    words = build_words(words_data["names"])
    words = replace(
        words,
        extra_duration_names=frozenset(n.lower() for n in user.get("duration-keywords", [])),
        extra_limit_names=frozenset(n.lower() for n in user.get("limit-keywords", [])),
    )
    exact = {api: spec for api, spec in apis.items() if not api.startswith("*.")}
    methods = {api[2:]: spec for api, spec in apis.items() if api.startswith("*.")}
    raw = text + words_text + json.dumps(user, sort_keys=True)
    digest = hashlib.sha256(raw.encode()).hexdigest()
    aliases = parse_aliases("catalog.toml: aliases", data.get("aliases", {}))
    aliases.update(parse_aliases(f"{where}.aliases", user.get("aliases", {})))
    fallbacks = {api: parse_fallback(f"catalog.toml: fallback-apis.{api!r}", raw)
                 for api, raw in data.get("fallback-apis", {}).items()}  # fmt: skip
    return Catalog(apis=exact, methods=methods, words=words, fingerprint=digest[:16],
                   aliases=aliases, fallbacks=fallbacks)  # fmt: skip
