"""Fast start: the CLI must not import libcst, rich or tomlkit before a command needs them."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_cli_loads_no_heavy_module():
    code = (
        "import sys, hardcode_lint.cli.main\n"
        "print(sorted(m for m in ('libcst', 'rich', 'tomlkit', 'yaml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_and_version_run_without_them():
    code = (
        "import sys\nfrom hardcode_lint.cli.main import cli\n"
        "try:\n    cli(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('libcst', 'rich', 'tomlkit') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_cached_run_imports_no_heavy_parser(tmp_path):
    """A warm `report` of a project with migrated sites judges from the cache: no libcst at all
    (a Rust project still loads tree-sitter, ~20 ms, to check its rules' Rust expressions)."""
    import shutil
    from pathlib import Path

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    for name, loaded in (("scheduler", "[]"), ("rust_scheduler", "['tree_sitter']")):
        root = tmp_path / name
        shutil.copytree(
            fixtures / name, root, ignore=shutil.ignore_patterns(".hardcode-lint-cache")
        )
        code = (
            "import sys\nfrom hardcode_lint.cli.main import cli\n"
            "try:\n    cli(['report', '--format', 'json', '-j', '1'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('libcst', 'tree_sitter') if m in sys.modules))"
        )
        first = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                               text=True, check=True)  # fmt: skip
        assert first.stdout.strip().splitlines()[-1] != "[]"  # the cold run parsed
        again = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                               text=True, check=True)  # fmt: skip
        assert again.stdout.strip().splitlines()[-1] == loaded, name
