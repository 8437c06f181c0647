"""Every shipped catalog entry carries an example, and the example is a test (Fixit's idea):
run through the real detector, it yields findings of that entry only, found through it."""

from __future__ import annotations

from typing import Any

import pytest

from hardcode_lint.detect.catalog import API_TABLES, build_catalog, parse_api, shipped_data
from hardcode_lint.errors import ConfigError
from hardcode_lint.model import Kind
from tests.helpers import detect_in

PACKAGE = "hardcode_lint.lang.python"
_, DATA = shipped_data(PACKAGE, "catalog.toml")
ENTRIES = [
    (table, api, raw)
    for table in API_TABLES
    for api, raw in DATA.get(table, {}).items()
]  # fmt: skip


def _matches(api: str, found: str) -> bool:
    if api.startswith("*."):
        return found.endswith(api[1:])
    return found == api


@pytest.mark.parametrize(("table", "api", "raw"), ENTRIES, ids=[f"{t}:{a}" for t, a, _ in ENTRIES])
def test_the_example_of_an_entry_is_found_through_it(tmp_path, table: str, api: str, raw: Any):
    assert isinstance(raw.get("example"), str), f"{table}.{api} needs an `example`"
    found = detect_in(tmp_path, raw["example"] + "\n")
    assert found, f"{table}.{api}: its example has no finding"
    for finding in found:
        assert _matches(api, finding.api or ""), (api, finding.api, finding.snippet)
        assert finding.context.value == "call", (api, finding.snippet)
    assert any(f.kind is API_TABLES[table] for f in found)


def test_every_table_is_used():
    assert {table for table, _, _ in ENTRIES} == set(API_TABLES)


def test_an_example_must_be_text():
    with pytest.raises(ConfigError, match="example"):
        parse_api("catalog", Kind.DURATION, {"arg": 0, "example": 5})


def test_an_api_in_two_tables_has_arguments_of_both_kinds():
    spec = build_catalog(PACKAGE).apis["cachetools.TTLCache"]
    assert (spec.kind_of(0), spec.kind_of("maxsize")) == (Kind.LIMIT, Kind.LIMIT)
    assert (spec.kind_of(1), spec.unit_for("ttl")) == (Kind.DURATION, (True, "s"))
    assert (spec.alias(0), spec.alias(1)) == ("maxsize", "ttl")


REEXPORTS = [
    ("from tenacity.wait import wait_fixed\nwait_fixed(2)", "tenacity.wait_fixed", "duration"),
    ("import tenacity.stop\ntenacity.stop.stop_after_attempt(3)", "tenacity.stop_after_attempt",
     "limit"),
    ("from urllib3.util.retry import Retry\nRetry(5)", "urllib3.util.retry.Retry", "limit"),
    ("from urllib3 import Retry\nRetry(5)", "urllib3.util.retry.Retry", "limit"),
    ("from websockets.client import connect\nconnect(u, max_queue=4)", "websockets.connect",
     "limit"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "api", "kind"), REEXPORTS)
def test_a_reexported_api_is_the_catalogued_one(tmp_path, source, api, kind):
    (finding,) = detect_in(tmp_path, source + "\n")
    assert (finding.api, finding.kind.value, finding.context.value) == (api, kind, "call")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"tenacity.wait": 3}, "dotted name"),
        ({"tenacity wait": "tenacity"}, "dotted name"),
        ({"tenacity": "tenacity"}, "itself"),
    ],
)
def test_aliases_are_strictly_checked(raw, message):
    from hardcode_lint.detect.catalog import parse_aliases

    with pytest.raises(ConfigError, match=message):
        parse_aliases("catalog.toml: aliases", raw)


def test_the_unit_of_schedule_every_is_the_attribute_after_it(tmp_path):
    source = (
        "import schedule\nfrom schedule import every\n"
        "schedule.every(5).seconds.do(job)\nevery(10).minutes.do(job)\nevery(2).hour.do(job)\n"
    )
    found = detect_in(tmp_path, source)
    assert [(f.api, f.value, f.unit, f.seconds) for f in found] == [
        ("schedule.every", "5", "s", 5),
        ("schedule.every", "10", "min", 600),
        ("schedule.every", "2", "h", 7200),
    ]


@pytest.mark.parametrize(
    "source",
    [
        "import schedule\nschedule.every(5).to(10).seconds.do(job)",  # no unit right after it
        "import schedule\nschedule.every(5)",
        "rule.every(3).items",  # not a unit
        "itertools_like.every(3)",
    ],
)
def test_every_without_a_unit_after_it_is_no_finding(tmp_path, source):
    assert detect_in(tmp_path, source + "\n") == []


def test_a_method_of_a_constructed_receiver_is_resolved(tmp_path):
    source = (
        "from twisted.internet.task import LoopingCall\nLoopingCall(poll).start(5, now=False)\n"
    )
    (finding,) = detect_in(tmp_path, source)
    assert (finding.api, finding.arg, finding.seconds) == (
        "twisted.internet.task.LoopingCall.start",
        0,
        5,
    )
    assert detect_in(tmp_path, "import foo\nfoo.Thread(x).start(5)\n") == []


def test_unit_from_attribute_is_for_durations_only():
    with pytest.raises(ConfigError, match="unit-from-attribute"):
        parse_api("catalog", Kind.LIMIT, {"arg": 0, "unit-from-attribute": True})
