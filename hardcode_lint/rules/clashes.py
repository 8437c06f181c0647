"""A key is one value: two rules, or one rule's sites, that give one key different literals.

Fixing both sites to read the key would silently change what one of them does (a 30 s timeout
read from a key whose default is the other site's 15 s), so ``rules validate`` (on the rules'
``value``s), ``check`` and ``fix`` (on the literals the rules match) refuse it, naming the key
and both sites.  Two literals agree when their numbers are equal (``5`` and ``5.0``) and, for
durations, their units too: 5 s and 5000 ms are two values for one key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hardcode_lint.model import Number, Rule
from hardcode_lint.rules.match import Matching


@dataclass(frozen=True, slots=True)
class Given:
    """One place that gives a key a value: a literal at a site, or a rule's ``value``."""

    path: str
    line: int
    number: Number
    unit: str | None  # a duration's unit; None for clamps, limits and rules' values
    text: str  # as written ("5", "5000")

    def agrees(self, other: Given) -> bool:
        if self.number != other.number:
            return False
        return self.unit is None or other.unit is None or self.unit == other.unit

    def __str__(self) -> str:
        spelled = self.text[-1:].isalpha()  # `1m30s` says its unit
        unit = f" {self.unit}" if self.unit and not spelled else ""
        return f"`{self.text}`{unit} at {self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Clash:
    """One key given two different values."""

    key: str
    first: Given
    second: Given

    def __str__(self) -> str:
        return f"key `{self.key}` is given two values: {self.first} and {self.second}"


def clashes_of(given: Iterable[tuple[str, Given]]) -> list[Clash]:
    """For each key, every value that disagrees with the key's first, once per value (also
    what ``merge --check`` judges a repository's merged shards with)."""
    first: dict[str, Given] = {}
    reported: dict[str, list[Given]] = {}
    found = []
    for key, item in given:
        head = first.setdefault(key, item)
        seen = reported.setdefault(key, [head])
        if not any(item.agrees(other) for other in seen):
            seen.append(item)
            found.append(Clash(key, head, item))
    return found


def _value_text(number: Number) -> str:
    return repr(number)


def _given(rule: Rule) -> Given | None:
    """What a rule's own ``value`` gives its key: a number, or a spelled duration's seconds."""
    if rule.value is not None:
        return Given(rule.file, rule.line, rule.value, None, _value_text(rule.value))
    if rule.seconds is not None:
        return Given(rule.file, rule.line, rule.seconds, "s", rule.spelled or "")
    return None


def value_clashes(rules: Iterable[Rule]) -> list[Clash]:
    """Rules that give one key different ``value``s (what ``rules validate`` can see)."""
    given = [(rule.key, item) for rule in rules if (item := _given(rule)) is not None]
    return clashes_of(given)


def key_clashes(matching: Matching) -> list[Clash]:
    """Keys whose rules' sites hold different literals: the pending literals the rules match,
    and for a rule with none left (migrated) its ``value``.  ``check`` and ``fix`` call it
    with ``analysis.matching``."""
    given: list[tuple[str, Given]] = []
    for outcome in matching.outcomes:
        rule = outcome.rule
        sites = sorted(outcome.findings, key=lambda f: (f.path, f.line, f.column))
        for f in sites:
            given.append((rule.key, Given(f.path, f.line, f.number, f.unit, f.value)))
        if not sites and (item := _given(rule)) is not None:
            given.append((rule.key, item))
    return clashes_of(given)
