"""Literals the word rules and the catalog call tunables, which what surrounds them says are not.

* A factor: a duration-named name that the module multiplies a duration by (huey's
  ``def get(self, ..., backoff=1.15)`` with ``delay *= backoff``) is a multiplier, as the
  contract's multiplier words say (``backoff_factor``); a unit word in its name still makes it a
  duration (``backoff_ms``).

An integer type's largest value (``MAX_WINDOW_SIZE = 2**32 - 1``, ``min(ms, 2147483647)``,
``TIMEOUT_MAX = 4294967``) and the clock's grain (``timedelta(microseconds=1)``) stay
findings: every hand-labelled set counted them, as the contract does.
"""

from __future__ import annotations

from hardcode_lint.detect.names import classify_name, split_words
from hardcode_lint.detect.words import NameWords
from hardcode_lint.model import Kind


def scales(factor: str, duration: str, words: NameWords) -> bool:
    """Whether ``factor`` is a factor where it multiplies ``duration``: when ``duration`` is
    duration-named.  Of two duration names, one with a product-factor word (``backoff``) is
    the factor and the other stays a duration (huey's ``delay * backoff``); with none, each
    scales the other (logging's ``self.interval * interval``)."""
    verdict = classify_name(duration, words, as_keyword=False)
    if verdict is None or verdict.kind is not Kind.DURATION:
        return False
    return not _product_factor(duration, words) or _product_factor(factor, words)


def _product_factor(name: str, words: NameWords) -> bool:
    return not words.product_factor_words.isdisjoint(split_words(name))


def is_factor_name(name: str, factors: set[str], words: NameWords) -> bool:
    """Whether ``name`` is one the module multiplies a duration by, with no unit word."""
    return name in factors and not any(w in words.unit_words for w in split_words(name))
