"""Modules that are tables of constants: PyMySQL's ``constants/ER.py`` mirrors MySQL's C
header in hundreds of lines like ``LOCK_WAIT_TIMEOUT = 1205`` and ``SP_RECURSION_LIMIT =
1456``.  Their names read like durations and limits, but they are someone else's codes: nobody
tunes them.  As for Rust's binding crates (``lang/rust/bindings.py``), such a table is known by
where it stands: a module with at least ``constant-table-size`` (shared words) module-level
constants bound to a bare integer holds no setting among them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hardcode_lint.lang.base import Detected
from hardcode_lint.model import Context
from hardcode_lint.parse.source import SourceFile

#: A module-level constant bound to a bare integer (decimal, hex, octal or binary), a type and
#: a comment allowed: ``ER_LOCK_WAIT_TIMEOUT = 1205``, ``MASK: int = 0x80  # C's``.
_CONSTANT = re.compile(
    r"^[A-Z][A-Z0-9_]*[ \t]*(?::[^=\n]*)?=[ \t]*-?[ \t]*(?:0[xXoObB])?[0-9][0-9a-fA-F_]*[ \t]*"
    r"(?:#[^\n]*)?$",
    re.M,
)


#: A line that starts with a capital: counted first, several times cheaper than the search.
_CAPITAL_LINE = re.compile(r"\n[A-Z]")


@lru_cache(maxsize=4)
def table_lines(text: str, size: int) -> frozenset[int]:
    """The lines of a module's integer constants when it holds ``size`` or more of them."""
    if size <= 0 or len(_CAPITAL_LINE.findall(text)) < size:
        return frozenset()  # fewer lines than that start with a capital: most modules
    found = [match.start() for match in _CONSTANT.finditer(text)]
    if len(found) < size:
        return frozenset()
    return frozenset(text.count("\n", 0, start) + 1 for start in found)


def without_tables(found: Detected, source: SourceFile, size: int) -> Detected:
    """``found`` without the findings a constant table's lines hold (see the module)."""
    table = table_lines(source.text, size)
    if not table:
        return found
    found.hits = [
        hit
        for hit in found.hits
        if hit.context is not Context.ASSIGNMENT or source.position(hit.start)[0] not in table
    ]
    return found
