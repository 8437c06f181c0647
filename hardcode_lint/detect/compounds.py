"""Words written without a break, read as two: cheroot's ``minthreads``, ldap3's
``SLEEPTIME``, supervisor's ``startsecs``, pymongo's ``wtimeout``.  Real code writes many
settings so (ini keys, C-style options), and the word rules of ``names.py`` would see one
unknown word.  Only a word the vocabulary does not know is split, into two parts the
vocabulary reads; ``await``, ``nowait`` and ``getrlimit`` stay whole.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from hardcode_lint.detect.words import NameWords

_KNOWN: WeakKeyDictionary[NameWords, frozenset[str]] = WeakKeyDictionary()


def _known(vocab: NameWords) -> frozenset[str]:
    """Every word of the vocabulary, to split a word written without a break."""
    found = _KNOWN.get(vocab)
    if found is None:
        found = _KNOWN[vocab] = frozenset({
            *vocab.duration_words, *vocab.unit_words, *vocab.limit_words, *vocab.count_words,
            *(w for first, second in vocab.limit_pairs for w in (*first, *second)),
            *(w for p in (*vocab.limit_phrases, *vocab.duration_phrases) for w in p),
            *vocab.flag_words, *vocab.code_words, *vocab.bound_limit_words,
            *vocab.multiplier_words, *vocab.bound_fact_words, *vocab.size_heads,
            *vocab.rate_words, *vocab.spec_words, *vocab.switch_words, *vocab.code_prefixes,
            *vocab.code_namespaces, *vocab.unit_definition_words, *vocab.size_unit_words,
        })  # fmt: skip
    return found


def compounds(words: tuple[str, ...], vocab: NameWords) -> tuple[str, ...]:
    """Words written without a break read as two (cheroot's ``minthreads``, ``numthreads``,
    ldap3's ``SLEEPTIME``, pymongo's ``wtimeout``): a word the vocabulary does not know that
    is a known word (or one letter) followed by a known word of four letters or more."""
    known = _known(vocab)
    split: list[str] = []
    for word in words:
        alone = word in known or not word.isalpha()
        split += (word,) if alone else _compound(word, known, vocab)
    return tuple(split)


def _compound(word: str, known: frozenset[str], vocab: NameWords) -> tuple[str, ...]:
    """``minthreads`` -> ``min``, ``threads``; a head the vocabulary does not know only before a
    word of five letters or more (``startretries``), one letter only before a long one
    (``wtimeout``, not ``await``); a flag word is no head (``nowait``: ``P_NOWAIT`` is a flag)."""
    for cut in range(1, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if _leads(head, tail, vocab):
            return head, tail
        if tail not in known or head in vocab.flag_words or head.startswith(_ACCESSORS):
            continue  # `nowait` is a flag, `getrlimit` / `settimeout` an accessor's name
        if head in known or len(tail) >= (_LONG_TAIL if cut == 1 else _TELLING_TAIL):
            return head, tail
        if cut > 1 and tail in vocab.unit_words:
            return head, tail  # supervisor's `startsecs`, `stopwaitsecs`
    return (word,)


def _leads(head: str, tail: str, vocab: NameWords) -> bool:
    """A long duration word leading words the vocabulary does not know (pexpect's
    ``delayafterread``, ``delaybeforesend``): what follows says when, not what; a short
    ending is the word's own inflection (``delayed``, ``timeouts``)."""
    if len(head) < _LEADING or len(tail) < _LEADING - 1 or tail in _ENDINGS:
        return False
    return head in vocab.duration_words


_LEADING = 5  # letters of a leading duration word (`delay`, not `wait`: `waitress`)
_ENDINGS = frozenset({"ical", "ically", "icity", "ometer", "ings"})  # `periodically`
_ACCESSORS = ("get", "set")
_LONG_TAIL = 6  # after one letter (`wtimeout`; not `await`)
_TELLING_TAIL = 5  # after an unknown head (supervisor's `startretries`, scrapy's `dnscache`)
