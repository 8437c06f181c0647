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

from hardcode_lint.detect.names import split_words
from hardcode_lint.detect.words import NameWords


def is_product_factor(name: str, words: NameWords) -> bool:
    """Whether ``name`` has a word that makes it the factor of a product of two duration
    names (``backoff`` in huey's ``delay * backoff``)."""
    return not words.product_factor_words.isdisjoint(split_words(name))


def is_factor_name(name: str, factors: set[str], words: NameWords) -> bool:
    """Whether ``name`` is one the module multiplies a duration by, with no unit word."""
    return name in factors and not any(w in words.unit_words for w in split_words(name))
