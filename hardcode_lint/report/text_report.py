"""``report --format text``: the terminal view, with bars and colour by status."""

from __future__ import annotations

from typing import TextIO

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hardcode_lint.model import Status
from hardcode_lint.output.console import make_console
from hardcode_lint.output.safe import cell
from hardcode_lint.report import sections
from hardcode_lint.report.history import sparkline
from hardcode_lint.report.i18n import Strings
from hardcode_lint.report.progress import ModuleReport, Report, Tally

STATUS_STYLE = {
    Status.MIGRATED: "green",
    Status.PENDING: "yellow",
    Status.UNMAPPED: "dim",
    Status.STALE: "red",
    Status.AMBIGUOUS: "red",
}


def _bar(tally: Tally, width: int = 20) -> Text:
    text = sections.bar(tally.progress, width)
    filled = text.count("█")
    style = "green" if tally.progress >= 100 else "yellow"
    return Text.assemble((text[:filled], style), (text[filled:], "dim"), f" {tally.progress}%")


def _headline(report: Report, s: Strings) -> Panel:
    t = report.totals
    of_sites = s["of_sites"].format(migrated=t.migrated, sites=t.sites)
    if t.kept:
        of_sites += ", " + s["kept_sites"].format(kept=t.kept)
    if not t.sites:
        return Panel(Text(s["nothing"], style="bold"), title=s["title"], title_align="left")
    lines = [
        Text.assemble((f"{s['completion']}: ", "bold"), _bar(t, 30), "  ", of_sites),
        Text.assemble(f"{s['production']}: ", _bar(report.production)),
        Text.assemble(f"{s['tests']}: ", _bar(report.tests)),
    ]
    if report.history:
        trend = sparkline([p.progress for p in report.history])
        lines.append(Text(f"{s['trend']}: {trend}  ({len(report.history)} runs)"))
    if report.errors:
        lines.append(Text(f"{report.errors} {s['errors']}", style="red"))
    return Panel(Group(*lines), title=s["title"], title_align="left")


def _overview(report: Report, s: Strings) -> Table:
    table = Table(title=s["overall"], title_justify="left", header_style="bold")
    for column in ("module", "priority", "files", "sites", "migrated", "pending", "unmapped"):
        table.add_column(s[column], justify="left" if column == "module" else "right")
    table.add_column(s["progress"])
    for entry in report.modules:
        t = entry.tally
        table.add_row(cell(s.module_name(entry.module.name)), cell(entry.module.priority),
                      str(len(entry.files)), str(t.sites), str(t.migrated), str(t.pending),
                      str(t.unmapped), _bar(t))  # fmt: skip
    return table


def _module_table(entry: ModuleReport, s: Strings) -> Table:
    table = Table(title=cell(sections.heading(entry, s)), title_justify="left",
                  header_style="bold")  # fmt: skip
    for column in ("file", "line", "old", "new", "key", "status"):
        table.add_column(s[column], overflow="fold")
    for path, rows in sections.by_file(entry):
        for row in rows:
            status = Text(s.status(row.status), style=STATUS_STYLE[row.status])
            if row.reason:
                status.append("\n")
                status.append_text(cell(sections.reason_text(row, s), "dim"))
            table.add_row(cell(path), str(row.line), cell(row.old), cell(row.new),
                          cell(row.key or ""), status)  # fmt: skip
    return table


def render(report: Report, strings: Strings, stream: TextIO) -> None:
    console = make_console(stream)
    console.print(_headline(report, strings))
    if not report.totals.sites:
        return
    for problem in sections.problems(report):
        rule = problem.outcome.rule
        console.print(
            cell(f"{rule.file}:{rule.line}: {rule.id}: {problem.describe(strings)}", "red")
        )
    console.print(_overview(report, strings))
    for entry in report.modules:
        if entry.tally.sites:
            console.print(_module_table(entry, strings))
