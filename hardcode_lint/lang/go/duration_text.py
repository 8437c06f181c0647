"""Go durations as Go writes them in configuration (``"5s"``, ``"1m30s"``, ``"250ms"``): what
``time.ParseDuration`` reads (contract section 1G), so that a rule's ``value`` says a duration
the way a Go programmer does, in the unit the code wrote it in (``"90s"``, ``"500ms"``)."""

from __future__ import annotations

import re
from fractions import Fraction

#: Nanoseconds per unit, with every spelling ``time.ParseDuration`` accepts.
_NANOS = {"ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000, "s": 10**9,
          "m": 60 * 10**9, "h": 3600 * 10**9}  # fmt: skip
_PART = re.compile(r"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)")
_SECOND = 10**9
#: Go's unit suffixes as the catalog names units (``m`` is ``min``), and back.
_UNITS = {"ns": "ns", "us": "us", "µs": "us", "μs": "us", "ms": "ms", "s": "s", "m": "min",
          "h": "h"}  # fmt: skip
_SUFFIXES = {"ns": "ns", "us": "us", "ms": "ms", "s": "s", "min": "m", "h": "h"}


def parse_duration(text: str) -> tuple[Fraction, str] | None:
    """The seconds ``text`` says as ``time.ParseDuration`` reads it, exactly, and the unit of
    its last part (``"1m30s"``: ``"s"``); None if it is not a Go duration (``"5"`` without a
    unit is not one, ``"0"`` is)."""
    body = text.strip()
    sign = -1 if body.startswith("-") else 1
    body = body.lstrip("+-")
    if body == "0":
        return Fraction(0), "s"
    total, at, unit = Fraction(0), 0, "s"
    for part in _PART.finditer(body):
        if part.start() != at:
            return None
        total += Fraction(part.group(1)) * _NANOS[part.group(2)]
        at, unit = part.end(), _UNITS[part.group(2)]
    if at == 0 or at != len(body):
        return None
    return sign * total / _SECOND, unit


def spelled(number: float | int, unit: str) -> str | None:
    """``number`` ``unit`` (a catalog unit) as a Go duration in that unit (``90s``, ``500ms``,
    ``1.5h``), or None for a unit Go has no suffix for (days) or a number it cannot read."""
    suffix = _SUFFIXES.get(unit)
    if suffix is None:
        return None
    text = repr(number) if isinstance(number, float) else str(number)
    if "e" in text or "inf" in text or "nan" in text:
        return None  # `1e-05`: no number ParseDuration reads
    return (text[:-2] if text.endswith(".0") else text) + suffix
