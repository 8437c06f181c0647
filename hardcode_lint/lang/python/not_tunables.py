"""Literals the word rules and the catalog call tunables, which what surrounds them says are not.

* A factor: a duration-named name that the module multiplies a duration by (huey's
  ``def get(self, ..., backoff=1.15)`` with ``delay *= backoff``) is a multiplier, as the
  contract's multiplier words say (``backoff_factor``); a unit word in its name still makes it a
  duration (``backoff_ms``).
* A platform bound: a duration bound to a name (a call's ``ttl=0xFFFFFFFF`` is the contract's
  example of a finding) equal to an integer type's maximum counted in seconds,
  milliseconds, microseconds or nanoseconds (APScheduler's ``TIMEOUT_MAX = 4294967``, 2**32 ms
  as seconds, what ``Event.wait`` accepts on Windows), or a limit bound to a name that is an
  integer type's maximum (paramiko's ``MAX_WINDOW_SIZE = 2**32 - 1``, zipfile's
  ``ZIP64_LIMIT = (1 << 31) - 1``): the type's or the format's bound, not a setting (as a clamp
  to one already is, ``names.is_type_bound``).
* A resolution step: one microsecond or one nanosecond (``previous + timedelta(microseconds=1)``,
  the next instant after ``previous``): the clock's grain, never tuned (``detect/grains.py``,
  shared with every language).
"""

from __future__ import annotations

from hardcode_lint.detect.catalog import UNIT_SECONDS
from hardcode_lint.detect.grains import is_clock_number
from hardcode_lint.detect.names import is_type_bound, split_words
from hardcode_lint.detect.words import NameWords
from hardcode_lint.model import Context, Kind, Number

_NAMED = (Context.ASSIGNMENT, Context.DEFAULT)
_TICKS = (1, 1000, 10**6, 10**9)  # an integer maximum counted in s, ms, us or ns, as seconds
_BIGGEST = {2**bits - 1 for bits in (31, 32, 63, 64)} | {2**bits for bits in (31, 32, 63, 64)}
_DURATION_BOUNDS = frozenset(
    bound // ticks for bound in _BIGGEST for ticks in _TICKS if bound // ticks > 2**16
)


def is_factor_name(name: str, factors: set[str], words: NameWords) -> bool:
    """Whether ``name`` is one the module multiplies a duration by, with no unit word."""
    return name in factors and not any(w in words.unit_words for w in split_words(name))


def is_platform_value(kind: Kind, context: Context, number: Number, unit: str | None) -> bool:
    """A platform bound or a resolution step (see the module docstring), no tunable."""
    if kind is Kind.DURATION and unit is not None:
        if is_clock_number(number, unit):
            return True
        seconds = number * UNIT_SECONDS[unit]
        return context in _NAMED and isinstance(number, int) and seconds in _DURATION_BOUNDS
    return kind is Kind.LIMIT and context in _NAMED and is_type_bound(number)
