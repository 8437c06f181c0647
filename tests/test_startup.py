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
