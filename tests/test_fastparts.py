"""The pre-pass of an edited file, read by statement (:mod:`hardcode_lint.lang.python.fastparts`),
finds exactly what the whole-file pre-pass finds, after any edit, whatever statements it
already knows: a line missed here is a finding the editor never shows."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import pytest
from hypothesis import given, settings

from hardcode_lint.lang.python import fastparts
from hardcode_lint.lang.python.detect import catalog_for
from hardcode_lint.lang.python.fastparts import fast_prepass_edited
from hardcode_lint.lang.python.fastpass import fast_prepass
from hardcode_lint.lang.python.source import decode_source
from tests.test_fastpass import TRICKY
from tests.test_units import EDITS, SOURCE, _edit


def _same(text: str) -> None:
    catalog = catalog_for("")
    source = decode_source(text.encode(), "x.py")
    vocabulary = (catalog.words, catalog.callee_names(), catalog.fallback_names())
    whole, edited = fast_prepass(source, *vocabulary), fast_prepass_edited(source, *vocabulary)
    if whole is None or edited is None:
        assert whole is None and edited is None
        return
    assert (edited[0].lines, edited[0].keep, edited[0].roots) == (
        whole[0].lines, whole[0].keep, whole[0].roots)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(EDITS)
def test_edits_read_by_statement_find_what_the_whole_file_finds(edits):
    texts = [SOURCE]
    for kind, where, what in edits:
        texts.append(_edit(texts[-1], kind, where, what))
    for text in texts:
        _same(text)


@pytest.mark.parametrize("text", TRICKY)
def test_small_files_read_by_statement_find_what_the_whole_file_finds(text):
    _same(text)


STDLIB = Path(sysconfig.get_paths()["stdlib"])


@pytest.mark.parametrize("name", ["asyncio/base_events.py", "imaplib.py", "logging/handlers.py"])
def test_real_modules_read_by_statement_find_what_the_whole_file_finds(name):
    text = (STDLIB / name).read_text(encoding="utf-8")
    fastparts._store.parts.clear()  # read in one query, then statement by statement
    _same(text)
    _same(text.replace("\n\n\n", "\n\n\nimport time\ntime.sleep(3)\n\n\n", 1))


def test_an_editors_first_keystroke_reads_only_the_statement_it_changed(tmp_path, monkeypatch):
    """An open buffer's analysis fills the stores by statement, so the first edit after it
    reads one statement, not the whole file again."""
    from hardcode_lint.lsp.buffer import ResultCache
    from tests.test_units import _fresh, _settings, _task

    cache, task, config = ResultCache(), _task(tmp_path), _settings(tmp_path)
    fastparts._store.parts.clear()
    cache.result(task, SOURCE.encode(), config)
    read: list[bytes] = []
    real = fastparts._part
    monkeypatch.setattr(fastparts, "_part",
                        lambda statement, *rest: read.append(statement.text) or real(statement, *rest))  # fmt: skip
    edited = SOURCE.replace("aio.sleep(2)", "aio.sleep(3)")
    result = cache.result(task, edited.encode(), config)
    assert len(read) == 1 and b"aio.sleep(3)" in read[0]
    assert result == _fresh(task, edited, config)
