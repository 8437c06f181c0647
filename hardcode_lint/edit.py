"""An edit is data: a byte (or character) range and the text that replaces it.

One splicer applies edits for every consumer, so ``fix``, its diff, the report's "new code"
column and the editor's code action can never disagree about what a site becomes (ruff's and
ast-grep's design).  Overlapping edits are skipped, never merged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

Text = TypeVar("Text", str, bytes)


@dataclass(frozen=True, slots=True)
class TextEdit(Generic[Text]):
    start: int
    end: int
    text: Text


def splice(data: Text, edits: Iterable[TextEdit[Text]]) -> Text:
    """``data`` with each edit's range replaced by its text; an edit overlapping an earlier
    one (in start order) is skipped."""
    parts: list[Text] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor or edit.start > edit.end or edit.end > len(data):
            continue
        parts += [data[cursor : edit.start], edit.text]
        cursor = edit.end
    parts.append(data[cursor:])
    return data[:0].join(parts)


def common_head(a: bytes, b: bytes, limit: int | None = None) -> int:
    """How many bytes ``a`` and ``b`` share at their start, at most ``limit`` (by halving:
    memcmp speed)."""
    low, high = 0, min(len(a), len(b)) if limit is None else limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low
