"""The progress report as data: totals, production vs tests, and one entry per module.

Counting follows the contract: a *site* is one rule occurrence (a literal still matching it, or
a replacement standing where one stood), one unmapped finding or one kept finding, and
``progress = 100 * migrated / (sites - kept)``: a literal the team keeps (a keep rule, a
suppression comment, per-file-ignores, the baseline, a module out of scope) is a site, but not
one to migrate.  Stale and ambiguous rules are counted as rules, not sites: they have to be
fixed, not migrated.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from hardcode_lint.api import Analysis
from hardcode_lint.edit import TextEdit, splice
from hardcode_lint.lang import frontend
from hardcode_lint.model import (
    BaselineEntry,
    Finding,
    Replacement,
    Rule,
    RuleModule,
    Status,
    baseline_entries,
)
from hardcode_lint.rules.match import RuleOutcome, kept_finding, site_key

UNASSIGNED = "Unassigned"
BASELINED = "accepted in the baseline"  # why a baselined finding is kept


def percent(part: int, whole: int) -> float:
    """``100 * part / whole`` to one decimal; 100.0 when there is nothing to migrate."""
    return round(100 * part / whole, 1) if whole else 100.0


@dataclass
class Tally:
    sites: int = 0
    migrated: int = 0
    pending: int = 0
    unmapped: int = 0
    kept: int = 0  # sites that stay literals: counted in ``sites``, not in what is to migrate

    @property
    def progress(self) -> float:
        """Migrated of the sites to migrate: a tree whose only literals are kept reads 100."""
        return percent(self.migrated, self.sites - self.kept)

    def add(self, status: Status) -> None:
        self.sites += 1
        if status is Status.MIGRATED:
            self.migrated += 1
        elif status is Status.UNMAPPED:
            self.unmapped += 1
        elif status is Status.KEPT:
            self.kept += 1
        else:
            self.pending += 1


@dataclass(frozen=True)
class SiteRow:
    """One line of a module's table: old code, new code, config key, status."""

    rule: str | None
    path: str
    line: int
    old: str
    new: str
    key: str | None
    status: Status
    test: bool
    reason: str | None = None  # why a pending site is left for hand work (see reasons.py)
    value: str = ""  # the literal as written (``30``, ``10 * 1_024``): tells a line's sites apart
    unit: str | None = None
    finding: Finding | None = field(default=None, compare=False)  # a literal still standing
    proposed: str = ""  # an unmapped site's key as `rules suggest` would write it


@dataclass
class ModuleReport:
    module: RuleModule
    outcomes: list[RuleOutcome] = field(default_factory=list)
    unmapped: list[Finding] = field(default_factory=list)
    proposed: dict[tuple[str, int, int], str] = field(default_factory=dict)  # unmapped site's key
    tally: Tally = field(default_factory=Tally)
    files: set[str] = field(default_factory=set)
    reasons: dict[str, str] = field(default_factory=dict)  # rule id -> why it is not migrated
    kept: list[Finding] = field(default_factory=list)  # status KEPT, each with its reason

    @property
    def out_of_scope(self) -> bool:
        """The team does not migrate this module (``[module] scope = "out"``)."""
        return self.module.scope == "out"

    @property
    def problems(self) -> list[RuleOutcome]:
        return [o for o in self.outcomes if o.status in (Status.STALE, Status.AMBIGUOUS)]


@dataclass
class Report:
    generated: datetime
    totals: Tally
    production: Tally
    tests: Tally
    modules: list[ModuleReport]
    stale: int
    ambiguous: int
    errors: int
    history: list[Any] = field(default_factory=list)  # history.Point, oldest first


def _spliced(site: Finding | Replacement, text: str) -> str:
    """The site's snippet with ``text`` at the literal's (or replacement's) range: the same
    splice ``fix`` makes in the file, made in the snippet."""
    if site.snippet_start < 0:
        return text
    return splice(site.snippet, [TextEdit(site.snippet_start, site.snippet_end, text)])


def pending_row(rule: Rule, finding: Finding, reason: str | None = None) -> SiteRow:
    written = frontend(finding.language).replacement_text(rule.replace)
    new = _spliced(finding, re.sub(r"\s*\n\s*", " ", written))
    return SiteRow(rule.id, finding.path, finding.line, finding.snippet, new, rule.key,
                   Status.PENDING, finding.test, reason, finding.value, finding.unit,
                   finding)  # fmt: skip


def migrated_row(rule: Rule, site: Replacement) -> SiteRow:
    """A migrated site; its old code is the rule's ``old`` (the code before the migration),
    else rebuilt from the new code, which is only right when the site held nothing else."""
    value = rule.spelled or ("" if rule.value is None else str(rule.value))
    old = rule.old or (_spliced(site, value) if value else "?")
    return SiteRow(rule.id, site.path, site.line, old, site.snippet, rule.key,
                   Status.MIGRATED, site.test, None, value, rule.unit)  # fmt: skip


def unmapped_row(finding: Finding, proposed: str = "") -> SiteRow:
    return SiteRow(None, finding.path, finding.line, finding.snippet, "", None,
                   Status.UNMAPPED, finding.test, None, finding.value, finding.unit,
                   finding, proposed)  # fmt: skip


def kept_row(finding: Finding) -> SiteRow:
    """A literal that stays: its code as it stands, and why it stays."""
    return SiteRow(finding.rule, finding.path, finding.line, finding.snippet, "", None,
                   Status.KEPT, finding.test, finding.reason)  # fmt: skip


def kept_rows(entry: ModuleReport) -> list[SiteRow]:
    """A module's kept sites, in file and line order (not among :func:`rows`: they are not
    part of the work to do)."""
    return sorted((kept_row(f) for f in entry.kept), key=lambda row: (row.path, row.line))


def outcome_rows(outcome: RuleOutcome, reason: str | None = None) -> list[SiteRow]:
    """A rule's sites: its pending literals (with why they are left, if known) and its
    migrated replacements."""
    found = [pending_row(outcome.rule, f, reason) for f in outcome.findings]
    found += [migrated_row(outcome.rule, r) for r in outcome.replacements]
    return sorted(found, key=lambda row: (row.path, row.line))


def rows(entry: ModuleReport) -> list[SiteRow]:
    """Every site of a module, in file and line order."""
    found = [
        row
        for outcome in entry.outcomes
        for row in outcome_rows(outcome, entry.reasons.get(outcome.rule.id))
    ]
    found += [unmapped_row(f, entry.proposed.get((f.path, f.start, f.end), ""))
              for f in entry.unmapped]  # fmt: skip
    return sorted(found, key=lambda row: (row.path, row.line))


def _propose_keys(entries: Iterable[ModuleReport], analysis: Analysis) -> None:
    """The key ``rules suggest`` would write for each unmapped site, made for all of them at
    once as suggest makes them (a key is told apart from its neighbours' keys)."""
    from hardcode_lint.rules.suggest import keys_of
    from hardcode_lint.rules.suggest.sites import site_steps

    entries = list(entries)
    unmapped = [f for entry in entries for f in entry.unmapped]
    if not unmapped:
        return
    taken = {rule.key for rule in analysis.rules.rules}
    keys = keys_of(unmapped, taken, site_steps(analysis.config.root, unmapped))
    for entry in entries:
        entry.proposed = keys


def _natural(text: str) -> list[object]:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


def _claims(modules: list[ModuleReport]) -> list[tuple[ModuleReport, Any]]:
    """Each module with its compiled ``paths``, compiled once per report."""
    from hardcode_lint.discover.globs import compile_globs

    return [(entry, compile_globs(entry.module.paths)) for entry in modules if entry.module.paths]


def _module_for(finding: Finding, claims: list[tuple[ModuleReport, Any]]) -> ModuleReport | None:
    return next((entry for entry, globs in claims if globs.match_file(finding.path)), None)


def _count(entry: ModuleReport, totals: Tally, tests: Tally, production: Tally) -> None:
    """Add a module's sites to its own tally, the totals, and the production or test tally."""
    for row in rows(entry) + kept_rows(entry):
        for tally in (entry.tally, totals, tests if row.test else production):
            tally.add(row.status)
        entry.files.add(row.path)


def report_time() -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible reports, golden tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def _baselined(
    unmapped: list[Finding], baseline: Collection[BaselineEntry]
) -> tuple[list[Finding], list[Finding]]:
    """The unmapped findings still to map, and those the baseline accepts (as kept), keyed
    exactly as ``check`` keys them."""
    if not baseline:
        return unmapped, []
    accepted = set(baseline)
    todo, kept = [], []
    for entry, finding in baseline_entries(unmapped):
        if entry in accepted:
            kept.append(kept_finding(finding, BASELINED))
        else:
            todo.append(finding)
    return todo, kept


def _place_findings(
    entries: dict[str, ModuleReport], analysis: Analysis, baseline: Collection[BaselineEntry]
) -> None:
    """Unmapped and kept findings into the module that claims them: the one whose rule file
    kept them, else the one whose ``paths`` cover them, else ``Unassigned``."""
    claims = _claims(list(entries.values()))

    def place(finding: Finding) -> ModuleReport:
        entry = _module_for(finding, claims)
        if entry is None:
            entry = entries.setdefault(UNASSIGNED, ModuleReport(RuleModule(UNASSIGNED, "", "")))
        return entry

    unmapped, accepted = _baselined(analysis.matching.unmapped, baseline)
    for finding in unmapped:
        place(finding).unmapped.append(finding)
    for finding in analysis.matching.kept + accepted:
        name = analysis.matching.kept_in.get(site_key(finding), "")
        (entries[name] if name in entries else place(finding)).kept.append(finding)


def build_report(
    analysis: Analysis,
    now: datetime | None = None,
    reasons: dict[str, str] | None = None,
    baseline: Collection[BaselineEntry] = (),
    propose: bool = False,
) -> Report:
    """The report of ``analysis``; modules sorted by priority (naturally), then name.
    ``reasons``: rule id -> why it is not migrated (``reasons.rule_reasons``); ``baseline``:
    the entries ``check`` accepts, whose unmapped findings count as kept; ``propose``: give
    each unmapped site the key ``rules suggest`` would write (it reads the files around them,
    so only the formats that show it ask)."""
    entries = {m.name: ModuleReport(m) for m in analysis.rules.modules}
    for outcome in analysis.matching.outcomes:
        owner = entries[outcome.rule.module]
        owner.outcomes.append(outcome)
        if reasons and outcome.rule.id in reasons:
            owner.reasons[outcome.rule.id] = reasons[outcome.rule.id]
    _place_findings(entries, analysis, baseline)
    if propose:
        _propose_keys(entries.values(), analysis)
    totals, production, tests = Tally(), Tally(), Tally()
    for entry in entries.values():
        _count(entry, totals, tests, production)
    statuses = [o.status for o in analysis.matching.outcomes]
    modules = sorted(
        entries.values(),
        key=lambda e: (e.module.name == UNASSIGNED, _natural(e.module.priority or "~"),
                       e.module.name.lower()),
    )  # fmt: skip
    return Report(
        generated=(now or report_time()).replace(microsecond=0),
        totals=totals,
        production=production,
        tests=tests,
        modules=modules,
        stale=statuses.count(Status.STALE),
        ambiguous=statuses.count(Status.AMBIGUOUS),
        errors=len(analysis.scan.errors),
    )
