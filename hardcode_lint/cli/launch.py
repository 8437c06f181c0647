"""The console script's first step: ``hardcode-lint lsp`` starts without the other commands.

An editor starts the language server and waits for its answer to ``initialize``; importing
every command (and what each needs) first would add a fifth of a second to that wait for
nothing.  Any other command line goes to the command group (:mod:`.main`).
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:2] == ["lsp"]:
        import signal

        from hardcode_lint.cli.lsp import lsp_command

        if hasattr(signal, "SIGPIPE"):  # as the command group does (:func:`.main.main`)
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)

        lsp_command(args=sys.argv[2:], prog_name="hardcode-lint lsp")
        return
    from hardcode_lint.cli.main import main as command_group

    command_group()
