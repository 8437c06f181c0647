"""Where an edit moved what it left alone: an editor's keystroke changes a few bytes of a file,
and every finding below it keeps its text, its columns and its verdict, only moved by the
edit's bytes and lines.  The engine hands such a finding on, moved, instead of building it
again (a dense file's keystroke in its middle rebuilt half of its 4,000 findings).

Sound by construction: a finding is moved only when every byte of its lines is in the part
the edit kept (so its suppression comment, its columns and its line text are the old ones) and
its hit is the old hit but for its place; ``tests/test_moved.py`` checks against fresh findings.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from hardcode_lint.edit import common_head
from hardcode_lint.model import Finding

if TYPE_CHECKING:
    from hardcode_lint.lang.base import Hit

_FINDING = attrgetter(*(f.name for f in fields(Finding)))
_SHIFTED = tuple(i for i, f in enumerate(fields(Finding)) if f.name in ("line", "end_line"))
_OFFSETS = tuple(i for i, f in enumerate(fields(Finding)) if f.name in ("start", "end"))
_verdict_of: Any = None  # every field of a hit but its place, made on first use


def _common_tail(a: bytes, b: bytes, limit: int) -> int:
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low


class Edit:
    """The one changed stretch between ``old`` and ``new``: the first ``head`` bytes are the
    same, and so are ``old[old_tail:]`` and ``new[new_tail:]``."""

    def __init__(self, old: bytes, new: bytes) -> None:
        self.old, self.new = old, new
        self.head = head = common_head(old, new)
        tail = _common_tail(old, new, min(len(old), len(new)) - head)
        self.old_tail, self.new_tail = len(old) - tail, len(new) - tail
        self.delta = self.new_tail - self.old_tail
        # a CR in or next to the change may make or join a line the `\n`s do not show
        self.usable = b"\r" not in old[max(0, head - 1) : self.old_tail + 1] and (
            b"\r" not in new[max(0, head - 1) : self.new_tail + 1]
        )
        self.lines = new.count(b"\n", head, self.new_tail) - old.count(b"\n", head, self.old_tail)

    def old_place(self, hit: Hit) -> tuple[int, int, int] | None:
        """(start, end, lines moved) of ``hit`` in the old bytes when its lines are all in a
        part the edit kept; None when they are not."""
        if not self.usable:
            return None
        if hit.start >= self.new_tail:
            start = hit.start - self.delta
            # the newline before its line is kept too: the line starts where it did
            if self.old.rfind(b"\n", 0, start) >= self.old_tail:
                return start, hit.end - self.delta, self.lines
            return None
        end_of_line = self.new.find(b"\n", hit.end)
        if 0 <= end_of_line < self.head:
            return hit.start, hit.end, 0
        return None


def same_verdict(old: Hit, new: Hit) -> bool:
    """Whether two hits differ at most by where they are."""
    global _verdict_of
    if _verdict_of is None:
        from hardcode_lint.lang.base import Hit

        _verdict_of = attrgetter(*(f.name for f in fields(Hit) if f.name not in ("start", "end")))
    return bool(_verdict_of(old) == _verdict_of(new))


def moved(finding: Finding, hit: Hit, lines: int) -> Finding:
    """``finding`` at ``hit``'s place, ``lines`` lines further down."""
    if not lines and finding.start == hit.start:
        return finding
    values = list(_FINDING(finding))
    for index in _SHIFTED:
        values[index] += lines
    values[_OFFSETS[0]], values[_OFFSETS[1]] = hit.start, hit.end
    return Finding(*values)
