"""An edit is data: a byte (or character) range and the text that replaces it.

One splicer applies edits for every consumer, so ``fix``, its diff, the report's "new code"
column and the editor's code action can never disagree about what a site becomes (ruff's and
ast-grep's design).  Overlapping edits are skipped, never merged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


def changed_range(old: Text, new: Text) -> TextEdit[Text] | None:
    """The one edit turning ``old`` into ``new``: their common ends trimmed; None when equal."""
    if old == new:
        return None
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return TextEdit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])


def folded(data: Text, edits: Sequence[TextEdit[Text]], after: Text) -> list[TextEdit[Text]]:
    """Edits of ``data`` whose splice is ``after``, where ``after`` is ``splice(data, edits)``
    rewritten once more by a whole-file step (an importer that hands back the file): the step's
    change, as one trimmed range, joins ``edits`` mapped back onto ``data``; an edit whose text
    the step touched is merged into it, so the splice is ``after`` whatever the step did."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    spliced = splice(data, ordered)
    change = changed_range(spliced, after)
    if change is None:
        return ordered
    outputs, shift = [], 0  # each edit's range in ``spliced``
    for edit in ordered:
        outputs.append((edit.start + shift, edit.start + shift + len(edit.text)))
        shift += len(edit.text) - (edit.end - edit.start)
    low, high = change.start, change.end
    merged: set[int] = set()
    grown = True
    while grown:
        grown = False
        for index, (a, b) in enumerate(outputs):
            inside = a < low < b or a < high < b
            # an insertion and the step's change at one offset: their order is the step's
            touching = ordered[index].start == ordered[index].end and a <= high and low <= b
            if index not in merged and (inside or touching or (low < b and a < high)):
                merged.add(index)
                low, high, grown = min(low, a), max(high, b), True
    kept: list[TextEdit[Text]] = [e for i, e in enumerate(ordered) if i not in merged]
    start, end = _unspliced(ordered, outputs, low, True), _unspliced(ordered, outputs, high, False)
    end = max(start, end)
    kept.append(TextEdit(start, end, after[low : high + len(after) - len(spliced)]))
    return sorted(kept, key=lambda e: (e.start, e.end))


def _unspliced(
    edits: Sequence[TextEdit[Text]], outputs: Sequence[tuple[int, int]], at: int, late: bool
) -> int:
    """The offset in the unspliced data of offset ``at`` of the spliced data, which lies on no
    edit's text but maybe at its ends (``late``: after a removal standing there)."""
    before = at  # an offset before every edit maps to itself
    for edit, (a, b) in zip(edits, outputs, strict=True):
        if b <= at and (late or b < at or a < b):
            before = edit.end + (at - b)
        elif a >= at:
            break
    return before
