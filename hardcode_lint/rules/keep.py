"""Sites a team keeps as literals, gathered once for every command.

A finding is *kept* when a ``keep = true`` rule or a ``[[keep]]`` entry matches it, when a
comment or ``per-file-ignores`` silences it (the engine marks those), or when it lies under the
``paths`` of a module the team does not migrate (``[module] scope = "out"``).  Kept findings
are not listed by ``scan``, never fail ``check`` and are never rewritten by ``fix``; the report
still counts them as sites, with status ``kept``, and leaves them out of what progress is
measured against, so a production tree that is done reads 100 %.  (Baselined findings are kept
too, but only the report knows the baseline: see ``report/progress.py``.)
"""

from __future__ import annotations

from collections.abc import Iterable

from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.model import Finding, Replacement, RuleModule
from hardcode_lint.rules.load import OUT_OF_SCOPE, RuleSet
from hardcode_lint.rules.match import Matching, kept_finding, match_rules, site_key


def match_project(
    rules: RuleSet,
    findings: Iterable[Finding],
    replacements: Iterable[Replacement],
    suppressed: Iterable[Finding] = (),
    *,
    include_zero: bool = False,
) -> Matching:
    """:func:`match_rules` with every kind of kept site: the rule files' keeps first, then the
    ``suppressed`` findings (a zero only when zeros are findings), then the unmapped findings
    that an out-of-scope module claims."""
    matching = match_rules(rules.rules, findings, replacements, include_zero=include_zero,
                           keeps=rules.keeps)  # fmt: skip
    matching.kept += [f for f in suppressed if include_zero or f.number != 0]
    _keep_out_of_scope(matching, rules.modules)
    return matching


def _keep_out_of_scope(matching: Matching, modules: list[RuleModule]) -> None:
    """A module out of scope keeps its rules' literals (the rules stay: a key already migrated
    is still read from the settings) and the unmapped findings its ``paths`` claim."""
    out = {m.name for m in modules if m.scope == "out"}
    if not out:
        return
    moved: set[tuple[str, int, int]] = set()
    for outcome in matching.outcomes:
        if outcome.rule.module in out and outcome.findings:
            outcome.kept = [
                kept_finding(f, OUT_OF_SCOPE, outcome.rule.id) for f in outcome.findings
            ]
            outcome.findings = []
            matching.kept += outcome.kept
            matching.kept_in.update((site_key(f), outcome.rule.module) for f in outcome.kept)
            moved.update(site_key(f) for f in outcome.kept)
    compiled = [(m, compile_globs(m.paths)) for m in modules if m.paths]
    for finding in matching.unmapped:
        owner = next((m for m, globs in compiled if globs.match_file(finding.path)), None)
        if owner is not None and owner.scope == "out":
            matching.kept.append(kept_finding(finding, OUT_OF_SCOPE))
            matching.kept_in[site_key(finding)] = owner.name
            moved.add(site_key(finding))
    if moved:
        matching.unmapped = [f for f in matching.unmapped if site_key(f) not in moved]
        matching.findings = [f for f in matching.findings if site_key(f) not in moved]
