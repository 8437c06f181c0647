"""Line numbers for TOML tables and keys, which ``tomllib`` does not report.

Rule-file problems must be printed as ``FILE:LINE: message``.  Rule files are simple (a
``[module]`` table and ``[[rule]]`` tables of ``key = value`` lines), so one pass over the lines,
tracking the current table, finds where each key was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=""")


@dataclass
class Locations:
    """Where each table and key of one TOML document was written (1-based lines)."""

    tables: dict[tuple[str, int], int] = field(default_factory=dict)  # (name, index) -> line
    keys: dict[tuple[str, int, str], int] = field(default_factory=dict)

    def table(self, name: str, index: int = 0) -> int:
        return self.tables.get((name, index), 1)

    def key(self, table: str, index: int, key: str) -> int:
        return self.keys.get((table, index, key), self.table(table, index))


def locate(text: str) -> Locations:
    found = Locations()
    counts: dict[str, int] = {}
    current, index = "", 0
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(2).strip()
            index = counts.get(current, 0) if header.group(1) == "[[" else 0
            counts[current] = index + 1
            found.tables.setdefault((current, index), number)
            continue
        key = _KEY.match(line)
        if key:
            name = key.group(1).strip("\"'")
            found.keys.setdefault((current, index, name), number)
    return found
