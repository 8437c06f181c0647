"""``report --format html``: one self-contained page (no network), with charts in inline SVG.

A team lead opens it in a browser: the headline completion, a bar per module, the trend of
past runs, the rules to fix, then each module's old/new code table.
"""

from __future__ import annotations

import html
from typing import TextIO

from hardcode_lint.report import sections
from hardcode_lint.report.i18n import Strings
from hardcode_lint.report.progress import ModuleReport, Report, Tally
from hardcode_lint.textsafe import visible

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC",sans-serif;
margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
.big{font-size:3rem;font-weight:700}.muted{color:#656d76}
table{border-collapse:collapse;width:100%;margin:.6rem 0}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;
word-break:break-all}.num{text-align:right}
.status-migrated{color:#1a7f37}.status-pending{color:#9a6700}.status-unmapped{color:#656d76}
.status-stale,.status-ambiguous,.problem{color:#cf222e}td[class^=status-]{white-space:nowrap}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:8px;
padding:.8rem 1rem;min-width:12rem}
"""


def escape(text: str) -> str:
    """HTML-escaped, control characters shown as escapes (a user's text is data)."""
    return html.escape(visible(text))


def _meter(tally: Tally, width: int = 160) -> str:
    done = round(width * tally.progress / 100)
    colour = "#1a7f37" if tally.progress >= 100 else "#bf8700"
    return "".join(
        [
            f'<svg width="{width + 60}" height="14" role="img" aria-label="{tally.progress}%">',
            f'<rect width="{width}" height="14" fill="#eaeef2" rx="3"/>',
            f'<rect width="{done}" height="14" fill="{colour}" rx="3"/>',
            f'<text x="{width + 6}" y="12" font-size="12">{tally.progress}%</text></svg>',
        ]
    )


def _module_chart(report: Report, s: Strings) -> str:
    shown = [m for m in report.modules if m.tally.sites]
    row, label, width = 26, 190, 420
    parts = [f'<svg width="{label + width + 120}" height="{row * len(shown) + 10}" '
             f'role="img" aria-label="{escape(s["overall"])}">']  # fmt: skip
    for index, entry in enumerate(shown):
        y, t = index * row + 4, entry.tally
        done = round(width * t.migrated / t.sites)
        pending = round(width * t.pending / t.sites)
        name = escape(s.module_name(entry.module.name))
        parts += [
            f'<text x="0" y="{y + 15}" font-size="13">{name}</text>',
            f'<rect x="{label}" y="{y}" width="{width}" height="18" fill="#eaeef2"/>',
            f'<rect x="{label}" y="{y}" width="{done}" height="18" fill="#1a7f37"/>',
            f'<rect x="{label + done}" y="{y}" width="{pending}" height="18" fill="#d4a72c"/>',
            f'<text x="{label + width + 6}" y="{y + 14}" font-size="12">'
            f"{t.migrated}/{t.sites} ({t.progress}%)</text>",
        ]
    legend = (
        f'<p class="muted"><span style="color:#1a7f37">■</span> {escape(s["migrated"])} '
        f'<span style="color:#d4a72c">■</span> {escape(s["pending"])} '
        f'<span style="color:#aab4bf">■</span> {escape(s["unmapped"])}</p>'
    )
    return "".join([*parts, "</svg>", legend])


def _trend_chart(report: Report, s: Strings) -> str:
    points = report.history
    if not points:
        return ""
    width, height = 600, 160
    step = width / max(len(points) - 1, 1)
    xy = [
        (round(i * step, 1), round(height * (1 - p.progress / 100), 1))
        for i, p in enumerate(points)
    ]
    dots = [
        f'<circle cx="{x}" cy="{y}" r="3" fill="#0969da">'
        f"<title>{escape(p.generated)}: {p.progress}%</title></circle>"
        for (x, y), p in zip(xy, points, strict=True)
    ]
    line = " ".join(f"{x},{y}" for x, y in xy)
    return "".join(
        [
            f"<h2>{escape(s['trend'])}</h2>",
            f'<svg width="{width + 60}" height="{height + 30}" role="img" ',
            f'viewBox="-10 -10 {width + 60} {height + 30}">',
            f'<rect width="{width}" height="{height}" fill="none" stroke="#d0d7de"/>',
            f'<text x="{width + 4}" y="8" font-size="11">100%</text>',
            f'<text x="{width + 4}" y="{height}" font-size="11">0%</text>',
            f'<text x="0" y="{height + 14}" font-size="11">{escape(points[0].generated)}</text>',
            f'<text x="{width}" y="{height + 14}" font-size="11" text-anchor="end">'
            f"{escape(points[-1].generated)}</text>",
            f'<polyline points="{line}" fill="none" stroke="#0969da" stroke-width="2"/>',
            *dots,
            "</svg>",
        ]
    )


def _cards(report: Report, s: Strings) -> str:
    def card(title: str, tally: Tally) -> str:
        detail = s["of_sites"].format(migrated=tally.migrated, sites=tally.sites)
        return (f'<div class="card"><div class="muted">{escape(title)}</div>'
                f'<div class="big">{tally.progress}%</div>{_meter(tally)}'
                f'<div class="muted">{escape(detail)}</div></div>')  # fmt: skip

    if not report.totals.sites:
        return f'<div class="cards"><div class="card big">{escape(s["nothing"])}</div></div>'
    return ('<div class="cards">' + card(s["completion"], report.totals)
            + card(s["production"], report.production) + card(s["tests"], report.tests)
            + "</div>")  # fmt: skip


def _problems(report: Report, s: Strings) -> str:
    found = sections.problems(report)
    if not found:
        return ""
    items = "".join(f'<li class="problem"><code>{escape(p.outcome.rule.id)}</code> '
                    f"({escape(p.outcome.rule.file)}:{p.outcome.rule.line}): "
                    f"{escape(p.describe(s))}</li>" for p in found)  # fmt: skip
    return f"<h2>{escape(s['problems'])}</h2><ul>{items}</ul>"


def _overview(report: Report, s: Strings) -> str:
    columns = ["module", "priority", "files", "sites", "migrated", "pending", "unmapped"]
    head = (
        "".join(f"<th>{escape(s[c])}</th>" for c in columns) + f"<th>{escape(s['progress'])}</th>"
    )
    body = ""
    for entry in report.modules:
        t = entry.tally
        cells = [s.module_name(entry.module.name), entry.module.priority]
        numbers = [len(entry.files), t.sites, t.migrated, t.pending, t.unmapped]
        body += ("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells)
                 + "".join(f'<td class="num">{n}</td>' for n in numbers)
                 + f"<td>{_meter(t)}</td></tr>")  # fmt: skip
    return f"<table><tr>{head}</tr>{body}</table>"


def _module(entry: ModuleReport, s: Strings) -> str:
    columns = ["line", "old", "new", "key", "status"]
    head = "<tr>" + "".join(f"<th>{escape(s[c])}</th>" for c in columns) + "</tr>"
    parts = [f"<h3>{escape(sections.heading(entry, s))}</h3>"]
    for path, rows in sections.by_file(entry):
        body = ""
        for row in rows:
            cells = [row.old, row.new, row.key or ""]
            body += (
                f'<tr><td class="num">{row.line}</td>'
                + "".join(f"<td><code>{escape(c)}</code></td>" for c in cells)
                + f'<td class="status-{row.status.value}">{escape(s.status(row.status))}</td></tr>'
            )
        parts.append(f"<h4><code>{escape(path)}</code></h4><table>{head}{body}</table>")
    return "".join(parts)


def render(report: Report, strings: Strings, stream: TextIO) -> None:
    s = strings
    title = escape(s["title"])
    done, todo = sections.done_modules(report), sections.todo_modules(report)
    parts = [
        f'<!DOCTYPE html><html lang="{s.lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{title}</title><style>{_CSS}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p class="muted">{escape(s["generated"])}: {report.generated:%Y-%m-%d %H:%M} UTC</p>',
        _cards(report, s),
        _problems(report, s),
        f"<h2>{escape(s['overall'])}</h2>",
        _module_chart(report, s),
        _overview(report, s),
        _trend_chart(report, s),
    ]
    if report.errors:
        parts.append(f'<p class="problem">{report.errors} {escape(s["errors"])}</p>')
    if todo:
        parts.append(f"<h2>{escape(s['todo'])}</h2>" + "".join(_module(m, s) for m in todo))
    if done:
        parts.append(f"<h2>{escape(s['done'])}</h2>" + "".join(_module(m, s) for m in done))
    parts.append("</body></html>\n")
    stream.write("\n".join(p for p in parts if p))
