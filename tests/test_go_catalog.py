"""Every entry of Go's shipped catalog carries an example, and the example is a test: run
through the real detector, it yields findings of that entry only, found through it."""

from __future__ import annotations

from typing import Any

import pytest

from hardcode_lint.detect.catalog import API_TABLES, shipped_data
from hardcode_lint.lang.go.imports import assumed_name
from tests.go_helpers import detect_go

_, DATA = shipped_data("hardcode_lint.lang.go", "catalog.toml")
ENTRIES = [(table, api, raw) for table in API_TABLES for api, raw in DATA.get(table, {}).items()]


def _short(api: str) -> str:
    head, _, name = api.rpartition(".")
    return f"{assumed_name(head)}.{name}" if "/" in head or "." in head else api


def _matches(api: str, found: str) -> bool:
    if api.startswith("*."):
        return found.endswith(api[1:])
    return found == api or _short(found) == api


@pytest.mark.parametrize(("table", "api", "raw"), ENTRIES, ids=[f"{t}:{a}" for t, a, _ in ENTRIES])
def test_the_example_of_an_entry_is_found_through_it(tmp_path, table: str, api: str, raw: Any):
    assert isinstance(raw.get("example"), str), f"{table}.{api} needs an `example`"
    found = detect_go(tmp_path, "package p\n\n" + raw["example"].replace("; ", "\n\n") + "\n")
    assert found, f"{table}.{api}: its example has no finding"
    for finding in found:
        assert _matches(api, finding.api or ""), (api, finding.api, finding.snippet)
        assert finding.context.value in ("call", "keyword"), (api, finding.snippet)
    assert any(f.kind is API_TABLES[table] for f in found)


def test_every_table_is_used():
    assert {table for table, _, _ in ENTRIES} == set(API_TABLES)
