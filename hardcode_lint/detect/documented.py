"""A number whose own comment says it is a time: ``KILL_CURSOR_FREQUENCY = 1  # in seconds``.

Real code often names a duration with no duration word (pymongo's ``KILL_CURSOR_FREQUENCY``
under "Frequency to clean up unclosed cursors, in seconds", celery's ``sync_every = 3 * 60``
under "How often to sync the schedule (3 minutes by default)") and says what it is in the
comment beside it.  A bound name no word judges is a duration when its trailing comment, or the
comment block directly above its line, states a time unit; the unit comes from that comment.
Each language finds its comments (``lang/<name>``); the judgement of their text is shared here.

The comment must say the number *is* a time, not mention one: a rate ("per second", "/s",
"Hz") says nothing, and a mention with a count ("retry 3 times, 5 seconds apart") must agree
with the number (``3`` with "3 minutes", or ``180`` with "3 minutes" in seconds).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import lru_cache

from hardcode_lint.detect.catalog import UNIT_SECONDS
from hardcode_lint.detect.names import documented_name
from hardcode_lint.detect.words import NameWords
from hardcode_lint.model import Number

_RATE = re.compile(
    r"\b(?:per|a|an)\s+(?:sec|secs|second|seconds|minute|minutes|min|hour|hours|day|ms)\b"
    r"|/\s*(?:s|sec|second|min|minute|h|hour|ms)\b|\b(?:hz|hertz|rate|fps)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8)
def _mentions(units: tuple[str, ...]) -> re.Pattern[str]:
    """Where a comment says what unit a number is in, not merely names a unit ("the second
    phase", "these days", "MS-word"): "in seconds", "(ms)", a comment that is the unit alone,
    "seconds between ...", "3 minutes", "10-second", "every second"."""
    unit = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    return re.compile(
        rf"\bin\s+(?P<in>{unit})\b|\((?P<paren>{unit})\)|^\s*(?P<alone>{unit})\s*[.:]?\s*$"
        rf"|\b(?P<before>{unit})\s+(?:between|before|after|to|until|of|since|for)\b"
        rf"|(?:(?P<count>\d+(?:\.\d+)?)\s*-?\s*|\b(?P<every>every)\s+)(?P<counted>{unit})\b",
        re.IGNORECASE,
    )


def comment_unit(comment: str, value: Number, units: Mapping[str, str]) -> str | None:
    """The unit ``comment`` gives ``value`` (``"s"``, ``"ms"``...), or None when it gives none.

    ``units`` maps a unit's spelled words (``seconds``, ``ms``) to its unit.  "in seconds",
    "(ms)" or "Minimum seconds between ..." give their unit; "3 minutes" gives minutes to a
    3, and seconds to a 180 (the language's convention for a number of seconds)."""
    if value <= 0 or _RATE.search(comment):
        return None
    for found in _mentions(tuple(units)).finditer(comment):
        named = next(group for group in found.group("in", "paren", "alone", "before", "counted")
                     if group)  # fmt: skip
        unit = units[named.lower()]
        if found.group("counted") is None:
            return unit
        said = 1.0 if found.group("every") else float(found.group("count"))
        if math.isclose(said, value):
            return unit
        for grain in ("s", "ms"):
            if math.isclose(said * UNIT_SECONDS[unit], value * UNIT_SECONDS[grain]):
                return grain
    return None


def documented_unit(
    name: str, comment: str | None, value: Number | None, words: NameWords
) -> str | None:
    """The unit of ``value`` bound to ``name`` when no word of the name judged it and its
    ``comment`` (trailing, or the block above) says it is a time; None otherwise."""
    if comment is None or value is None or isinstance(value, bool):
        return None
    if not documented_name(name, words):
        return None
    return comment_unit(comment, value, words.comment_units)
