"""``hardcode-lint lsp``: the language server on stdio (see the README's Editors section)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from hardcode_lint.cli.common import verbosity_options


@click.command("lsp")
@click.option("--stdio", is_flag=True, help="Speak on stdin/stdout (the default and only mode; "
              "accepted because many editors pass it).")  # fmt: skip
@click.option(
    "--log-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the server's log here (stderr is the editor's: it stays silent).",
)
@verbosity_options
def lsp_command(stdio: bool, log_file: Path | None) -> None:
    """Run the language server: diagnostics, code actions and hover for every open file.

    Exits 0 when the editor shuts it down.
    """
    from hardcode_lint.lsp.handshake import Handshake

    shake = Handshake.run(sys.stdin.buffer, sys.stdout.buffer)  # answered before pygls loads
    try:
        from hardcode_lint.lsp.main import run
    except ImportError as exc:  # pygls is a dependency; a broken install says so plainly
        click.echo(f"hardcode-lint lsp: cannot start the language server ({exc}); "
                   "reinstall with `pip install hardcode-lint`", err=True)  # fmt: skip
        sys.exit(2)
    run(log_file, shake)
