"""Many words as one regular expression, written as a prefix tree.

A plain alternation (``timeout|ttl|...``) makes the engine try every word at every position
of the text; the same words as a prefix tree (``t(?:imeout|tl)|...``) try each position's
next character once, which is four times as fast over a hundred and fifty words (every name
of a scanned file is searched so, and most hold none).  :func:`any_word` answers "is there
one": where a word ends, the longer words it begins are not written (the shorter one
already matched).  :func:`longest_word` matches what the alternation of the words, longest
first, matches where more of a pattern follows it (the longest word the rest lets match).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Tree = dict[str, "_Tree"]
_END = ""  # the key marking that a word ends at a node


def any_word(words: Iterable[str]) -> str:
    """A pattern that a text holds one of ``words`` if and only if it searches true there
    (``(?!)``, never, for no word); as case-insensitive as the flags it is compiled with."""
    tree: _Tree = {}
    for word in words:
        if not word:
            continue
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _branches(tree) if tree else "(?!)"


def _branches(node: _Tree) -> str:
    if _END in node:
        return ""  # a word ends here: what follows cannot make a search truer
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def longest_word(words: Iterable[str]) -> str:
    """The words as a pattern that matches, and captures within a larger one, what their
    alternation longest first (``timeout|time``) does: a word's longer continuations are
    tried before it (``time(?:out)?``).  It opens with a look-ahead for the words' first
    characters, which rules out most positions before any word is tried."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not tree or _END in tree:
        return "(?!)" if not tree else "(?:" + _longest(tree) + ")"
    firsts = "".join(re.escape(char) for char in sorted(tree))
    return f"(?=[{firsts}])" + _longest(tree)


def _longest(node: _Tree) -> str:
    branches = [re.escape(char) + _longest(child) for char, child in sorted(node.items())
                if char != _END]  # fmt: skip
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body
