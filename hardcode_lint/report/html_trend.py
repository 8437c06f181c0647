"""The report's trend chart: progress over the runs the history file holds, production, all
code and tests as three lines, dated under the axis.

Kept apart from :mod:`hardcode_lint.report.html_report` because the history is the user's file
(old lines lack fields, timestamps may be anything) and all its defensive reading lives here."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from hardcode_lint.report.html_text import escape
from hardcode_lint.report.i18n import Strings
from hardcode_lint.report.progress import Report


def _stamp(generated: str, with_time: bool) -> str:
    """A history point's time as a person reads it (``2026-01-22``, ``2026-01-22 10:00``), not
    the ISO ``2026-01-22T10:00:00Z`` the file stores; a prefix of it if it is no timestamp."""
    try:
        when = datetime.fromisoformat(generated.replace("Z", "+00:00"))
    except ValueError:
        return generated[:10]
    return f"{when:%Y-%m-%d %H:%M}" if with_time else f"{when:%Y-%m-%d}"


def _progress(point: Any, name: str = "progress") -> float | None:
    """A point's progress (or its production or tests progress) as a number in 0-100, or None:
    the history file is the user's, and old lines have no production and tests numbers."""
    try:
        value = float(getattr(point, name))
    except (TypeError, ValueError):
        return None
    return min(max(value, 0.0), 100.0) if math.isfinite(value) else None


def _axis(points: list[Any], xs: list[float], height: int) -> list[str]:
    """Up to six dates under the trend, the first and the last always, a date between them only
    if it is new; the time too when every run was on one day."""
    one_day = len({_stamp(p.generated, False) for p in points}) == 1 and len(points) > 1
    count, end = min(len(points), 6), len(points) - 1
    picks = sorted({round(i * end / max(count - 1, 1)) for i in range(count)})
    texts = {i: _stamp(points[i].generated, one_day) for i in picks}
    kept: list[int] = []
    for index in picks:
        if index in (0, end) or texts[index] not in (texts[kept[-1]], texts[end]):
            kept.append(index)
    labels = []
    for index in kept:
        anchor = "start" if index == 0 else "end" if index == end else "middle"
        labels.append(f'<text class="axis" x="{xs[index]}" y="{height + 14}" font-size="11" '
                      f'text-anchor="{anchor}">{escape(texts[index])}</text>')  # fmt: skip
    return labels


#: The trend's lines, production first: (the point's field, the words' key, the CSS class).
TREND_LINES = (
    ("production", "production", "trend-production"),
    ("progress", "all_code", "trend-all"),
    ("tests", "tests", "trend-tests"),
)


def _series(points: list[Any], xs: list[float], height: int, s: Strings) -> list[str]:
    """A polyline and its dots per line of :data:`TREND_LINES`, skipping points without it."""
    parts = []
    for name, words, css in TREND_LINES:
        found = [(x, p, v) for x, p in zip(xs, points, strict=True)
                 if (v := _progress(p, name)) is not None]  # fmt: skip
        if not found:
            continue
        marks = [(x, round(height * (1 - v / 100), 1), p, v) for x, p, v in found]
        line = " ".join(f"{x},{y}" for x, y, _, _ in marks)
        parts.append(f'<polyline class="trend-line {css}" points="{line}"/>')
        parts += [f'<circle class="trend-dot {css}" cx="{x}" cy="{y}" r="3"><title>'
                  f"{escape(_stamp(p.generated, True))}: {escape(s[words])} {v}%</title></circle>"
                  for x, y, p, v in marks]  # fmt: skip
    return parts


def _trend_legend(s: Strings) -> str:
    items = "".join(f'<span class="swatch {css}"></span>{escape(s[words])}'
                    for _, words, css in TREND_LINES)  # fmt: skip
    return f'<p class="muted legend">{items}</p>'


def trend(report: Report, s: Strings) -> str:
    points = [p for p in report.history if _progress(p) is not None]
    if not points:
        return ""
    width, height = 600, 160
    step = width / max(len(points) - 1, 1)
    xs = [round(i * step, 1) for i in range(len(points))]
    return "".join(
        [
            f"<h2>{escape(s['trend'])}</h2>",
            f'<svg class="trend" width="{width + 60}" height="{height + 30}" role="img" ',
            f'viewBox="-10 -10 {width + 60} {height + 30}" aria-label="{escape(s["trend"])}">',
            f'<rect class="grid" width="{width}" height="{height}"/>',
            f'<text x="{width + 4}" y="8" font-size="11">100%</text>',
            f'<text x="{width + 4}" y="{height}" font-size="11">0%</text>',
            *_axis(points, xs, height),
            *_series(points, xs, height, s),
            "</svg>",
            _trend_legend(s),
        ]
    )
