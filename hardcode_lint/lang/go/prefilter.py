"""The Go pre-filter: whether a file may hold a site, read from its bytes before any parse.

Most Go files hold no site, and parsing them was most of a cold scan.  A site needs one of:

- a duration: a file importing ``time`` that writes one of its unit constants (or
  ``time.Duration(``) in an expression beside a number (``5 * time.Second``, ``time.Second /
  10``, ``time.Duration(500)``); a file that imports ``. "time"`` is always parsed;
- a catalogued call or a clamp: a callee whose last name the catalog knows (``max(``,
  ``.Sleep(``, ``.SetMaxOpenConns(``);
- a named number: a number bound (``=``, ``:=``, an expression list's ``,``) or keyed (``:``)
  whose statement, up to the number, holds a name the shared word rules (or the catalog's
  argument names) call a duration or a limit;
- a watched replacement (a migrated site).

Lines are joined as Go's own semicolon rule joins them (a line ending in an operator, a comma
or an opening bracket goes on), so ``Timeout:\\n\\t5`` is one statement.  Each test only ever
sees more text than the parse would, never less; ``--no-prefilter`` turns it off, and the
bench checks that the findings are the same without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hardcode_lint.detect.catalog import Catalog
from hardcode_lint.detect.names import classify_name
from hardcode_lint.detect.words import NameWords

_UNITS = rb"(?:Nanosecond|Microsecond|Millisecond|Second|Minute|Hour)\b|Duration\s*\("
#: a number standing as a factor: before or after `*` / `/` (parentheses between), or as the
#: argument of a conversion.
_FACTOR = re.compile(
    rb"[0-9][\w.]*[\s)]*[*/]|[*/][\s(]*[-+]?[\s(]*\.?[0-9]|Duration\s*\([\s(]*[-+]?[\s(]*\.?[0-9]"
)
_TIME_IMPORT = re.compile(rb"[\"`]time[\"`]")
_DOT_TIME = re.compile(rb"(?:^|[\s(])\.\s*[\"`]time[\"`]")
#: a number at the start of a bound or keyed element: `= 5`, `:= -5`, `, (30)`, `: .5`.
_BOUND = re.compile(rb"[=,:][\s(]*[-+]?[\s(]*\.?[0-9]")
#: the builtin clamps, called (the byte before is looked at apart: a look-behind here would
#: make the search several times slower).
_BUILTIN_CLAMP = re.compile(rb"m(?:ax|in)\s*[(\[]")
_IN_NAME = frozenset(b"_.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_RUN = re.compile(rb"[A-Za-z_][\w.\[\]*]*")
_QUOTED = re.compile(rb"\"([^\"\n]*)\"|`([^`]*)`")
#: the last character of a line that does not end a statement (Go's semicolon rule).
_GOES_ON = frozenset(b",=:([{+-*/%&|^<>!.")


@dataclass(frozen=True)
class Needles:
    calls: re.Pattern[bytes]  # a catalogued callee's last name after a `.`, called
    units: re.Pattern[bytes]  # `x.Second`, `x.Duration(`
    arg_names: frozenset[str]  # the catalog's named arguments and fields
    words: NameWords
    memo: dict[bytes, bool] = field(default_factory=dict, compare=False, hash=False)


def needles_for(catalog: Catalog, callees: frozenset[str]) -> Needles:
    """The pre-filter's tests for one catalog (built once per catalog, with its plan)."""
    names = "|".join(re.escape(c) for c in sorted(callees - {"max", "min"}, key=len, reverse=True))
    calls = re.compile(rb"\.\s*(?:" + names.encode() + rb")\s*[(\[]")
    arg_names = frozenset(
        key for spec in catalog.apis.values() for key in spec.args if isinstance(key, str)
    )
    units = re.compile(rb"\.\s*(?:" + _UNITS + rb")")
    return Needles(calls, units, arg_names, catalog.words)


def _line_start(data: bytes, at: int, floor: int) -> int:
    """The start of the statement holding byte ``at``: back over lines that go on, down to
    ``floor`` at most (what was read already)."""
    start = data.rfind(b"\n", 0, at) + 1
    while start > floor:
        before = data.rfind(b"\n", 0, start - 1) + 1
        line = data[before : start - 1].rstrip()
        code = line.split(b"//", 1)[0].rstrip()
        if not (line and line[-1] in _GOES_ON) and not (code and code[-1] in _GOES_ON):
            break
        start = before
    return start


def _line_end(data: bytes, at: int) -> int:
    """The end of the statement holding byte ``at``: on over lines that go on."""
    end = data.find(b"\n", at)
    while end != -1:
        line = data[data.rfind(b"\n", 0, end) + 1 : end].rstrip()
        code = line.split(b"//", 1)[0].rstrip()
        if not (line and line[-1] in _GOES_ON) and not (code and code[-1] in _GOES_ON):
            return end
        end = data.find(b"\n", end + 1)
    return len(data)


_MEMO_SIZE = 200_000  # names kept per process (a code base's names recur in every file)


def _telling(run: bytes, needles: Needles) -> bool:
    """Whether ``run`` is a name the word rules or the catalog could judge (memoised: most
    names are no duration and no limit, and the shared rules remember only the others)."""
    memo = needles.memo
    found = memo.get(run)
    if found is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[run] = _judged(run.decode("utf-8", "replace"), needles)
    return found


def _judged(name: str, needles: Needles) -> bool:
    words = needles.words
    if name in needles.arg_names or classify_name(name, words, as_keyword=False):
        return True
    parts = name.split(".")
    return len(parts) > 1 and bool(classify_name("".join(parts[-2:]), words, as_keyword=False))


def _named(data: bytes, needles: Needles) -> bool:
    """Whether a number is bound or keyed in a statement that names a telling name before it."""
    done = 0
    for match in _BOUND.finditer(data):
        text = data[max(_line_start(data, match.start(), done), done) : match.end()]
        done = match.end()
        for run in _RUN.findall(text):
            if _telling(run, needles):
                return True
        for quoted in _QUOTED.finditer(text):
            key = quoted.group(1) or quoted.group(2)
            if key and _telling(key, needles):
                return True
    return False


def _durations(data: bytes, needles: Needles) -> bool:
    """Whether a unit constant of an imported ``time`` stands beside a number."""
    if not _TIME_IMPORT.search(data):
        return False
    if _DOT_TIME.search(data):
        return True  # `3 * Second`: no `.` before the unit
    done = 0
    for match in needles.units.finditer(data):
        if match.start() < done:
            continue  # in a statement searched already
        start, done = _line_start(data, match.start(), 0), _line_end(data, match.end())
        if _FACTOR.search(data, start, done):
            return True
    return False


def _clamps(data: bytes) -> bool:
    """Whether the builtin ``max`` or ``min`` is called (not ``x.max(`` nor ``maxOf(``)."""
    for match in _BUILTIN_CLAMP.finditer(data):
        if match.start() == 0 or data[match.start() - 1] not in _IN_NAME:
            return True
    return False


def may_hold_site(data: bytes, needles: Needles) -> bool:
    """False only for a file that can hold no hit (migrated sites are asked apart)."""
    if needles.calls.search(data) or _clamps(data):
        return True
    return _durations(data, needles) or _named(data, needles)
