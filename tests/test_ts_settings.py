"""Generated settings for TypeScript and JavaScript (section 5): where each package's module
lives and how code imports it, the module's keys read back, the reads ``check`` judges, and the
run-time overrides (run with node where it is installed)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from hardcode_lint.lang import frontend
from hardcode_lint.lang.base import SettingsRequest, SettingValue
from hardcode_lint.lang.typescript.targets import prefix_of
from tests.helpers import cli_output as run

TS, JS = frontend("typescript"), frontend("javascript")
VALUES = (
    SettingValue("poller.interval_ms", 500, None, "milliseconds"),
    SettingValue("poller.retry.backoff", 1.5),
    SettingValue("pool.max", 10),
)


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


@pytest.mark.parametrize(
    ("files", "site", "module", "specifier"),
    [
        ({"package.json": '{"name": "a"}', "src/x.ts": ""}, "src/x.ts", "src/settings.ts",
         "./src/settings"),
        ({"package.json": "{}", "tsconfig.json": '{"compilerOptions": {"rootDir": "./lib",}} // c',
          "lib/x.ts": ""}, "lib/x.ts", "lib/settings.ts", "./lib/settings"),
        ({"package.json": '{"type": "module"}', "tsconfig.json":
          '{"compilerOptions": {"module": "NodeNext"}}', "src/x.ts": ""}, "src/x.ts",
         "src/settings.ts", "./src/settings.js"),
        ({"x.ts": ""}, "x.ts", "settings.ts", "./settings"),
        ({"packages/a/package.json": '{"name": "@s/a"}', "packages/a/src/deep/x.ts": ""},
         "packages/a/src/deep/x.ts", "packages/a/src/settings.ts", "./packages/a/src/settings"),
    ],
)  # fmt: skip
def test_each_package_has_its_module_in_its_source_root(tmp_path, files, site, module, specifier):
    target = TS.settings_targets(_write(tmp_path, files), [site, site], [])[site]
    assert (target.module, target.template) == (module, "settings.{key}")
    assert target.imports == (f'import {{ settings }} from "{specifier}";',)


def test_javascript_packages_read_settings_js_beside_their_main_file(tmp_path):
    root = _write(tmp_path, {"package.json": '{"type": "module", "main": "lib/index.js"}',
                             "lib/index.js": "", "build/x.js": ""})  # fmt: skip
    target = JS.settings_targets(root, ["lib/index.js"], [])["lib/index.js"]
    assert target.module == "lib/settings.js"
    assert target.imports == ('import { settings } from "./lib/settings.js";',)


def test_a_javascript_module_goes_where_the_package_publishes(tmp_path, monkeypatch):
    """generic-pool's `files: ["index.d.ts", "index.js", "lib"]`: a `settings.js` at the root
    would be left out of the published package and `require("../settings")` would fail for
    its users; it goes into `lib/`.  A module configured elsewhere is written, with a note."""
    manifest = '{"name": "p", "main": "index.js", "files": ["index.js", "lib"]}'
    root = _write(tmp_path, {"package.json": manifest, "index.js": "", "lib/pool.js": ""})
    target = JS.settings_targets(root, ["lib/pool.js"], [])["lib/pool.js"]
    assert target.module == "lib/settings.js"
    request = SettingsRequest("settings.js", VALUES, "P")
    (note,) = JS.settings_module(root, request).notes
    assert note.startswith("settings.js is not in package.json's `files`")
    assert JS.settings_module(root, SettingsRequest("lib/settings.js", VALUES, "P")).notes == ()


def test_a_monorepo_has_one_module_per_package_and_a_configured_glob_is_honoured(tmp_path):
    root = _write(tmp_path, {"packages/a/package.json": '{"name": "@acme/job-runner"}',
                             "packages/b/package.json": '{"name": "b"}',
                             "packages/a/src/x.ts": "", "packages/b/y.ts": ""})  # fmt: skip
    found = TS.settings_targets(root, ["packages/a/src/x.ts", "packages/b/y.ts"],
                                ["packages/*/config.ts"])  # fmt: skip
    assert found["packages/a/src/x.ts"].module == "packages/a/src/settings.ts"
    assert found["packages/a/src/x.ts"].env_prefix == "JOB_RUNNER"
    configured = TS.settings_targets(root, ["packages/b/y.ts"], ["packages/b/conf/s.ts"])
    assert configured["packages/b/y.ts"].module == "packages/b/conf/s.ts"


@pytest.mark.parametrize(
    ("name", "prefix"),
    [("@acme/job-runner", "JOB_RUNNER"), ("my.app", "MY_APP"), ("pg-pool", "PG_POOL")],
)
def test_the_prefix_is_the_package_name_without_its_scope(name, prefix):
    assert prefix_of(name) == prefix


@pytest.mark.parametrize("front", [TS, JS], ids=["typescript", "javascript"])
def test_the_module_gives_back_its_keys_with_their_unit_comments(tmp_path, front):
    text = front.settings_module(tmp_path, SettingsRequest("src/settings.x", VALUES, "APP")).text
    assert text.startswith("// hardcode-lint: generated settings (env prefix APP)\n")
    assert front.settings_keys(text) == {
        "poller.interval_ms": ("number", "milliseconds"),
        "poller.retry.backoff": ("number", None),
        "pool.max": ("number", None),
    }
    assert front.settings_keys(text.split("\n", 1)[1]) == {}  # no marker: not ours


def test_commonjs_and_es_javascript_export_as_their_package_reads(tmp_path):
    (tmp_path / "package.json").write_text('{"type": "module"}')
    es = JS.settings_module(tmp_path, SettingsRequest("settings.js", VALUES, "APP")).text
    cjs = JS.settings_module(tmp_path, SettingsRequest("settings.cjs", VALUES, "APP")).text
    assert "\nexport { settings," in es and "module.exports" not in es
    assert "\nmodule.exports = { settings," in cjs and "\nexport " not in cjs


READER = """\
import { settings as s } from "../settings.js";
import * as all from "../settings";
const { settings } = require("../settings");
const whole = require("../settings");
import { settings as other } from "./elsewhere";

export const a = s.poller.interval_ms + all.settings.pool.max;
export const b = settings.poller.retry.backoff.toFixed(1) + whole.settings.pool.gone;
export const c = other.pool.max + s["pool"];
"""


def test_reads_of_the_settings_are_found_through_every_kind_of_import(tmp_path):
    from hardcode_lint.parse.source import SourceFile

    target = TS.settings_targets(_write(tmp_path, {"src/a/x.ts": ""}), ["src/a/x.ts"], [])
    target = target["src/a/x.ts"]
    assert target.module == "src/settings.ts"
    source = SourceFile("src/a/x.ts", READER.encode(), READER, "utf-8", b"")
    reads = [key for key, _ in TS.settings_reads(source, target)]
    assert reads == ["poller.interval_ms", "pool.max", "poller.retry.backoff.toFixed", "pool.gone"]


def test_check_fails_on_a_read_of_a_key_the_module_does_not_define(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no configuration file: the root is the current folder
    _write(
        tmp_path,
        {
            "package.json": "{}",
            "tsconfig.json": "{}",
            "src/x.ts": 'import { settings } from "./settings";\nexport const t = settings.a.gone;\n',
        },
    )
    text = TS.settings_module(tmp_path, SettingsRequest(
        "src/settings.ts", (SettingValue("a.kept", 5),), "APP")).text  # fmt: skip
    (tmp_path / "src/settings.ts").write_text(text)
    code, out = run("check", str(tmp_path))
    assert code == 1
    assert "src/x.ts:2" in out and "a.gone" in out
    (tmp_path / "src/x.ts").write_text('import { settings } from "./settings";\nsettings.a.kept;\n')
    assert run("check", str(tmp_path))[0] == 0


def _node() -> str | None:
    return shutil.which("node")


def _node_run(folder: Path, script: str, env: dict[str, str], module: bool) -> tuple[int, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("APP")}
    argv = [str(_node()), *(["--input-type=module"] if module else []), "-e", script]
    done = subprocess.run(argv, cwd=folder, env={**clean, **env}, capture_output=True,
                          text=True, timeout=60, check=False)  # fmt: skip
    return done.returncode, done.stdout + done.stderr


@pytest.mark.skipif(_node() is None, reason="node is not installed")
@pytest.mark.parametrize("es", [True, False], ids=["es-module", "commonjs"])
def test_values_come_from_the_environment_and_the_settings_file_checked(tmp_path, es):
    (tmp_path / "package.json").write_text(json.dumps({"type": "module" if es else "commonjs"}))
    text = JS.settings_module(tmp_path, SettingsRequest("settings.js", VALUES, "APP")).text
    (tmp_path / "settings.js").write_text(text)
    load = ('import { settings } from "./settings.js";' if es
            else 'const { settings } = require("./settings.js");')  # fmt: skip
    show = load + "console.log(JSON.stringify(settings));"
    assert json.loads(_node_run(tmp_path, show, {}, es)[1]) == {
        "poller": {"interval_ms": 500, "retry": {"backoff": 1.5}},
        "pool": {"max": 10},
    }
    (tmp_path / "s.json").write_text('{"pool": {"max": 3}, "poller": {"interval_ms": 7}}')
    env = {"APP_SETTINGS_FILE": str(tmp_path / "s.json"), "APP__POLLER__INTERVAL_MS": "9",
           "APP__POLLER__RETRY__BACKOFF": "0.25"}  # fmt: skip
    assert json.loads(_node_run(tmp_path, show, env, es)[1]) == {
        "poller": {"interval_ms": 9, "retry": {"backoff": 0.25}},
        "pool": {"max": 3},
    }
    for bad, named in [({"APP__POOL__MAXX": "1"}, "APP__POOL__MAXX"),
                       ({"APP__POOL__MAX": "2.5"}, '"pool.max"'),
                       ({"APP__POOL__MAX": "ten"}, '"pool.max"')]:  # fmt: skip
        code, out = _node_run(tmp_path, show, bad, es)
        assert code != 0 and "SettingsError" in out and named in out
    (tmp_path / "s.json").write_text('{"pool": {"max": "3"}}')
    code, out = _node_run(tmp_path, show, {"APP_SETTINGS_FILE": str(tmp_path / "s.json")}, es)
    assert code != 0 and '"pool.max"' in out and "s.json" in out


@pytest.mark.skipif(_node() is None, reason="node is not installed")
def test_without_process_a_bundle_keeps_the_defaults(tmp_path):
    text = JS.settings_module(tmp_path, SettingsRequest("settings.cjs", VALUES, "APP")).text
    (tmp_path / "settings.cjs").write_text(text)
    script = ("globalThis.process.env.APP__POOL__MAX = 'x'; const saved = globalThis.process;"
              "globalThis.process = undefined; const { settings } = require('./settings.cjs');"
              "saved.stdout.write(String(settings.pool.max));")  # fmt: skip
    assert _node_run(tmp_path, script, {}, False) == (0, "10")
