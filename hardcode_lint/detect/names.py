"""What an identifier's words say about the number bound to it.

``health_check_interval``, ``blockingTimeout`` and ``DEFAULT_WORKER_TTL`` are durations because
one of their words is a duration word; ``max_retries`` is a limit because ``max`` stands with
``retries``.  Matching word by word (not by exact name) is what lets the detector find the
names real code uses without a list of every spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from weakref import WeakKeyDictionary

from hardcode_lint.detect.anyword import any_word
from hardcode_lint.detect.catalog import UNIT_SECONDS
from hardcode_lint.detect.compounds import compounds
from hardcode_lint.detect.words import NameWords, singular
from hardcode_lint.model import Kind, Number

#: Verdicts per vocabulary, kept beside it (not in it) so a vocabulary stays immutable and
#: pickles small into worker processes.
_VERDICTS: WeakKeyDictionary[NameWords, dict[tuple[str, bool], NameVerdict | None]] = (
    WeakKeyDictionary()
)
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")
#: A numeric type's name standing as a word (``SECS_PER_MIN_I64``: the constant's type).
_TYPE_WORD = re.compile(r"[iuf](?:8|16|32|64|128|size)")


@lru_cache(maxsize=65536)
def split_words(identifier: str) -> tuple[str, ...]:
    """``"healthCheck_INTERVAL2"`` -> ``("health", "check", "interval", "2")``, lowercased."""
    return tuple(m.group(0).lower() for m in _WORD.finditer(identifier))


@dataclass(frozen=True, slots=True)
class NameVerdict:
    """A name's kind, and the unit its words give (``retry_delay_ms`` -> ms)."""

    kind: Kind
    unit: str | None
    least: int = 0  # `COPY_BYTES`: a limit only from this value up (smaller: a format's fact)


def _has_phrase(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


def _is_rate(words: tuple[str, ...], vocab: NameWords) -> bool:
    """``seconds_per_day``, ``MS_TO_NS``: a factor, no duration."""
    if any(w in vocab.rate_words for w in words):
        return True
    return any(a in vocab.unit_words and b == "to" for a, b in pairwise(words))


def _named(words: tuple[str, ...], vocab: NameWords) -> list[str]:
    """A name's words up to its head: digits dropped, and a bound word standing last, since
    ttrpc's ``DEFAULT_WAIT_THREAD_COUNT_MAX`` is the most of a thread count (its head is
    ``count``), as ``MAX_THREAD_COUNT`` is."""
    named = [w for w in words if not w.isdigit()]
    if len(named) > 1 and named[-1] in vocab.bound_limit_words:
        named.pop()
    return named


def _is_code(identifier: str, words: tuple[str, ...], vocab: NameWords) -> bool:
    """``timeout_count``, ``TIMEOUT_ERROR``, ``WAIT_OBJECT_0`` (a code word is the name's head,
    its last word but digits), ``num_timeouts`` (a counting first word) and ``ERROR_TIMEOUT``
    (a C-style enumerator's namespace): a code, a status or a counter, no duration.  A code word
    elsewhere says nothing: ``_stop_flag_timeout``, ``error_timeout`` are durations.  A mask
    word anywhere makes bits (``LINESTATE_MASK_TIMEOUT``)."""
    named = _named(words, vocab)
    if not named:
        return False
    if named[-1] in vocab.code_words or named[0] in vocab.code_prefixes:
        return True
    if not vocab.bitmask_words.isdisjoint(named):
        return True
    return len(named) > 1 and named[0] in vocab.code_namespaces and identifier.isupper()


#: What :func:`_duration_unit` says of a multiplier (``backoff_factor``): neither a duration
#: nor a limit by its name.
_MULTIPLIER = "x"


def _duration_unit(identifier: str, words: tuple[str, ...], vocab: NameWords) -> str | None:
    """The unit of a duration-named identifier, :data:`_MULTIPLIER` for a multiplier, or None
    when the name is not a duration.  A unit word wins over a multiplier word at the name's
    head (``backoff_factor_ms`` is milliseconds), which wins over a duration word
    (``backoff_factor`` is no duration); elsewhere a multiplier word says nothing (celery's
    ``AUTOSCALE_KEEPALIVE`` is a keepalive)."""
    if _is_rate(words, vocab) or _is_code(identifier, words, vocab):
        return None
    units = [vocab.unit_words[w] for w in words if w in vocab.unit_words]
    if units:
        return units[-1]
    named = _named(words, vocab)
    if named and named[-1] in vocab.multiplier_words:
        return _MULTIPLIER
    if any(w in vocab.duration_words for w in words):
        return "s"
    if any(_has_phrase(words, p) for p in vocab.duration_phrases if p[0] in words):
        return "s"
    return None


def _is_limit(words: tuple[str, ...], vocab: NameWords) -> bool:
    present = set(words)
    if present & vocab.limit_words or present & vocab.count_words:
        return True
    if any(_has_phrase(words, p) for p in vocab.limit_phrases if p[0] in words):
        return True
    return any(present & first and present & second for first, second in vocab.limit_pairs)


def _bounds_something(words: tuple[str, ...], vocab: NameWords) -> bool:
    """``MAX_IOVS``, ``max_chunk``, ``DEFAULT_RESET_STREAM_MAX``: for a bound name, ``max`` or
    ``min`` with any other word is a limit (what it bounds need not be listed), unless a word
    makes it a fact of a type, a scale or a format (``MAX_INT``, ``MIN_VALUE``, ``MAX_PORT``)."""
    present = set(words)
    if not present & vocab.bound_limit_words or present & vocab.bound_fact_words:
        return False
    ignored = vocab.bound_limit_words | vocab.bound_limit_fillers
    shortest = vocab.bound_limit_min_letters
    return any(len(w) >= shortest and not w.isdigit() and w not in ignored for w in words)


def is_fraction(verdict: NameVerdict, value: Number | None) -> bool:
    """Whether a limit-named binding holds a fraction (quinn's ``time_threshold: 9.0 / 8.0``,
    chardet's ``SHORTCUT_THRESHOLD = 0.95``, asyncio's ``_MIN_CANCELLED_TIMER_HANDLES_FRACTION =
    0.5``): counts and sizes are whole, so a fraction is a ratio or a score, not a limit."""
    return verdict.kind is Kind.LIMIT and isinstance(value, float) and not value.is_integer()


def is_no_bound(verdict: NameVerdict, value: Number | None) -> bool:
    """Whether a limit-named binding holds a run of nines of at least nine digits
    (diskcache's ``max_key = 999999999999999``): "no bound at all", as a type's top is, not a
    bound someone chose."""
    if verdict.kind is not Kind.LIMIT or not isinstance(value, int) or value < 999_999_999:
        return False
    return set(str(value)) == {"9"}


def is_not_limit_value(verdict: NameVerdict, value: Number | None, vocab: NameWords) -> bool:
    """A limit-named binding whose value says it is no setting: a fraction, or nines standing
    for no bound.  An integer type's largest value is a setting like any other: every reader
    labelled paramiko's ``MAX_WINDOW_SIZE = 2**32 - 1`` and a clamp's ``2147483647``."""
    return (
        is_fraction(verdict, value)
        or is_no_bound(verdict, value)
        or (verdict.least > 0 and (value is None or value < verdict.least))
    )


def _per_fact(words: tuple[str, ...], vocab: NameWords) -> bool:
    """``MAX_BYTES_PER_CHAR = 4``, ``BITS_PER_DIGIT``: so many per a unit of a format (a
    character, a byte, a digit) is a fact of the encoding.  Per a unit of time it is a rate
    someone chose (``max_bytes_per_second``), and per anything else a limit
    (``MAX_TASKS_PER_TICK``, ``max_idle_connections_per_host``)."""
    return any(
        a == "per" and b in vocab.bound_fact_words and b not in vocab.unit_definition_words
        for a, b in pairwise(words)
    )


#: First words that say a name counts what follows (``num_worker``; not ``index_worker``).
_COUNTING = ("num", "number", "count")


def _counts_at_head(words: tuple[str, ...], vocab: NameWords) -> bool:
    """A limit whose head (last word) is what it counts: ``max_keepalive_connections``,
    ``connect_timeout_retries``.  The duration word before it only says which ones, so the
    limit wins over it (elsewhere a duration word wins: ``max_delay``)."""
    named = _named(words, vocab)
    if len(named) < 2:
        return False
    head, present = named[-1], set(named[:-1])
    if head in vocab.count_words or (
        named[0] in _COUNTING and any(singular(w) == head for w in vocab.count_words)
    ):
        return True  # `num_process`, `num_retry`: how many, as `num_processes` is
    return any(head in second and present & first for first, second in vocab.limit_pairs)


def _counted_per(words: tuple[str, ...], vocab: NameWords) -> bool:
    """``connections_per_node``, ``tasks_per_child``, ``items_per_page``: so many of a thing
    the limit words count, per anything but a unit of time (a rate: ``requests_per_second``)
    or of a format (a fact, :func:`_per_fact`), is a count someone chose."""
    if "per" not in words[1:-1]:
        return False
    at = words.index("per")
    after = words[at + 1]
    if after in vocab.unit_definition_words or after in vocab.bound_fact_words:
        return False
    counted = vocab.count_words.union(*(second for _, second in vocab.limit_pairs))
    return not counted.isdisjoint(words[:at])


def classify_name(identifier: str, vocab: NameWords, *, as_keyword: bool) -> NameVerdict | None:
    """Whether ``identifier`` names a duration or a limit; durations win (``max_delay``).

    ``as_keyword`` is true for a keyword argument of a call, where ``ex``/``px`` (Redis) and the
    exact keyword ``count`` also count; as an assigned name or a parameter they do not.
    """
    memo = _VERDICTS.get(vocab)
    if memo is None:
        memo = _VERDICTS[vocab] = {}
    key = (identifier, as_keyword)
    if key in memo:  # the same names recur all over a code base
        return memo[key]
    if not holds_telling_word(identifier, vocab):
        return None  # holds no word that could make it anything (most names): not memoised
    verdict = memo[key] = _classify(identifier, vocab, as_keyword=as_keyword)
    return verdict


_TELLING: WeakKeyDictionary[NameWords, tuple[re.Pattern[str], re.Pattern[str] | None]] = (
    WeakKeyDictionary()
)


def holds_telling_word(identifier: str, vocab: NameWords) -> bool:
    """Whether ``identifier`` holds a word a verdict could rest on (without one it is no
    duration and no limit).  An ASCII name is lowered and searched case-sensitively: the
    same answer as the case-insensitive search, which is several times slower."""
    folded, lowered = _telling(vocab)
    if lowered is not None and identifier.isascii():
        return lowered.search(identifier.lower()) is not None
    return folded.search(identifier) is not None


def _telling(vocab: NameWords) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Every word a verdict could rest on, as one case-insensitive search, and (when every
    word is ASCII) the same search for lowered text."""
    found = _TELLING.get(vocab)
    if found is None:
        words = telling_words(vocab)
        folded = re.compile(any_word(words), re.IGNORECASE)
        ascii_words = all(w.isascii() for w in words)
        lowered = re.compile(any_word(w.lower() for w in words)) if ascii_words else None
        found = _TELLING[vocab] = (folded, lowered)
    return found


def telling_words(vocab: NameWords) -> frozenset[str]:
    """Every word a verdict could rest on: a name holding none (as a part of its text, in any
    case) is no duration and no limit."""
    return frozenset({
        *vocab.duration_words, *vocab.unit_words, *vocab.duration_call_keywords,
        *vocab.limit_words, *vocab.limit_call_keywords, *vocab.extra_duration_names,
        *vocab.extra_limit_names, *(w for p in vocab.duration_phrases for w in p),
        *(w for first, _ in vocab.limit_pairs for w in first), *vocab.count_words,
        *(singular(w) for w in vocab.count_words),  # `num_attempt` (_counts_at_head)
        *vocab.bound_limit_words, *vocab.size_heads, *(p[0] for p in vocab.size_phrases),
        *vocab.size_unit_heads,
        "per",  # `tasks_per_child` (_counted_per)
        *(p[0] for p in vocab.limit_phrases),
    })  # fmt: skip


def defines_unit(identifier: str, vocab: NameWords, seconds: Number | None = None) -> bool:
    """``SECOND``, ``ONE_DAY``, ``MS_PER_SECOND``, ``SECONDS_IN_DAY``: a name made of unit
    words only ("one", "per", "in", "to" aside) is the size of a unit or a conversion factor
    (a constant of nature, not a tunable).  With ``seconds`` (the value of a catalogued
    duration it is bound to: ``DAY = timedelta(days=1)``), that value must be one unit too."""
    words = [w for w in split_words(identifier)
             if w not in vocab.unit_definition_fillers and not w.isdigit()]  # fmt: skip
    words = [w for w in words if not _TYPE_WORD.fullmatch(w)]  # `SECS_PER_MIN_I64`: its type
    if not words or not all(w in vocab.unit_definition_words for w in words):
        return False
    return seconds is None or is_conversion_factor(seconds)


def _factors() -> frozenset[float]:
    sizes = {*UNIT_SECONDS.values(), 30 * 86400, 365 * 86400}  # months and years too
    ratios = {a / b for a in sizes for b in sizes}
    return frozenset(round(r, 12) for r in ratios)


_FACTORS = _factors()


def is_conversion_factor(value: Number) -> bool:
    """Whether ``value`` is one unit's size in another (60, 1000, 86400, 0.001, 24, 7)."""
    return value > 0 and round(float(value), 12) in _FACTORS


#: What a unit constant scales: a time (its unit) or a size.
SIZE = "size"
#: What :func:`scale_of` says of a multiplier: the literal it scales keeps its binding's unit.
FACTOR = "factor"
#: ... and this of a margin: the literal added to or taken from a time (``max(a, b) + 5``,
#: ``worker_ttl - 15``) is a duration in the unit its binding gives, and nothing else.
MARGIN = "margin"


def scale_of(identifier: str, vocab: NameWords) -> str | None:
    """The unit a constant named for one unit gives the literal it multiplies (``SECONDS``,
    ``ONE_MINUTE``, ``MS`` -> ``s``, ``min``, ``ms``; ``BYTES``, ``KIB`` -> :data:`SIZE`), or
    None.  Only a constant (capitals): ``2 * seconds`` doubles a variable.  A multiplier's
    name gives :data:`FACTOR`: pexpect's ``first_char_timeout = timeout_multiplier * 0.5`` is
    half a second, scaled by the user's multiplier."""
    if not vocab.multiplier_words.isdisjoint(split_words(identifier)):
        return FACTOR
    if not identifier.isupper():
        return None
    words = [w for w in split_words(identifier) if w not in ("one", "a")]
    if len(words) != 1:
        return None  # `MS_PER_SECOND` is a factor between two units
    if words[0] in vocab.size_unit_words:
        return SIZE
    return vocab.scale_units.get(words[0])


def scaled_unit(verdict: NameVerdict, scale: str | None) -> tuple[bool, str | None]:
    """Whether a literal scaled by ``scale`` is a setting of the ``verdict`` its name gives
    (a time scales a duration, a size a limit), and the unit it then has."""
    if scale is None:
        return False, None
    if scale == FACTOR:
        return True, verdict.unit
    if scale == MARGIN:
        return verdict.kind is Kind.DURATION, verdict.unit
    if verdict.kind is Kind.DURATION and scale != SIZE:
        return True, scale
    return verdict.kind is Kind.LIMIT and scale == SIZE, None


def _sized(words: tuple[str, ...], vocab: NameWords) -> bool:
    """``COPY_BYTES``, ``STREAM_CHUNK``, ``connection_data_block_size``: a size by its head (a
    setting from ``size-head-least`` up, a format's fact below it)."""
    if len(words) > 1 and words[-1] in vocab.size_heads:
        return True
    return any(words[-len(p) :] == p for p in vocab.size_phrases)


def documented_name(identifier: str, vocab: NameWords) -> bool:
    """Whether a bound name that no word judges may take a time from its comment
    (``detect/documented.py``): not a flag, a switch, a code or a counter, a unit's definition,
    a standard's constant, a rate, a multiplier or a fact of a format (``PORT``)."""
    words = split_words(identifier)
    named = [w for w in words if not w.isdigit()]
    if not named or classify_name(identifier, vocab, as_keyword=False) is not None:
        return False
    if named[0] in vocab.flag_words or not vocab.switch_words.isdisjoint(words):
        return False
    if defines_unit(identifier, vocab) or _is_code(identifier, words, vocab):
        return False
    plain = {*vocab.spec_words, *vocab.rate_words, *vocab.multiplier_words, *vocab.bound_fact_words}
    return plain.isdisjoint(words)


def _classify(identifier: str, vocab: NameWords, *, as_keyword: bool) -> NameVerdict | None:
    lowered = identifier.lower()
    if lowered in vocab.extra_duration_names:
        return NameVerdict(Kind.DURATION, "s")
    words = compounds(split_words(identifier), vocab)
    if words and (words[0] in vocab.flag_words or not vocab.switch_words.isdisjoint(words)):
        return None  # `HAVE_SYS_WAIT_H`, `has_timeout`, `keepalive_enabled`: a yes/no
    if not as_keyword and identifier.isupper() and defines_unit(identifier, vocab):
        return None  # the constant `MINUTE = 60` is what a minute is, not how long to wait
    if any(w in vocab.spec_words for w in words) or _per_fact(words, vocab):
        return None  # `SPEC_WINDOW_SIZE = 65_535`: the standard's number, not a setting
    if _counts_at_head(words, vocab):
        return NameVerdict(Kind.LIMIT, None)  # `max_keepalive_connections`: how many
    unit = _duration_unit(identifier, words, vocab)
    if unit == _MULTIPLIER:
        return None  # `backoff_factor=1.5`: a finding only where the catalog lists it
    if unit is not None:
        return NameVerdict(Kind.DURATION, unit)
    if as_keyword and lowered in vocab.duration_call_keywords:
        return NameVerdict(Kind.DURATION, vocab.duration_call_keywords[lowered])
    if words and words[-1] in vocab.code_namespaces and lowered not in vocab.extra_limit_names:
        return None  # `_MIN_SERVER_ERROR_STATUS = 500`, `MAX_ERROR_CODE`: a code's range
    if lowered in vocab.extra_limit_names or _is_limit(words, vocab) or _counted_per(words, vocab):
        return NameVerdict(Kind.LIMIT, None)
    if as_keyword and lowered in vocab.limit_call_keywords:
        return NameVerdict(Kind.LIMIT, None)
    if not as_keyword and _bounds_something(words, vocab):
        return NameVerdict(Kind.LIMIT, None)  # `MAX_IOVS = 64`: a bound name, whatever it bounds
    if not as_keyword and _sized(words, vocab):
        return NameVerdict(Kind.LIMIT, None, vocab.size_head_least)  # `COPY_BYTES = 1 << 18`
    if _in_size_units(words, vocab):
        return NameVerdict(Kind.LIMIT, None)  # huey's `cache_mb=8`
    return None


def _in_size_units(words: tuple[str, ...], vocab: NameWords) -> bool:
    """``cache_mb``, ``MAX_HIST_MEM_MB``: a size counted in a large unit, chosen by someone;
    a name of nothing but units and fillers defines the unit (``ONE_MB = 1``, ``MB``)."""
    if len(words) < 2 or words[-1] not in vocab.size_unit_heads:
        return False
    units = vocab.size_unit_heads | vocab.unit_definition_fillers | {"one"}
    return not set(words) <= units
