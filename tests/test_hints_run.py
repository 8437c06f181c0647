"""Every command the CLI prints as a hint works as written, run by the shell in the project's
folder, and resolves what it was printed for (a new user copies it, and nothing else)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = str(Path(sys.executable).parent)
COMMAND = re.compile(r"`(hardcode-lint [^`]*)`")
COMMENT = re.compile(r"`((?:#|//) hardcode-lint: ignore)`")


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return shell(root, " ".join(["hardcode-lint", *args]))


def shell(root: Path, command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ["PATH"], "NO_COLOR": "1"}
    return subprocess.run(command, shell=True, cwd=root, env=env, capture_output=True,
                          text=True, check=False, timeout=300)  # fmt: skip


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", *args], cwd=root,
                   check=True, capture_output=True)  # fmt: skip


def python_project(root: Path, extra: str = "") -> Path:
    (root / "pkg").mkdir(parents=True)
    (root / "pkg/__init__.py").write_text("")
    (root / "pkg/net.py").write_text(
        "import time\n\n\ndef wait():\n    time.sleep(2.5)\n", encoding="utf-8"
    )
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "pkg"\nversion = "0"\n[tool.hardcode-lint]\n{extra}'
    )
    git(root, "init", "-q", ".")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "init")
    return root


def rust_crate(root: Path) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "Cargo.toml").write_text('[package]\nname = "demo"\nversion = "0.1.0"\n')
    (root / "src/lib.rs").write_text(
        "use std::time::Duration;\npub fn wait() -> Duration {\n    Duration::from_secs(30)\n}\n"
    )
    return root


def check_hints(root: Path, *args: str) -> list[dict[str, object]]:
    done = run(root, "check", "--format", "json", *args)
    assert done.returncode == 1, done.stderr
    failures: list[dict[str, object]] = json.loads(done.stdout)["failures"]
    return failures


def commands(hint: object) -> list[str]:
    return COMMAND.findall(str(hint))


@pytest.mark.parametrize("which", [0, 1])
def test_each_command_for_a_new_finding_resolves_it(tmp_path, which):
    """The rule-suggesting and the baseline command of a new finding's hint each make `check`
    pass; the suggestion writes into the configured rules folder, which does not exist yet."""
    root = python_project(tmp_path / "p")
    (hint,) = [f["hint"] for f in check_hints(root)]
    found = commands(hint)
    assert len(found) == 2, hint
    done = shell(root, found[which])
    assert done.returncode == 0, (found[which], done.stderr)
    assert run(root, "check").returncode == 0, found[which]


@pytest.mark.parametrize("maker", [python_project, rust_crate])
def test_the_suppression_comment_is_the_files_language(tmp_path, maker):
    root = maker(tmp_path / "p")
    (failure,) = check_hints(root)
    (comment,) = COMMENT.findall(str(failure["hint"]))
    path = root / str(failure["path"])
    lines = path.read_text().splitlines()
    lines[int(str(failure["line"])) - 1] += f"  {comment}"
    path.write_text("\n".join(lines) + "\n")
    assert run(root, "check").returncode == 0, comment


def test_hints_name_a_configured_rules_folder_and_a_given_baseline(tmp_path):
    root = python_project(tmp_path / "p", 'rules = ["hardcode/rules"]\n')
    (hint,) = [f["hint"] for f in check_hints(root, "--baseline", "ci/accepted.json")]
    suggest, baseline = commands(hint)
    assert "hardcode/rules/" in suggest and "ci/accepted.json" in baseline
    (root / "ci").mkdir()
    assert shell(root, baseline).returncode == 0
    assert run(root, "check", "--baseline", "ci/accepted.json").returncode == 0


def test_hints_carry_a_config_file_given_on_the_command_line(tmp_path):
    root = python_project(tmp_path / "p")
    (root / "ci").mkdir()
    (root / "ci/lint.toml").write_text('baseline = "ci/base.json"\n')
    (hint,) = [f["hint"] for f in check_hints(root, "--config", "ci/lint.toml")]
    baseline = commands(hint)[1]
    assert "--config ci/lint.toml" in baseline
    assert shell(root, baseline).returncode == 0
    assert (root / "ci/base.json").exists()
    assert run(root, "check", "--config", "ci/lint.toml").returncode == 0


def test_the_missing_defaults_file_command_writes_a_module_check_accepts(tmp_path):
    root = python_project(tmp_path / "p", 'defaults-file = "pkg/settings.py"\n')
    assert run(root, "rules", "suggest", "--output", "rules/").returncode == 0
    done = run(root, "check")
    assert done.returncode == 2
    (command,) = commands(done.stderr)
    assert shell(root, command).returncode == 0
    assert (root / "pkg/settings.py").read_text().startswith("# hardcode-lint: generated")
    assert run(root, "check").returncode == 0
    assert run(root, "defaults").returncode == 0  # a settings module is not read as TOML


def test_defaults_write_on_a_source_file_writes_its_settings_module(tmp_path):
    root = python_project(tmp_path / "p")
    assert run(root, "rules", "suggest", "--output", "rules/").returncode == 0
    assert run(root, "defaults", "--write", "pkg/settings.py").returncode == 0
    text = (root / "pkg/settings.py").read_text()
    assert text.startswith("# hardcode-lint: generated") and "[pkg" not in text
    done = run(root, "defaults", "--format", "toml", "--write", "pkg/other.py")
    assert done.returncode == 2 and "--format python --output pkg/other.py" in done.stderr


def test_the_regressed_rule_command_works_in_a_dirty_tree(tmp_path):
    """A migrated literal typed back in (not committed yet): the hint's fix command rewrites
    it, although fix refuses uncommitted files by default."""
    root = python_project(tmp_path / "p")
    for step in ("rules suggest --output rules/", "defaults --format python --output "
                 "pkg/settings.py"):  # fmt: skip
        assert run(root, step).returncode == 0
    git(root, "add", "-A")
    git(root, "commit", "-qm", "rules")
    assert run(root, "fix", "--write").returncode == 0
    assert run(root, "baseline").returncode == 0
    git(root, "add", "-A")
    git(root, "commit", "-qm", "migrated")
    net = root / "pkg/net.py"
    net.write_text(re.sub(r"time\.sleep\(settings[^)]*\)", "time.sleep(2.5)", net.read_text()))
    failures = check_hints(root)
    assert {f["kind"] for f in failures} == {"migrated-rule-pending"}
    for command in dict.fromkeys(c for f in failures for c in commands(f["hint"])):
        done = shell(root, command)
        assert done.returncode == 0, (command, done.stderr)
    assert run(root, "check").returncode == 0


def test_explain_names_the_rules_folder_and_each_languages_comment(tmp_path):
    root = python_project(tmp_path / "p", 'rules = ["lint-rules"]\n')
    done = run(root, "explain", "HCL101")
    assert "`hardcode-lint rules suggest --output lint-rules/`" in done.stdout
    assert "`# noqa: HCL101`" in done.stdout and "`// noqa: HCL101`" in done.stdout
    shutil.rmtree(root / "pkg")
    assert shell(root, commands(done.stdout)[0]).returncode == 0
