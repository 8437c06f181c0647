"""``hardcode-lint``: the command group.  Each command lives in its own module."""

from __future__ import annotations

import signal
from pathlib import Path

import click

from hardcode_lint import __version__
from hardcode_lint.cli.common import SummaryGroup, inform, verbosity_options
from hardcode_lint.cli.defaults import defaults_command
from hardcode_lint.cli.explain import explain_command
from hardcode_lint.cli.fix import fix_command
from hardcode_lint.cli.gate import baseline_command, check_command
from hardcode_lint.cli.lsp import lsp_command
from hardcode_lint.cli.merge import merge_command
from hardcode_lint.cli.report import report_command
from hardcode_lint.cli.rules import rules_group
from hardcode_lint.cli.scan import scan_command
from hardcode_lint.lang import frontend, names


def _summary() -> str:
    """The group's help, naming the languages the registry offers."""
    titles = [frontend(name).title for name in names()]
    spoken = ", ".join(titles[:-1]) + f" and {titles[-1]}" if len(titles) > 1 else titles[0]
    return (
        f"Find hardcoded durations, clamp bounds and limits in {spoken} code, map them to "
        "config keys through rule files, and migrate them.\n\n"
        "Exit codes: 0 ran, 1 a gate failed or nothing could be applied, 2 usage or config "
        "error. -q, -v and --color work before the command and after it "
        "(`hardcode-lint scan -q`)."
    )


@click.group(cls=SummaryGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help=_summary())  # fmt: skip
@click.version_option(__version__, prog_name="hardcode-lint")
@verbosity_options
def cli() -> None:
    """The command group (its help names the registered languages: see :func:`_summary`)."""


cli.add_command(scan_command)
cli.add_command(report_command)
cli.add_command(rules_group)
cli.add_command(fix_command)
cli.add_command(defaults_command)
cli.add_command(check_command)
cli.add_command(baseline_command)
cli.add_command(lsp_command)
cli.add_command(explain_command)
cli.add_command(merge_command)


@cli.group("cache", cls=SummaryGroup)
@verbosity_options
def cache_group() -> None:
    """Manage the results cache (.hardcode-lint-cache/ at the project root)."""


@cache_group.command("clean")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@verbosity_options
def cache_clean_command(path: Path | None) -> None:
    """Remove the cache of the project that PATH (default: the current folder) belongs to."""
    from hardcode_lint.cache import clean_cache
    from hardcode_lint.config import find_root

    root = find_root(path or Path("."))
    removed = clean_cache(root)
    inform(f"{'removed' if removed else 'no cache in'} {root / '.hardcode-lint-cache'}", err=False)


def main() -> None:
    """The console script.  Output piped into a reader that stops early (``| head``) ends the
    process quietly, as ``cat`` or ``grep`` do, instead of click's exit 1 with a broken pipe."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    cli(prog_name="hardcode-lint")
