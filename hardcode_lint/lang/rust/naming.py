"""What a Rust name says about its literal, on top of the shared word rules (``names.py``).

Python's convention is seconds; Rust has none: ``const INTERVAL: u64 = 1_000_000`` is in
nanoseconds in indicatif, ``EVENT_INTERVAL = 4`` is in scheduler ticks in tokio.  So a
duration-named Rust name has the unit of its own words (``TIMEOUT_MS``, ``poll_nanos``) or
none.  The Rust catalog's ``[names]`` table adds the unit words Rust names use (``nanos``,
``us``) and a few limit words (``burst``, ``redirects``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from hardcode_lint.detect.catalog import shipped_data
from hardcode_lint.detect.names import NameVerdict, split_words
from hardcode_lint.detect.words import NameWords
from hardcode_lint.model import Kind

PACKAGE = "hardcode_lint.lang.rust"
#: Index and length types: a "period" or an "interval" typed so counts items or positions (the
#: period of a string in a substring search), it is no time.
_COUNT_TYPES = frozenset({"usize", "isize"})
_TYPE_HEAD = re.compile(r"(?:[iIuU](?:8|16|32|64|128|size|SIZE)|[fF](?:32|64))(?:_|$)")


@lru_cache(maxsize=1)
def _names() -> Mapping[str, object]:
    table = shipped_data(PACKAGE, "catalog.toml")[1].get("names", {})
    return dict(table)


def rust_unit_words() -> Mapping[str, str]:
    units = _names().get("unit-words", {})
    assert isinstance(units, dict)
    return units


def with_rust_words(words: NameWords) -> NameWords:
    """The shared vocabulary with the Rust catalog's limit words added."""
    extra = _names().get("limit-words", [])
    assert isinstance(extra, list)
    return replace(words, limit_words=words.limit_words | frozenset(extra))


def name_unit(name: str, words: NameWords) -> str | None:
    """The unit a name's own words give it (the last one: ``timeout_secs_ms`` -> ms)."""
    extra = rust_unit_words()
    units = [words.unit_words.get(w) or extra.get(w) for w in split_words(name)]
    found = [unit for unit in units if unit]
    return found[-1] if found else None


def judged(name: str, verdict: NameVerdict, value_type: str | None,
           words: NameWords, constant: bool = False) -> NameVerdict | None:  # fmt: skip
    """A shared verdict read for Rust: a duration takes the unit of its words or none, and a
    unitless duration-named ``usize`` field or ``let`` is a count (memchr's ``Suffix { period:
    1 }``), no finding; a ``const`` or ``static`` of one is still an interval (sysinfo's ``const
    SAMPLING_INTERVAL: usize = 5``, seconds).  A
    name led by a numeric type (``U64_MAX_LEN = 20``, ``I8_MAX_LEN``) is a fact about that
    type (the digits of its largest value), no setting."""
    if _TYPE_HEAD.match(name):
        return None
    if verdict.kind is not Kind.DURATION:
        return verdict
    unit = name_unit(name, words)
    if unit is None and value_type in _COUNT_TYPES and not constant:
        return None
    return NameVerdict(Kind.DURATION, unit)
