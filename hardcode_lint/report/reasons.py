"""Why a rule is not migrated, so that the report shows what is left for hand work instead of
a silent "pending".

The report plans the fix itself, writing nothing: a site the front end would refuse (a
constant whose use needs a compile-time value, a name clash, a result that would not parse)
gets the refusal's reason, as ``fix`` prints it; a stale or ambiguous rule gets why ``fix``
cannot touch it; a rule the last ``fix --verify`` rolled back gets CMD's complaint, while the
rule and the code at its sites are unchanged since (``fix.memory``).
"""

from __future__ import annotations

from pathlib import Path

from hardcode_lint.api import Analysis
from hardcode_lint.fix.memory import load_rolled_back, remembered_reason
from hardcode_lint.fix.plan import plan_fixes
from hardcode_lint.fix.run import compute_fixes, refused_edits
from hardcode_lint.model import Status


def rule_reasons(analysis: Analysis, root: Path) -> dict[str, str]:
    """Rule id -> why it is not (fully) migrated, for the rules where something says why."""
    plan = plan_fixes(analysis)
    reasons = {rule.id: reason for rule, reason in plan.blocked}
    refused: dict[str, list[str]] = {}
    for edit, why in refused_edits(compute_fixes(plan, root)):
        where = f"{edit.finding.path}:{edit.finding.line}"
        refused.setdefault(edit.rule.id, []).append(f"refused at {where}: {why}")
    for rule, found in refused.items():
        more = f" (and {len(found) - 1} more site(s))" if len(found) > 1 else ""
        reasons[rule] = found[0] + more
    memory = load_rolled_back(root)
    for outcome in analysis.matching.outcomes:
        if outcome.status is not Status.PENDING or outcome.rule.id in reasons:
            continue
        remembered = remembered_reason(memory, outcome.rule, outcome.findings)
        if remembered:
            reasons[outcome.rule.id] = remembered
    return reasons
