"""Durations that are the clock's own numbers, not settings, the same in every language.

* A resolution step: one microsecond or one nanosecond (Python's ``previous +
  timedelta(microseconds=1)``, Rust's ``Duration::from_nanos(1)`` splitting a timer map at the
  next instant, rand's ``Duration::new(0, 1)``): the clock's grain, never tuned.
* The top of a sub-second field: ``999_999_999`` nanoseconds (``1_000_000_000 - 1``) or
  ``999_999`` microseconds, the largest value the fraction of a second holds
  (``Duration::new(u64::MAX, 999_999_999)`` is the longest duration, "never"), as an integer
  type's maximum is the type's range.
"""

from __future__ import annotations

from hardcode_lint.detect.catalog import UNIT_SECONDS
from hardcode_lint.model import Number

_STEPS = (1e-6, 1e-9)  # seconds
_FIELD_TOPS = {"ns": 999_999_999, "us": 999_999}


def is_clock_number(number: Number, unit: str | None) -> bool:
    """Whether a duration of ``number`` ``unit`` is a resolution step or a field's top."""
    if unit is None or unit not in UNIT_SECONDS:
        return False
    if _FIELD_TOPS.get(unit) == number:
        return True
    seconds = number * UNIT_SECONDS[unit]
    return any(abs(seconds - step) < step * 1e-9 for step in _STEPS)
