"""Every entry of the TypeScript/JavaScript catalog carries an example, and the example is a
test: run through the real detector, it yields a finding of that entry, found through it."""

from __future__ import annotations

from typing import Any

import pytest

from hardcode_lint.detect.catalog import API_TABLES, shipped_data
from tests.ts_helpers import detect_ts

_, DATA = shipped_data("hardcode_lint.lang.typescript", "catalog.toml")
ENTRIES = [(table, api, raw) for table in API_TABLES for api, raw in DATA.get(table, {}).items()]


def _matches(api: str, found: str) -> bool:
    return found.endswith(api[1:]) if api.startswith("*.") else found == api


@pytest.mark.parametrize(("table", "api", "raw"), ENTRIES, ids=[f"{t}:{a}" for t, a, _ in ENTRIES])
def test_the_example_of_an_entry_is_found_through_it(tmp_path, table: str, api: str, raw: Any):
    assert isinstance(raw.get("example"), str), f"{table}.{api} needs an `example`"
    code = "\n".join(part.strip() for part in raw["example"].split(";")) + "\n"
    found = [f for f in detect_ts(tmp_path, code, "example.ts") if _matches(api, f.api or "")]
    assert any(f.kind is API_TABLES[table] for f in found), (api, [f.snippet for f in found])


def test_every_table_is_used():
    assert {table for table, _, _ in ENTRIES} == set(API_TABLES)


def test_the_clients_of_the_issue_each_have_an_entry_or_their_words_suffice():
    modules = {api.split(".")[0] for _, api, _ in ENTRIES}
    for module in ("setTimeout", "AbortSignal", "amqplib", "kafkajs", "pg", "pg-pool",
                   "generic-pool", "lru-cache", "opossum", "p-retry", "async-retry", "undici",
                   "mysql2", "mongodb", "ws", "bullmq", "http"):  # fmt: skip
        assert module in modules, module
