"""Constants no word judges, made durations or limits by where the file uses them: ``POLL =
0.5`` ... ``time.sleep(POLL)``, ``self.pause = 2`` ... ``sock.settimeout(self.pause)``,
``WORKERS = 4`` ... ``ThreadPoolExecutor(max_workers=WORKERS)``.  A reader calls them
settings by their use; the name alone says nothing.

Found by text, before any parse, like the comments of :mod:`.comments`: a name passed as the
first argument of a catalogued duration call, or as the value of a keyword the word rule
judges; then the lines that bind that name to a number.  Text is blind to scopes, so only
bindings whose name cannot be some function's local are read: a module-level name, an
UPPER_CASE constant, or an attribute of ``self`` / ``cls`` (``n = 3`` in one function says
nothing of ``sleep(n)`` in another).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from hardcode_lint.detect.catalog import Catalog
from hardcode_lint.detect.names import NameVerdict, classify_name
from hardcode_lint.detect.words import NameWords
from hardcode_lint.model import Kind

#: A number after ``=`` (an assignment's value, a keyword's, a default's): a cheap search
#: whose hits are few enough to read one by one.
_NUMBER_BOUND = re.compile(r"=[ \t]*[-+(]?[ \t]*\.?\d")
#: What stands before such an ``=`` on its line when it binds a name (``POLL``, ``self.pause:
#: float``).
_TARGET = re.compile(r"([ \t]*)(self\.|cls\.)?([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?")
#: What may follow a use of the name: the comma or parenthesis that ends an argument.
_AFTER = re.compile(r"\s*[,)]")
#: The identifier that ends a window of text (a callee before ``(``, a keyword before ``=``).
_LAST_NAME = re.compile(r"[A-Za-z_]\w*$")
#: How far back a callee's or keyword's name is looked for.
_REACH = 60


@dataclass(frozen=True)
class Use:
    """What a bound name is, by the call or keyword it is passed to."""

    name: str
    kind: Kind
    unit: str | None


_FIRSTS: dict[str, tuple[tuple[str, str | None], ...]] = {}


def first_arguments(catalog: Catalog) -> tuple[tuple[str, str | None], ...]:
    """(callee's last name, the unit of its first argument), for the catalogued durations
    that take one there (``sleep``, ``settimeout``, ``call_later``, ``Timer``); per catalog."""
    key = catalog.fingerprint or str(id(catalog))
    if key not in _FIRSTS:
        found: dict[str, str | None] = {}
        for api, spec in [*catalog.apis.items(), *catalog.methods.items()]:
            if spec.kind is Kind.DURATION and 0 in spec.args:
                found.setdefault(api.rsplit(".", 1)[-1], spec.args[0])
        _FIRSTS[key] = tuple(sorted(found.items()))
    return _FIRSTS[key]


def _bound(text: str, words: NameWords) -> dict[str, list[int]]:
    """Names no word judges, bound to a number where they cannot be a function's local ->
    the offsets of those bindings' lines."""
    found: dict[str, list[int]] = {}
    for match in _NUMBER_BOUND.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        target = _TARGET.fullmatch(text, start, match.start())
        if target is None:
            continue  # a keyword, a comparison, a default: no binding of a name
        indent, owner, name = target.groups()
        if (not indent or owner or name.isupper()) and (
            name in found or classify_name(name, words, as_keyword=False) is None
        ):
            found.setdefault(name, []).append(start)
    return found


def _used(
    text: str, names: Collection[str], firsts: Mapping[str, str | None], words: NameWords
) -> dict[str, Use]:
    """Of ``names``, those the file passes where a duration or a limit goes: found with
    ``str.find`` name by name (a regex of them all, compiled per file, costs more)."""
    found: dict[str, Use] = {}
    for name in names:
        at = text.find(name)
        while at >= 0 and name not in found:
            end = at + len(name)
            if _AFTER.match(text, end) and not _in_word(text, at, end):
                use = _use_at(text, at, name, firsts, words)
                if use is not None:
                    found[name] = use
            at = text.find(name, end)
    return found


def _in_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a longer identifier."""
    before = text[start - 1] if start else " "
    return before.isalnum() or before == "_" or (end < len(text) and text[end].isalnum())


def _use_at(
    text: str, at: int, name: str, firsts: Mapping[str, str | None], words: NameWords
) -> Use | None:
    """The use of ``name`` at ``at``: the first argument of a catalogued duration call, or
    the value of a keyword the word rule judges (not a signature's default)."""
    for owner in ("self.", "cls."):
        if text.startswith(owner, at - len(owner)):
            at -= len(owner)
    stop = at
    while stop > 0 and text[stop - 1] in " \t\n":
        stop -= 1
    mark = text[stop - 1] if stop else ""
    if mark not in ("(", "=") or (
        mark == "=" and text[stop - 2 : stop - 1] in ("=", "!", "<", ">")
    ):
        return None
    head = stop - 1
    while head > 0 and text[head - 1] in " \t":
        head -= 1
    last = _LAST_NAME.search(text, max(0, head - _REACH), head)
    if last is None:
        return None
    if mark == "(":
        callee = last.group()
        return Use(name, Kind.DURATION, firsts[callee]) if callee in firsts else None
    if _in_signature(text, last.start()):
        return None  # `def __init__(self, threshold=WARN)`: a parameter's default, no use
    verdict = classify_name(last.group(), words, as_keyword=True)
    if verdict is None or verdict.least:
        return None
    return Use(name, verdict.kind, verdict.unit)


def used_lines(text: str, catalog: Catalog) -> Mapping[int, Use]:
    """Line number -> the use of the name bound to a number there, for bindings that cannot
    be a function's local (module level, UPPER_CASE, ``self.``/``cls.``)."""
    return _used_lines(text, first_arguments(catalog), catalog.words)


def _in_signature(text: str, at: int) -> bool:
    """Whether ``at`` is on a line that starts a ``def`` (a signature's defaults)."""
    line = text[text.rfind("\n", 0, at) + 1 : at].lstrip()
    return line.startswith(("def ", "async def "))


@lru_cache(maxsize=4)
def _used_lines(
    text: str, firsts: tuple[tuple[str, str | None], ...], words: NameWords
) -> Mapping[int, Use]:
    bound = _bound(text, words)
    if not bound:
        return {}
    used = _used(text, bound, dict(firsts), words)
    found = {}
    for name, use in used.items():
        for start in bound[name]:
            found[text.count("\n", 0, start) + 1] = use
    return found


def uses_fact(lines: Mapping[int, Use]) -> str:
    """What the uses add to a module's facts (``units.py``): an editor's statement keeps its
    verdicts only while its name is used the same way."""
    if not lines:
        return ""
    joined = "\x00".join(f"{u.name}:{u.kind.value}:{u.unit}" for u in lines.values())
    return "~" + hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def verdict_by_use(
    uses: Mapping[str, Use], name: str, leaves: Sequence[object], marked: set[int]
) -> NameVerdict | None:
    """The verdict of a name no word judged, by its use in the file; its literals are
    ``marked`` (their ids) to be kept only where their line is one :func:`used_lines` read."""
    use = uses.get(name)
    if use is None:
        return None
    marked.update(id(leaf) for leaf in leaves)
    return NameVerdict(use.kind, use.unit)


def used_at(lines: Mapping[int, Use], line: int, name: object) -> bool:
    """Whether ``line`` binds ``name`` where :func:`used_lines` read a use of it."""
    use = lines.get(line)
    return use is not None and use.name == name
