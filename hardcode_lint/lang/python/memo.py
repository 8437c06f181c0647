"""Verdicts kept for the next run: libcst's findings by top-level statement (:mod:`.units`).

A statement's verdicts are a function of its text, of the module's facts and of the settings
(which key the cache, or the editor's document, the memo lives in).  When the facts are the
same, a statement whose text did not change gets its findings back from here, placed at its
new first line: an edit to one function of a dense file judges that function alone, and an
edit outside every candidate statement (a comment, a function with no candidate) never imports
or runs libcst.

Each hit is kept with its literal's position relative to its statement's first line.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import fields
from operator import attrgetter
from threading import Lock
from typing import Any

from hardcode_lint.lang.base import Hit
from hardcode_lint.lang.python.prepass import Span
from hardcode_lint.model import Context, Kind
from hardcode_lint.parse.source import SourceFile

_VERSION = 2
Rows = list[list[Any]]
Placed = dict[tuple[str, int, int], list[Hit]]  # (statement key, first line, first byte) -> hits
_RECENT = 4  # memos kept decoded: an editor's open files' last versions


class _Recent:
    """The last memos made here, decoded, with each statement's rows as JSON: an editor
    hands the memo of one keystroke's analysis back at the next, and reading and writing
    the whole of a dense file's memo each time was a tenth of an edit's analysis.  A memo
    is text, so a memo found here is the memo made here, and its rows are what it says."""

    def __init__(self) -> None:
        # memo -> (its facts, its rows by statement, each rows list's JSON by the list's id,
        # and the hits of its analysis by where their statement stood)
        self.memos: OrderedDict[str, tuple[str, dict[str, Rows], dict[int, tuple[Rows, str]],
                                           Placed]] = OrderedDict()  # fmt: skip
        self.lock = Lock()  # the editor analyses its documents in threads

    def get(self, memo: str) -> tuple[str, dict[str, Rows], Placed] | None:
        with self.lock:
            found = self.memos.get(memo)
        return None if found is None else (found[0], found[1], found[3])

    def written(self) -> dict[int, tuple[Rows, str]]:
        """The JSON of every rows list of the kept memos, by the list's id."""
        with self.lock:
            return {key: value for _, _, texts, _ in self.memos.values() for key, value in
                    texts.items()}  # fmt: skip

    def add(self, memo: str, facts: str, units: dict[str, Rows],
            texts: dict[int, tuple[Rows, str]], placed: Placed) -> None:  # fmt: skip
        with self.lock:
            self.memos[memo] = (facts, units, texts, placed)
            self.memos.move_to_end(memo)
            while len(self.memos) > _RECENT:
                self.memos.popitem(last=False)


_recent = _Recent()


def row(span: Span, hit: Hit, first: int) -> list[Any]:
    """``hit`` of the literal at ``span`` as a memo row, placed relative to line ``first``."""
    line, col, end_line, end_col = span
    return [line - first, col, end_line - first, end_col, hit.kind.value, hit.context.value,
            hit.unit, hit.value, hit.number, hit.api, hit.arg, hit.scope, hit.snippet,
            hit.snippet_start, hit.snippet_end, hit.arg_alias, hit.test]  # fmt: skip


def encode(facts: str, units: dict[str, Rows], placed: Placed | None = None) -> str:
    """The memo of the statements' rows, found under ``facts``: the JSON of
    ``{"v", "facts", "units"}``, each statement's rows written once (those of a statement
    kept from the last memo are its JSON again); ``placed``, the hits of this analysis by
    where their statement stood, is kept with it for :func:`placed`.

    JSON by the standard library: a value beyond 64 bits or an infinity must come back exact.
    """
    known, texts, parts = _recent.written(), {}, []
    for key, rows in units.items():
        seen = known.get(id(rows))
        text = seen[1] if seen is not None and seen[0] is rows else _dumps(rows)
        texts[id(rows)] = (rows, text)
        parts.append(f"{_dumps(key)}:{text}")
    memo = f'{{"v":{_VERSION},"facts":{_dumps(facts)},"units":{{{",".join(parts)}}}}}'
    _recent.add(memo, facts, units, texts, placed or {})
    return memo


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def decode(memo: str, facts: str) -> dict[str, Rows] | None:
    """The rows of each statement kept in ``memo``; None when it was found under other facts
    (or is damaged), and the whole module must be judged."""
    if not memo:
        return None
    recent = _recent.get(memo)
    if recent is not None:
        return recent[1] if recent[0] == facts else None
    try:
        data: dict[str, Any] = json.loads(memo)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("v") != _VERSION or data.get("facts") != facts:
        return None
    units = data.get("units")
    return units if isinstance(units, dict) else None


def placed(memo: str, facts: str) -> Placed:
    """The hits of ``memo``'s analysis by (statement key, first line, first byte), when it
    was made here under ``facts``: a statement found again at the same line and byte has
    the same hits, the very objects (the engine turns a hit it saw into the same finding)."""
    recent = _recent.get(memo)
    return recent[2] if recent is not None and recent[0] == facts else {}


class Moves:
    """The hits of the last analysis's statements, found at a statement's new place: at the
    same line and byte, the very objects; moved by an edit above it (the same text, so the
    same hits, each as far in bytes from the statement's first byte), the hits moved."""

    def __init__(self, before: Placed) -> None:
        self.before = before
        self.by_key: dict[str, tuple[int, list[Hit]]] | None = None

    def at(self, where: tuple[str, int, int]) -> list[Hit] | None:
        found = self.before.get(where)
        if found is not None or not self.before:
            return found
        if self.by_key is None:
            self.by_key = {key: (byte, hits) for (key, _, byte), hits in self.before.items()}
        known = self.by_key.get(where[0])
        if known is None:
            return None
        delta = where[2] - known[0]
        return [_moved(hit, delta) for hit in known[1]]


_HIT = attrgetter(*(f.name for f in fields(Hit)))


def _moved(hit: Hit, delta: int) -> Hit:
    values = list(_HIT(hit))
    values[0] += delta  # start
    values[1] += delta  # end
    return Hit(*values)


def place(rows: Rows, source: SourceFile, first: int, last: int) -> list[Hit]:
    """The hits of a statement now on lines ``first`` to ``last``; raises ValueError,
    TypeError or IndexError for a damaged memo."""
    return [_hit(row, source, first, last - first) for row in rows]


def _hit(row: list[Any], source: SourceFile, first: int, lines: int) -> Hit:
    line, col, end_line, end_col, kind, context, unit, value, number, api, arg, *rest = row
    scope, snippet, snippet_start, snippet_end, arg_alias, test = rest
    if not isinstance(number, int | float) or not isinstance(snippet, str):
        raise TypeError("not a memo row")
    if not 0 <= line <= end_line <= lines:
        raise IndexError("a literal outside its statement")
    return Hit(
        start=source.offset_utf8(first + line, col),
        end=source.offset_utf8(first + end_line, end_col),
        kind=Kind(kind), context=Context(context), unit=unit, value=str(value), number=number,
        api=api, arg=arg, scope=scope, snippet=snippet, snippet_start=int(snippet_start),
        snippet_end=int(snippet_end), arg_alias=arg_alias, test=bool(test),
    )  # fmt: skip
