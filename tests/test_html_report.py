"""`report --format html` as a team lead shows it: what the page draws, read back from its HTML.

Each test generates the page from a real project (the seed fixture or a copy of it), parses it
with ``html.parser`` and checks what a reader would see: the colours the CSS gives each share of
a bar, the widths of the segments, where a code cell may wrap, the trend's axis labels, the
fonts and the language, the order of the sections against the markdown report.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hardcode_lint.report import html_report, sections
from tests.helpers import cli

SCHEDULER = Path(__file__).resolve().parent.parent / "fixtures" / "scheduler"
SHARES = ("migrated", "pending", "unmapped")
VOID = {"meta", "wbr", "br", "img", "input", "link", "hr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def markup(self) -> str:
        """The children as text with ``<wbr>`` kept: where the browser may break a line."""
        return "".join(c if isinstance(c, str) else f"<{c.tag}>" + c.markup()
                       for c in self.children)  # fmt: skip

    def walk(self) -> list[Node]:
        found = [self]
        for child in self.children:
            if isinstance(child, Node):
                found += child.walk()
        return found

    def find(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.walk() if n.tag == tag and (cls is None or cls in n.classes)]


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert tree.stack == [tree.root], "unclosed elements"
    return tree.root


def css_of(page: str) -> str:
    return re.search(r"<style>(.*?)</style>", page, re.S).group(1)  # type: ignore[union-attr]


def css_colour(css: str, selector: str, prop: str) -> str | None:
    """The ``prop`` colour of the first rule whose selector list names ``selector``."""
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        if selector in [s.strip() for s in selectors.split(",")]:
            found = re.search(rf"(?:^|;){prop}:\s*(#[0-9a-fA-F]{{3,6}})", body)
            if found:
                return found.group(1).lower()
    return None


def report(*args: str) -> str:
    code, out, err = cli("report", *args)
    assert code == 0, err
    return out


def page_of(project: Path, *args: str) -> str:
    return report(str(project), "--format", "html", *args)


def project_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "scheduler"
    shutil.copytree(SCHEDULER, copy, ignore=shutil.ignore_patterns(".hardcode-lint-cache"))
    return copy


def chart_rows(page: str) -> dict[str, list[Node]]:
    """Module name -> the rects of its bar in the module chart."""
    (chart,) = [
        svg for svg in parse(page).find("svg") if svg.attrs.get("aria-label") == "Overall progress"
    ]
    rows: dict[str, list[Node]] = {}
    name = ""
    for node in chart.walk()[1:]:
        if node.tag == "text" and not re.fullmatch(r"\d+/\d+ \(.*\)", node.text()):
            name = node.text()
        elif node.tag == "rect":
            rows.setdefault(name, []).append(node)
    return rows


def segments(rects: list[Node]) -> list[tuple[str, float, float]]:
    return [((r.classes or [r.attrs.get("fill", "")])[0], float(r.attrs.get("x", 0)),
             float(r.attrs["width"])) for r in rects]  # fmt: skip


# 1. the unmapped share is drawn, in its own colour


def test_each_share_has_its_own_colour_defined_in_the_css():
    css = css_of(page_of(SCHEDULER))
    fills = {n: css_colour(css, f".seg-{n}", "fill") for n in SHARES}
    backgrounds = {n: css_colour(css, f".seg-{n}", "background") for n in SHARES}
    assert None not in fills.values() and fills == backgrounds  # bars (SVG) and legend (HTML)
    track = css_colour(css, ".track", "fill")
    assert len({*fills.values(), track}) == 4, (fills, track)


def test_unmapped_sites_are_drawn_in_bars_and_legend():
    page = page_of(SCHEDULER)
    rows = chart_rows(page)
    # Test code: 13 sites, all unmapped; Phase2 Streams: 5 pending, 3 unmapped of 8
    assert [(c, w) for c, _, w in segments(rows["Test code"])] == [
        ("track", 420), ("seg-unmapped", 420)]  # fmt: skip
    streams = segments(rows["Phase2 Streams"])
    assert [(c, w) for c, _, w in streams[1:]] == [("seg-pending", 262.5), ("seg-unmapped", 157.5)]
    assert streams[2][1] == streams[1][1] + 262.5  # stacked, not overlapping
    legend = [n.classes for n in parse(page).find("span", "swatch")]
    assert ["swatch", "seg-unmapped"] in legend and ["swatch", "seg-migrated"] in legend
    assert not re.search(r"<rect[^>]* fill=", page)  # every colour comes from the CSS


# 2. a partly migrated module is stacked, not drawn in the pending colour


@pytest.fixture
def partial(tmp_path: Path) -> Path:
    """The fixture with one of Phase2 Streams' rules migrated: 1 migrated, 4 pending, 3 unmapped."""
    copy = project_copy(tmp_path)
    code, _, err = cli("fix", str(copy), "--write", "--rule", "streams-group-create-retry-delay")
    assert code == 0, err
    return copy


def test_a_partly_migrated_module_shows_each_share_stacked(partial):
    page = page_of(partial)
    streams = segments(chart_rows(page)["Phase2 Streams"])
    assert [(c, w) for c, _, w in streams] == [
        ("track", 420), ("seg-migrated", 52.5), ("seg-pending", 210), ("seg-unmapped", 157.5)]  # fmt: skip
    starts = [x for _, x, _ in streams[1:]]
    assert starts == [starts[0], starts[0] + 52.5, starts[0] + 262.5]
    table_row = next(tr for tr in parse(page).find("tr")
                     if tr.children and "Phase2 Streams" in tr.text())  # fmt: skip
    (meter,) = table_row.find("svg", "meter")
    assert [c for c, _, _ in segments(meter.find("rect"))] == [
        "track", "seg-migrated", "seg-pending", "seg-unmapped"]  # fmt: skip
    assert "12.5%" in meter.text()


# 3. identifiers wrap only between their parts


def test_code_wraps_only_after_dots_and_slashes_never_inside_a_name():
    page = page_of(SCHEDULER)
    css = css_of(page)
    assert not re.search(r"break-all|anywhere|break-word", css)
    codes = parse(page).find("code")
    assert codes
    for node in codes:
        for before, _ in re.findall(r"(.)<wbr>(?=(.))", node.markup()):
            assert before in "./", node.markup()
    key = "scheduler.background_tasks.dashboard_snapshot_cache_ttl_seconds"
    assert key in [n.text() for n in codes]
    assert "scheduler.<wbr>background_tasks.<wbr>dashboard_snapshot_cache_ttl_seconds" in page
    assert re.search(r"\.name\{white-space:nowrap\}", css)
    assert all(
        td.classes == ["name"]
        for tr in parse(page).find("tr")
        for td in tr.find("td")[:1]
        if tr.find("svg", "meter") and not tr.find("th")  # a module's row, not the total
    )
    assert page.count("<table>") == page.count('<div class="scroll"><table>') > 0
    assert re.search(r"\.scroll\{overflow-x:auto\}", css)


# 4. the trend's axis reads as dates


def history_file(tmp_path: Path, stamps: list[str]) -> Path:
    path = tmp_path / "history.jsonl"
    lines = [{"generated": g, "sites": 47, "migrated": 5 * i, "pending": 0, "unmapped": 0,
              "progress": 10.0 * i, "production": 0.0, "tests": 0.0} for i, g in enumerate(stamps)]  # fmt: skip
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    return path


def trend_chart(page: str) -> Node:
    (chart,) = [svg for svg in parse(page).find("svg") if svg.find("polyline")]
    return chart


def axis_labels(page: str) -> list[str]:
    """The trend's labels but its 0 % / 100 % scale: the labels of the time axis."""
    return [t.text() for t in trend_chart(page).find("text") if not t.text().endswith("%")]


def test_trend_axis_shows_dates_not_timestamps(tmp_path):
    stamps = [f"2026-{m:02d}-01T09:30:00Z" for m in range(1, 12)]
    page = page_of(SCHEDULER, "--history", str(history_file(tmp_path, stamps)))
    labels = axis_labels(page)
    assert labels[0] == "2026-01-01" and 3 <= len(labels) <= 7
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", label) for label in labels), labels
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", labels[-1])  # today's run, the last point
    trend = trend_chart(page)
    assert not re.search(r"T\d\d:", trend.text())  # nor in the tooltips
    assert "2026-01-01 09:30: All code 0.0%" in [t.text() for t in trend.find("title")]


def test_runs_of_one_day_are_told_apart_by_their_time(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796155200")  # this run: 2026-12-01T20:00:00Z
    history = history_file(tmp_path, ["2026-12-01T09:00:00Z", "2026-12-01T17:45:00Z"])
    labels = axis_labels(page_of(SCHEDULER, "--history", str(history)))
    assert labels == ["2026-12-01 09:00", "2026-12-01 17:45", "2026-12-01 20:00"]


# 5. fonts and language


def test_chinese_page_declares_its_language_and_a_cjk_font_stack():
    page = page_of(SCHEDULER, "--lang", "zh")
    assert page.startswith('<!DOCTYPE html><html lang="zh">')
    body = re.search(r"body\{font:[^;]*?/[\d.]+ ([^;]*);", css_of(page)).group(1)  # type: ignore[union-attr]
    fonts = [f.strip().strip('"') for f in body.split(",")]
    assert fonts[:5] == ["PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
                         "Noto Sans CJK SC", "Source Han Sans SC"]  # fmt: skip
    assert fonts[-1] == "sans-serif"
    english = page_of(SCHEDULER)
    assert english.startswith('<!DOCTYPE html><html lang="en">')
    assert "PingFang" not in css_of(english)


# 6. the same sections, in the same order, as the markdown report


def headings(page: str) -> list[str]:
    return [h.text() for h in parse(page).find("h2")]


def markdown_headings(project: Path, *args: str) -> list[str]:
    text = report(str(project), "--format", "markdown", *args)
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sections_come_in_the_markdown_order(lang, tmp_path):
    copy = project_copy(tmp_path)
    (copy / "rules" / "zz_broken.toml").write_text(  # a stale rule: "Rules to fix" is shown
        '[module]\nname = "Broken"\npriority = "P3"\n\n'
        '[[rule]]\nid = "moved-away"\npath = "src/gone.py"\nkey = "gone.delay_seconds"\n'
    )
    for project in (SCHEDULER, copy):
        html_order = headings(page_of(project, "--lang", lang))
        assert html_order == markdown_headings(project, "--lang", lang)
    assert "Rules to fix" in html_order or "需要修正的规则" in html_order


def test_sections_are_one_list_that_every_document_follows(tmp_path):
    assert list(html_report._SECTIONS) == list(sections.SECTIONS)
    history = history_file(tmp_path, ["2026-11-01T00:00:00Z"])
    order = headings(page_of(SCHEDULER, "--history", str(history)))
    assert order[:4] == ["Completion (Production code): 39.4% (13 of 33 sites migrated)",
                         "Key metrics",
                         "Overall progress", "Trend"]  # fmt: skip
    assert order[4:] == ["Done", "Still to do"]
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "hardcode-lint.toml").write_text("")
    (empty / "m.py").write_text("x = 1\n")
    assert headings(page_of(empty)) == markdown_headings(empty) == ["No hardcoded constants found"]


# 7. files outside any folder: "(top level)", not "root"


@pytest.fixture
def top_level(tmp_path: Path) -> Path:
    """The fixture with a top-level manage.py whose module ``rules suggest`` named "root"."""
    copy = project_copy(tmp_path)
    (copy / "manage.py").write_text("import time\n\n\ndef main():\n    time.sleep(5)\n")
    code, _, err = cli("rules", "suggest", str(copy / "manage.py"), "--output",
                       str(copy / "rules") + "/")  # fmt: skip
    assert code == 0, err
    assert 'name = "root"' in (copy / "rules" / "root.toml").read_text()
    return copy


def test_top_level_module_reads_as_top_level_in_every_human_format(top_level):
    page = page_of(top_level)
    assert "(top level)" in chart_rows(page)
    assert "(top level)" in [td.text() for td in parse(page).find("td", "name")]
    summaries = [h.text() for h in parse(page).find("summary")]
    assert "(top level) (P1): pending: 1 · 0 of 1 sites migrated" in summaries
    assert not re.search(r">root<|>root \(", page)
    assert "（根目录）" in page_of(top_level, "--lang", "zh")  # noqa: RUF001
    markdown = report(str(top_level), "--format", "markdown")
    assert "| (top level) | P1 |" in markdown and "| root |" not in markdown
    text = report(str(top_level))
    assert "(top level)" in text and not re.search(r"│ root\s", text)
    data = json.loads(report(str(top_level), "--format", "json"))
    assert "root" in [m["name"] for m in data["modules"]]  # JSON keeps the rule file's name


# 8. everything from the user's files is escaped


def test_user_text_is_data_never_markup(tmp_path):
    copy = project_copy(tmp_path)
    (copy / "rules" / "zz_evil.toml").write_text(
        '[module]\nname = "<script>alert(1)</script> & co"\npriority = "P9 \\"<b>\\""\n'
        'paths = ["evil/**"]\n'
    )
    (copy / "evil").mkdir()
    (copy / "evil" / "<i>x.py").write_text(
        'import requests\nrequests.get("<img src=x>", timeout=5)\n'
    )
    history = history_file(tmp_path, ["<svg onload=alert(1)>"])
    page = page_of(copy, "--history", str(history))
    tags = {n.tag for n in parse(page).walk()}
    assert tags <= {"#document", "html", "head", "meta", "title", "style", "body", "h1", "h2",
                    "h3", "h4", "p", "div", "span", "svg", "rect", "text", "polyline", "circle",
                    "table", "tr", "th", "td", "b", "code", "wbr", "ul", "li", "details",
                    "summary"}, tags  # fmt: skip
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert "P9 &quot;&lt;b&gt;&quot;" in page
    assert "evil/<wbr>&lt;i&gt;x.<wbr>py" in page
    assert "requests.<wbr>get(&quot;&lt;img src=x&gt;&quot;, timeout=5)" in page
    assert not [a for n in parse(page).walk() for a in n.attrs if a.startswith("on")]
    assert "<script" not in page and "<img" not in page
