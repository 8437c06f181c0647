"""The markers a migrated ``const``/``static`` leaves (see ``consts.py``).

``// hardcode-lint: NAME moved to EXPR`` stands where a constant was removed;
``const NAME: T = 5; // hardcode-lint: default (EXPR)`` is a public constant kept as the
documented default.  A marked line's literal is no finding, and each marker whose EXPR is a
watched replacement is that rule's migrated site (``api`` and ``arg`` the constant's name,
as its literal had).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

DEFAULT = b"// hardcode-lint: default"
_MOVED = re.compile(rb"//[ \t]*hardcode-lint:[ \t]*(\w+) moved to ([^\r\n]+)")
_KEPT = re.compile(
    rb"(?:const|static)\s+(\w+)\b[^\n]*//[ \t]*hardcode-lint:[ \t]*default[ \t]*\(([^\r\n]+)\)"
)


@dataclass(frozen=True, slots=True)
class Marker:
    name: str
    expression: str
    start: int  # of the expression, in the data searched
    end: int


def on_marked_line(data: bytes, start: int) -> bool:
    """Whether the line holding byte ``start`` carries the keep-as-default marker."""
    line_end = data.find(b"\n", start)
    return DEFAULT in data[start : len(data) if line_end < 0 else line_end]


def markers(data: bytes) -> Iterator[Marker]:
    if b"hardcode-lint:" not in data:
        return
    for pattern in (_MOVED, _KEPT):
        for found in pattern.finditer(data):
            expression = found.group(2).decode("utf-8", errors="replace").rstrip()
            yield Marker(found.group(1).decode(), expression, found.start(2),
                         found.start(2) + len(expression.encode()))  # fmt: skip
