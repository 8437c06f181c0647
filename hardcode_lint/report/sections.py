"""What every human-readable report format shows, decided once: module order and grouping.

The text, markdown and html formats differ in markup only; which modules are done, which are
pending, which rules need fixing, and what each row still to do says (its value, its proposed key)
are decided here so the three always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from hardcode_lint.model import Status
from hardcode_lint.report.i18n import Strings
from hardcode_lint.report.progress import ModuleReport, Report, SiteRow, Tally, rows
from hardcode_lint.rules.match import RuleOutcome

#: The sections of a report document, in the order the markdown and html formats show them; a
#: format with no view of one skips it (markdown draws no trend chart). One list, so that the two
#: documents a team compares side by side cannot drift apart.
SECTIONS = ("headline", "metrics", "problems", "overview", "trend", "done", "todo")


def shown_sections(report: Report) -> tuple[str, ...]:
    """The sections a report shows: only the headline when there is nothing to migrate, since
    tables of "100 % of 0 sites" would claim a migration that never was."""
    return SECTIONS if report.totals.sites else SECTIONS[:1]


@dataclass(frozen=True)
class Problem:
    outcome: RuleOutcome
    module: str

    def describe(self, strings: Strings) -> str:
        key = "problem_stale" if self.outcome.status is Status.STALE else "problem_ambiguous"
        return strings[key]


def is_done(entry: ModuleReport) -> bool:
    """Migrated, but for the literals it keeps."""
    t = entry.tally
    return t.migrated > 0 and t.migrated + t.kept == t.sites


def done_modules(report: Report) -> list[ModuleReport]:
    return [m for m in report.modules if is_done(m)]


def todo_modules(report: Report) -> list[ModuleReport]:
    """Modules with sites left to migrate (one that keeps all its literals has none)."""
    return [m for m in report.modules if not is_done(m) and m.tally.sites > m.tally.kept]


def module_state(entry: ModuleReport, strings: Strings) -> str:
    """``done`` or ``pending``: one word for what is left, the word a site's status uses (the
    first unfinished module is the next one by the order of the table, not by a word of its own)."""
    if is_done(entry):
        return strings["state_done"]
    return strings.status(Status.PENDING)


def headline(report: Report) -> tuple[str, Tally, list[tuple[str, Tally]]]:
    """The headline's big number and the others shown beside it, as (words key, tally).

    Production code first: test code nobody plans to migrate must not hide that the shipped code
    is done. Overall leads only when there is no production code to speak of."""
    if not report.production.sites:
        return "all_code", report.totals, [("production", report.production),
                                              ("tests", report.tests)]  # fmt: skip
    return "production", report.production, [("all_code", report.totals),
                                              ("tests", report.tests)]  # fmt: skip


def problems(report: Report) -> list[Problem]:
    return [Problem(o, m.module.name) for m in report.modules for o in m.problems]


def by_file(entry: ModuleReport) -> list[tuple[str, list[SiteRow]]]:
    return [(path, list(group)) for path, group in groupby(rows(entry), key=lambda r: r.path)]


def todo_by_file(entry: ModuleReport) -> list[tuple[str, list[SiteRow]]]:
    """A module's sites still to do (pending or unmapped), by file, in line and column order."""

    def order(row: SiteRow) -> tuple[str, int, int]:
        return row.path, row.line, row.finding.column if row.finding else 0

    todo = sorted((r for r in rows(entry) if r.status is not Status.MIGRATED), key=order)
    return [(path, list(group)) for path, group in groupby(todo, key=lambda r: r.path)]


def proposed_key(row: SiteRow) -> str:
    """A row's key: its rule's, else the one ``rules suggest`` would write for it."""
    return row.key or row.proposed


#: A value that spells its unit by name (`30 * time.Second`): no unit after it.
_NAMED_UNIT = re.compile(r"[A-Za-z_]\w*\.[A-Za-z_]")


def value_text(row: SiteRow) -> str:
    """The literal as written with its unit where known (``30 s``, ``5000 ms``, ``100``): what
    tells two sites of one line apart."""
    if not (row.value and row.unit) or _NAMED_UNIT.search(row.value):
        return row.value  # `30 * time.Second` says its unit already
    return f"{row.value} {row.unit}"


def todo_summary(entry: ModuleReport, strings: Strings) -> str:
    """A module's line in "Still to do": its name, then what is left and what is done."""
    t = entry.tally
    counts = [f"{strings.status(Status.PENDING)}: {t.pending}"]
    if t.unmapped:
        counts.append(f"{strings.status(Status.UNMAPPED)}: {t.unmapped}")
    counts.append(of_sites(t, strings))
    return f"{module_label(entry, strings)}: " + " · ".join(counts)


def of_sites(tally: Tally, strings: Strings) -> str:
    """ "12 of 40 sites migrated", and how many the team keeps as literals when there are any
    (progress counts only the sites to migrate, so the kept ones must be said)."""
    text = strings["of_sites"].format(migrated=tally.migrated, sites=tally.sites)
    return text + ", " + strings["kept_sites"].format(kept=tally.kept) if tally.kept else text


def module_label(entry: ModuleReport, strings: Strings) -> str:
    name = strings.module_name(entry.module.name)
    return f"{name} ({entry.module.priority})" if entry.module.priority else name


def reason_text(row: SiteRow, strings: Strings) -> str:
    """Why a pending site is left for hand work, as the formats show it ("" when unknown)."""
    return f"{strings['reason']}: {row.reason}" if row.reason else ""


def bar(progress: float, width: int = 20) -> str:
    filled = round(progress / 100 * width)
    return "█" * filled + "░" * (width - filled)


def heading(entry: ModuleReport, strings: Strings) -> str:
    tally = entry.tally  # of the sites to migrate: kept literals are not among them
    return f"{module_label(entry, strings)}: {tally.migrated}/{tally.sites - tally.kept}"
