"""Contract section 1, kinds `clamp` and `limit`, with and without findings."""

from __future__ import annotations

import pytest

from tests.helpers import summary

CLAMPS = [
    ("max(ttl, 1)", [("clamp", "max", "1", 1)]),
    ("max(1, ttl)", [("clamp", "max", "1", 0)]),
    ("min(count, 100)", [("clamp", "min", "100", 1)]),
    ("max(1, min(n, 100))", [("clamp", "max", "1", 0), ("clamp", "min", "100", 1)]),
    ("x.clip(0, 10)", [("clamp", "x.clip", "10", 1)]),  # a zero bound is no tunable
    ("x.clip(1, 10)", [("clamp", "x.clip", "1", 0), ("clamp", "x.clip", "10", 1)]),
    ("import numpy\nnumpy.clip(x, 0, 10)", [("clamp", "numpy.clip", "10", 2)]),
    (
        "import numpy as np\nnp.clip(x, 1, 10)",
        [("clamp", "numpy.clip", "1", 1), ("clamp", "numpy.clip", "10", 2)],
    ),
    ("t.clamp(min=1)", [("clamp", "t.clamp", "1", "min")]),
    ("series.clip(lower=1)", [("clamp", "series.clip", "1", "lower")]),
    ("max(ttl, -1)", [("clamp", "max", "-1", 1)]),
    ("arr[max(1, i - 1) : i]", [("clamp", "max", "1", 0)]),  # a clamp inside a slice is one
    ("from builtins import max\nmax(ttl, 2)", [("clamp", "max", "2", 1)]),
]


@pytest.mark.parametrize(("source", "expected"), CLAMPS)
def test_clamp_is_found(detect, source, expected):
    found = detect(source)
    assert summary(found) == expected
    assert all(f.unit is None and f.seconds is None and f.context.value == "call" for f in found)


NOT_CLAMPS = [
    "max(items)",  # one argument: not a clamp
    "max(a, b)",  # no literal
    "max(1, 2)",  # all literals: a constant, nothing is clamped
    "max(xs, default=0)",  # the empty-sequence fallback is not a bound
    "def max(a, b):\n    return a\nmax(ttl, 1)",  # a local max is not the builtin
    "from mymath import max\nmax(ttl, 1)",  # nor is an imported one
    "def f(max):\n    return max(ttl, 1)",  # nor a parameter named max
    "max = pick\nmax(ttl, 1)",
    "x.clipboard(0, 1)",
]


@pytest.mark.parametrize("source", NOT_CLAMPS)
def test_not_a_clamp(detect, source):
    assert detect(source) == []


def test_builtin_passed_as_parameter_default_is_still_the_builtin(detect):
    found = detect("def loop(self, n, min=min):\n    return min(n, 100)\n")
    assert summary(found) == [("clamp", "min", "100", 1)]


def test_shadowing_is_per_scope(detect):
    source = """
    def helper():
        max = lambda a, b: a
        return max(ttl, 1)
    def real():
        return max(ttl, 2)
    """
    assert summary(detect(source)) == [("clamp", "max", "2", 1)]


LIMITS = [
    ("deque(maxlen=1000)", "maxlen", "1000"),
    ("Queue(max_size=100)", "max_size", "100"),
    ("fetch(limit=50)", "limit", "50"),
    ("load(batch_size=500)", "batch_size", "500"),
    ("Pool(max_connections=10)", "max_connections", "10"),
    ("Retry(max_retries=3)", "max_retries", "3"),
    ("redis.xread(streams, count=100)", "count", "100"),
    ("lru_cache(maxsize=128)", "maxsize", "128"),
    ("paginate(page_size=20)", "page_size", "20"),
    ("Pool(maxConnections=10)", "maxConnections", "10"),
    ("Pool(min_workers=2)", "min_workers", "2"),
    ("Buffer(capacity=64)", "capacity", "64"),
]


@pytest.mark.parametrize(("source", "arg", "value"), LIMITS)
def test_limit_keyword_is_found(detect, source, arg, value):
    (finding,) = detect(source)
    assert (finding.kind.value, finding.context.value, finding.arg, finding.value) == (
        "limit",
        "keyword",
        arg,
        value,
    )
    assert finding.unit is None and finding.seconds is None


def test_limit_assignment_and_default(detect):
    found = detect("MAX_RETRIES = 3\ndef fetch(limit=50): pass\ncount = 0\n")
    assert [(f.kind.value, f.context.value, f.arg) for f in found] == [
        ("limit", "assignment", "MAX_RETRIES"),
        ("limit", "default", "limit"),
    ]


NOT_LIMITS = ["f(size=3)", "f(font_size=12)", "f(max=3)", "total_count = 0", "f(counter=1)"]


@pytest.mark.parametrize("source", NOT_LIMITS)
def test_not_a_limit(detect, source):
    assert detect(source) == []


def test_duration_words_win_over_limit_words(detect):
    (finding,) = detect("f(max_size_timeout=3)")
    assert finding.kind.value == "duration"


def test_each_literal_of_a_tuple_passed_to_a_limit_keyword_is_a_finding(detect):
    found = detect("f(max_size=(10, 20))\n")
    assert [(f.kind.value, f.arg, f.value) for f in found] == [
        ("limit", "max_size", "10"),
        ("limit", "max_size", "20"),
    ]
