"""How a literal bound to a name is judged where Python says more than the name's words.

The shared word rule (``detect/names.py``) judges an identifier; three Python forms bind a
literal to a name that is not the one to judge it by, or in a shape the rule does not read:

* a setting declared as a class (gunicorn's ``class Timeout(Setting): default = 30``): the
  literal is bound to a field the catalog's ``[class-settings]`` lists, and the class's own name
  says what it is;
* a parameter named exactly like a limit keyword (``def fetch(self, count=1)``): its default is
  what every call that omits the keyword passes;
* a one-element list bound to a limit name (kombu's ``_limit = [10]``): a mutable holder of one
  value, the module-level idiom for a default that a setter may change.

The ``ast`` pre-pass, the tree-sitter fast pass and the libcst detector all ask here, so the
pre-filters stay a superset of the detector.
"""

from __future__ import annotations

from functools import lru_cache

from hardcode_lint.detect.catalog import shipped_data
from hardcode_lint.detect.names import NameVerdict, classify_name
from hardcode_lint.detect.words import NameWords
from hardcode_lint.model import Kind, Number

_PACKAGE = __name__.rsplit(".", 1)[0]


@lru_cache(maxsize=1)
def class_fields() -> frozenset[str]:
    """The fields a settings class binds its value to (``default``, ``value``)."""
    table = shipped_data(_PACKAGE, "catalog.toml")[1].get("class-settings", {})
    return frozenset(table.get("fields", []))


def default_verdict(name: str, words: NameWords) -> NameVerdict | None:
    """A parameter default, judged by the parameter's name; a parameter named exactly as a
    call's duration keyword (``time``, memcached's expiry) or limit keyword (``count``) is that
    keyword's default (and, like the keyword, asks for one item when it is 1:
    :func:`asks_one`)."""
    verdict = classify_name(name, words, as_keyword=False)
    if verdict is None and name in words.duration_parameters:
        return NameVerdict(Kind.DURATION, words.duration_call_keywords.get(name))
    if verdict is None and name in words.limit_call_keywords:
        return NameVerdict(Kind.LIMIT, None)
    return verdict


def holds_one(elements: int, verdict: NameVerdict | None) -> bool:
    """Whether a list of ``elements`` literals bound to a name of ``verdict`` is a holder of one
    limit (``_limit = [10]``), whose element is then judged as the value."""
    return elements == 1 and verdict is not None and verdict.kind is Kind.LIMIT


def asks_one(name: str, number: Number | None, words: NameWords) -> bool:
    """A default of 1 for a parameter that is a limit only as the exact keyword (``count=1``):
    one item, as ``count=1`` given to a call asks for (rich's ``line(count=1)``, redis-py's
    ``lmpop(..., count=1)``), not a tunable.  A name that is a limit by its own words keeps its
    1 (dramatiq's rate limiters' ``limit=1``: at most one at a time)."""
    single = name in words.limit_call_keywords and name in words.single_item_keywords
    return number == 1 and single
