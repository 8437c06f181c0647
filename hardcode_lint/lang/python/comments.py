"""Python's comments that may say a bound number is a time (``detect/documented.py`` judges
their text): a line's trailing ``# in seconds``, or the block of ``#`` lines directly above
it.  Found by text, line by line, and only in files where some comment names a unit at all
(one search over the file): most files have none, and tokenizing them would cost more than
the rest of the pre-pass.  Text only: read before any parse (``documented.py`` judges).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import lru_cache

from hardcode_lint.detect.words import NameWords
from hardcode_lint.parse.source import split_lines

#: A block above says what the next line is when it is short; a longer one is prose about
#: more than that line (mypy's "Second phase of semantic ...", pygments' "these days").
_BLOCK_LINES = 2


@lru_cache(maxsize=8)
def _gate(units: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    return re.compile(rf"#[^\n]*\b(?:{alternatives})\b", re.IGNORECASE)


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
    then the ``#`` block directly above it.  Only lines where a comment names a unit."""
    gate = _gate(tuple(words.comment_units))
    if not words.comment_units or gate.search(text) is None:
        return {}
    lines = split_lines(text)
    found: dict[int, list[str]] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        if "#" not in line or gate.search(line) is None:
            index += 1
            continue
        if line.lstrip().startswith("#"):
            index = _block_above(lines, index, found)
            continue
        start = _comment_start(line)
        if start is not None and gate.search(line, start) is not None:
            found.setdefault(index + 1, []).insert(0, line[start + 1 :].strip())
        index += 1
    return {number: " ".join(parts) for number, parts in found.items()}


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
