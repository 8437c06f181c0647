"""The TypeScript/JavaScript fix (section 1T): imports in the file's own module style, merged
and never repeated, `./` specifiers rewritten per file; the result parses, and a TypeScript
project that passed `tsc --noEmit` before passes after."""

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
from tests.helpers import cli
from tests.ts_helpers import detect_ts

TS = frontend("typescript")
ES = 'import { settings } from "./conf"'


def fixed(tmp_path: Path, code: str, name: str = "a.ts", imports: tuple[str, ...] = (ES,),
          replace: str = "settings.x") -> tuple[str, dict[str, str]]:  # fmt: skip
    """``code`` with every finding replaced by ``replace``: (new code, refusals)."""
    code = textwrap.dedent(code)
    found = detect_ts(tmp_path, code, name)
    source = TS.decode(code.encode(), name, name)
    edits = [SiteEdit(f.start, f.end, replace, imports, str(i)) for i, f in enumerate(found)]
    result = TS.apply(source, edits)
    return (result.spliced(source.data) or code.encode()).decode(), result.refused


def test_an_es_import_is_merged_into_the_same_module_and_never_repeated(tmp_path):
    code = 'import { other } from "./conf";\nimport type { T } from "./conf";\n\nsetTimeout(f, 500);\nconst timeout = 300;\n'
    new, refused = fixed(tmp_path, code)
    assert refused == {}
    assert new == (
        'import { other, settings } from "./conf";\nimport type { T } from "./conf";\n\n'
        "setTimeout(f, settings.x);\nconst timeout = settings.x;\n"
    )
    again, _ = fixed(tmp_path, new.replace("settings.x;", "250;"))
    assert again.count("settings") == new.count("settings")


def test_a_commonjs_file_gets_a_require_after_its_requires(tmp_path):
    code = "'use strict'\nconst http = require('http')\n\nsetTimeout(f, 500)\n"
    new, _ = fixed(tmp_path, code, "a.js")
    assert new == (
        "'use strict'\nconst http = require('http')\nconst { settings } = require('./conf')\n\n"
        "setTimeout(f, settings.x)\n"
    )


def test_a_require_rule_in_an_es_module_becomes_an_import(tmp_path):
    code = "export const x = 1;\nsetTimeout(f, 500);\n"
    new, _ = fixed(tmp_path, code, "a.mjs", ('const cfg = require("./conf")',), "cfg.x")
    assert new.startswith('import * as cfg from "./conf";\n\nexport const x = 1;')


def test_the_import_goes_after_the_header_comments(tmp_path):
    new, _ = fixed(tmp_path, "// header\n\nexport const timeout = 500;\n")
    assert (
        new
        == '// header\nimport { settings } from "./conf";\n\nexport const timeout = settings.x;\n'
    )


def test_a_name_bound_to_something_else_is_refused(tmp_path):
    code = 'import { settings } from "other";\nsetTimeout(f, 500);\n'
    new, refused = fixed(tmp_path, code)
    assert new == code and "already bound" in refused["0"]


def test_relative_imports_are_rewritten_for_each_file():
    edit = SiteEdit(0, 1, "s.x", ('import { s } from "./src/settings"',), "0")
    (moved,) = TS.expand(Path("."), {"src/lib/a.ts": [edit]}).edits["src/lib/a.ts"]
    assert moved.imports == ('import { s } from "../settings"',)
    (same,) = TS.expand(Path("."), {"src/a.ts": [edit]}).edits["src/a.ts"]
    assert same.imports == ('import { s } from "./settings"',)


def _tsc() -> str | None:
    return os.environ.get("TSC") or shutil.which("tsc")


RULES = """\
[module]
name = "Poller"
replace = "settings.{key}"
imports = ['import { settings } from "./src/settings"']

[[rule]]
id = "interval"
path = "src/poller.ts"
arg = "intervalMs"
key = "poller.intervalMs"
value = 500

[[rule]]
id = "idle"
path = "src/lib/pool.ts"
arg = "idleTimeoutMillis"
key = "pool.idleTimeoutMillis"
value = 30000
"""


@pytest.mark.skipif(
    _tsc() is None, reason="tsc is not installed (npm install typescript; or TSC=...)"
)
def test_a_project_that_type_checked_before_type_checks_after(tmp_path, monkeypatch):
    (tmp_path / "src/lib").mkdir(parents=True)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules/p.toml").write_text(RULES)
    (tmp_path / "tsconfig.json").write_text(
        '{"compilerOptions": {"strict": true, "noEmit": true, "types": []}, "include": ["src"]}'
    )
    (tmp_path / "src/settings.ts").write_text(
        "export const settings = { poller: { intervalMs: 500 }, pool: { idleTimeoutMillis: 30000 } };\n"
    )
    (tmp_path / "src/poller.ts").write_text(
        "// Poller\nimport { other } from './lib/pool';\n\nexport class Poller {\n  intervalMs = 500;\n}\nexport const o = other;\n"
    )
    (tmp_path / "src/lib/pool.ts").write_text(
        "export const other = { max: 10, idleTimeoutMillis: 30000 };\n"
    )
    check = [_tsc() or "", "--noEmit", "-p", str(tmp_path)]
    assert subprocess.run(check, capture_output=True, check=False).returncode == 0
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("fix", "--write")
    assert code == 0, out + err
    assert 'import { settings } from "../settings";' in (tmp_path / "src/lib/pool.ts").read_text()
    assert "import { settings } from './settings';" in (tmp_path / "src/poller.ts").read_text()
    done = subprocess.run(check, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
    assert cli("fix", "--write")[0] == 0
    assert "settings.poller.intervalMs" in (tmp_path / "src/poller.ts").read_text()


def _prettier() -> str | None:
    return os.environ.get("PRETTIER") or shutil.which("prettier")


@pytest.mark.skipif(_prettier() is None, reason="prettier is not installed (or PRETTIER=...)")
def test_a_prettier_clean_file_stays_prettier_clean(tmp_path, monkeypatch):
    (tmp_path / "node_modules/.bin").mkdir(parents=True)
    (tmp_path / "node_modules/.bin/prettier").symlink_to(_prettier() or "")
    (tmp_path / ".prettierrc").write_text("{}\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules/r.toml").write_text(
        '[[rule]]\nid = "c"\npath = "a.ts"\narg = "connectTimeout"\nkey = "k"\nvalue = 250\n'
        'replace = "settings.client.connectTimeoutInMilliseconds"\n'
        "imports = ['import { settings } from \"./settings\"']\n"
    )
    code = "export const y = { connectTimeout: 250, other: 1, something: 2, another: 3 };\n"
    (tmp_path / "a.ts").write_text(code)
    monkeypatch.chdir(tmp_path)
    assert cli("fix", "--write")[0] == 0
    after = (tmp_path / "a.ts").read_text()
    assert "settings.client.connectTimeoutInMilliseconds," in after and after.count("\n") > 4
    check = subprocess.run([_prettier() or "", "--check", "a.ts"], capture_output=True, check=False)
    assert check.returncode == 0


@pytest.mark.skipif(_prettier() is None, reason="prettier is not installed (or PRETTIER=...)")
def test_generated_settings_pass_a_single_quote_prettier(tmp_path, monkeypatch):
    """Session 11's trial on grpc-js (`singleQuote: true`): prettier changes the quotes inside
    the loader's `${...}`, which the layout check had read as a change of meaning, so the
    module was written unformatted and failed `prettier --check`."""
    (tmp_path / "node_modules/.bin").mkdir(parents=True)
    (tmp_path / "node_modules/.bin/prettier").symlink_to(_prettier() or "")
    (tmp_path / ".prettierrc").write_text('{"singleQuote": true}\n')
    (tmp_path / "a.ts").write_text("export const y = { connectTimeout: 250 };\n")
    monkeypatch.chdir(tmp_path)
    assert cli("rules", "suggest", "--output", "rules/")[0] == 0
    assert cli("defaults", "--format", "typescript", "--output", "settings.ts")[0] == 0
    check = subprocess.run([_prettier() or "", "--check", "settings.ts"], capture_output=True,
                           check=False)  # fmt: skip
    assert check.returncode == 0, check.stdout


def test_a_configured_prettier_that_is_not_installed_is_said_without_verbose(tmp_path, monkeypatch):
    """A fresh clone before `npm install` (kafkajs' trial): prettier is configured, not
    installed, so the changed files keep the spliced layout; the user is told, not only
    under -v."""
    (tmp_path / ".prettierrc").write_text("{}\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules/r.toml").write_text(
        '[[rule]]\nid = "c"\npath = "a.ts"\narg = "connectTimeout"\nkey = "k"\nvalue = 250\n'
        'replace = "settings.client.connectTimeout"\n'
        "imports = ['import { settings } from \"./settings\"']\n"
    )
    (tmp_path / "a.ts").write_text("export const y = { connectTimeout: 250 };\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))  # no prettier anywhere
    code, _, err = cli("fix")
    assert code == 0
    assert "warning: the project configures prettier but it is not installed" in err
    assert "npm install" in err


def test_the_fix_is_its_edits_a_name_merged_into_an_import_and_the_literal(tmp_path):
    """The editor and ``fix`` splice the same small edits: no edit spans the lines between."""
    code = 'import { other } from "./conf";\n\nsetTimeout(f, 500);\n'
    (finding,) = detect_ts(tmp_path, code)
    source = TS.decode(code.encode(), "a.ts", "a.ts")
    result = TS.apply(source, [SiteEdit(finding.start, finding.end, "settings.x", (ES,), "0")])
    after_other = code.index("other") + len("other")
    assert result.edits == (
        TextEdit(after_other, after_other, b", settings"),
        TextEdit(code.index("500"), code.index("500") + 3, b"settings.x"),
    )
