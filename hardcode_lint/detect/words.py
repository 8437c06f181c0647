"""The identifier words of a catalog (its ``[names]`` table): which words make a name a
duration, a limit, a flag, a code or a unit's definition.  ``names.py`` judges names with them;
the catalog loads them beside the APIs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, eq=False)
class NameWords:
    """The identifier words that make a name a duration or a limit (see ``names.py``).

    Compared and hashed by identity: ``names.py`` memoises verdicts per instance, outside it.
    """

    duration_words: frozenset[str]
    duration_phrases: tuple[tuple[str, ...], ...]
    rate_words: frozenset[str]
    code_words: frozenset[str]
    unit_words: Mapping[str, str]
    duration_call_keywords: Mapping[str, str]
    limit_words: frozenset[str]
    limit_pairs: tuple[tuple[frozenset[str], frozenset[str]], ...]
    limit_call_keywords: frozenset[str]
    duration_parameters: frozenset[str] = frozenset()  # `def incr(.., time=60)`: a keyword's
    flag_words: frozenset[str] = frozenset()  # a first word that makes a name a yes/no flag
    switch_words: frozenset[str] = frozenset()  # a word anywhere that makes it an on/off switch
    unit_definition_words: frozenset[str] = frozenset()  # `SECOND`, `ONE_DAY`: a unit's size
    unit_definition_fillers: frozenset[str] = frozenset()  # `MS_PER_SECOND`: "per" aside
    multiplier_words: frozenset[str] = frozenset()  # `backoff_factor`: no duration, no limit
    product_factor_words: frozenset[str] = frozenset()  # `delay * backoff`: backoff scales
    code_prefixes: frozenset[str] = frozenset()  # `num_timeouts`: a first word making a code
    code_namespaces: frozenset[str] = frozenset()  # `ERROR_TIMEOUT`: the same, in capitals
    bitmask_words: frozenset[str] = frozenset()  # `LINESTATE_MASK_TIMEOUT`: bits, anywhere
    count_words: frozenset[str] = frozenset()  # `retries`, `attempts`: limits, as written
    limit_phrases: tuple[tuple[str, ...], ...] = ()  # `pool_size`, `window_size`
    single_item_keywords: frozenset[str] = frozenset()  # `count=1` of a call: one item
    bound_limit_words: frozenset[str] = frozenset()  # `MAX_IOVS`: max with any noun, bound
    bound_limit_fillers: frozenset[str] = frozenset()  # `DEFAULT_MAX`: no noun
    bound_fact_words: frozenset[str] = frozenset()  # `MAX_INT`, `MIN_VALUE`: a fact
    spec_words: frozenset[str] = frozenset()  # `SPEC_WINDOW_SIZE`: a standard's constant
    bound_limit_min_letters: int = 1  # `MAX_N`: a one-letter word bounds nothing
    comment_units: Mapping[str, str] = field(default_factory=dict)  # "in seconds": a time
    default_function_words: frozenset[str] = frozenset()  # `fn default_attempts() { 2 }`
    scale_units: Mapping[str, str] = field(default_factory=dict)  # `3 * SECONDS`: seconds
    size_unit_words: frozenset[str] = frozenset()  # `16 * 1024 * BYTES`: a size
    size_heads: frozenset[str] = frozenset()  # `COPY_BYTES = 1 << 18`: a size from ...
    size_head_least: int = 0  # ... this value up
    size_phrases: tuple[tuple[str, ...], ...] = ()  # `block_size`: the same, in two words
    size_unit_heads: frozenset[str] = frozenset()  # `cache_mb = 8`: a size in megabytes
    constant_table_size: int = 0  # PyMySQL's constants/ER.py: a module of codes
    extra_duration_names: frozenset[str] = frozenset()
    extra_limit_names: frozenset[str] = frozenset()


def _number_forms(word: str) -> set[str]:
    """A word and its plural or singular (``limit``/``limits``, ``capacity``/``capacities``):
    the word lists match in both."""
    if word.endswith("ies"):
        return {word, word[:-3] + "y"}
    if word.endswith("s") and not word.endswith("ss"):
        return {word, word[:-1]}
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return {word, word[:-1] + "ies"}
    return {word, word + "s"}


def singular(word: str) -> str:
    """``retries`` -> ``retry``, ``processes`` -> ``process``, ``attempts`` -> ``attempt``."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-2] if word.endswith(("sses", "ches")) else word.removesuffix("s")


def _both_numbers(words: Any) -> frozenset[str]:
    return frozenset(form for word in words for form in _number_forms(word))


def _phrases(data: Mapping[str, Any], key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in data.get(key, []))


def build_words(data: Mapping[str, Any]) -> NameWords:
    """The ``[names]`` table of a catalog as :class:`NameWords` (words match in both numbers)."""
    return NameWords(
        duration_words=_both_numbers(data["duration-words"]),
        duration_phrases=_phrases(data, "duration-phrases"),
        rate_words=frozenset(data["rate-words"]),
        code_words=_both_numbers(data["code-words"]),
        unit_words=dict(data["unit-words"]),
        duration_call_keywords=dict(data["duration-call-keywords"]),
        limit_words=_both_numbers(data["limit-words"]),
        limit_pairs=tuple((frozenset(a), frozenset(b)) for a, b in data["limit-pairs"]),
        limit_call_keywords=frozenset(data["limit-call-keywords"]),
        duration_parameters=frozenset(data.get("duration-parameters", [])),
        flag_words=frozenset(data.get("flag-words", [])),
        switch_words=frozenset(data.get("switch-words", [])),
        unit_definition_words=frozenset(data.get("unit-definition-words", [])),
        unit_definition_fillers=frozenset(data.get("unit-definition-fillers", [])),
        multiplier_words=_both_numbers(data.get("multiplier-words", [])),
        product_factor_words=frozenset(data.get("product-factor-words", [])),
        code_prefixes=frozenset(data.get("code-prefixes", [])),
        code_namespaces=frozenset(data.get("code-namespaces", [])),
        bitmask_words=frozenset(data.get("bitmask-words", [])),
        count_words=frozenset(data.get("count-words", [])),
        limit_phrases=_phrases(data, "limit-phrases"),
        single_item_keywords=frozenset(data.get("single-item-keywords", [])),
        bound_limit_words=frozenset(data.get("bound-limit-words", [])),
        bound_limit_fillers=frozenset(data.get("bound-limit-fillers", [])),
        bound_fact_words=frozenset(data.get("bound-fact-words", [])),
        spec_words=frozenset(data.get("spec-words", [])),
        bound_limit_min_letters=int(data.get("bound-limit-min-letters", 1)),
        comment_units=dict(data.get("comment-units", {})),
        default_function_words=frozenset(data.get("default-function-words", [])),
        scale_units=dict(data.get("scale-units", {})),
        size_unit_words=frozenset(data.get("size-unit-words", [])),
        size_heads=frozenset(data.get("size-heads", [])),
        size_head_least=int(data.get("size-head-least", 0)),
        size_phrases=_phrases(data, "size-phrases"),
        size_unit_heads=frozenset(data.get("size-unit-heads", [])),
        constant_table_size=int(data.get("constant-table-size", 0)),
    )
