"""``report --format html``: one self-contained page (no network), with charts in inline SVG.

A team lead shows it to the team: the headline completion, the key metrics, the rules to fix, a
bar per module, the trend of past runs, then each module's old/new code table, in the order of
:data:`sections.SECTIONS`, the markdown report's order. Every bar is stacked migrated / pending /
unmapped, each share its own colour, so a half-done module never looks like an untouched one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TextIO

from hardcode_lint.model import Status
from hardcode_lint.report import sections
from hardcode_lint.report.html_text import escape, identifier
from hardcode_lint.report.html_trend import trend
from hardcode_lint.report.i18n import Strings
from hardcode_lint.report.progress import Report, SiteRow, Tally

#: Latin faces first for English; for Chinese the CJK faces of each platform first, or browsers
#: fall back glyph by glyph to a Japanese face and the Han characters look subtly wrong.
_FONTS = {
    "en": 'system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif',
    "zh": '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",'
    '"Source Han Sans SC",system-ui,sans-serif',
}

#: A bar's shares, in drawing order; each is a CSS class whose colour is defined once below.
SEGMENTS = ("migrated", "pending", "unmapped", "kept")

_CSS = """
body{font:15px/1.45 FONTS;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
.big{font-size:3rem;font-weight:700;line-height:1.1}.muted{color:#656d76}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:.6rem 0}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.num{text-align:right;white-space:nowrap}.name{white-space:nowrap}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:normal;
overflow-wrap:normal;word-break:normal}
svg{max-width:100%;height:auto}svg text{fill:#1f2328}
.track{fill:#eaeef2}.seg-migrated{fill:#1a7f37;background:#1a7f37}
.seg-pending{fill:#d4a72c;background:#d4a72c}.seg-unmapped{fill:#8c959f;background:#8c959f}.seg-kept{fill:#afb8c1;background:#afb8c1}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin:0 .3em 0 .8em;
vertical-align:-.05em}.trend-line{fill:none;stroke-width:2}.grid{fill:none;stroke:#d0d7de}
.trend-production{stroke:#0969da;fill:#0969da;background:#0969da}
.trend-all{stroke:#8250df;fill:#8250df;background:#8250df}
.trend-tests{stroke:#8c959f;fill:#8c959f;background:#8c959f}
.trend-line.trend-production,.trend-line.trend-all,.trend-line.trend-tests{fill:none}
.status-migrated{color:#1a7f37}.status-pending{color:#9a6700}.status-unmapped{color:#656d76}
.status-stale,.status-ambiguous,.problem{color:#cf222e}td[class^=status-]{white-space:nowrap}
.reason{white-space:normal;color:#656d76;font-size:.85em;max-width:24rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:8px;
padding:.8rem 1rem;min-width:14rem}
.modules-list{display:grid;grid-template-columns:repeat(auto-fill,minmax(30rem,1fr));
gap:.3rem .6rem}
details.module{border:1px solid #d0d7de;border-radius:6px;padding:.1rem .6rem;min-width:0}
details.module[open]{grid-column:1/-1}summary{cursor:pointer;padding:.1rem 0}
details.module>summary{font-weight:600}
.others{font-size:1.1rem}
"""


def _bar(tally: Tally, s: Strings, box: tuple[float, float, float, float]) -> list[str]:
    """A stacked bar in ``box`` (x, y, width, height): one rect per non-empty share."""
    x, y, width, height = box
    parts = [f'<rect class="track" x="{x}" y="{y}" width="{width}" height="{height}"/>']
    counts = {
        "migrated": tally.migrated,
        "pending": tally.pending,
        "unmapped": tally.unmapped,
        "kept": tally.kept,
    }
    for name in SEGMENTS:
        if not (tally.sites and counts[name]):
            continue
        share = round(width * counts[name] / tally.sites, 1)
        tip = f"<title>{escape(s[name])}: {counts[name]}</title>"
        parts.append(f'<rect class="seg-{name}" x="{round(x, 1)}" y="{y}" width="{share}" '
                     f'height="{height}">{tip}</rect>')  # fmt: skip
        x += share
    return parts


def _meter(tally: Tally, s: Strings, width: int = 160) -> str:
    return "".join(
        [
            f'<svg class="meter" width="{width + 60}" height="14" viewBox="0 0 {width + 60} 14" '
            f'role="img" aria-label="{tally.progress}%">',
            *_bar(tally, s, (0, 0, width, 14)),
            f'<text x="{width + 6}" y="12" font-size="12">{tally.progress}%</text></svg>',
        ]
    )


def _legend(s: Strings) -> str:
    items = "".join(f'<span class="swatch seg-{n}"></span>{escape(s[n])}' for n in SEGMENTS)
    return f'<p class="muted legend">{items}</p>'


def _text_width(text: str, size: float) -> float:
    """About how wide ``text`` is drawn: SVG cannot wrap or measure, so the label column is made
    as wide as the longest name instead of cutting one off."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    return size * (wide + 0.6 * (len(text) - wide))


def _module_chart(report: Report, s: Strings) -> str:
    shown = [m for m in report.modules if m.tally.sites]
    names = [s.module_name(m.module.name) for m in shown]
    row, width = 22, 420
    label = round(max([120.0, *(_text_width(n, 13) + 12 for n in names)]))
    total = label + width + 120
    parts = [f'<svg class="modules" width="{total}" height="{row * len(shown) + 10}" '
             f'viewBox="0 0 {total} {row * len(shown) + 10}" role="img" '
             f'aria-label="{escape(s["overall"])}">']  # fmt: skip
    for index, (entry, name) in enumerate(zip(shown, names, strict=True)):
        y, t = index * row + 4, entry.tally
        parts += [
            f'<text x="0" y="{y + 12}" font-size="13">{escape(name)}</text>',
            *_bar(t, s, (label, y, width, 15)),
            f'<text x="{label + width + 6}" y="{y + 12}" font-size="12">'
            f"{t.migrated}/{t.sites} ({t.progress}%)</text>",
        ]
    return "".join([*parts, "</svg>", _legend(s)])


def _headline(report: Report, s: Strings) -> str:
    when = f"{escape(s['generated'])}: {report.generated:%Y-%m-%d %H:%M} UTC"
    parts = [f"<h1>{escape(s['title'])}</h1>", f'<p class="muted">{when}</p>']
    if report.totals.sites:
        lead, t, others = sections.headline(report)
        of_sites = sections.of_sites(t, s)
        rest = " · ".join(f"{s[name]}: {o.progress}% ("
                          + sections.of_sites(o, s) + ")"
                          for name, o in others)  # fmt: skip
        parts += [f"<h2>{escape(s['completion_of'].format(what=s[lead]))}: {t.progress}% "
                  f"({escape(of_sites)})</h2>",
                  f'<div class="big">{t.progress}%</div>', _meter(t, s, 480),
                  f'<p class="others">{escape(rest)}</p>', _legend(s)]  # fmt: skip
    else:
        parts.append(f"<h2>{escape(s['nothing'])}</h2>")
    if report.errors:
        parts.append(f'<p class="problem">{report.errors} {escape(s["errors"])}</p>')
    return "".join(parts)


def _metrics(report: Report, s: Strings) -> str:
    def card(title: str, tally: Tally) -> str:
        detail = sections.of_sites(tally, s)
        rest = f"{s['pending']}: {tally.pending} · {s['unmapped']}: {tally.unmapped}"
        return (f'<div class="card"><div class="muted">{escape(title)}</div>'
                f'<div class="big">{tally.progress}%</div>{_meter(tally, s)}'
                f'<div class="muted">{escape(detail)}</div>'
                f'<div class="muted">{escape(rest)}</div></div>')  # fmt: skip

    cards = [card(s["elimination"], report.totals), card(s["production"], report.production),
             card(s["tests"], report.tests)]  # fmt: skip
    return f'<h2>{escape(s["metrics"])}</h2><div class="cards">{"".join(cards)}</div>'


def _problems(report: Report, s: Strings) -> str:
    found = sections.problems(report)
    if not found:
        return ""
    items = "".join(f'<li class="problem"><code>{identifier(p.outcome.rule.id)}</code> '
                    f"({identifier(p.outcome.rule.file)}:{p.outcome.rule.line}, "
                    f"{escape(s.module_name(p.module))}): {escape(p.describe(s))}</li>"
                    for p in found)  # fmt: skip
    return f"<h2>{escape(s['problems'])}</h2><ul>{items}</ul>"


#: Up to this many modules the overview's table is open; beyond, the chart above it says the same
#: in less height and the table opens on a click.
OPEN_TABLE = 12


def _overview(report: Report, s: Strings) -> str:
    columns = ["module", "priority", "files", "sites", "migrated", "pending", "unmapped", "kept",
               "progress", "status"]  # fmt: skip
    head = "".join(f"<th>{escape(s[c])}</th>" for c in columns)
    body = ""
    for entry in report.modules:
        t = entry.tally
        numbers = [len(entry.files), t.sites, t.migrated, t.pending, t.unmapped, t.kept]
        body += (f'<tr><td class="name">{escape(s.module_name(entry.module.name))}</td>'
                 f'<td class="name">{escape(entry.module.priority)}</td>'
                 + "".join(f'<td class="num">{n}</td>' for n in numbers)
                 + f"<td>{_meter(t, s)}</td>"
                 f"<td>{escape(sections.module_state(entry, s))}</td></tr>")  # fmt: skip
    t = report.totals
    files = len(set().union(*(e.files for e in report.modules)))  # a file may serve two modules
    total = [files, t.sites, t.migrated, t.pending, t.unmapped, t.kept]
    body += (f"<tr><th>{escape(s['total'])}</th><td></td>"
             + "".join(f'<td class="num"><b>{n}</b></td>' for n in total)
             + f"<td>{_meter(t, s)}</td><td></td></tr>")  # fmt: skip
    table = f'<div class="scroll"><table><tr>{head}</tr>{body}</table></div>'
    shown = " open" if len(report.modules) <= OPEN_TABLE else ""
    return "".join([f"<h2>{escape(s['overall'])}</h2>", _module_chart(report, s),
                    f'<details class="overview"{shown}><summary>{escape(s["table"])}</summary>'
                    f"{table}</details>"])  # fmt: skip


def _cells(row: SiteRow, columns: tuple[str, ...], s: Strings) -> str:
    texts = {"value": sections.value_text(row), "old": row.old, "new": row.new,
             "key": row.key or "", "todo_key": sections.proposed_key(row)}  # fmt: skip
    found = f'<td class="num">{row.line}</td>'
    found += "".join(f"<td><code>{identifier(texts[c])}</code></td>" for c in columns)
    if row.status is not Status.MIGRATED:
        why = sections.reason_text(row, s)
        reason = f'<div class="reason">{escape(why)}</div>' if why else ""
        found += (
            f'<td class="status-{row.status.value}">{escape(s.status(row.status))}{reason}</td>'
        )
    return f"<tr>{found}</tr>"


#: The columns after the line number: a finished module's, and one still to do (whose rows say
#: their value, so that two sites of one line never look the same, and the key to give them).
DONE_COLUMNS = ("old", "new", "key")
TODO_COLUMNS = ("value", "old", "todo_key", "new")


def _files(groups: list[tuple[str, list[SiteRow]]], columns: tuple[str, ...], s: Strings) -> str:
    names = ["line", *columns] + (["status"] if columns == TODO_COLUMNS else [])
    head = "<tr>" + "".join(f"<th>{escape(s[c])}</th>" for c in names) + "</tr>"
    return "".join(f"<h4><code>{identifier(path)}</code></h4>"
                   f'<div class="scroll"><table>{head}'
                   + "".join(_cells(row, columns, s) for row in rows)
                   + "</table></div>" for path, rows in groups)  # fmt: skip


def _collapsed(summary: str, body: str) -> str:
    """A module as one line that opens on a click: a report of hundreds of sites stays a page
    a manager can read, and the rows are there for whoever works on the module."""
    return f'<details class="module"><summary>{escape(summary)}</summary>{body}</details>'


def _done(report: Report, s: Strings) -> str:
    entries = sections.done_modules(report)
    if not entries:
        return ""
    return (
        f'<h2>{escape(s["done"])}</h2><div class="modules-list">'
        + "".join(
            _collapsed(sections.heading(m, s), _files(sections.by_file(m), DONE_COLUMNS, s))
            for m in entries
        )
        + "</div>"
    )


def _todo(report: Report, s: Strings) -> str:
    entries = sections.todo_modules(report)
    if not entries:
        return ""
    return (
        f'<h2>{escape(s["todo"])}</h2><div class="modules-list">'
        + "".join(
            _collapsed(
                sections.todo_summary(m, s), _files(sections.todo_by_file(m), TODO_COLUMNS, s)
            )
            for m in entries
        )
        + "</div>"
    )


_SECTIONS: dict[str, Callable[[Report, Strings], str]] = {
    "headline": _headline,
    "metrics": _metrics,
    "problems": _problems,
    "overview": _overview,
    "trend": trend,
    "done": _done,
    "todo": _todo,
}


def render(report: Report, strings: Strings, stream: TextIO) -> None:
    s = strings
    css = _CSS.replace("FONTS", _FONTS.get(s.lang, _FONTS["en"]))
    parts = [
        f'<!DOCTYPE html><html lang="{escape(s.lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{escape(s['title'])}</title><style>{css}</style></head><body>",
        *(_SECTIONS[name](report, s) for name in sections.shown_sections(report)),
        "</body></html>\n",
    ]
    stream.write("\n".join(p for p in parts if p))
