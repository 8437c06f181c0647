"""The report a manager reads (issue 21): production first, what is left by module and file with
the value and the key to give it, one word for what is left, old code as it stood, three trend
lines, one history point per run, and the terminal's width and colour wishes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hardcode_lint.cli.main import cli as command
from tests.helpers import cli
from tests.test_fix import commit_all, git
from tests.test_html_report import Node, parse
from tests.test_rust_fixture import run

SCHEDULER = Path(__file__).resolve().parent.parent / "fixtures" / "scheduler"
EPOCH = "1769076000"


def report(project: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner(env={"SOURCE_DATE_EPOCH": EPOCH, **(env or {})}).invoke(
        command, ["report", str(project), *args]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def ok(*args: str) -> str:
    code, out, err = cli(*args)
    assert code == 0, out + err
    return out + err


# 1. the headline: production first, every number shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_headline_leads_with_production_and_shows_all_code_and_tests(lang):
    words = {"en": ("Production code", "All code", "Test code"),
             "zh": ("生产代码", "全部代码", "测试代码")}[lang]  # fmt: skip
    text = report(SCHEDULER, "--lang", lang)
    panel = text.split("╰")[0]
    assert panel.index(words[0]) < panel.index(words[1]) < panel.index(words[2])
    assert re.search(rf"{words[0]}.*39\.4%", panel) and "28.3%" in panel and "0.0%" in panel
    markdown = report(SCHEDULER, "--format", "markdown", "--lang", lang)
    headline = markdown.split("\n## ")[1]  # the section after the title
    assert re.search(rf"[(（]{words[0]}[)）]: 39\.4%", headline.splitlines()[0])  # noqa: RUF001
    assert f"- {words[1]}: 28.3%" in headline and f"- {words[2]}: 0.0%" in headline
    page = parse(report(SCHEDULER, "--format", "html", "--lang", lang))
    (big, *_) = [n for n in page.find("div", "big")]
    assert big.text() == "39.4%"  # the big number is production's, not the 28.3 % overall
    others = page.find("p", "others")[0].text()
    assert f"{words[1]}: 28.3%" in others and f"{words[2]}: 0.0%" in others


# 2. still to do: by module and file, each row with its value and key


def test_still_to_do_rows_say_value_and_key_and_tell_a_lines_sites_apart():
    markdown = report(SCHEDULER, "--format", "markdown")
    todo = markdown.split("## Still to do")[1]
    streams = todo.split("### Phase2 Streams (P0): pending: 5 · unmapped: 3 · 0 of 8")[1]
    streams = streams.split("\n### ")[0]
    assert "#### `src/phase2/streams.py`" in streams
    line_35 = [row for row in streams.splitlines() if row.startswith("| 35 |")]
    assert len(line_35) == 2 and len(set(line_35)) == 2  # same line, two sites
    assert "| `50` |" in line_35[0] and "| `5000 ms` |" in line_35[1]
    # the pending site's rule key and new code; the unmapped site's key from `rules suggest`
    assert "`streams.xreadgroup_block_ms`" in line_35[1] and "block=self.settings." in line_35[1]
    suggested = ok("rules", "suggest", str(SCHEDULER), "--dry-run")
    proposed = re.search(r"\| `50` \| `[^`]*` \| `([^`]+)`", line_35[0]).group(1)  # type: ignore[union-attr]
    assert f'key = "{proposed}"' in suggested
    assert "| migrated |" not in todo  # what is done is not still to do
    rows = [row for row in todo.splitlines() if re.match(r"\| \d+ \|", row)]
    statuses = {re.sub(r" \(why:.*", "", row.rsplit(" | ", 1)[1].rstrip(" |")) for row in rows}
    assert statuses == {"pending", "unmapped"}


def test_text_still_to_do_shows_value_and_proposed_key():
    text = report(SCHEDULER)
    todo = text.split("Still to do")[1]
    assert "5000 ms" in todo and "phase2.streams.read_batch_count" in todo
    assert "Phase2 Streams (P0): pending: 5 · unmapped: 3" in todo


def test_one_word_for_what_is_left():
    for lang, left, other in (("en", "pending", "next"), ("zh", "待迁移", "下一步")):
        markdown = report(SCHEDULER, "--format", "markdown", "--lang", lang)
        html = report(SCHEDULER, "--format", "html", "--lang", lang)
        text = report(SCHEDULER, "--lang", lang)
        for document in (markdown, html, text):
            assert left in document and not re.search(rf"\b{other}\b|{other}\s*\|", document)


# 2b. html: collapsed, short, on a project of 200 sites


def two_hundred_sites(root: Path) -> Path:
    """A project of 200 sites in 10 packages (prod and tests), with suggested rules."""
    root.mkdir()
    (root / "pyproject.toml").write_text('[tool.hardcode-lint]\nrules = ["rules"]\n')
    for package in range(10):
        folder = root / f"pkg{package}"
        folder.mkdir()
        for part in range(2):
            body = f"import asyncio\n\n\nasync def loop_{part}():\n"
            body += "".join(f"    await asyncio.sleep({package * 100 + part * 10 + n})\n"
                            for n in range(1, 10))  # fmt: skip
            (folder / f"part{part}.py").write_text(body)
        (folder / "test_it.py").write_text(
            "import time\n\n\ndef test_wait():\n    time.sleep(2)\n    time.sleep(3)\n"
        )
    ok("rules", "suggest", str(root), "--output", str(root / "rules") + "/")
    return root


def sites_of(project: Path) -> int:
    data = json.loads(report(project, "--format", "json"))
    return int(data["totals"]["sites"])


def outside_details(node: Node) -> list[Node]:
    """The nodes shown without opening anything."""
    found = [node]
    for child in node.children:
        if isinstance(child, Node) and child.tag != "details":
            found += outside_details(child)
    return found


def test_html_still_to_do_is_collapsed_per_module_with_counts(tmp_path):
    project = two_hundred_sites(tmp_path / "big")
    assert sites_of(project) == 200
    page = parse(report(project, "--format", "html"))
    modules = page.find("details", "module")
    assert len(modules) == 10  # a module per package, its test file with it
    assert all("open" not in m.attrs for m in modules)  # collapsed by default
    summaries = [m.children[0] for m in modules]
    assert all(isinstance(s, Node) and s.tag == "summary" for s in summaries)
    assert "pkg3 (P1): pending: 20 · 0 of 20 sites migrated" in [s.text() for s in summaries]  # type: ignore[union-attr]
    shown_rows = [n for n in outside_details(page) if n.tag == "tr"]
    assert len(shown_rows) <= 10 + 2  # the overview table only: a row per module, head, total
    rows = [(m.find("h4"), tr.text()) for m in modules for tr in m.find("tr") if tr.find("td")]
    assert len(rows) == 200  # every site, behind its module's line
    for module in modules:  # in a module, no two rows alike
        texts = [tr.text() for tr in module.find("tr") if tr.find("td")]
        assert len(set(texts)) == len(texts)


# 4. old code as it stood before the migration


def run_in(root: Path, *args: str) -> None:
    code, out, err = run(*args, cwd=root)
    assert code == 0, out + err


def _migrate(root: Path, settings: list[str]) -> None:
    """The documented walk, in the project's folder (its root when it has no configuration)."""
    run_in(root, "rules", "suggest", "--output", "rules/")
    run_in(root, "defaults", *settings)
    commit_all(root)
    run_in(root, "fix", "--write")


def _done_rows(root: Path) -> list[str]:
    code, markdown, err = run("report", "--format", "markdown", cwd=root)
    assert code == 0, err
    done = markdown.split("## Done")[1].split("## Still to do")[0]
    return [row for row in done.splitlines() if re.match(r"\| \d+ \|", row)]


def _without_old(root: Path) -> None:
    for rules in (root / "rules").glob("*.toml"):
        rules.write_text(re.sub(r"^old = .*\n", "", rules.read_text(), flags=re.M))


def test_a_nested_clamp_shows_its_old_code_as_it_stood(tmp_path):
    root = tmp_path / "clamp"
    (root / "pkg").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.hardcode-lint]\nrules = ["rules"]\n')
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "poll.py").write_text(
        "def wait_interval(interval):\n    return max(min(interval, 60), 1)\n"
    )
    git(root, "init", "-q")
    _migrate(root, ["--format", "python", "--output", "pkg/settings.py"])
    assert "60" not in (root / "pkg" / "poll.py").read_text()
    old = [row.split(" | ")[1] for row in _done_rows(root)]
    assert sorted(old) == ["`max(min(interval, 60), 1)`", "`min(interval, 60)`"]
    _without_old(root)  # a rule written by hand without `old`: rebuilt, as well as it can be
    assert any("settings." in row.split(" | ")[1] for row in _done_rows(root))


def test_a_migrated_rust_constant_shows_its_declaration_as_written(tmp_path):
    root = tmp_path / "crate"
    (root / "src").mkdir(parents=True)
    (root / "Cargo.toml").write_text('[package]\nname = "rk"\nversion = "0.1.0"\n'
                                     'edition = "2021"\n')  # fmt: skip
    (root / "src" / "lib.rs").write_text(
        "const MAX_BODY_SIZE: usize = 10 * 1_024 * 1_024;\n\n"
        "pub fn fits(n: usize) -> bool {\n    n < MAX_BODY_SIZE\n}\n"
    )
    git(root, "init", "-q")
    _migrate(root, ["--format", "rust", "--output", "src/settings.rs"])
    assert "MAX_BODY_SIZE" not in (root / "src" / "lib.rs").read_text().split("//")[0]
    (row,) = _done_rows(root)
    assert row.split(" | ")[1] == "`const MAX_BODY_SIZE: usize = 10 * 1_024 * 1_024`"
    assert "10485760" not in row and "Lazy" not in row


def test_old_must_be_a_string_in_a_rule_file(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "m.toml").write_text('[[rule]]\nid = "a"\nkey = "a.b"\nold = 5\n')
    code, out, err = run("rules", "validate", cwd=tmp_path)
    assert code == 2 and "m.toml:4: `old` must be a string" in out + err


# 5. trends and history


def test_three_formats_on_one_commit_are_one_point_and_new_work_another(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(SCHEDULER, root, ignore=shutil.ignore_patterns(".hardcode-lint-cache"))
    git(root, "init", "-q")
    commit_all(root)
    history = root / "history.jsonl"
    for form in ("html", "markdown", "json"):
        report(root, "--format", form, "--history", str(history))
    lines = [json.loads(line) for line in history.read_text().splitlines()]
    assert len(lines) == 1
    assert (lines[0]["progress"], lines[0]["production"], lines[0]["tests"]) == (28.3, 39.4, 0.0)
    streams = root / "src" / "phase2" / "streams.py"
    streams.write_text(streams.read_text().replace("count=100", "count=n"))  # work, uncommitted
    for form in ("text", "html"):
        report(root, "--format", form, "--history", str(history))
    assert len(history.read_text().splitlines()) == 2


def test_trend_draws_production_overall_and_tests_and_old_lines_still_load(tmp_path):
    history = tmp_path / "history.jsonl"
    old = {"generated": "2026-01-01T00:00:00Z", "sites": 46, "migrated": 0, "pending": 30,
           "unmapped": 16, "progress": 0.0}  # fmt: skip
    newer = {**old, "generated": "2026-01-10T00:00:00Z", "migrated": 5, "progress": 10.9,
             "production": 15.2, "tests": 0.0, "kept": 3}  # fmt: skip
    history.write_text(json.dumps(old) + "\n" + json.dumps(newer) + "\n")
    result = CliRunner(env={"SOURCE_DATE_EPOCH": EPOCH}).invoke(
        command, ["report", str(SCHEDULER), "--format", "html", "--history", str(history)]
    )
    assert result.exit_code == 0 and "not a history entry" not in result.stderr
    page = parse(result.stdout)
    lines = {line.attrs["class"]: line.attrs["points"].split() for line in page.find("polyline")}
    assert len(lines["trend-line trend-all"]) == 3
    assert len(lines["trend-line trend-production"]) == 2  # the old line has no production
    assert len(lines["trend-line trend-tests"]) == 2
    text = report(SCHEDULER, "--history", str(history))
    assert re.search(r"Trend \(3 runs\): Production code \S+ · All code \S+ · Test code", text)


# 6. the terminal's wishes when piped


def test_report_fits_columns_when_piped_and_no_color_wins():
    text = report(SCHEDULER, env={"COLUMNS": "90"})
    assert max(len(line) for line in text.splitlines()) <= 90
    wide = report(SCHEDULER)
    assert max(len(line) for line in wide.splitlines()) > 90
    coloured = report(SCHEDULER, env={"FORCE_COLOR": "1"})
    assert "\x1b[" in coloured
    plain = report(SCHEDULER, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in plain
