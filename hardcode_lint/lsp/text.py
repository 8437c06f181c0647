"""Offsets in a buffer's text and the positions an LSP client speaks, and minimal text edits.

The engine locates a finding by line and *code-point* column; LSP positions count columns in
the negotiated encoding's code units (UTF-16 unless the client offers another), so a line
holding an emoji or a CJK supplementary character before the literal puts the two apart.
Everything here works on character offsets into the buffer's text and converts at the edge.
Lines break at ``\\r\\n``, ``\\r`` and ``\\n`` only, as the LSP and the engine both count them
(``str.splitlines`` would also break at form feeds).
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from dataclasses import dataclass

from hardcode_lint.parse.source import split_lines

BOM = "\ufeff"


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in code units of ``encoding`` (``utf-16``, ``utf-8``, ``utf-32``)."""
    if text.isascii() or encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", errors="surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def chars_for_units(line: str, count: int, encoding: str) -> int:
    """How many characters of ``line`` make up its first ``count`` code units (clamped)."""
    if line.isascii() or encoding == "utf-32":
        return min(count, len(line))
    seen = 0
    for index, char in enumerate(line):
        if seen >= count:
            return index
        seen += units(char, encoding)
    return len(line)


@dataclass(frozen=True)
class Position:
    """A 0-based line and a column in code units (what ``lsprotocol.types.Position`` holds)."""

    line: int
    character: int


class TextIndex:
    """One buffer's text with its line starts, for offset <-> position conversion."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.lines = split_lines(text) or [""]
        if self.lines[-1].endswith(("\n", "\r")):
            self.lines.append("")  # the empty line after a final line break
        self.starts = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line)
        self.bom = 1 if text.startswith(BOM) else 0

    def position(self, offset: int) -> Position:
        """The position of character ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return Position(line, units(self.text[self.starts[line] : offset], self.encoding))

    def fast_position(self, offset: int, ascii: bool, line: int) -> tuple[int, int]:
        """:meth:`position` as (line, character), looking at ``line`` first (a finding's),
        and without slicing the line when the whole text is ``ascii`` (every encoding counts
        one unit per character then)."""
        starts = self.starts
        inside = 0 <= line < len(starts) and starts[line] <= offset <= len(self.text)
        if not (ascii and inside and (line + 1 == len(starts) or offset < starts[line + 1])):
            found = self.position(offset)
            return found.line, found.character
        return line, offset - starts[line]

    def offset(self, position: Position) -> int:
        """The character offset of ``position``; past a line's end is its end (as LSP says)."""
        if position.line >= len(self.lines):
            return len(self.text)
        line = self.lines[max(0, position.line)].rstrip("\r\n")
        start = self.starts[max(0, position.line)]
        return start + chars_for_units(line, position.character, self.encoding)

    def finding_offset(self, line: int, column: int) -> int:
        """The offset of the engine's 1-based ``line`` and code-point ``column`` (which do not
        count a byte-order mark)."""
        if line > len(self.lines):
            return len(self.text)
        return self.starts[line - 1] + column - 1 + (self.bom if line == 1 else 0)

    def line_end(self, line: int) -> int:
        """The offset just before the line break of 0-based ``line``."""
        text = self.lines[line]
        return self.starts[line] + len(text.rstrip("\r\n"))


@dataclass(frozen=True)
class Change:
    """Replace characters ``start:end`` of the old text with ``text``."""

    start: int
    end: int
    text: str


def _trimmed(old: str, new: str, start: int) -> Change:
    """The change from ``old`` to ``new`` (at ``start``) without their common ends."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Change(start + prefix, start + len(old) - suffix, new[prefix : len(new) - suffix])


def changes(old: str, new: str) -> list[Change]:
    """Non-overlapping changes turning ``old`` into ``new``: one per changed run of lines,
    each trimmed to the characters that differ (an added import and a replaced literal are
    two small edits, not one covering the lines between them).

    Only for a fixed file the project's formatter rewrote: otherwise a code action sends the
    front end's own edits (:func:`lsp.edits.char_changes`), and nothing is recovered."""
    old_lines, new_lines = split_lines(old), split_lines(new)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    starts = [0]
    for line in old_lines:
        starts.append(starts[-1] + len(line))
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = old[starts[i1] : starts[i2]]
        found.append(_trimmed(before, "".join(new_lines[j1:j2]), starts[i1]))
    return found


def apply_changes(text: str, edits: list[Change]) -> str:
    """``text`` with ``edits`` made (they must not overlap); what a client does with them."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text
