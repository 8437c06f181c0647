"""What a name says about the number bound to it, in TypeScript and JavaScript: the shared
word rules (``detect/names.py``), a timed head (``retryBackoff``: ``duration-heads`` of the
catalog), and milliseconds where no unit word says otherwise.  One function, asked by the
detector and by the pre-filter alike, so the two cannot disagree on what a name tells."""

from __future__ import annotations

from hardcode_lint.detect.catalog import Catalog
from hardcode_lint.detect.names import NameVerdict, classify_name, split_words
from hardcode_lint.lang.typescript.tables import names_table
from hardcode_lint.model import Kind


def name_verdict(name: str, catalog: Catalog, as_keyword: bool) -> NameVerdict | None:
    """A name's verdict; a duration without a unit word is in milliseconds."""
    words = catalog.words
    found = classify_name(name, words, as_keyword=as_keyword)
    if found is None and as_keyword:  # `{ maxOut: 2 }` passed to a call: an option, named
        bound = classify_name(name, words, as_keyword=False)  # as a binding names its value
        found = bound if bound is not None and bound.kind is Kind.LIMIT else None
    if found is not None and found.least:
        found = None  # a size only from a value up: not judged by value here yet
    heads = [w for w in split_words(name) if not w.isdigit()][-1:]
    timed = bool(heads) and heads[0] in names_table()[0] and len(split_words(name)) > 1
    if (found is None or found.kind is Kind.LIMIT) and timed:
        found = NameVerdict(Kind.DURATION, None)
    if found is None or found.kind is not Kind.DURATION:
        return found
    units = [words.unit_words[w] for w in split_words(name) if w in words.unit_words]
    if units:
        return NameVerdict(Kind.DURATION, units[-1])
    keyword = words.duration_call_keywords.get(name.lower()) if as_keyword else None
    return NameVerdict(Kind.DURATION, keyword or "ms")
