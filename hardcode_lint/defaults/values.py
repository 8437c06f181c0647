"""The default value of every rule key, taken from the literals the rules match.

A key is one value: two rules, or one rule's sites, that give one key different literals would
make ``fix`` silently change what one of them does (a 30 s timeout reading a key that holds
15), so such a key is a clash, reported with both sites and never written.  Two literals agree
when their numbers are equal (``5`` and ``5.0``) and, for durations, so are their units.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardcode_lint.api import Analysis
from hardcode_lint.detect.catalog import UNIT_NAMES, unit_name_words
from hardcode_lint.detect.names import split_words
from hardcode_lint.model import Number, Rule
from hardcode_lint.rules.match import RuleOutcome


@dataclass(frozen=True)
class ValueSite:
    """Where a key's value comes from: a literal (``path:line``) or a migrated rule's ``value``
    (the rule file's ``file:line``), with its unit and the type the site gives it."""

    where: str
    number: Number
    unit: str | None
    value_type: str | None = None
    path: str | None = None  # the source file, for a literal

    def agrees(self, other: ValueSite) -> bool:
        units = self.unit is None or other.unit is None or self.unit == other.unit
        return self.number == other.number and units

    def __str__(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.number}{unit} at {self.where}"


@dataclass(frozen=True)
class Default:
    key: str
    value: Number | None  # None: not known (a migrated rule without `value`)
    unit: str | None
    rule: Rule  # the key's first rule in sorted order: it gives the key its type
    conflict: tuple[Number, ...] = ()  # the different values the sites hold, when they disagree
    value_type: str | None = None  # the type the first site giving one says
    sites: tuple[ValueSite, ...] = ()  # every site, in rule order
    clash: tuple[ValueSite, ValueSite] | None = None  # two sites that disagree

    @property
    def unit_comment(self) -> str | None:
        """The unit as a comment, unless the key's own name already says it."""
        if self.unit is None or set(split_words(self.key.rsplit(".", 1)[-1])) & unit_name_words():
            return None
        return UNIT_NAMES[self.unit]

    @property
    def clash_message(self) -> str | None:
        """``key K is given two values: 5 s at a.py:3 and 6 s at b.py:9``, when it is."""
        if self.clash is None:
            return None
        first, second = self.clash
        return f"key {self.key} is given two values: {first} and {second}"


def _sites(outcome: RuleOutcome) -> list[ValueSite]:
    rule = outcome.rule
    found = [
        ValueSite(f"{f.path}:{f.line}", f.number, f.unit, f.value_type, f.path)
        for f in sorted(outcome.findings, key=lambda f: (f.path, f.line, f.column))
    ]
    if not found and rule.spelled is not None:  # a migrated `value = "90s"`: 90, in s
        found.append(_spelled_site(rule))
    elif not found and rule.value is not None:
        # migrated: the literal is gone, but the file that reads the key still says which
        # settings module (which crate's, in a workspace) must hold it
        read = next((r.path for r in outcome.replacements), None)
        plain = rule.path if rule.path and not any(c in rule.path for c in "*?[") else None
        found.append(ValueSite(f"{rule.file}:{rule.line}", rule.value, rule.unit, None,
                               read or plain))  # fmt: skip
    return found


def _spelled_site(rule: Rule) -> ValueSite:
    """A migrated rule's ``value = "500ms"`` as the number in the unit it ends with (500 ms),
    as the code wrote it and the settings module holds it."""
    from hardcode_lint.detect.catalog import UNIT_SECONDS
    from hardcode_lint.lang import frontend

    seconds, unit = frontend(rule.language or "").duration_value(rule.spelled or "") or (0, "s")
    number = seconds / UNIT_SECONDS[unit]
    value: Number = round(number) if abs(number - round(number)) < 1e-9 else number
    return ValueSite(f"{rule.file}:{rule.line}", value, unit, None, rule.path)


def _clash(sites: list[ValueSite]) -> tuple[ValueSite, ValueSite] | None:
    for index, site in enumerate(sites):
        for earlier in sites[:index]:
            if not earlier.agrees(site):
                return earlier, site
    return None


def rule_defaults(analysis: Analysis) -> list[Default]:
    """One default per key, in the order of each key's first rule (by rule file and line): the
    value of the literals the key's rules match (pending sites), else the rules' own ``value``
    (migrated sites, whose literal is gone)."""
    outcomes = sorted(analysis.matching.outcomes, key=lambda o: (o.rule.file, o.rule.line))
    sites: dict[str, list[ValueSite]] = {}
    first: dict[str, Rule] = {}
    for outcome in outcomes:
        first.setdefault(outcome.rule.key, outcome.rule)
        sites.setdefault(outcome.rule.key, []).extend(_sites(outcome))
    defaults = []
    for key, rule in first.items():
        found = sites[key]
        numbers = sorted({site.number for site in found})
        clash = _clash(found)
        defaults.append(Default(
            key, found[0].number if found else None,
            next((s.unit for s in found if s.unit), None), rule,
            tuple(numbers) if clash else (), next((s.value_type for s in found if s.value_type),
                                                  None), tuple(found), clash))  # fmt: skip
    return defaults


def clash_lines(defaults: list[Default]) -> list[str]:
    """One error line per key given two values."""
    return [f"error: {d.clash_message}" for d in defaults if d.clash_message]
