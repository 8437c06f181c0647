"""The engine hands on a finding an edit only moved (:mod:`hardcode_lint.moved`): after any
edit, in any language, the findings are those of an analysis from scratch.

A wrong move would show a finding at a stale line or column, or keep one a new suppression
comment or a changed line should have dropped, until the file is reopened.  The edits below
type inside lines, before a literal on its line, add and join lines (``\\n``, ``\\r\\n`` and a
bare ``\\r``), add suppression comments, and change the literal's own text.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hardcode_lint.engine as engine
from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, analyze_data
from hardcode_lint.lang import language_of
from hardcode_lint.model import FileResult

PYTHON = """import time


def first(client):
    time.sleep(5)
    client.get(url, timeout=10)  # noqa: HCL
    return max(n, 3)


def second():
    time.sleep(2); time.sleep(7)
    x = 1
    time.sleep(
        30)
"""
RUST = """use std::time::Duration;

fn first() -> Duration {
    let n = n.max(4);
    Duration::from_secs(5)
}

fn second() -> Duration {
    Duration::from_millis(250) + Duration::from_secs(9)
}
"""
INSERTS = ["1", "x", " ", "\n", "\r\n", "\r", "  # noqa", "  // noqa", "time.sleep(8)\n", "(", "é"]


def _edit(text: str, at: int, cut: int, insert: int) -> str:
    at %= len(text) + 1
    return text[:at] + INSERTS[insert % len(INSERTS)] + text[at + cut :]


def _analysed(tmp_path: Path, name: str, texts: list[str]) -> tuple[list, list]:
    task = FileTask(path=tmp_path / name, rel=name, test=False, language=language_of(name) or "")
    config = settings_for(Config(root=tmp_path))
    engine._seen.files.clear()
    typed = [analyze_data(task, text.encode(), config) for text in texts]
    fresh: list[FileResult] = []
    for text in texts:
        engine._seen.files.clear()
        fresh.append(analyze_data(task, text.encode(), config))
    return typed, fresh


EDITS = st.lists(st.tuples(st.integers(0, 400), st.integers(0, 3), st.integers(0, 50)),
                 min_size=1, max_size=5)  # fmt: skip


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.sampled_from([("mod.py", PYTHON), ("lib.rs", RUST)]), EDITS)
def test_findings_after_edits_are_those_of_a_fresh_analysis(tmp_path, file, edits):
    name, text = file
    texts = [text]
    for at, cut, insert in edits:
        texts.append(_edit(texts[-1], at, cut, insert))
    typed, fresh = _analysed(tmp_path, name, texts)
    assert typed[0].findings and typed[0].error is None
    assert typed == fresh


def test_an_edit_above_moves_the_findings_below_without_building_them(tmp_path, monkeypatch):
    built: list[str] = []
    real = engine._finding
    monkeypatch.setattr(engine, "_finding", lambda *a: built.append(a[2].value) or real(*a))
    task = FileTask(path=tmp_path / "mod.py", rel="mod.py", test=False, language="python")
    config = settings_for(Config(root=tmp_path))
    before = analyze_data(task, PYTHON.encode(), config)
    built.clear()
    edited = PYTHON.replace("time.sleep(5)", "time.sleep(500)\n    time.sleep(6)")
    after = analyze_data(task, edited.encode(), config)
    assert sorted(built) == ["500", "6"]  # of the edited lines only
    assert {f.value: f.line for f in after.findings}["30"] == before.findings[-1].line + 1
    engine._seen.files.clear()
    assert after == analyze_data(task, edited.encode(), config)
