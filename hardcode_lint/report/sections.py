"""What every human-readable report format shows, decided once: module order and grouping.

The text, markdown and html formats differ in markup only; which modules are done, which are
next, and which rules need fixing is decided here so the three always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from hardcode_lint.model import Status
from hardcode_lint.report.i18n import Strings
from hardcode_lint.report.progress import ModuleReport, Report, SiteRow, rows
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


def next_module(report: Report) -> ModuleReport | None:
    """The module to work on next: the first unfinished one in priority order."""
    todo = todo_modules(report)
    return todo[0] if todo else None


def module_state(entry: ModuleReport, report: Report, strings: Strings) -> str:
    if is_done(entry):
        return strings["state_done"]
    if entry is next_module(report):
        return strings["next"]
    return strings.status(Status.PENDING)


def problems(report: Report) -> list[Problem]:
    return [Problem(o, m.module.name) for m in report.modules for o in m.problems]


def by_file(entry: ModuleReport) -> list[tuple[str, list[SiteRow]]]:
    return [(path, list(group)) for path, group in groupby(rows(entry), key=lambda r: r.path)]


def reason_text(row: SiteRow, strings: Strings) -> str:
    """Why a pending site is left for hand work, as the formats show it ("" when unknown)."""
    return f"{strings['reason']}: {row.reason}" if row.reason else ""


def bar(progress: float, width: int = 20) -> str:
    filled = round(progress / 100 * width)
    return "█" * filled + "░" * (width - filled)


def heading(entry: ModuleReport, strings: Strings) -> str:
    name = strings.module_name(entry.module.name)
    priority = f" ({entry.module.priority})" if entry.module.priority else ""
    tally = entry.tally  # of the sites to migrate: kept literals are not among them
    return f"{name}{priority}: {tally.migrated}/{tally.sites - tally.kept}"
