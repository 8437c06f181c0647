"""Attribute docstrings as a binding's documentation, as Sphinx reads them: cassandra's

    schema_event_refresh_window = 2
    \"\"\"Window, in seconds, within which a schema component will be refreshed ...\"\"\"

says the 2 is a time, though no word of the name does.  The same name bound to a number
elsewhere in the file (the ``schema_event_refresh_window=2`` default of ``__init__``) is the
same setting and shares the documentation.  Found by text, like the comments of
:mod:`.comments`, whose judge (``detect/documented.py``) reads these too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from hardcode_lint.detect.names import documented_name
from hardcode_lint.detect.words import NameWords
from hardcode_lint.parse.source import split_lines

#: A plain binding of a number, alone on its line (`    name = 2`, `name: float = 0.5`).
_BINDING = re.compile(r"[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*[-+(]*[ \t]*\d[^\n]*")
#: A number bound on one line and a string statement opening the next: found from the ``=``,
#: a literal ``re`` skips ahead to (a search from every line start costs ten times more).
_UNDER_BINDING = re.compile(r"=[ \t]*[-+(]*[ \t]*\d[^\n]*\n[ \t]*(?:\"{3}|'{3})")
#: A name bound to a number anywhere on a line (an assignment, a default, a keyword); the
#: comments of :mod:`.comments` are read for the same lines.
BINDS = re.compile(r"([A-Za-z_]\w*)\s*(?::\s*[^=,()\n]*)?=\s*[-+(]*\s*\d")
#: How much of a docstring is read: its first paragraph says what the value is.
_READ = 400


@lru_cache(maxsize=8)
def _unit_words(units: tuple[str, ...]) -> re.Pattern[str]:
    """A unit named anywhere in lowered text."""
    return re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, units), key=len, reverse=True))})\b")


def _documented_names(text: str, words: NameWords) -> dict[str, str]:
    """Name -> the first paragraph of the docstring right under its binding, for the names
    a comment may make a duration (``names.documented_name``)."""
    notes: dict[str, str] = {}
    names_unit = _unit_words(tuple(words.comment_units))
    for found in _UNDER_BINDING.finditer(text):
        at = found.end() - 3  # the opening quotes
        start = text.rfind("\n", 0, found.start()) + 1
        bound = _BINDING.fullmatch(text, start, text.rfind("\n", 0, at))
        if bound is None or not documented_name(bound.group(1), words):
            continue
        body = text[at + 3 : at + 3 + _READ]
        close = body.find(text[at : at + 3])
        paragraph = body[: close if close >= 0 else len(body)].strip().split("\n\n")[0]
        if names_unit.search(paragraph.lower()) is not None:  # the others say no time
            notes.setdefault(bound.group(1), " ".join(paragraph.split()))
    return notes


@lru_cache(maxsize=4)
def docstring_lines(text: str, words: NameWords) -> Mapping[int, str]:
    """Line number -> the docstring documenting the name bound to a number there."""
    if not words.comment_units:
        return {}
    notes = _documented_names(text, words)
    if not notes:
        return {}
    found = {}
    for number, line in enumerate(split_lines(text), 1):
        said = {notes.get(name) for name in BINDS.findall(line)}
        note = said.pop() if len(said) == 1 else None  # a line's note is read for all its names
        if note is not None:
            found[number] = note
    return found
