"""What one catalog asks the Rust detector to look for: one combined tree-sitter query (the
calls whose last path segment is catalogued, method clamps, named bindings, fallbacks, macro
invocations, ``use`` declarations) and the byte pre-filter that spares most files a parse.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from hardcode_lint.detect.catalog import ApiSpec, Catalog, build_catalog
from hardcode_lint.lang.rust.candidates import named_candidate
from hardcode_lint.lang.rust.naming import with_rust_words
from hardcode_lint.lang.rust.parser import any_of
from hardcode_lint.lang.rust.values import FALLBACKS
from hardcode_lint.lang.rust.watch import Watch
from hardcode_lint.model import Kind

PACKAGE = "hardcode_lint.lang.rust"
_LITERAL_VALUES = (
    "[(integer_literal) (float_literal) (unary_expression) (binary_expression) "
    "(parenthesized_expression) (type_cast_expression) (call_expression)]"
)
_NAMES = """
(let_declaration pattern: (identifier) @name value: {values} @value) @decl
(const_item name: (identifier) @name value: {values} @value) @decl
(static_item name: (identifier) @name value: {values} @value) @decl
(field_initializer field: (field_identifier) @name value: {values} @value) @decl
(function_item name: (identifier) @name body: (block . {values} @value .)) @decl
"""
#: A fallback: ``self.timeout.unwrap_or(30)`` (``values.py``).
_FALLBACKS = (
    "((call_expression function: (field_expression value: (_) @recv field: (field_identifier)"
    f" @fn) arguments: (arguments) @args) @call (#any-of? @fn {any_of(set(FALLBACKS))}))"
)
_MACROS = "(macro_invocation macro: (_) (token_tree) @tree) @macro"
_USES = "(use_declaration argument: (_) @tree)"
#: After a clamp's name: its call, and a literal as a direct argument within 400 bytes.
_CLAMP_TAIL = rb")\s*(?:::\s*<[^>;]*>\s*)?\((?:[^;]{0,400}?[(,])?\s*[-(]*\s*[0-9]"
CALL, METHOD, NAME, MACRO, USE, FALLBACK_CALL = "call", "method", "name", "macro", "use", "or"
#: What each pattern of the combined query finds, by pattern index.
PATTERNS = (CALL, METHOD, NAME, NAME, NAME, NAME, NAME, FALLBACK_CALL, MACRO, USE)


@dataclass(frozen=True)
class Plan:
    """What one catalog asks the queries and the pre-filter to look for.

    ``query`` finds, in one pass over the tree, the patterns of :data:`_PATTERNS`: calls whose
    last path segment is catalogued, catalogued method calls, named bindings with literal
    values (``query_any``: with any value, to recognise migrated sites), macro invocations
    and ``use`` declarations.
    """

    catalog: Catalog
    query: str
    query_any: str
    needles: tuple[bytes, ...]  # a file without any of these holds no catalogued duration call
    clamps: re.Pattern[bytes]  # a clamp-like call with a literal argument


def _combined(last: set[str], methods: set[str], values: str) -> str:
    calls = (
        "((call_expression function: [(identifier) @fn (scoped_identifier name: (identifier) @fn)"
        " (generic_function function: [(identifier) @fn (scoped_identifier name: (identifier)"
        f" @fn)])] arguments: (arguments) @args) @call (#any-of? @fn {any_of(last)}))"
    )
    method_calls = (
        "((call_expression function: (field_expression field: (field_identifier) @fn)"
        f" arguments: (arguments) @args) @call (#any-of? @fn {any_of(methods)}))"
    )
    return "\n".join([calls, method_calls, _NAMES.format(values=values), _FALLBACKS, _MACROS,
                      _USES])  # fmt: skip


@lru_cache(maxsize=8)
def plan_for(user_json: str) -> Plan:
    catalog = build_catalog(PACKAGE, json.loads(user_json) if user_json else None)
    catalog = replace(catalog, words=with_rust_words(catalog.words))
    last = {api.rsplit("::", 1)[-1] for api in catalog.apis}
    clamp_names = {
        api.rsplit("::", 1)[-1] for api, s in catalog.apis.items() if s.kind is Kind.CLAMP
    }
    clamp_names |= {m for m, s in catalog.methods.items() if s.kind is Kind.CLAMP}
    durations = [api.split("::") for api, s in catalog.apis.items() if s.kind is Kind.DURATION]
    needles = {parts[-2] if len(parts) > 1 else parts[-1] for parts in durations}
    needles |= {m for m, s in catalog.methods.items() if s.kind is Kind.DURATION}
    names = "|".join(re.escape(n) for n in sorted(clamp_names)) or "(?!)"
    clamps = re.compile(
        rb"(?:"
        + names.encode()
        + rb")\s*(?:::\s*<[^>;]*>\s*)?\((?:[^;]{0,400}?[(,])?\s*[-(]*\s*[0-9]"
    )
    query = _combined(last, set(catalog.methods), _LITERAL_VALUES)
    query_any = _combined(last, set(catalog.methods), "(_)")
    return Plan(catalog, query, query_any, tuple(sorted(n.encode() for n in needles)), clamps)


def lookup_path(catalog: Catalog, path: str) -> ApiSpec | None:
    """The spec of a resolved callee path, matched by suffix on ``::`` boundaries."""
    segments = path.split("::")
    for start in range(len(segments) - 1):
        spec = catalog.apis.get("::".join(segments[start:]))
        if spec is not None:
            return spec
    return None


def is_candidate(data: bytes, plan: Plan, watch: Watch, names: bool = True) -> bool:
    """A cheap test that is true for every file that can hold a hit or a migrated site
    (``names``: count a telling name bound to a literal too)."""
    if any(needle in data for needle in plan.needles):
        return True
    if plan.clamps.search(data) or watch.mentioned_in(data):
        return True
    return names and named_candidate(data, plan.catalog.words)
