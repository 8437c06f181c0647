"""Rule matching and the statuses migrated / pending / stale / ambiguous / unmapped."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hardcode_lint.api import analyze
from hardcode_lint.config import Config
from hardcode_lint.rules.match import api_matches, scope_matches


def project(root: Path, source: str, rules: str) -> dict[str, str]:
    """Statuses by rule id after analysing ``source`` (as app.py) with ``rules``."""
    (root / "app.py").write_text(textwrap.dedent(source), encoding="utf-8")
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "m.toml").write_text(textwrap.dedent(rules), encoding="utf-8")
    analysis = analyze([root], Config(root=root), jobs=1)
    return {o.rule.id: o.status.value for o in analysis.matching.outcomes}


SOURCE = """
import asyncio
from datetime import timedelta

async def session_cleanup_loop(sessions):
    while True:
        await asyncio.sleep(60)

async def job_cleanup_loop(jobs):
    while True:
        await asyncio.sleep(60)

def ttl(cache, seconds):
    cache.expire = timedelta(seconds=5)
    return max(seconds, 1)
"""


def rule(rule_id: str, **fields: object) -> str:
    lines = [f'[[rule]]\nid = "{rule_id}"\nkey = "k.{rule_id.replace("-", "_")}"']
    for name, value in fields.items():
        text = f'"{value}"' if isinstance(value, str) else str(value)
        lines.append(f"{name} = {text}")
    return "\n".join(lines) + "\n"


def test_pending_by_every_field(tmp_path):
    rules = rule(
        "s", path="app.py", scope="session_cleanup_loop", api="asyncio.sleep", arg=0, value=60
    )
    assert project(tmp_path, SOURCE, rules) == {"s": "pending"}


@pytest.mark.parametrize(
    "fields",
    [
        {"path": "other.py"},
        {"scope": "nothing"},
        {"api": "time.sleep"},
        {"api": "leep"},  # suffixes match on name boundaries only
        {"arg": 1},
        {"value": 61},
        {"kind": "clamp", "api": "asyncio.sleep"},
    ],
)
def test_a_field_that_does_not_match_makes_the_rule_stale(tmp_path, fields):
    given = {"api": "sleep", "scope": "session_*", **fields}
    assert project(tmp_path, SOURCE, rule("s", **given))["s"] == "stale"


def test_ambiguous_when_more_sites_than_count(tmp_path):
    rules = rule("both", api="sleep", value=60) + rule("two", api="sleep", value=60, count=2)
    statuses = project(tmp_path, SOURCE, rules)
    # the first rule takes nothing: both rules are equally specific, so the first one wins
    assert statuses == {"both": "ambiguous", "two": "stale"}


def test_count_star_allows_any_number(tmp_path):
    assert project(tmp_path, SOURCE, rule("any", api="sleep", count="*")) == {"any": "pending"}


def test_the_most_specific_rule_claims_a_site(tmp_path):
    rules = rule("broad", api="sleep", count="*") + rule("precise", api="sleep", scope="job_*")
    assert project(tmp_path, SOURCE, rules) == {"broad": "pending", "precise": "pending"}
    analysis = analyze([tmp_path], Config(root=tmp_path), jobs=1)
    owners = {o.rule.id: [f.scope for f in o.findings] for o in analysis.matching.outcomes}
    assert owners == {"broad": ["session_cleanup_loop"], "precise": ["job_cleanup_loop"]}


def test_a_catalogued_parameter_matches_by_position_or_by_keyword(tmp_path):
    rules = rule("by-name", api="asyncio.sleep", scope="job_*", arg="delay") + rule(
        "by-position", api="timedelta", arg=1, value=5
    )
    # asyncio.sleep(60) is written positionally, timedelta(seconds=5) by keyword
    assert project(tmp_path, SOURCE, rules) == {"by-name": "pending", "by-position": "pending"}


def test_api_suffix_and_keyword_and_position_args(tmp_path):
    rules = rule("delta", api="timedelta", arg="seconds", value=5) + rule(
        "clamp", api="max", arg=1, value=1
    )
    assert project(tmp_path, SOURCE, rules) == {"delta": "pending", "clamp": "pending"}


MIGRATED = """
import asyncio
from app.config import config

async def session_cleanup_loop(sessions):
    while True:
        await asyncio.sleep(
            config.scheduler  # tuned per deployment
            .session_cleanup_interval_seconds
        )

def ttl(self, seconds):
    return max(seconds, (self.min_ttl))
"""


def test_migrated_when_the_replacement_stands_at_the_site(tmp_path):
    rules = rule(
        "cleanup", scope="session_cleanup_loop", api="asyncio.sleep", value=60,
        replace="config.scheduler.session_cleanup_interval_seconds",
    ) + rule("floor", api="max", arg=1, value=1, replace="self . min_ttl")  # fmt: skip
    assert project(tmp_path, MIGRATED, rules) == {"cleanup": "migrated", "floor": "migrated"}


def test_replacement_outside_the_rules_path_is_not_a_migration(tmp_path):
    rules = rule("floor", path="other.py", api="max", arg=1, value=1, replace="self.min_ttl")
    assert project(tmp_path, MIGRATED, rules) == {"floor": "stale"}


def test_a_renamed_function_keeps_a_migrated_rule_migrated(tmp_path):
    """Rules match the code, not its history: the replacement names the key."""
    renamed = MIGRATED.replace("session_cleanup_loop", "purge_sessions").replace(
        "def ttl(", "def floor_of("
    )
    rules = rule(
        "cleanup", path="app.py", scope="session_cleanup_loop", api="asyncio.sleep", value=60,
        replace="config.scheduler.session_cleanup_interval_seconds",
    ) + rule("floor", scope="ttl", api="max", arg=0, value=1, replace="self.min_ttl")  # fmt: skip
    assert project(tmp_path, renamed, rules) == {"cleanup": "migrated", "floor": "migrated"}


def test_a_pending_literal_still_needs_every_field(tmp_path):
    renamed = SOURCE.replace("session_cleanup_loop", "purge_sessions")
    rules = rule("s", path="app.py", scope="session_cleanup_loop", api="asyncio.sleep", value=60)
    assert project(tmp_path, renamed, rules) == {"s": "stale"}


def test_a_key_read_again_elsewhere_does_not_make_its_rule_ambiguous(tmp_path):
    source = MIGRATED + "\ndef again(self, seconds):\n    return min(seconds, self.min_ttl)\n"
    rules = rule("floor", api="max", arg=1, value=1, replace="self.min_ttl")
    assert project(tmp_path, source, rules) == {"floor": "migrated"}


def test_half_migrated_rule_is_pending(tmp_path):
    source = MIGRATED + "\ndef again(seconds):\n    return max(seconds, 1)\n"
    rules = rule("floor", api="max", arg=1, value=1, count=2, replace="self.min_ttl")
    assert project(tmp_path, source, rules) == {"floor": "pending"}


def test_unmapped_findings_keep_status_unmapped(tmp_path):
    (tmp_path / "app.py").write_text(textwrap.dedent(SOURCE))
    analysis = analyze([tmp_path], Config(root=tmp_path), jobs=1)
    assert {f.status.value for f in analysis.scan.findings} == {"unmapped"}
    assert len(analysis.matching.unmapped) == 4


def test_pending_findings_carry_rule_and_key(tmp_path):
    project(tmp_path, SOURCE, rule("delta", api="timedelta", value=5))
    analysis = analyze([tmp_path], Config(root=tmp_path), jobs=1)
    (finding,) = [f for f in analysis.scan.findings if f.rule]
    assert (finding.rule, finding.key, finding.status.value) == ("delta", "k.delta", "pending")


@pytest.mark.parametrize(
    ("actual", "wanted", "expected"),
    [
        ("start_background_tasks", "start_background_tasks", True),
        ("start_background_tasks.preload", "start_background_tasks", True),
        ("Worker.run", "Worker", True),
        ("Worker.run", "Worker.r*", True),
        ("Worker.run", "run", False),
        ("Worker.run", "Work", False),
        (None, "Worker", False),
    ],
)
def test_scope_covers_nested_defs(actual, wanted, expected):
    assert scope_matches(actual, wanted) is expected


@pytest.mark.parametrize(
    ("actual", "wanted", "expected"),
    [
        ("RedisHandle::set_with_ttl", "RedisHandle", True),
        ("RedisHandle::set_with_ttl", "RedisHandle::set_*", True),
        ("RedisHandle::set_with_ttl", "set_with_ttl", False),
        ("RedisHandle::set_with_ttl", "Redis", False),
    ],
)
def test_a_rust_scope_splits_on_its_own_separator(actual, wanted, expected):
    assert scope_matches(actual, wanted, "::") is expected


def test_a_rust_rule_scoped_to_a_type_matches_its_methods(tmp_path):
    (tmp_path / "Cargo.toml").write_text('[package]\nname = "demo"\nversion = "0.1.0"\n')
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "lib.rs").write_text(
        textwrap.dedent("""
        use std::time::Duration;
        pub struct RedisHandle;
        impl RedisHandle {
            pub fn set_with_ttl(&self) -> Duration { Duration::from_secs(30) }
        }
    """)
    )
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "m.toml").write_text(
        rule("ttl", path="src/lib.rs", scope="RedisHandle", api="Duration::from_secs", value=30)
    )
    analysis = analyze([tmp_path], Config(root=tmp_path), jobs=1)
    assert [(o.rule.id, o.status.value) for o in analysis.matching.outcomes] == [("ttl", "pending")]


@pytest.mark.parametrize(
    ("actual", "wanted", "expected"),
    [
        ("datetime.timedelta", "timedelta", True),
        ("time.sleep", "sleep", True),
        ("asyncio.sleep", "asyncio.sleep", True),
        ("asyncio.sleep", "io.sleep", False),
        ("self._redis.set", "set", True),
        ("datetime.timedelta", "delta", False),
        (None, "max", False),
    ],
)
def test_api_matches_on_name_boundaries(actual, wanted, expected):
    assert api_matches(actual, wanted) is expected
