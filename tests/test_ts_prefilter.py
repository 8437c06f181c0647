"""The TypeScript/JavaScript pre-filter drops a file only when it holds no finding: a file it
skips would lose its findings silently, so every site of the detector is checked here with
and without it, on hand-written snippets and on generated ones."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hardcode_lint.lang.base import DetectOptions
from hardcode_lint.lang.typescript.detect import catalog_for, detect_ts
from hardcode_lint.lang.typescript.prefilter import (
    _BINDING,
    _bound_names,
    may_hold_site,
    needles_for,
)
from hardcode_lint.parse.source import SourceFile


def _hits(code: str, prefilter: bool, name: str = "snippet.ts",
          zeros: bool = True) -> list[tuple[int, int, str]]:  # fmt: skip
    """The hits of ``code``; without ``zeros``, as the engine keeps them (no zero)."""
    data = textwrap.dedent(code).encode()
    source = SourceFile(name, data, data.decode())
    found = detect_ts(source, DetectOptions(catalog="", prefilter=prefilter, zeros=zeros))
    return [(h.start, h.end, h.kind.value) for h in found.hits if zeros or h.number != 0]


#: One snippet per kind of site, each holding a finding the pre-filter must let through.
SITES = [
    "setTimeout(() => {\n  work();\n  more();\n}, 5000);",
    "window.setTimeout(done, 250)",
    "import { setTimeout as wait } from 'node:timers/promises';\nawait wait(1000);",
    "const retry = require('async-retry');\nretry(fn, { retries: 3 });",
    "const n = Math.max(count, 1);",
    "socket.setKeepAlive(true, 60000);",
    "const client = new Pool({ max: 10, idleTimeoutMillis: 30000 });",
    "const opts = { timeout: 5000 };",
    "const opts = { 'connect-timeout': 5000 };",
    "const opts = { [kTimeout]: 5000 };",
    "this[kKeepAliveTimeout] = 4000;",
    "this.retryDelay = 1000 * 60;",
    "const delay = opts.delay ?? 5000;",
    "const delay = opts.delay\n  ?? 5000;",
    "const delay = isTest\n  ? (() => {\n      reset();\n      return 0;\n    })()\n  : 5000;",
    "const RETRY_DELAYS_MS = [\n  100,\n  200,\n];",
    "const config = {\n  timeout: {\n    request: 10000,\n  },\n};",
    "const o = { maxPoolSize: { default: 100, type: 'uint' } };",
    "function connect(timeout = 3000) {}",
    "function connect(timeout: number = 3000) {}",
    "const { timeout = 3000 } = options;",
    "class Client {\n  private timeout: number = 3000;\n  #maxRetries = 5;\n}",
    "this.timeout ??= 5000;",
    "const timeout /* ms */ = 5000;",
    "const timeout // in ms\n  = 5000;",
    "const m: Map<string, number> = new Map(), maxRetries = 5;",
    "let maxRetries = cond ? /[)]/.test(x) : 3;",
    "const pollInterval = `${a}` || 5000;",
    "const p = { minimum: behavior.minimum ?? 1, maximum: behavior.maximum ?? 100 };",
    "this.max = options.max || 10;",
    "import LRU from /* cache */ 'lru-cache';\nconst c = new LRU({ max: 500 });",
    "const { Pool: P } = require(\n  'pg'\n);\nconst p = new P({ max: 10 });",
    "const o = { maximum: behavior.maximum /* bound */\n  ?? 100 };",
    "const o = { 'min': opts.min ?? 2 };",
    # what the lexer's `values` reading keeps: a wrapper's bracket, a literal's arithmetic
    "const timeout = <number>(5000);",
    "const ttl = -(60) * 1000, maxRetries = +3;",
    "const delay = opts.delay || (5 * 1000);",
    "const o = { timeout: cond ? 1000 : 2000 };",
    "const n = window.Math.max(count, 1);",
    "const n = Math /* floor */ . max(count, 1);",
    "const n = Math?.max(count, 1);",
    "const timeout = cond\n  ? fast\n  : 5000;",
]


@pytest.mark.parametrize("code", SITES)
def test_a_file_with_a_finding_is_parsed(code):
    found = _hits(code, prefilter=True)
    assert found, "the snippet must hold a finding for this test to mean anything"
    assert found == _hits(code, prefilter=False)


def test_jsx_attribute_passes():
    code = "const x = <Poller interval={5000} />;"
    assert _hits(code, True, "a.tsx") == _hits(code, False, "a.tsx") != []


#: Sites opened otherwise than by a name's `:` / `=` or a call's `(` right before the value.
_OPENED_OTHERWISE = [
    "setTimeout /* later */ (done, 750);",
    "setTimeout?.(done, 850);",
    "const wait = new Promise<void>((r) => setTimeout(r, 950));",
    "const retryDelay = ready ? fast : 1100;",
    "const limits = { maxRetries: (1200) as number };",
    "const readTimeout: Record<string, number> = { a: 1300 };",
]


def test_every_site_of_a_file_that_passes_is_judged():
    """A file that passes has its numbers judged only in the sites the pre-filter found (most
    of a big file's numbers stand in none): each site of a file holding many is found."""
    sites = [s for s in SITES if "import" not in s and "require" not in s]
    code = "\n".join([*sites, *_OPENED_OTHERWISE, "const sizes = [1, 2, 3]; f(4);"])
    found = _hits(code, prefilter=True)
    assert len(found) > len(sites) + len(_OPENED_OTHERWISE)
    assert found == _hits(code, prefilter=False)


def test_wide_sites_are_judged_by_their_names_first():
    """A wide site (a class or a function bound to a name holding a telling word) is read
    only where its name is telling; the sites inside it are found from their own names."""
    filler = "    step(a, b);\n" * 300
    code = (
        f"const ChangeTracker = class {{\n  run() {{\n{filler}  }}\n  idleTimeout = 4000;\n"
        f"  go() {{ setTimeout(tick, 150); }}\n}};\n"
        f"const pollTimeout = ready ? (() => {{\n{filler}  return 1;\n}})() : 5000;\n"
    )
    found = _hits(code, prefilter=True)
    assert len(found) >= 3
    assert found == _hits(code, prefilter=False)


@pytest.mark.parametrize(
    "code",
    [
        "const x = items[0] + 1;\nexport function f(a: number) { return a * 2; }",
        "interface Options { timeout: number; maxRetries?: number }",
        "const timeout = opts.timeout;\nconst label = 'wait 5000 ms';",
        "// wait 5000 ms\nconst n = parse(x);\nif (n === 3) go();",
        "const total = a.max + b;\nconst out = [1, 2, 3].map(f);",
        "const key = [a, 1].join('_');\nconst scheme = url.startsWith('http') ? 1 : 2;",
        # a catalogued call with several arguments, none a number (a `,` ended the reading)
        "setTimeout(resolve, delay);\nconst n = Math.max(a, b);",
        # numbers that are some other call's, an index, or arithmetic with a name
        "const minutes = absFloor(seconds / 60);\nconst seconds = Number.parseInt(m[1], 10);",
        "const retries = attempts - 1;\nconst timeout = 1000 / freq;\nthis._days = d + w * 7;",
        # a catalogued last name that cannot be the catalogued callee (`Math.max` is)
        "const n = max(a, 1);\nnode.clamp(0.07, 1.0);\nconst m = opts.max?.(1, 2);",
    ],
)
def test_a_file_without_a_site_is_not_parsed(code):
    needles = needles_for(catalog_for(""))
    assert not may_hold_site(textwrap.dedent(code).encode(), needles)
    assert _hits(code, prefilter=False) == []


def test_a_name_first_bound_to_no_number_still_passes_when_bound_to_one():
    """A telling name seen first without a number is remembered as not yet judged (not as
    silent): the same name bound to a number in a later file must still pass."""
    needles = needles_for(catalog_for(""))  # a fresh memo
    assert not may_hold_site(b"const idleTimeout = opts.idleTimeout;", needles)
    assert not may_hold_site(b"const label = 5000;", needles)
    assert may_hold_site(b"const idleTimeout = 5000;", needles)
    assert not may_hold_site(b"const label = 5000;", needles)


_NAMES = st.sampled_from(
    [
        "timeout",
        "maxRetries",
        "retryDelayMs",
        "label",
        "items",
        "poolSize",
        "'connect-timeout'",
        "[kTimeout]",
        "this.idleTimeout",
        "x",
        "ttl",
        "max",
        "minimum",
    ]
)
_NUMBERS = st.sampled_from(
    ["5000", "0.5", "1_000", "0x10", "1000 * 60", "(30)", "-1", "3", "0", "0.0", "0x0", "0_0"]
)
_GAPS = st.sampled_from(["", " ", "\n  ", " /* c */ ", " // c\n "])


@st.composite
def _values(draw: st.DrawFn, depth: int = 0) -> str:
    number = draw(_NUMBERS)
    if depth > 2:
        return number
    inner = draw(_values(depth + 1))
    gap = draw(_GAPS)
    return draw(st.sampled_from([
        number, f"opts.x ??{gap}{inner}", f"c ?{gap}f(a, b) :{gap}{inner}", f"[1,{gap}{inner}]",
        f"{{ {draw(_NAMES).strip('[]')}:{gap}{inner} }}", f"({inner})", f"'a;b' || {inner}",
        f"go(() => {{ run(); }},{gap}{inner})", f"{inner} as number", f"/[)]/.x + {inner}",
        f"setTimeout(() => {{ x = {inner}; }},{gap}0)", f"f(function () {{ g({inner}) }})",
        f"f({inner})", f"a[{inner}]", f"n /{gap}{inner}", f"{inner} *{gap}n", f"n - {inner}",
        f"<number>({inner})", f"c ? x.k :{gap}{inner}", f"c ? k :{gap}{inner}",
        f"{{ m() {{ g({inner}); }} }}", f"[{inner}][i]", f"f(a)[0] || {inner}",
    ]))  # fmt: skip


@st.composite
def _statements(draw: st.DrawFn) -> str:
    name, gap, value = draw(_NAMES), draw(_GAPS), draw(_values())
    form = draw(st.sampled_from(["const {n}{g}= {v};", "o = {{ {n}:{g}{v} }};", "{n}{g}= {v}",
                                 "function f({n}{g}= {v}) {{}}", "setTimeout(f,{g}{v});",
                                 "class A {{ {n}{g}= {v}; }}", "Math.min({g}{v}, y);",
                                 "this.{n}{g}= o.{n} ||{g}{v};", "o = {{ {n}: p.{n}{g}?? {v} }};",
                                 "max({g}{v}, y);", "node.clamp({g}{v}, 1);",
                                 "window.Math.max({g}{v}, y);", "c ? {n} :{g}{v};"]))  # fmt: skip
    if (
        form.startswith(("const", "function", "class")) or ".{n}" in form
    ) and not name.isidentifier():
        name = "delayMs"
    return form.format(n=name, g=gap, v=value)


@settings(max_examples=300, deadline=None)
@given(st.lists(_statements(), min_size=1, max_size=3))
def test_prefiltered_and_unfiltered_scans_agree(statements):
    code = "\n".join(statements)
    assert _hits(code, prefilter=True) == _hits(code, prefilter=False)
    assert _hits(code, prefilter=True, zeros=False) == _hits(code, prefilter=False, zeros=False)


@pytest.mark.parametrize(
    "code",
    ["setTimeout(resolve, 0);", "const n = Math.max(0, count);", "const opts = { timeout: 0 };",
     "setTimeout(() => {\n  const i = 1;\n  run(i);\n}, 0);", "setTimeout(f, 0x0);"],
)  # fmt: skip
def test_a_file_whose_only_candidates_are_zeros_is_not_parsed_unless_zeros_count(code):
    needles = needles_for(catalog_for(""))
    assert not may_hold_site(code.encode(), needles, zeros=False)
    assert may_hold_site(code.encode(), needles, zeros=True)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("=:?!|]'\" a:b-/*\n"), max_size=60))
def test_the_two_halves_of_the_binding_search_find_what_it_finds(text):
    """The binding search runs as two searches from one byte each, whose matches are merged
    as the one search would have found them (one inside another is dropped)."""
    backwards = text.encode()
    spans = {(m.start(), m.end(), m.group(1)) for m in _BINDING.finditer(backwards)}
    assert {(m.start(), m.end(), m.group(1)) for m in _bound_names(backwards)} == spans
