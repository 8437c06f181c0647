"""The default value of every rule key, taken from the literals the rules match."""

from __future__ import annotations

from dataclasses import dataclass

from hardcode_lint.api import Analysis
from hardcode_lint.detect.catalog import UNIT_NAMES, unit_name_words
from hardcode_lint.detect.names import split_words
from hardcode_lint.model import Number, Rule


@dataclass(frozen=True)
class Default:
    key: str
    value: Number | None  # None: not known (a migrated rule without `value`)
    unit: str | None
    rule: Rule
    conflict: tuple[Number, ...] = ()  # the different values the sites hold, when they disagree

    @property
    def unit_comment(self) -> str | None:
        """The unit as a comment, unless the key's own name already says it."""
        if self.unit is None or set(split_words(self.key.rsplit(".", 1)[-1])) & unit_name_words():
            return None
        return UNIT_NAMES[self.unit]


def rule_defaults(analysis: Analysis) -> list[Default]:
    """One default per key, in rule order: the value of the literals the key's rules match
    (pending sites), else the rules' own ``value`` (migrated sites, whose literal is gone)."""
    values: dict[str, set[Number]] = {}
    first: dict[str, tuple[Rule, str | None]] = {}
    for outcome in analysis.matching.outcomes:
        rule = outcome.rule
        numbers = {f.number for f in outcome.findings}
        if not numbers and rule.value is not None:
            numbers = {rule.value}
        unit = next((f.unit for f in outcome.findings if f.unit), None)
        values.setdefault(rule.key, set()).update(numbers)
        if rule.key not in first or (unit and first[rule.key][1] is None):
            first[rule.key] = (rule, unit)
    defaults = []
    for key, (rule, unit) in first.items():
        seen = sorted(values[key])
        conflict = tuple(seen) if len(seen) > 1 else ()
        defaults.append(Default(key, seen[0] if seen else None, unit, rule, conflict))
    return defaults
