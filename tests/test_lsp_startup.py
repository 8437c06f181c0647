"""The language server answers ``initialize`` before it loads the analysis.

An editor waits for that answer before sending anything; the engine, the rules and the other
commands are imported once it is sent (``HardcodeServer.session``, ``cli/launch.py``).
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("hardcode_lint.engine", "hardcode_lint.lsp.session", "hardcode_lint.cli.main",
         "hardcode_lint.rules.load", "pathspec")  # fmt: skip


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120)


def test_the_server_and_its_command_import_no_analysis_before_initialize():
    code = (
        "import sys; sys.argv = ['hardcode-lint', 'lsp', '--help']\n"
        "import hardcode_lint.lsp.server as s; s.create_server()\n"
        "from hardcode_lint.cli import launch\n"
        "try:\n    launch.main()\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    done = _run("-c", code)
    assert done.returncode == 0, done.stderr
    assert "Run the language server" in done.stdout
    assert done.stdout.strip().endswith("[]")


def test_the_session_is_made_with_what_initialize_said():
    from hardcode_lint.lsp.server import create_server

    server = create_server()
    server.start.encoding, server.start.pull = "utf-8", True
    server.start.options = {"select": ("HCL1",)}
    session = server.session
    assert (session.encoding, session.pull, session.options) == ("utf-8", True,
                                                                  {"select": ("HCL1",)})  # fmt: skip
    assert server.session is session


def test_other_commands_still_go_to_the_command_group():
    done = _run("-m", "hardcode_lint", "--version")
    assert done.returncode == 0 and "hardcode-lint" in done.stdout
    done = _run("-m", "hardcode_lint", "explain", "HCL101")
    assert done.returncode == 0, done.stderr
