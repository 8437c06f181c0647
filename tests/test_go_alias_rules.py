"""A Go rule may name an api as the file writes it under an import alias (section 1G):
``api = "goredis.Options"`` for ``goredis.Options{PoolSize: 10}`` under
``import goredis "github.com/redis/go-redis/v9"``, besides the full path and goimports' name.

Such a rule claims the site in ``scan``, is neither stale in ``rules validate`` nor in
``check``, and counts as migrated after ``fix --write``.  Among rules that match one site, the
precedence of ``rules/match.py`` holds whichever spelling each rule uses.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tests.helpers import cli

REDIS = "github.com/redis/go-redis/v9"
GO_MOD = f"module example.com/m\n\ngo 1.22\n\nrequire {REDIS} v9.0.0\n"
CLIENT = f"""\
package svc

import (
\tt "time"

\tgoredis "{REDIS}"
)

// NewCache connects.
func NewCache() *goredis.Options {{
\tt.Sleep(250 * t.Millisecond)
\treturn &goredis.Options{{PoolSize: 10, DialTimeout: 5 * t.Second}}
}}
"""
CFG = "// Package cfg holds settings.\npackage cfg\n\nvar (\n\tPool = 10\n\tWait = 250\n\tDial = 5\n)\n"
RULES = """\
[[rule]]
id = "pool"
api = "goredis.Options"
arg = "PoolSize"
key = "svc.pool"
replace = "cfg.Pool"
imports = ['import "example.com/m/cfg"']

[[rule]]
id = "wait"
api = "t.Sleep"
value = "250ms"
key = "svc.wait"
replace = "time.Duration(cfg.Wait) * time.Millisecond"
imports = ['import "time"', 'import "example.com/m/cfg"']

[[rule]]
id = "dial"
api = "redis.Options"
arg = "DialTimeout"
key = "svc.dial"
replace = "time.Duration(cfg.Dial) * time.Second"
imports = ['import "time"', 'import "example.com/m/cfg"']
"""


@pytest.fixture
def module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "m"
    for path, text in {"go.mod": GO_MOD, "cfg/cfg.go": CFG, "svc/client.go": CLIENT,
                       "rules/svc.toml": RULES}.items():  # fmt: skip
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / "hardcode-lint.toml").write_text('rules = ["rules"]\nexclude = ["cfg/**"]\n')
    monkeypatch.chdir(root)
    return root


def _scan(root: Path) -> dict[str, tuple[str | None, str]]:
    code, out, err = cli("scan", "--no-cache", "--format", "json", str(root))
    assert code in (0, 1), out + err
    return {f["value"]: (f["rule"], f["status"]) for f in json.loads(out)["findings"]}


def test_a_rule_written_with_the_files_alias_claims_the_site(module):
    """...and a rule with goimports' name (``redis.Options``) still matches beside it."""
    assert _scan(module) == {"10": ("pool", "pending"), "250 * t.Millisecond": ("wait", "pending"),
                             "5 * t.Second": ("dial", "pending")}  # fmt: skip


def test_the_alias_rule_is_not_stale_before_nor_after_the_fix(module):
    code, out, err = cli("rules", "validate")
    assert code == 0 and "stale" not in out + err, out + err
    code, out, err = cli("fix", "--write")
    assert code == 0, out + err
    client = (module / "svc/client.go").read_text()
    assert "goredis.Options{PoolSize: cfg.Pool," in client
    assert "t.Sleep(t.Duration(cfg.Wait) * t.Millisecond)" in client
    assert "DialTimeout: t.Duration(cfg.Dial) * t.Second}" in client
    code, out, err = cli("report", "--no-cache", "--format", "json")
    report = json.loads(out)
    rules = {r["id"]: r["status"] for m in report["modules"] for r in m["rules"]}
    assert rules == {"pool": "migrated", "wait": "migrated", "dial": "migrated"}
    assert (report["totals"]["migrated"], report["totals"]["stale"]) == (3, 0)
    code, out, err = cli("check", "--no-cache")
    assert "stale" not in out + err, out + err


def test_rules_suggest_proposes_nothing_an_alias_rule_covers(module):
    code, out, err = cli("rules", "suggest", "--dry-run", "--no-cache")
    assert code == 0 and "PoolSize" not in out and "time.Sleep" not in out, out + err


# -- precedence --------------------------------------------------------------------------------


def _owners(root: Path, *rules: tuple[str, str]) -> dict[str, str]:
    """rule id -> status of rules (id, matching fields) on :data:`CLIENT`, "pending" saying
    which fields of ``goredis.Options`` the rule claims (``pending PoolSize``)."""
    from hardcode_lint.api import analyze
    from hardcode_lint.config import Config

    (root / "p.go").write_text(CLIENT.replace("package svc", "package p"), encoding="utf-8")
    text = "".join(
        f'[[rule]]\nid = "{i}"\n{fields}\nkey = "k.{i}"\nreplace = "cfg.X"\n\n'
        for i, fields in rules
    )
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "m.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    analysis = analyze([root], Config(root=root), jobs=1)
    return {
        o.rule.id: " ".join([o.status.value, *sorted(str(f.arg) for f in o.findings)])
        for o in analysis.matching.outcomes
    }


ALIAS = 'api = "goredis.Options"\narg = "PoolSize"'
FULL = f'api = "{REDIS}.Options"\narg = "PoolSize"'
GOIMPORTS = 'api = "redis.Options"\narg = "PoolSize"'
BARE = 'api = "Options"\narg = "PoolSize"'


@pytest.mark.parametrize(("first", "second"), [(ALIAS, FULL), (FULL, ALIAS), (GOIMPORTS, ALIAS)])
def test_equally_specific_spellings_go_to_the_rule_defined_first(tmp_path, first, second):
    """Two names of one api in equally specific rules: a tie, which the first rule wins, as
    between the full path and goimports' name; never an ambiguous rule."""
    assert _owners(tmp_path, ("a", first), ("b", second)) == {"a": "pending PoolSize", "b": "stale"}


@pytest.mark.parametrize("order", [1, -1])
def test_the_alias_spelling_extends_a_bare_name(tmp_path, order):
    """``goredis.Options`` extends ``Options`` as ``redis.Options`` does: it claims the site
    in whichever order the rules stand."""
    rules = [("bare", BARE), ("alias", ALIAS)][::order]
    assert _owners(tmp_path, *rules) == {"alias": "pending PoolSize", "bare": "stale"}


def test_a_rule_giving_more_fields_wins_over_the_alias_spelling(tmp_path):
    """The alias rule without ``arg`` keeps the field no other rule names."""
    owners = _owners(tmp_path, ("alias", 'api = "goredis.Options"'), ("full", FULL))
    assert owners == {"alias": "pending DialTimeout", "full": "pending PoolSize"}


def test_an_alias_names_a_package_only_in_the_file_that_uses_it(tmp_path):
    """``r.Options`` is no spelling of this file's ``goredis.Options``; nor is an alias of
    ``time`` one of go-redis."""
    owners = _owners(tmp_path, ("r", 'api = "r.Options"'), ("t", 'api = "t.Options"'))
    assert owners == {"r": "stale", "t": "stale"}
