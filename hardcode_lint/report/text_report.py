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
from hardcode_lint.report.history import sparkline, trend_lines
from hardcode_lint.report.i18n import Strings
from hardcode_lint.report.progress import ModuleReport, Report, SiteRow, Tally

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


def _tally_line(label: str, tally: Tally, s: Strings, width: int, style: str = "") -> Text:
    of_sites = sections.of_sites(tally, s)
    return Text.assemble((f"{label}: ", style), _bar(tally, width), "  ", of_sites)


def _headline(report: Report, s: Strings) -> Panel:
    if not report.totals.sites:
        return Panel(Text(s["nothing"], style="bold"), title=s["title"], title_align="left")
    lead, tally, others = sections.headline(report)
    lines = [_tally_line(s["completion_of"].format(what=s[lead]), tally, s, 30, "bold")]
    lines += [_tally_line(s[name], other, s, 20) for name, other in others]
    if report.history:
        trends = [f"{s[name]} {sparkline(values)}"
                  for name, values in trend_lines(report.history) if values]  # fmt: skip
        lines.append(Text(f"{s['trend']} ({len(report.history)} runs): " + " · ".join(trends)))
    if report.errors:
        lines.append(Text(f"{report.errors} {s['errors']}", style="red"))
    return Panel(Group(*lines), title=s["title"], title_align="left")


def _overview(report: Report, s: Strings) -> Table:
    table = Table(title=s["overall"], title_justify="left", header_style="bold")
    for column in (
        "module",
        "priority",
        "files",
        "sites",
        "migrated",
        "pending",
        "unmapped",
        "kept",
    ):
        table.add_column(s[column], justify="left" if column == "module" else "right")
    table.add_column(s["progress"], no_wrap=True)
    for entry in report.modules:
        t = entry.tally
        table.add_row(cell(s.module_name(entry.module.name)), cell(entry.module.priority),
                      str(len(entry.files)), str(t.sites), str(t.migrated), str(t.pending),
                      str(t.unmapped), str(t.kept), _bar(t))  # fmt: skip
    return table


def _status(row: SiteRow, s: Strings) -> Text:
    status = Text(s.status(row.status), style=STATUS_STYLE[row.status])
    if row.reason:
        status.append("\n")
        status.append_text(cell(sections.reason_text(row, s), "dim"))
    return status


def _done_table(entry: ModuleReport, s: Strings) -> Table:
    table = Table(title=cell(sections.heading(entry, s)), title_justify="left",
                  header_style="bold")  # fmt: skip
    for column in ("file", "line", "old", "new", "key"):
        table.add_column(s[column], overflow="fold")
    for path, rows in sections.by_file(entry):
        for index, row in enumerate(rows):
            table.add_row(cell(path if index == 0 else ""), str(row.line), cell(row.old),
                          cell(row.new), cell(row.key or ""),
                          end_section=index == len(rows) - 1)  # fmt: skip
    return table


def _todo_table(entry: ModuleReport, s: Strings) -> Table:
    """What is left in a module, by file: each row's value (a line's sites differ by it), the
    rule's key or the one ``rules suggest`` would propose, and the new code a rule gives it."""
    table = Table(title=cell(sections.todo_summary(entry, s)), title_justify="left",
                  header_style="bold")  # fmt: skip
    for column in ("file", "line", "value", "old", "todo_key", "new", "status"):
        table.add_column(s[column], overflow="fold")
    for path, rows in sections.todo_by_file(entry):
        for index, row in enumerate(rows):
            table.add_row(cell(path if index == 0 else ""), str(row.line),
                          cell(sections.value_text(row)), cell(row.old),
                          cell(sections.proposed_key(row)), cell(row.new), _status(row, s),
                          end_section=index == len(rows) - 1)  # fmt: skip
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
    done, todo = sections.done_modules(report), sections.todo_modules(report)
    for title, entries, table in ((strings["done"], done, _done_table),
                                  (strings["todo"], todo, _todo_table)):  # fmt: skip
        if entries:
            console.rule(cell(title, "bold"), align="left")
        for entry in entries:
            console.print(table(entry, strings))
