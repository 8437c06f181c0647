"""Python's comments that may say a bound number is a time (``detect/documented.py`` judges
their text): a line's trailing ``# in seconds``, or the block of ``#`` lines directly above
it.  Found by text, line by line, and only in files where some comment names a unit at all
(one search over the file): most files have none, and tokenizing them would cost more than
the rest of the pre-pass.  Text only: read before any parse (``documented.py`` judges).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Mapping
from functools import lru_cache
from itertools import accumulate

from hardcode_lint.detect.names import documented_name
from hardcode_lint.detect.words import NameWords
from hardcode_lint.lang.python.attribute_docs import BINDS, docstring_lines
from hardcode_lint.parse.source import split_lines

#: A block above says what the next line is when it is short; a longer one is prose about
#: more than that line (mypy's "Second phase of semantic ...", pygments' "these days").
_BLOCK_LINES = 2


@lru_cache(maxsize=8)
def _gate(units: tuple[str, ...]) -> re.Pattern[str]:
    """A comment naming a unit, searched in lowered text (a case-blind search of the same
    words costs three times as much, on every file)."""
    alternatives = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    return re.compile(rf"#[^\n]*?\b(?:{alternatives})\b")


@lru_cache(maxsize=8)
def _stems(units: tuple[str, ...]) -> re.Pattern[str]:
    """A comment holding the first letters of a unit: a cheap search (four times cheaper than
    :func:`_gate`'s) that finds the lines the gate then reads."""
    stems = sorted({unit[:3] for unit in units}, key=len, reverse=True)
    return re.compile(rf"#[^\n]*?(?:{'|'.join(map(re.escape, stems))})")


def _lowered(text: str) -> str:
    """``text`` lowered where that keeps every offset (ASCII); other text keeps its case and
    the gate misses its capitalised units, which the judgement would read the same."""
    return text.lower() if text.isascii() else text


def _comment_start(line: str) -> int | None:
    """Where ``line``'s comment starts, outside its strings (a string left open at the line's
    end, as a triple-quoted one is, hides the rest of the line)."""
    quote, at = "", 0
    while at < len(line):
        char = line[at]
        if quote:
            if char == "\\":
                at += 1
            elif line.startswith(quote, at):
                at += len(quote) - 1
                quote = ""
        elif char in "'\"":
            quote = char * 3 if line.startswith(char * 3, at) else char
            at += len(quote) - 1
        elif char == "#":
            return at
        at += 1
    return None


@lru_cache(maxsize=4)
def documented_lines(text: str, words: NameWords) -> Mapping[int, str]:
    """Line number -> the comment text that documents that line: its own trailing comment,
    then the ``#`` block directly above it, else the attribute docstring of its name
    (:mod:`.attribute_docs`)."""
    docstrings = docstring_lines(text, words)
    comments = _comment_lines(text, words)
    return {**docstrings, **comments} if docstrings else comments


def _comment_lines(text: str, words: NameWords) -> Mapping[int, str]:
    """The comments of :func:`documented_lines`.  Only lines where a comment names a unit
    and a name no word judges is bound to a number (the others gain nothing from a comment)."""
    units = tuple(words.comment_units)
    lowered = _lowered(text)
    if not units or _stems(units).search(lowered) is None:
        return {}
    gate, found = _gate(units), None
    done = 0  # the text before this offset is read
    for match in _stems(units).finditer(lowered):
        if match.start() < done:
            continue
        start = lowered.rfind("\n", 0, match.start()) + 1
        end = lowered.find("\n", match.start())
        done = len(lowered) if end < 0 else end
        if gate.search(lowered, start, done) is not None:
            found = found or _Found(text)  # split into lines once a comment names a unit
            done = max(done, found.read(found.index(match.start()), gate))
    if found is None:
        return {}
    return {n: " ".join(parts) for n, parts in found.notes.items()
            if documented_binding(found.lines[n - 1], words)}  # fmt: skip


def documented_binding(line: str, words: NameWords) -> bool:
    """Whether ``line`` binds a number to a name a comment may make a duration."""
    return any(documented_name(name, words) for name in BINDS.findall(line))


class _Found:
    """The comments read so far, and the file's lines, split once a comment needs them."""

    def __init__(self, text: str) -> None:
        self.lines = split_lines(text)
        self.starts = list(accumulate((len(line) for line in self.lines), initial=0))
        self.notes: dict[int, list[str]] = {}

    def index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def read(self, index: int, gate: re.Pattern[str]) -> int:
        """Read the comment on line ``index`` (a block above a line, or a line's own); the
        offset after what was read."""
        lines = self.lines
        line = lines[index]
        if line.lstrip().startswith("#"):
            after = _block_above(lines, _block_start(lines, index, 0), self.notes)
            return self.starts[after]
        start = _comment_start(line)
        if start is not None and gate.search(_lowered(line), start) is not None:
            self.notes.setdefault(index + 1, []).insert(0, line[start + 1 :].strip())
        return self.starts[index + 1]


def _block_start(lines: list[str], index: int, floor: int) -> int:
    """The first line of the ``#`` block holding line ``index`` (not above ``floor``)."""
    while index > floor and lines[index - 1].lstrip().startswith("#"):
        index -= 1
    return index


def _block_above(lines: list[str], index: int, found: dict[int, list[str]]) -> int:
    """Read the ``#`` block from ``index`` down; a short one documents the code line right
    after it.  Returns the index after the block."""
    block = []
    while index < len(lines) and lines[index].lstrip().startswith("#"):
        block.append(lines[index].lstrip()[1:].strip())
        index += 1
    if index < len(lines) and lines[index].strip() and len(block) <= _BLOCK_LINES:
        found.setdefault(index + 1, []).append(" ".join(block))
    return index


def notes_fact(notes: Mapping[int, str]) -> str:
    """What the comments that say a time add to a module's facts (``units.py``): an editor's
    statement keeps its verdicts only while the comment documenting it says the same."""
    if not notes:
        return ""
    joined = "\x00".join(notes.values()).encode("utf-8", "surrogatepass")
    return "+" + hashlib.blake2b(joined, digest_size=8).hexdigest()
