"""Literals passed by position to the file's own functions, judged by the parameter they
fill: asyncpg's ``self._introspect_types(oids, 10)`` against ``def _introspect_types(self,
typeoids, timeout)`` is ``timeout=10`` written without its name.  A reader calls it a
timeout because the signature two screens up says so; a caller's keyword would say the same.

Found by text, before any parse, like :mod:`.uses`: the ``def`` lines of the file with their
positional parameters, then the calls spelled ``name(`` (a function) or ``self.name(`` /
``cls.name(`` (a method, its first parameter dropped).  Only a parameter the word rule judges
as a name counts (``count`` alone is a limit only as a call's keyword: yaml's
``need_events(count)`` asks for so many events), and only when every definition of that
spelling agrees on it; the detector still checks that the callee is no import and that the
argument is a literal.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from hardcode_lint.detect.names import NameVerdict, classify_name, holds_telling_word
from hardcode_lint.detect.words import NameWords
from hardcode_lint.model import Kind

#: A definition's name, the parenthesis its parameters start after, and their text when no
#: bracket stands among them.
#: (Its literal prefix lets ``re`` skip ahead; a ``^`` or a look-behind costs ten times more,
#: so what stands before ``def`` is checked by :func:`_defines`.)
_DEF = re.compile(r"def[ \t]+([A-Za-z_]\w*)[ \t]*\((?:([^()\[\]{}]*)\))?")
#: A class's name (its line's indentation is read apart: a literal prefix keeps it fast).
_CLASS = re.compile(r"class[ \t]+([A-Za-z_]\w*)")
#: The prefix of a setter's name, and a call of one with a number first (its literal prefix
#: lets ``re`` skip ahead: the file's text is searched whole).
_SETTER = "set_"
_SETTER_CALL = re.compile(r"set_([A-Za-z_]\w*)\(\s*[-+(]*\s*\.?\d")
#: A parameter with one of these names, after another, is the default of what that one names.
_FALLBACK_NAMES = frozenset({"default", "fallback"})
_FALLBACK = re.compile(r"\b(?:default|fallback)\b")
#: A parameter's name at the start of its text (``timeout: float = 5`` -> ``timeout``).
_PARAMETER = re.compile(r"\s*([A-Za-z_]\w*)")
#: The first parameter of a method, dropped when it is called through it.
RECEIVERS = ("self", "cls")
#: A signature longer than this is read no further (a parenthesis the scan cannot close).
_LONGEST = 4000


@dataclass(frozen=True)
class Parameter:
    """The parameter a positional argument fills, and what its name says."""

    name: str
    verdict: NameVerdict | None  # None for a fallback: judged by the name it looks up
    lookup: int | None = None  # a fallback's: the position of the name it is the default of


def _falls_back(parameters: str) -> bool:
    """Whether a parameter list may hold a fallback (``str.find`` first: most hold none)."""
    if all(name not in parameters for name in _FALLBACK_NAMES):
        return False
    return _FALLBACK.search(parameters) is not None


#: Callee as spelled (``name`` or ``self.name``) -> position -> the parameter it fills.
Signatures = Mapping[str, Mapping[int, Parameter]]


def _top_level_parts(text: str, start: int) -> list[str] | None:
    """The comma-separated parts of the parenthesised list opening before ``start``; None
    when it does not close within :data:`_LONGEST` characters (a list with brackets inside:
    the others :data:`_DEF` reads whole)."""
    depth, parts, begin = 0, [], start
    for at in range(start, min(len(text), start + _LONGEST)):
        char = text[at]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                parts.append(text[begin:at])
                return parts
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[begin:at])
            begin = at + 1
    return None


def _positional(parts: list[str]) -> list[str]:
    """The names of the parameters that can be given by position (up to ``*`` or
    ``*args``; ``/`` dropped)."""
    names = []
    for part in parts:
        stripped = part.strip()
        if stripped.startswith("*"):
            break
        found = _PARAMETER.match(stripped)
        if found is not None:
            names.append(found.group(1))
    return names


def _spellings(name: str, names: list[str], owner: str | None) -> list[tuple[str, list[str]]]:
    """How a definition with these parameters is called, each spelling with the parameters its
    positional arguments fill: ``name(``, ``self.name(``, and a class's own name for its
    ``__init__`` (``_HTTPConnection(...)``)."""
    if not names or names[0] not in RECEIVERS:
        return [(name, names)]
    found = [(f"{names[0]}.{name}", names[1:])]
    return [*found, (owner, names[1:])] if name == "__init__" and owner else found


def _classes(text: str) -> list[tuple[int, int, str]]:
    """Every ``class`` line of ``text``: its offset, its indentation and the class's name."""
    found = []
    for match in _CLASS.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        if text[start : match.start()].strip() == "":
            found.append((match.start(), match.start() - start, match.group(1)))
    return found


def _owner(text: str, at: int, classes: list[tuple[int, int, str]]) -> str | None:
    """The class a definition at ``at`` stands in: the nearest ``class`` line above it that
    is indented less."""
    start = text.rfind("\n", 0, at) + 1
    indent = len(text[start:at]) - len(text[start:at].lstrip())
    for offset, depth, name in reversed(classes):
        if offset < at and depth < indent:
            return name
    return None


def _defines(text: str, at: int) -> bool:
    """Whether the word at ``at`` stands on its own (a ``def``, not ``undef`` or ``x.def``;
    a call ``f(``, not ``x.f(`` or ``gf(``)."""
    before = text[at - 1] if at else " "
    return not (before.isalnum() or before in "_.")


@lru_cache(maxsize=4)
def signatures(text: str, words: NameWords) -> Signatures:
    """Every callee spelling whose positional parameters the word rule judges, for ``text``."""
    found: dict[str, dict[int, Parameter | None]] = {}
    plain: set[str] = set()  # spellings defined somewhere with no telling word: ambiguous
    classes: list[tuple[int, int, str]] | None = None  # read once, at the first __init__
    for match in _DEF.finditer(text):
        if not _defines(text, match.start()):
            continue
        name, flat = match.group(1), match.group(2)  # most hold no bracket, no telling word
        if name == "__init__" and classes is None:
            classes = _classes(text)
        owner = _owner(text, match.start(), classes) if name == "__init__" and classes else None
        if flat is not None and not holds_telling_word(flat, words) and not _falls_back(flat):
            plain.update(callee for callee, _ in _spellings(name, _positional([flat]), owner))
            continue
        parts = flat.split(",") if flat is not None else _top_level_parts(text, match.end())
        for callee, names in _spellings(name, _positional(parts or []), owner):
            _record(found.setdefault(callee, {}), names, words)
    return {
        callee: kept
        for callee, table in found.items()
        if callee not in plain and (kept := {i: p for i, p in table.items() if p is not None})
    }


def _record(table: dict[int, Parameter | None], names: list[str], words: NameWords) -> None:
    """The judged parameters of one definition, by position; a position two definitions
    judge apart says nothing.  Only durations: a limit is one passed by name (the contract),
    and a size given by position is mostly a protocol's read (websocket-client's
    ``self.recv_strict(2)``, paho's ``self._sock_recv(1)``)."""
    for index, name in enumerate(names):
        verdict = classify_name(name, words, as_keyword=False)
        timed = verdict is not None and verdict.kind is Kind.DURATION and not verdict.least
        judged = Parameter(name, verdict) if timed else None
        if index and name in _FALLBACK_NAMES:  # celery's `def _int_env(name, default)`
            judged = Parameter(name, None, index - 1)
        table[index] = judged if table.get(index, judged) == judged else None


def called_lines(text: str, table: Signatures) -> tuple[int, ...]:
    """The lines where a callee of ``table`` is called (found by ``str.find``), for the
    pre-filters to keep."""
    lines = []
    for callee in table:
        needle = callee + "("
        at = text.find(needle)
        while at >= 0:
            defining = text[max(0, at - 4) : at] == "def "
            if _defines(text, at) and not defining:  # a call of its own, not `x.f(` or `def f(`
                lines.append(text.count("\n", 0, at) + 1)
            at = text.find(needle, at + len(needle))
    return tuple(sorted(set(lines)))


def signatures_fact(table: Signatures) -> str:
    """What the signatures add to a module's facts: an editor's statement keeps its verdicts
    only while the definitions it calls say the same."""
    if not table:
        return ""
    joined = "\x00".join(
        f"{callee}:{i}:{p.name}"
        for callee, params in sorted(table.items())
        for i, p in params.items()
    )
    return "^" + hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def filled(
    table: Signatures, parts: tuple[str, ...], key: int, words: NameWords
) -> tuple[str, NameVerdict] | None:
    """The parameter a positional literal fills in a call spelled ``parts``, and its verdict:
    the file's own definition's (``table``), else a setter's name (bmemcached's
    ``protocol.set_retry_delay(5)``, ``self._set_timeout(2)``: the one value it sets)."""
    spelled = ".".join(parts)
    if len(parts) <= 2 and (len(parts) == 1 or parts[0] in RECEIVERS):
        parameter = table.get(spelled, {}).get(key)
        if parameter is not None and parameter.verdict is not None:
            return parameter.name, parameter.verdict
    setter = parts[-1].lstrip("_")
    if key != 0 or not setter.startswith(_SETTER) or len(setter) <= len(_SETTER):
        return None
    name = setter[len(_SETTER) :]
    verdict = classify_name(name, words, as_keyword=False)
    return (name, verdict) if verdict is not None and not verdict.least else None


def looked_up(table: Signatures, parts: tuple[str, ...], key: int) -> int | None:
    """The position of the name a positional literal is the fallback of, in a call of the
    file's own lookup (celery's ``_int_env('CELERY_WORKER_REVOKES_MAX', 50000)`` against
    ``def _int_env(name, default)``): judged by that name, as ``opts.get("delay", 3)`` is."""
    if len(parts) > 2 or (len(parts) == 2 and parts[0] not in RECEIVERS):
        return None
    parameter = table.get(".".join(parts), {}).get(key)
    return None if parameter is None else parameter.lookup


@lru_cache(maxsize=4)
def setter_lines(text: str, words: NameWords) -> tuple[int, ...]:
    """The lines calling a setter named for a setting with a number (``set_retry_delay(5``),
    for the pre-filters to keep."""
    lines = []
    for match in _SETTER_CALL.finditer(text):
        verdict = classify_name(match.group(1), words, as_keyword=False)
        if verdict is not None and not verdict.least:
            lines.append(text.count("\n", 0, match.start()) + 1)
    return tuple(lines)
