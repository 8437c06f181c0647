"""Report formats by name; each is one module with ``render(report, strings, stream)``."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TextIO

from hardcode_lint.report.i18n import Strings
from hardcode_lint.report.progress import Report

ReportRenderer = Callable[[Report, Strings, TextIO], None]

REPORT_FORMATS = {
    "text": "text_report",
    "markdown": "markdown_report",
    "json": "json_report",
    "html": "html_report",
}


def report_renderer(name: str) -> ReportRenderer:
    module = import_module(f"hardcode_lint.report.{REPORT_FORMATS[name]}")
    render: ReportRenderer = module.render
    return render
