"""Rules for Go sites as section 1G writes them: a duration `value` as Go writes one ("1m30s",
read as time.ParseDuration reads it), and `api` as `<package>.<Name>` with the package name
goimports infers (`redis.Options` for github.com/redis/go-redis/v9.Options)."""

from __future__ import annotations

import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from hardcode_lint.api import analyze
from hardcode_lint.config import Config
from hardcode_lint.lang.go.duration_text import parse_duration, spelled
from tests.helpers import cli

SOURCE = """\
package main

import (
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

func main() {
	time.Sleep(90 * time.Second)
	_ = &redis.Options{PoolSize: 10}
	_ = &http.Client{Timeout: 500 * time.Millisecond}
}
"""


@pytest.mark.parametrize(
    ("text", "seconds", "unit"),
    [("5s", 5, "s"), ("1m30s", 90, "s"), ("500ms", Fraction(1, 2), "ms"), ("1.5h", 5400, "h"),
     ("2m", 120, "min"), ("-2s", -2, "s"), ("0", 0, "s"), (".5s", Fraction(1, 2), "s"),
     ("3µs", Fraction(3, 10**6), "us"), ("1h0m0s", 3600, "s")],
)  # fmt: skip
def test_a_go_duration_reads_as_time_parse_duration_reads_it(text, seconds, unit):
    assert parse_duration(text) == (seconds, unit)


@pytest.mark.parametrize("text", ["5", "", "s", "1x", "1h2x", "5 s", "1e3s", "1s2"])
def test_what_time_parse_duration_refuses_is_no_duration(text):
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("number", "unit", "text"),
    [(90, "s", "90s"), (500, "ms", "500ms"), (1.5, "h", "1.5h"), (2, "min", "2m"),
     (3, "d", None), (1e-05, "s", None)],
)  # fmt: skip
def test_a_site_is_spelled_in_its_own_unit(number, unit, text):
    assert spelled(number, unit) == text


def _statuses(root: Path, rules: str) -> dict[str, str]:
    (root / "go.mod").write_text("module example.com/m\n\ngo 1.21\n", encoding="utf-8")
    (root / "main.go").write_text(SOURCE, encoding="utf-8")
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "m.toml").write_text(textwrap.dedent(rules), encoding="utf-8")
    analysis = analyze([root], Config(root=root), jobs=1)
    return {o.rule.id: o.status.value for o in analysis.matching.outcomes}


def _rule(rule_id: str, fields: str) -> str:
    return f'[[rule]]\nid = "{rule_id}"\npath = "main.go"\n{fields}\nkey = "k.{rule_id}"\n\n'


@pytest.mark.parametrize(
    ("fields", "status"),
    [('api = "time.Sleep"\nvalue = "1m30s"', "pending"), ('api = "Sleep"\nvalue = "90s"', "pending"),
     ('arg = "Timeout"\nvalue = "0.5s"', "pending"), ('api = "time.Sleep"\nvalue = "1m"', "stale"),
     ('api = "time.Sleep"\nvalue = 90', "pending")],
)  # fmt: skip
def test_a_duration_value_matches_the_sites_that_last_that_long(tmp_path, fields, status):
    """(One rule at a time: two rules for one site would leave the less specific stale.)"""
    assert _statuses(tmp_path, _rule("r", fields)) == {"r": status}


@pytest.mark.parametrize(
    ("fields", "status"),
    [('api = "redis.Options"\narg = "PoolSize"', "pending"),
     ('api = "go-redis/v9.Options"\narg = "PoolSize"', "pending"),
     ('api = "http.Client"', "pending"), ('api = "goredis.Options"', "stale")],
)  # fmt: skip
def test_an_api_matches_as_package_dot_name(tmp_path, fields, status):
    assert _statuses(tmp_path, _rule("r", fields)) == {"r": status}


def test_a_value_that_is_no_duration_is_a_rule_file_problem(tmp_path, monkeypatch):
    _statuses(tmp_path, "")
    (tmp_path / "rules" / "m.toml").write_text(_rule("bad", 'value = "90x"'), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("rules", "validate")
    assert code == 2
    assert "rules/m.toml:4: `value` must be a number, or a duration as Go writes one" in out + err
    (tmp_path / "rules" / "m.toml").write_text(
        '[[rule]]\nid = "py"\npath = "a.py"\nvalue = "5s"\nkey = "k.py"\n', encoding="utf-8"
    )
    code, out, err = cli("rules", "validate")
    assert (
        code == 2 and "rules/m.toml:4: `value` must be a number (the literal's value)" in out + err
    )
