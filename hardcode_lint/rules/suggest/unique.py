"""Sites into rules, rules into unique keys and ids, in time linear in the number of sites.

Identical sites are one rule with ``count``; sites holding one value under one name in one
file are one key (one rule without ``scope`` when nothing else in the file would match it).
Where one proposed key would hold different values, each is told apart by what distinguishes
it (the name as written, the enclosing function, the api, the value), never by a number;
a number is left only for sites that nothing tells apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from hardcode_lint.lang.base import Step
from hardcode_lint.model import Finding, Kind
from hardcode_lint.rules.suggest.keys import (
    base_name,
    join,
    scope_words,
    section,
    snake,
    suggest_data,
    with_unit,
)


@dataclass(frozen=True)
class Defaults:
    """A ``replace`` template and the imports it needs: given by ``--replace``/``--import``,
    else the settings target of the site's file (``settings.{key}`` with
    ``from pkg.settings import settings``; ``crate::settings::get().{key}`` in Rust)."""

    replace: str | None = None
    imports: tuple[str, ...] = ()


NO_DEFAULTS = Defaults()
#: The template and imports a site's rule reads its key with.
DefaultsFor = Callable[[Finding], Defaults]
#: The constructs around each site, by (path, start, end) (see ``Frontend.site_steps``).
StepsOf = Mapping[tuple[str, int, int], Sequence[Step]]


@dataclass(frozen=True)
class Stub:
    """One suggested rule: the first of its sites, how many sites it covers, and the template
    its replacement follows."""

    finding: Finding
    id: str
    key: str
    count: int = 1
    defaults: Defaults = Defaults()
    by_unit: bool = False  # another site differs only by its unit: this one writes `unit`
    scoped: bool = True  # writes the sites' `scope` (False: one rule for every scope of the file)


def _fields(finding: Finding) -> tuple[object, ...]:
    """What a rule without ``scope`` matches a site by."""
    return (finding.path, finding.api, finding.arg, finding.number, finding.kind, finding.unit)


@dataclass
class _Group:
    sites: list[Finding]
    base: str  # the proposed key's last part
    name: str  # the site's name as written, snake-cased ("" when none)
    call: str  # the callee saying what the value is for, when it is not a constructor
    scoped: bool = True
    levels: list[str] = field(default_factory=list)  # see _levels, made when first needed

    @property
    def first(self) -> Finding:
        return self.sites[0]

    def value(self) -> tuple[object, ...]:
        return (self.first.number, self.first.unit)


@lru_cache(maxsize=8)
def _reserved(language: str) -> frozenset[str]:
    from hardcode_lint.lang import frontend

    return frontend(language).reserved_names()


def _safe_key(key: str, language: str) -> str:
    """Every part of ``key`` a name the language's generated settings can hold: a keyword
    (a folder named ``async``) gets a trailing ``_``, a leading digit a leading ``n``."""
    reserved = _reserved(language)
    parts = [f"n{p}" if p[:1].isdigit() else p for p in key.split(".")]
    return ".".join(f"{p}_" if p in reserved else p for p in parts)


def _groups(findings: Iterable[Finding], steps: StepsOf) -> list[_Group]:
    """Identical sites together; a file's sites of one name and value across scopes together
    when no other site of the file matches the same fields."""
    from hardcode_lint.rules.suggest.keys import is_maker, role_call, site_name

    data = suggest_data()
    identical: dict[tuple[object, ...], _Group] = {}
    for f in findings:
        identity = (*_fields(f), f.scope)
        group = identical.get(identity)
        if group is None:
            here = steps.get((f.path, f.start, f.end), ())
            name, call = site_name(f, here, data), role_call(f, here, data)
            call = "" if is_maker(call, data) or f.kind is Kind.CLAMP else call
            group = identical[identity] = _Group([], base_name(f, here, data),
                                                 snake(name or ""), snake(call))  # fmt: skip
        group.sites.append(f)
    by_fields: dict[tuple[object, ...], list[_Group]] = defaultdict(list)
    for group in identical.values():
        by_fields[_fields(group.first)].append(group)
    merged: list[_Group] = []
    for same in by_fields.values():
        if len(same) > 1 and len({(g.base, g.name) for g in same}) == 1:
            sites = [site for g in same for site in g.sites]
            first = same[0]
            merged.append(_Group(sites, first.base, first.name, first.call, scoped=False))
        else:
            merged.extend(same)
    order = {id(f): i for i, f in enumerate(g.first for g in identical.values())}
    merged.sort(key=lambda g: order.get(id(g.first), 0))
    return merged


def _value_word(group: _Group) -> str:
    """The value as a word (``v0p5``, ``vm1``): it never reads as a numbered twin."""
    number = group.first.number
    text = repr(float(number)) if isinstance(number, float) and not number.is_integer() else (
        str(int(number)))  # fmt: skip
    return "v" + text.lower().replace("-", "m").replace(".", "p").replace("+", "")


def _levels(group: _Group) -> list[str]:
    """Ever more distinguishing last parts for a group whose plain one is taken: the name as
    written (``default_timeout``), the enclosing function, the call, the value."""
    if not group.levels:
        group.levels = _made_levels(group)
    return group.levels


def _made_levels(group: _Group) -> list[str]:
    data = suggest_data()
    f = group.first
    raw = group.name if group.name and f.kind is not Kind.CLAMP else ""
    core = with_unit(raw, f, data) if raw else group.base  # a clamp's base says its bound
    scope = scope_words(f, data) if group.scoped else ""
    scoped = with_unit(join(scope, group.base), f, data)
    called = with_unit(join(scope, group.call, group.base), f, data)
    valued = with_unit(join(scope, group.call, group.base, _value_word(group)), f, data)
    return [group.base, core, scoped, called, valued]


def _assign(groups: list[_Group], taken: set[str]) -> dict[int, str]:
    """A key per group: one value per key; a name and value in one file share one."""
    keys: dict[int, str] = {}
    pending = list(groups)
    for level in range(5):
        proposed = {
            id(g): f"{section(g.first.path)}.{g.base if not level else _levels(g)[level]}"
            for g in pending
        }
        values: dict[str, set[tuple[object, ...]]] = defaultdict(set)
        for g in pending:
            values[proposed[id(g)]].add(g.value())
        later = []
        for g in pending:
            key = _safe_key(proposed[id(g)], g.first.language)
            if len(values[proposed[id(g)]]) == 1 and key not in taken:
                keys[id(g)] = key
            else:
                later.append(g)
        taken.update(keys[id(g)] for g in pending if id(g) in keys)
        pending = later
    numbers: Counter[str] = Counter()
    for g in pending:  # sites nothing tells apart (no name, scope, api nor value differs)
        key = _safe_key(f"{section(g.first.path)}.{_levels(g)[-1]}", g.first.language)
        candidate = key
        while candidate in taken:
            numbers[key] += 1
            candidate = f"{key}_{numbers[key] + 1}"
        keys[id(g)] = candidate
        taken.add(candidate)
    return keys


def _id(key: str, group: _Group, shared: bool, taken: set[str], numbers: Counter[str]) -> str:
    """The rule's id from its key; a key two rules share adds the scope words, then a number."""
    plain = key.replace(".", "-").replace("_", "-")
    if shared and group.scoped:
        words = scope_words(group.first, suggest_data())
        plain = f"{plain}-{words.replace('_', '-')}" if words else plain
    candidate = plain
    while candidate in taken:
        numbers[plain] += 1
        candidate = f"{plain}-{numbers[plain] + 1}"
    taken.add(candidate)
    return candidate


def stubs_for(findings: Iterable[Finding], taken_ids: set[str], taken_keys: set[str],
              defaults_for: DefaultsFor | None = None,
              steps: StepsOf | None = None) -> list[Stub]:  # fmt: skip
    """One stub per group of sites (``count`` = the group's size), in site order."""
    groups = _groups(findings, steps or {})
    units: dict[tuple[object, ...], set[str | None]] = defaultdict(set)
    for g in groups:
        units[_fields(g.first)[:-1]].add(g.first.unit)
    keys = _assign(groups, set(taken_keys))
    uses = Counter(keys.values())
    numbers: Counter[str] = Counter()
    stubs = []
    for g in groups:
        key = keys[id(g)]
        stub_id = _id(key, g, uses[key] > 1, taken_ids, numbers)
        chosen = defaults_for(g.first) if defaults_for else Defaults()
        by_unit = len(units[_fields(g.first)[:-1]]) > 1
        stubs.append(Stub(g.first, stub_id, key, len(g.sites), chosen, by_unit, g.scoped))
    taken_keys.update(keys.values())
    return stubs


def keys_of(findings: Iterable[Finding], taken_keys: set[str],
            steps: StepsOf | None = None) -> dict[tuple[str, int, int], str]:  # fmt: skip
    """The key ``rules suggest`` writes for each site, by (path, start, end): the report's
    "Still to do" shows exactly the key a later ``rules suggest`` run proposes."""
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.column))
    groups = _groups(ordered, steps or {})
    keys = _assign(groups, set(taken_keys))
    return {(site.path, site.start, site.end): keys[id(g)] for g in groups for site in g.sites}
