"""``report --format markdown``: a document to paste into a PR or a wiki.

Laid out like the hand-written report it replaces: the headline completion, key metrics,
rules to fix, the overall table, the finished modules with their old/new code per file, then
what is still to do, by priority.
"""

from __future__ import annotations

from typing import TextIO

from hardcode_lint.report import sections
from hardcode_lint.report.i18n import Strings
from hardcode_lint.report.progress import ModuleReport, Report, SiteRow, Tally
from hardcode_lint.textsafe import visible


def code(text: str) -> str:
    """Inline code that survives backticks and pipes inside a table cell."""
    if not text:
        return ""
    text = visible(text).replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _plain(text: str) -> str:
    """A table cell of plain text: control characters escaped, pipes too."""
    return visible(text).replace("|", "\\|")


def table(header: list[str], body: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return [*lines, ""]


def _headline(report: Report, s: Strings) -> list[str]:
    lines = [f"# {s['title']}", "", f"{s['generated']}: {report.generated:%Y-%m-%d %H:%M} UTC", ""]
    if (
        not report.totals.sites
    ):  # "Completion 100 %" of nothing would claim a migration that never was
        return [*lines, f"## {s['nothing']}", ""]
    lead, t, others = sections.headline(report)
    of_sites = sections.of_sites(t, s)
    lines += [f"## {s['completion_of'].format(what=s[lead])}: {t.progress}% ({of_sites})", ""]
    lines += [f"`{sections.bar(t.progress)}` {t.progress}%", ""]
    for name, other in others:
        detail = sections.of_sites(other, s)
        lines.append(f"- {s[name]}: {other.progress}% ({detail})")
    lines.append("")
    if report.errors:
        lines += [f"> {report.errors} {s['errors']}", ""]
    return lines


def _metrics(report: Report, s: Strings) -> list[str]:
    def row(name: str, tally: Tally) -> list[str]:
        counts = [
            str(n) for n in (tally.sites, tally.migrated, tally.pending, tally.unmapped, tally.kept)
        ]
        return [name, *counts, f"{tally.progress}%", "100%"]

    header = [s["metric"], s["sites"], s["migrated"], s["pending"], s["unmapped"], s["kept"],
              s["now"], s["target"]]  # fmt: skip
    body = [row(s["elimination"], report.totals), row(s["production"], report.production),
            row(s["tests"], report.tests)]  # fmt: skip
    return [f"## {s['metrics']}", "", *table(header, body)]


def _problems(report: Report, s: Strings) -> list[str]:
    found = sections.problems(report)
    if not found:
        return []
    lines = [f"## {s['problems']}", ""]
    for problem in found:
        rule = problem.outcome.rule
        where = visible(f"{rule.file}:{rule.line}, {s.module_name(problem.module)}")
        lines.append(f"- {code(rule.id)} ({where}): {problem.describe(s)}")
    return [*lines, ""]


def _overview(report: Report, s: Strings) -> list[str]:
    header = [s["module"], s["priority"], s["files"], s["sites"], s["migrated"], s["pending"],
              s["unmapped"], s["kept"], s["progress"], s["status"]]  # fmt: skip
    body = []
    for entry in report.modules:
        t = entry.tally
        body.append([_plain(s.module_name(entry.module.name)), _plain(entry.module.priority),
                     str(len(entry.files)),
                     str(t.sites), str(t.migrated), str(t.pending), str(t.unmapped),
                     str(t.kept), f"{t.progress}%", sections.module_state(entry, s)])  # fmt: skip
    t = report.totals
    files = len(set().union(*(e.files for e in report.modules)))  # a file may serve two modules
    counts = [str(n) for n in (files, t.sites, t.migrated, t.pending, t.unmapped, t.kept)]
    body.append([f"**{s['total']}**", "", *counts, f"**{t.progress}%**", ""])
    return [f"## {s['overall']}", "", *table(header, body)]


def _done_module(entry: ModuleReport, s: Strings) -> list[str]:
    lines = [f"### {visible(sections.heading(entry, s))}", ""]
    header = [s["line"], s["old"], s["new"], s["key"]]
    for path, site_rows in sections.by_file(entry):
        body = [[str(r.line), code(r.old), code(r.new), code(r.key or "")] for r in site_rows]
        lines += [f"#### {code(path)}", "", *table(header, body)]
    return lines


def _todo_row(row: SiteRow, s: Strings) -> list[str]:
    why = f" ({_plain(sections.reason_text(row, s))})" if row.reason else ""
    key = sections.proposed_key(row)
    return [str(row.line), code(sections.value_text(row)), code(row.old), code(key),
            code(row.new), s.status(row.status) + why]  # fmt: skip


def _todo_module(entry: ModuleReport, s: Strings) -> list[str]:
    lines = [f"### {visible(sections.todo_summary(entry, s))}", ""]
    header = [s["line"], s["value"], s["old"], s["todo_key"], s["new"], s["status"]]
    for path, site_rows in sections.todo_by_file(entry):
        body = [_todo_row(row, s) for row in site_rows]
        lines += [f"#### {code(path)}", "", *table(header, body)]
    return lines


def render(report: Report, strings: Strings, stream: TextIO) -> None:
    s = strings
    if not report.totals.sites:
        stream.write("\n".join(_headline(report, s)))
        return
    lines = _headline(report, s) + _metrics(report, s) + _problems(report, s)
    lines += _overview(report, s)
    done = sections.done_modules(report)
    if done:
        lines += [f"## {s['done']}", ""]
        for entry in done:
            lines += _done_module(entry, s)
    todo = sections.todo_modules(report)
    if todo:
        lines += [f"## {s['todo']}", ""]
        for entry in todo:
            lines += _todo_module(entry, s)
    stream.write("\n".join(lines).rstrip() + "\n")
