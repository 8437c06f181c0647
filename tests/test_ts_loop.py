"""The migration loop on a TypeScript project, as a team walks it: ``rules suggest``, ``rules
validate``, ``defaults --format typescript --output``, ``fix --write``; then the project still
type-checks, stays prettier-clean, passes ``check``, a second fix changes nothing, and a value
changes from the environment with no code change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import cli_output as run

TSC = os.environ.get("TSC") or shutil.which("tsc")
PRETTIER = os.environ.get("PRETTIER") or shutil.which("prettier")
NODE = shutil.which("node")

FILES = {
    "package.json": json.dumps({"name": "@acme/poller", "private": True, "prettier": {}}),
    "tsconfig.json": json.dumps({"compilerOptions": {
        "strict": True, "target": "es2020", "module": "commonjs", "rootDir": "src",
        "outDir": "out", "types": []}, "include": ["src"]}),
    "src/poller.ts": """\
export class Poller {
  private retries = 3;

  start(run: () => void): ReturnType<typeof setInterval> {
    return setInterval(run, 5000);
  }

  attempts(asked: number): number {
    return Math.max(asked, this.retries);
  }
}
""",
    "src/client.ts": """\
// The HTTP client's options.
export function clientOptions(): { timeout: number; maxRedirects: number } {
  return { timeout: 30000, maxRedirects: 5 };
}
""",
    "src/main.ts": """\
import { clientOptions } from "./client";

console.log(JSON.stringify(clientOptions()));
""",
}  # fmt: skip


def _tool(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, check=False)  # fmt: skip
    return done.returncode, done.stdout + done.stderr


def _sources(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "src").glob("*.ts"))}


@pytest.mark.skipif(TSC is None, reason="tsc is not installed (npm install typescript; or TSC=...)")
@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_suggest_validate_defaults_fix_then_it_type_checks_passes_check_and_reads_the_env(
    tmp_path, monkeypatch
):
    assert TSC is not None and NODE is not None
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    if PRETTIER is not None:  # the fix finds the project's formatter on PATH
        monkeypatch.setenv("PATH", f"{Path(PRETTIER).parent}{os.pathsep}{os.environ['PATH']}")
        assert _tool([PRETTIER, "--check", "src"], tmp_path)[0] == 0
    assert _tool([TSC, "--noEmit", "-p", "."], tmp_path) == (0, "")

    assert run("rules", "suggest", "--output", "rules/")[0] == 0
    rules = (tmp_path / "rules").glob("*.toml")
    assert 'import { settings } from \\"./src/settings\\";' in "".join(
        p.read_text() for p in rules)  # fmt: skip
    assert run("rules", "validate")[0] == 0
    code, out = run("defaults", "--format", "typescript", "--output", "src/settings.ts")
    assert code == 0, out
    assert run("fix", "--write", "--allow-dirty")[0] == 0
    fixed = _sources(tmp_path)
    for name in ("poller.ts", "client.ts"):
        assert b"settings." in fixed[name] and b'from "./settings";' in fixed[name]
    assert b"30000" not in fixed["client.ts"] and b"5000" not in fixed["poller.ts"]

    assert _tool([TSC, "--noEmit", "-p", "."], tmp_path) == (0, "")
    code, out = run("check")
    assert code == 0, out
    assert run("fix", "--write", "--allow-dirty")[0] == 0
    assert _sources(tmp_path) == fixed  # a second fix changes nothing
    if PRETTIER is not None:
        assert _tool([PRETTIER, "--check", "src"], tmp_path)[0] == 0

    assert _tool([TSC, "-p", "."], tmp_path) == (0, "")
    script = "console.log(JSON.stringify(require('./out/client').clientOptions()))"
    keys = [line.split('"')[1] for line in (tmp_path / "rules").glob("*.toml").__next__()
            .read_text().splitlines() if line.startswith("key = ") and "timeout" in line]  # fmt: skip
    variable = "POLLER__" + keys[0].upper().replace(".", "__")
    assert _tool([NODE, "-e", script], tmp_path) == (0, '{"timeout":30000,"maxRedirects":5}\n')
    changed = _tool([NODE, "-e", script], tmp_path, {variable: "1500"})
    assert changed == (0, '{"timeout":1500,"maxRedirects":5}\n')
