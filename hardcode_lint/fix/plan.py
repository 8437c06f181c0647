"""Which literals ``fix`` will replace: the pending sites of the selected rules, by file."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from hardcode_lint.api import Analysis, stale_reason
from hardcode_lint.errors import UsageError
from hardcode_lint.model import Finding, Rule, Status


@dataclass(frozen=True)
class Edit:
    """One pending site of a selected rule: the finding (its byte range) and the rule."""

    finding: Finding
    rule: Rule


@dataclass
class FixPlan:
    edits: dict[str, list[Edit]] = field(default_factory=dict)  # by root-relative path
    blocked: list[tuple[Rule, str]] = field(default_factory=list)  # selected, cannot be applied
    done: list[Rule] = field(default_factory=list)  # selected, already migrated


def plan_fixes(
    analysis: Analysis, rule_ids: Collection[str] = (), modules: Collection[str] = ()
) -> FixPlan:
    """The edits for the selected rules (all rules when nothing is selected).

    An unknown ``--rule`` or ``--module`` is a usage error.  Stale and ambiguous rules are
    reported, not guessed at: which literal an ambiguous rule means is for a human to say.
    """
    known_ids = {o.rule.id for o in analysis.matching.outcomes}
    known_modules = {m.name for m in analysis.rules.modules}
    for wanted, known, what in ((rule_ids, known_ids, "rule"), (modules, known_modules, "module")):
        unknown = sorted(set(wanted) - known)
        if unknown:
            raise UsageError(f"unknown {what} {unknown[0]!r} (see `hardcode-lint rules list`)")
    plan = FixPlan()
    for outcome in analysis.matching.outcomes:
        rule = outcome.rule
        if (rule_ids and rule.id not in rule_ids) or (modules and rule.module not in modules):
            continue
        status = outcome.status
        if status is Status.KEPT:  # its module is out of scope: its literals stay
            continue
        if status is Status.MIGRATED:
            plan.done.append(rule)
        elif status is Status.STALE:
            why = stale_reason(analysis, rule)
            plan.blocked.append((rule, "stale: neither its literal nor its replacement is found"
                                 + (f" ({why})" if why else "")))  # fmt: skip
        elif status is Status.AMBIGUOUS:
            count = outcome.sites
            plan.blocked.append((rule, f"ambiguous: matches {count} sites, count allows "
                                       f"{rule.count}; narrow the rule first"))  # fmt: skip
        else:
            missing = _missing_settings(analysis, rule, outcome.findings)
            if missing:
                plan.blocked.append((rule, missing))
                continue
            for finding in outcome.findings:
                plan.edits.setdefault(finding.path, []).append(Edit(finding, rule))
    return plan


def _missing_settings(analysis: Analysis, rule: Rule, findings: Collection[Finding]) -> str:
    """Why a rule that reads the generated settings cannot be applied yet: the module it reads
    does not exist (the code would not build or import); "" when nothing is missing."""
    from hardcode_lint.defaults.targets import settings_targets
    from hardcode_lint.hints import settings_command

    targets = settings_targets(analysis.config, [f.path for f in findings])
    for target in dict.fromkeys(targets.values()):
        reads_it = target.template.replace("{key}", rule.key) == rule.replace and set(
            target.imports
        ) <= set(rule.imports)
        if reads_it and not (analysis.config.root / target.module).exists():
            command = settings_command(analysis.config, target.language, target.module)
            return (f"the settings module {target.module} does not exist yet: write it first "
                    f"(`{command}`)")  # fmt: skip
    return ""
