"""Analysis by statement: an edit judged from the last version's memo gives exactly the
findings of an analysis from scratch, and judges only the statements it changed.

The editor passes each version's memo to the next (:mod:`hardcode_lint.lsp.buffer`); a wrong
reuse would show a finding that is gone, or hide a new one, until the file is reopened.  The
source below holds every fact that reaches across statements (aliases, imports, a ``def``
named like a callee, ``global``, a factor, counters, constructed receivers, settings classes,
decorators), and random edits rename them, retype numbers, add, delete and copy lines.
"""

from __future__ import annotations

import json
import sysconfig
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hardcode_lint.lang.python.detect as python_detect
from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, Settings, analyze_data, analyze_with_memo
from hardcode_lint.lsp.buffer import ResultCache
from hardcode_lint.model import FileResult

SOURCE = '''"""A module."""
import time
import asyncio as aio
from datetime import timedelta
from twisted.internet.task import LoopingCall

nap = time.sleep
backoff = 1.5
DEFAULT_TIMEOUT = 30
CACHES = {"default": {"TIMEOUT": 300}}
counter = 0


def retry(delay=2, retries=3):
    def wrap(f):
        return f
    return wrap


@retry(delay=5)
def first(client):
    nap(4)
    time.sleep(1)
    client.get(url, timeout=10, max_retries=5)


async def second():
    await aio.sleep(2)
    return timedelta(seconds=45)


def third(delay=1.0):
    global counter
    counter = 3
    attempts = 1
    while attempts < 5:
        attempts += 1
    delay *= backoff
    time.sleep(delay)


class Poller:
    interval = 60

    def __init__(self):
        self.loop = LoopingCall(self.poll)
        self.limit = 100

    def start(self):
        self.loop.start(30)


class Timeout(Setting):
    default = 20


def fourth(items, max_items=50):
    for item in items[:max_items]:
        time.sleep(0.5)
    return max(len(items), 8)
'''

WORDS = ["time", "sleep", "nap", "backoff", "delay", "timeout", "retries", "attempts", "aio",
         "counter", "LoopingCall", "self", "interval", "max", "limit", "default"]  # fmt: skip
LINES = ["nap = time.sleep", "global delay", "delay *= backoff", "retries += 1", "time.sleep(3)",
         "nap(4)", "backoff = 1.5", "import time as nap", "sleep = print", "def sleep(n): pass",
         "self.loop = LoopingCall(f)", "self.loop.start(30)", "timeout = 10", "time = None",
         "wait = delay * backoff", "aio.sleep(7)", "max_retries = [3]",
         "opts.get('timeout', 9)"]  # fmt: skip
NUMBERS = ["0", "7", "15", "2.5", "0x10", "1e3"]


def _edit(text: str, kind: str, where: int, what: int) -> str:
    lines = text.splitlines(keepends=True)
    line = where % len(lines)
    indent = lines[line][: len(lines[line]) - len(lines[line].lstrip())]
    if kind == "number":
        digits = [i for i, c in enumerate(text) if c.isdigit()]
        at = digits[where % len(digits)]
        return text[:at] + NUMBERS[what % len(NUMBERS)] + text[at + 1 :]
    if kind == "word":
        old, new = WORDS[where % len(WORDS)], WORDS[what % len(WORDS)]
        at = text.find(old, (what * 37) % len(text))
        return text if at < 0 else text[:at] + new + text[at + len(old) :]
    if kind == "insert":
        lines.insert(line, f"{indent}{LINES[what % len(LINES)]}\n")
    elif kind == "delete":
        del lines[line]
    else:  # a line copied below itself
        lines.insert(line, lines[line])
    return "".join(lines)


def _task(tmp_path: Path) -> FileTask:
    return FileTask(path=tmp_path / "mod.py", rel="mod.py", test=False, language="python")


def _settings(tmp_path: Path) -> Settings:
    return settings_for(Config(root=tmp_path))


def _typed(task: FileTask, texts: list[str], settings: Settings) -> list[FileResult]:
    """Each version analysed from the memo of the one before, as the editor does."""
    memo, results = "", []
    for text in texts:
        result, memo = analyze_with_memo(replace(task, known_memo=memo), text.encode(), settings)
        results.append(result)
    return results


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["number", "word", "insert", "delete", "copy"]),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(EDITS)
def test_edits_judged_by_statement_give_the_findings_of_a_whole_analysis(tmp_path, edits):
    texts = [SOURCE]
    for kind, where, what in edits:
        texts.append(_edit(texts[-1], kind, where, what))
    task, config = _task(tmp_path), _settings(tmp_path)
    typed = _typed(task, texts, config)
    assert typed == [_fresh(task, text, config) for text in texts]


def test_the_source_holds_findings_in_every_statement_kind(tmp_path):
    result = analyze_data(_task(tmp_path), SOURCE.encode(), _settings(tmp_path))
    assert result.error is None
    assert {f.scope for f in result.findings} >= {None, "first", "second", "third", "fourth"}


def test_an_edit_in_one_function_parses_only_that_function(tmp_path, monkeypatch):
    task, config = _task(tmp_path), _settings(tmp_path)
    memo = analyze_with_memo(task, SOURCE.encode(), config)[1]
    parsed = _parsed_texts(monkeypatch)
    edited = SOURCE.replace("aio.sleep(2)", "aio.sleep(3)")
    result = analyze_with_memo(replace(task, known_memo=memo), edited.encode(), config)[0]
    assert "aio.sleep(3)" in parsed[0] and "timeout=10" not in parsed[0]
    assert "self.loop.start(30)" not in parsed[0]
    assert result == analyze_data(task, edited.encode(), config)
    assert [f.value for f in result.findings if f.scope == "second"] == ["3", "45"]


def _parsed_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = python_detect.parse_cst
    monkeypatch.setattr(python_detect, "parse_cst", lambda text: parsed.append(text) or real(text))
    return parsed


def test_the_editor_keeps_the_memo_across_a_version_that_does_not_parse(tmp_path, monkeypatch):
    """Typing ``aio.sleep(3)`` passes through ``aio.sleep(``: the next version that parses is
    still judged by statement."""
    cache, task, config = ResultCache(), _task(tmp_path), _settings(tmp_path)
    cache.result(task, SOURCE.encode(), config)
    broken = SOURCE.replace("aio.sleep(2)", "aio.sleep(")
    assert cache.result(task, broken.encode(), config).error is not None
    parsed = _parsed_texts(monkeypatch)
    fixed = SOURCE.replace("aio.sleep(2)", "aio.sleep(3)")
    result = cache.result(task, fixed.encode(), config)
    assert len(parsed) == 1 and "timeout=10" not in parsed[0]
    assert result == analyze_data(task, fixed.encode(), config)


def test_a_changed_fact_judges_the_whole_module_again(tmp_path, monkeypatch):
    """``nap`` rebound to another callee changes ``first``'s verdicts, which did not change."""
    task, config = _task(tmp_path), _settings(tmp_path)
    memo = analyze_with_memo(task, SOURCE.encode(), config)[1]
    edited = SOURCE.replace("nap = time.sleep", "nap = time.time")
    result = analyze_with_memo(replace(task, known_memo=memo), edited.encode(), config)[0]
    assert result == analyze_data(task, edited.encode(), config)
    assert "4" not in [f.value for f in result.findings if f.scope == "first"]


STDLIB = Path(sysconfig.get_paths()["stdlib"])


@pytest.mark.parametrize("name", ["asyncio/base_events.py", "socketserver.py", "imaplib.py"])
def test_edits_of_real_modules_give_the_findings_of_a_whole_analysis(tmp_path, name):
    text = (STDLIB / name).read_text(encoding="utf-8")
    edits = [("number", 40, 1), ("insert", 300, 4), ("word", 1, 3), ("delete", 120, 0)]
    texts = [text]
    for kind, where, what in edits:
        texts.append(_edit(texts[-1], kind, where, what))
    task, config = _task(tmp_path), _settings(tmp_path)
    assert _typed(task, texts, config) == [_fresh(task, t, config) for t in texts]


def test_a_memo_is_the_json_of_its_rows_and_reads_back_under_its_facts_only():
    from hardcode_lint.lang.python import memo

    rows = {"a1": [[0, 4, 0, 5, "duration", "call-arg", "s", "2", 2, "time.sleep", 0]],
            "b2": [], "c3": [[1, 0, 1, 3, "limit", "kwarg", None, "1e400", 2**70]]}  # fmt: skip
    text = memo.encode("facts", rows)
    assert json.loads(text) == {"v": 2, "facts": "facts", "units": rows}
    again = memo.encode("facts", {"a1": rows["a1"], "d4": [[9]]})  # a1's JSON is reused
    assert json.loads(again)["units"] == {"a1": rows["a1"], "d4": [[9]]}
    for made in (text, json.dumps(json.loads(text))):  # made here, and read from a disk cache
        assert memo.decode(made, "facts") == rows
        assert memo.decode(made, "other facts") is None
    assert memo.decode(text[:-1], "facts") is None  # damaged


def test_an_edit_builds_the_findings_of_the_statements_it_changed_or_moved(tmp_path, monkeypatch):
    """A statement the edit left at the same line and byte keeps its finding objects; one
    below an edit that changed the length has its findings moved, not built again (and
    rightly: compared with a whole analysis)."""
    import hardcode_lint.engine as engine

    task, config = _task(tmp_path), _settings(tmp_path)
    first, memo = analyze_with_memo(task, SOURCE.encode(), config)
    built: list[str] = []
    real = engine._finding
    monkeypatch.setattr(engine, "_finding", lambda *a: built.append(a[2].value) or real(*a))
    same_length = SOURCE.replace("aio.sleep(2)", "aio.sleep(3)")
    second, memo = analyze_with_memo(replace(task, known_memo=memo), same_length.encode(), config)
    assert "3" in built and len(built) < len(first.findings) / 2
    assert second == analyze_data(task, same_length.encode(), config)
    assert {f.value: f for f in first.findings if f.scope == "first"} == {
        f.value: f for f in second.findings if f.scope == "first"}  # fmt: skip
    built.clear()
    longer = same_length.replace("aio.sleep(3)", "aio.sleep(300)")
    third = analyze_with_memo(replace(task, known_memo=memo), longer.encode(), config)[0]
    moved = [f for f in third.findings if f.start > longer.index("aio.sleep(300)")]
    assert len(moved) > 5 and built == ["300"]  # those below the edit: moved
    assert third == _fresh(task, longer, config)


def _fresh(task: FileTask, text: str, config: Settings) -> FileResult:
    """A whole analysis, with nothing the engine kept of the last one."""
    import hardcode_lint.engine as engine

    engine._seen.files.clear()
    return analyze_data(task, text.encode(), config)


@settings(max_examples=40, deadline=None)
@given(EDITS)
def test_statements_split_from_known_units_as_from_scratch(edits):
    """An editor's split reuses the units of statements it saw: the same units and facts."""
    from hardcode_lint.lang.python import units
    from hardcode_lint.lang.python.detect import catalog_for
    from hardcode_lint.lang.python.fastpass import fast_prepass
    from hardcode_lint.lang.python.source import decode_source
    from hardcode_lint.lang.python.ts_statements import TreeSitterStatements

    catalog, text = catalog_for(""), SOURCE
    for kind, where, what in [("number", 0, 0), *edits]:
        text = _edit(text, kind, where, what)
        source = decode_source(text.encode(), "x.py")
        found = fast_prepass(source, catalog.words, catalog.callee_names())
        if found is None:
            continue
        pre, root = found
        keep, tree = sorted(pre.lines + pre.keep), TreeSitterStatements(root)
        assert units.split(tree, source.lines, keep, pre.roots, edited=True) == units.split(
            tree, source.lines, keep, pre.roots)  # fmt: skip
