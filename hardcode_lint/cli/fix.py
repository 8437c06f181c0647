"""``hardcode-lint fix``: show (default) or apply (``--write``) the codemod for pending rules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hardcode_lint.cli.common import (
    EXIT_FAIL,
    EXIT_USAGE,
    cache_option,
    config_option,
    inform,
    jobs_option,
    paths_argument,
    project_config,
    run_analysis,
    say,
    user_errors,
    verbosity_options,
)

if TYPE_CHECKING:
    from hardcode_lint.fix.plan import FixPlan
    from hardcode_lint.fix.run import FixRun


def _print_diff(text: str) -> None:
    """The diff, coloured by the same ``--color`` policy as the rich consoles; ``color=`` tells
    click not to strip the codes that ``--color always`` asks for in a pipe."""
    from hardcode_lint.output.console import colour_wanted
    from hardcode_lint.textsafe import visible

    colour = colour_wanted(sys.stdout)
    for line in map(visible, text.splitlines()):
        if not colour:
            click.echo(line)
            continue
        style = {"+": "green", "-": "red", "@": "cyan"}.get(line[:1])
        bold = line.startswith(("+++", "---"))
        click.echo(click.style(line, fg=style, bold=bold) if style or bold else line, color=True)


@click.command("fix")
@paths_argument
@config_option
@click.option(
    "--rule", "rule_ids", multiple=True, metavar="ID", help="Only this rule (repeatable)."
)
@click.option("--module", "modules", multiple=True, metavar="NAME",
              help="Only the rules of this module (repeatable).")  # fmt: skip
@click.option("--write", is_flag=True, help="Apply the changes (default: show a unified diff).")
@click.option("--allow-dirty", is_flag=True,
              help="Write files that have uncommitted changes in git.")  # fmt: skip
@jobs_option
@cache_option
@verbosity_options
@user_errors
def fix_command(
    paths: tuple[Path, ...],
    config_file: Path | None,
    rule_ids: tuple[str, ...],
    modules: tuple[str, ...],
    write: bool,
    allow_dirty: bool,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Replace each pending rule's literal with its `replace` expression and add its `imports`.

    Only the literal changes; every other byte of the file stays.  A file whose result would
    not parse is left alone.  With --write, files with uncommitted git changes are refused
    (exit 2) unless --allow-dirty; files are written atomically.  Exit 1 when nothing could be
    applied for a selected rule (stale, ambiguous, or every site refused).
    """
    from hardcode_lint.fix.plan import plan_fixes
    from hardcode_lint.fix.run import compute_fixes, refuse_dirty, unified_diff, write_fixes

    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    analysis = run_analysis(path_list, config, jobs=jobs, use_cache=not no_cache, progress=True)
    plan = plan_fixes(analysis, rule_ids, modules)
    run = compute_fixes(plan, config.root)
    if not write:
        for fix in run.changed:
            _print_diff(unified_diff(fix))
    else:
        refusals, outside = refuse_dirty(run, config.root)
        if refusals and not allow_dirty:
            for refusal in refusals:
                say(f"error: {refusal}, or pass --allow-dirty", err=True)
            sys.exit(EXIT_USAGE)
        for rel in outside:
            inform(f"note: {rel}: not in a git work tree; writing it anyway")
        write_fixes(run, config.root)
    sys.exit(_summary(plan, run, write))


def _summary(plan: FixPlan, run: FixRun, wrote: bool) -> int:
    """Print what was applied and what was not; the exit code (1: a selected rule got nothing)."""
    from hardcode_lint.fix.run import refused_edits

    applied = run.applied(wrote)
    for edit, reason in refused_edits(run):
        where = f"{edit.finding.path}:{edit.finding.line}"
        say(f"{where}: {edit.rule.id}: not applied: {reason}", err=True)
    for rule, reason in plan.blocked:
        say(f"{rule.file}:{rule.line}: {rule.id}: not applied: {reason}", err=True)
    files = len(run.written) if wrote else len(run.changed)
    verb = "changed" if wrote else "would change"
    inform(f"{len(applied)} rule(s) applied, {files} file(s) {verb}")
    if plan.done:
        inform(f"{len(plan.done)} rule(s) already migrated")
    selected = {r.id for r, _ in plan.blocked}
    selected |= {e.rule.id for edits in plan.edits.values() for e in edits}
    return EXIT_FAIL if selected - applied else 0
