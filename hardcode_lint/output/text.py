"""The human format of ``scan``: one table per file, then a summary line (not under ``-q``)."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from typing import TextIO

from rich.table import Table
from rich.text import Text

from hardcode_lint.model import Finding, ScanResult
from hardcode_lint.output.console import make_console
from hardcode_lint.output.safe import cell

_KIND_STYLE = {"duration": "cyan", "clamp": "magenta", "limit": "yellow"}


def _quantity(finding: Finding) -> str:
    if finding.seconds is None:
        return ""
    if finding.unit == "s":
        return f"{finding.seconds} s"
    return f"{finding.number} {finding.unit} = {finding.seconds} s"


def _table(findings: list[Finding]) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0), header_style="dim")
    for column in ("line:col", "code", "kind", "value", "quantity", "code at the site", "scope"):
        table.add_column(column)
    for finding in findings:
        table.add_row(
            Text(f"{finding.line}:{finding.column}", style="dim"),
            Text(finding.code, style="bold"),
            Text(finding.kind.value, style=_KIND_STYLE[finding.kind.value]),
            cell(finding.value, "bold"),
            _quantity(finding),
            cell(finding.snippet),
            cell(finding.scope or "", "dim"),
        )
    return table


def _summary(result: ScanResult) -> str:
    files = len({f.path for f in result.findings})
    kinds = Counter(f.kind.value for f in result.findings)
    detail = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    head = f"Found {len(result.findings)} hardcoded value(s) in {files} of {result.files} file(s)"
    return f"{head} ({detail})." if detail else f"{head}."


def render(result: ScanResult, stream: TextIO) -> None:
    _render(result, stream, summary=True)


def render_quiet(result: ScanResult, stream: TextIO) -> None:
    """``-q``: the findings and the files that could not be scanned, without the summary line."""
    _render(result, stream, summary=False)


def _render(result: ScanResult, stream: TextIO, summary: bool) -> None:
    console = make_console(stream)
    for path, group in groupby(result.findings, key=lambda f: f.path):
        console.print(cell(path, "bold underline"))
        console.print(_table(list(group)))
        console.print()
    if summary:
        console.print(_summary(result))
    if result.errors:
        console.print(Text(f"{len(result.errors)} file(s) could not be scanned:", style="red"))
        for error in result.errors:
            where = f"{error.path}:{error.line}" if error.line else error.path
            console.print(cell(f"  {where}: {error.message}"))
