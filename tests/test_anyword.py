"""Words as prefix trees (detect/anyword.py) search and match as their plain alternation."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hardcode_lint.detect.anyword import any_word, longest_word

_WORDS = st.lists(st.text(alphabet="abc", min_size=1, max_size=4), min_size=1, max_size=6)
_TEXT = st.text(alphabet="abcx ", max_size=40)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@given(_WORDS, _TEXT)
def test_any_word_finds_a_word_where_the_alternation_does(words, text):
    found = re.search(any_word(words), text) is not None
    assert found == (re.search(_alternation(words), text) is not None)


@settings(max_examples=300)
@given(_WORDS, _TEXT, st.sampled_from(["", "(?![a-z])", "c", "(?=b)"]))
def test_longest_word_matches_and_captures_as_the_alternation_longest_first(words, text, rest):
    """Within a larger pattern, what follows decides which word matches: the same one."""
    tree = re.compile(f"x({longest_word(words)}){rest}")
    plain = re.compile(f"x({_alternation(words)}){rest}")
    assert [(m.span(), m.group(1)) for m in tree.finditer(text)] == [
        (m.span(), m.group(1)) for m in plain.finditer(text)
    ]
