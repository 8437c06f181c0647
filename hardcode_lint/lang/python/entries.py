"""The entries of dict literals with string keys (``{"max_attempts": 3}``): a literal there is
judged by its key, and shown as ``"TIMEOUT": 300`` when the dict is too long to show whole."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import libcst as cst

from hardcode_lint.detect.catalog import unit_name_words
from hardcode_lint.detect.names import NameVerdict, classify_name, split_words
from hardcode_lint.detect.words import NameWords
from hardcode_lint.lang.python.cst_literals import element_values, key_name, literal_leaves
from hardcode_lint.lang.python.sourcetext import literal_text, marked_snippet, one_line

#: A call longer than this around its literal is shortened to `callee(…, arg, …)`.  Measured
#: without the literal, so that a pending site and its migrated twin (the same call with the
#: replacement) are shortened alike and the report's "new code" equals what fix wrote.
CONTEXT_MAX = 96


@dataclass(frozen=True, slots=True)
class Entry:
    """A dict literal's entry with a string key (``"max_attempts": 3``), judged by the key."""

    element: cst.DictElement  # a pair of a table of pairs is made one (:func:`pair_entries`)
    key: str
    node: cst.BaseExpression  # a literal leaf of the value, or the watched value itself
    as_keyword: bool  # the dict is unpacked as keywords (`f(**{"ex": 60})`)
    expression: str | None = None  # the watched replacement the value is, if it is one
    brackets: str = "{}"  # the container's: "()" or "[]" for a table of pairs


#: The watched expressions a value is or holds (``replacements.Watchlist.watched_in``).
Watched = Callable[[cst.BaseExpression], list[tuple[cst.BaseExpression, str]]]


def dict_entries(node: cst.Dict, as_keyword: bool, watched: Watched) -> list[Entry]:
    """The entries of a dict with a key that names something: each literal leaf of the value,
    and each of a tuple's (as a keyword's), or the watched replacement the value is."""
    found: list[Entry] = []
    for element in node.elements:
        key = entry_key(element)
        if key is None:
            continue
        assert isinstance(element, cst.DictElement)
        leaves = literal_leaves(element.value)
        leaves += [leaf for e in element_values(element.value) for leaf in literal_leaves(e)]
        found += [Entry(element, key, leaf, as_keyword) for leaf in leaves]
        found += [Entry(element, key, node, as_keyword, expression)
                  for node, expression in watched(element.value)]  # fmt: skip
    return found


def pair_entries(node: cst.Tuple | cst.List, watched: Watched) -> list[Entry]:
    """The pairs of a table of ``(name, value)`` pairs, two or more and all with a string
    first (huey's ``config_defaults = (('workers', 1), ('initial_delay', 0.1))``), as the
    entries of a dict: a literal value judged by its name."""
    pairs = [e.value for e in node.elements]
    if len(pairs) < 2 or not all(_is_pair(p) for p in pairs):
        return []
    found: list[Entry] = []
    brackets = "()" if isinstance(node, cst.Tuple) else "[]"
    for pair in pairs:
        assert isinstance(pair, cst.Tuple)
        key, value = (e.value for e in pair.elements)
        name = key_name(key)
        if name is None:
            continue
        element = cst.DictElement(key=key, value=value)
        found += [
            Entry(element, name, leaf, False, None, brackets) for leaf in literal_leaves(value)
        ]
        found += [Entry(element, name, node, False, expression, brackets)
                  for node, expression in watched(value)]  # fmt: skip
    return found


def _is_pair(node: cst.BaseExpression) -> bool:
    return (
        isinstance(node, cst.Tuple)
        and len(node.elements) == 2
        and isinstance(node.elements[0].value, cst.SimpleString | cst.ConcatenatedString)
    )


def entry_text(module: cst.Module, entry: Entry) -> tuple[str, int, int]:
    """``"TIMEOUT": 300`` on one line, and the range of the entry's literal in it: what a
    snippet shows of an entry whose dict is too long to show whole."""
    pair = entry.brackets != "{}"  # `("workers", 1)` of a table of pairs
    key = ("(" if pair else "") + one_line(module.code_for_node(entry.element.key))
    key += ", " if pair else ": "
    value, start, end = marked_snippet(module, entry.element.value, entry.node)
    return key + value + (")" if pair else ""), start + len(key), end + len(key)


def entry_key(element: cst.BaseDictElement) -> str | None:
    """What a dict entry's key names (``"TIMEOUT"``, ``socket.TCP_KEEPIDLE``: ``key_name``)."""
    if not isinstance(element, cst.DictElement):
        return None  # `**other`
    return key_name(element.key)


def bound_entry_snippet(
    module: cst.Module, head: str, value: cst.BaseExpression, entry: Entry
) -> tuple[str, int, int]:
    """``head`` (``CACHES = ``) and the value holding the entry on one line, or
    ``CACHES = {…, "TIMEOUT": 300, …}`` when that is long; and the literal's range in it."""
    code = one_line(module.code_for_node(value))
    if len(code) - len(literal_text(entry.node)) <= CONTEXT_MAX:
        text, start, end = marked_snippet(module, value, entry.node)
    else:
        text, start, end = entry_text(module, entry)
        opening, closing = entry.brackets[0], entry.brackets[1]
        text, start, end = opening + "…, " + text + ", …" + closing, start + 4, end + 4
    return head + text, start + len(head), end + len(head)


def entry_verdict(
    entry: Entry,
    words: NameWords,
    binding: str | None = None,
    mapping: cst.Dict | cst.Tuple | cst.List | None = None,
) -> NameVerdict | None:
    """A dict entry judged by its key with the word rules of names, or of keywords when the
    dict is unpacked as keywords (``f(**{"ex": 60})``): elsewhere ``{"count": 0}`` is a counter.

    A key that is nothing but a unit (``"sec"``, ``"minutes"``) names the row of a conversion
    table (``{"sec": 1.0, "ms": 1e-3}``), not a duration, unless the dict is unpacked as
    keywords (``timedelta(**{"minutes": 5})``).  A key that is a class's dotted path names
    the class (a middleware's order), not a setting (``"grpc.keepalive_time_ms"`` is one).
    """
    if not entry.as_keyword and set(split_words(entry.key)) <= unit_name_words():
        return None
    path, _, last = entry.key.rpartition(".")
    if path and last[:1].isupper():
        return None  # scrapy's `{"...downloadtimeout.DownloadTimeoutMiddleware": 350}`: an order
    if any(c.isspace() for c in entry.key):
        return None  # paho's `{"Message Expiry Interval": 2}`: a display name's code
    if entry.key.lower() in words.product_factor_words:
        return None  # huey's `("backoff", 1.15)`: a bare backoff is as likely a factor
    verdict = classify_name(entry.key, words, as_keyword=entry.as_keyword)
    if verdict is None and binding is not None and isinstance(mapping, cst.Dict):
        verdict = _by_binding(binding, mapping, words)
    return None if verdict is None or verdict.least else verdict  # `{"block-size": 16}`


def _by_binding(binding: str, mapping: cst.Dict, words: NameWords) -> NameVerdict | None:
    """A dict whose keys name no setting, bound to a name that does, holds that setting per
    key (botocore's ``_SERVICE_MAX_ATTEMPTS = {"dynamodb": 4}``, ``TIMEOUTS = {"connect": 5,
    "read": 30}``); a key that names one says the dict is a record of settings instead."""
    keys = [key for element in mapping.elements if (key := entry_key(element)) is not None]
    if any(_names_something(key, words) for key in keys):
        return None
    return classify_name(binding, words, as_keyword=False)


def _names_something(key: str, words: NameWords) -> bool:
    """Whether a key names a setting or a factor (botocore's ``{"throttling_base_scale": 1}``
    under ``_DEFAULT_BACKOFF_CONFIG``: a factor, named)."""
    if classify_name(key, words, as_keyword=False) is not None:
        return True
    return not words.multiplier_words.isdisjoint(split_words(key))
