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
    detail,
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
    from hardcode_lint.api import Analysis
    from hardcode_lint.fix.formatting import Formatting
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
@click.option("--verify", "verify_command", metavar="CMD",
              help="With --write: run CMD (a shell command, e.g. 'cargo check --all-targets') "
                   "before and after writing; roll back the rules that make it fail.")  # fmt: skip
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
    verify_command: str | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Replace each pending rule's literal with its `replace` expression and add its `imports`.

    Only the literal changes; every other byte of the file stays.  A file whose result would
    not parse is left alone.  With --write, files with uncommitted git changes are refused
    (exit 2) unless --allow-dirty; files are written atomically.  Exit 1 when nothing could be
    applied for a selected rule (stale, ambiguous, or every site refused).  A file the
    project's formatter (ruff or black when configured, rustfmt) accepted before is formatted
    after the fix.  With --verify CMD: exit 2 when CMD fails before the fix (nothing written);
    exit 1 when rules had to be rolled back for CMD to pass, each listed with CMD's output.
    """
    from hardcode_lint.fix.checked import formatted_fixes
    from hardcode_lint.fix.formatting import Formatting
    from hardcode_lint.fix.plan import plan_fixes
    from hardcode_lint.fix.run import unified_diff, write_fixes

    if verify_command is not None and not write:
        raise click.UsageError("--verify needs --write (it checks the files written)")
    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    analysis = run_analysis(path_list, config, jobs=jobs, use_cache=not no_cache, progress=True)
    _refuse_clashes(analysis)
    plan = plan_fixes(analysis, rule_ids, modules)
    formatting = Formatting(config.root)
    run = formatted_fixes(plan, config.root, formatting)
    for note in formatting.notes:
        detail(note)
    for warning in formatting.warnings:
        inform(f"warning: {warning}")
    rolled: list[tuple[str, str]] = []
    if not write:
        for fix in run.changed:
            _print_diff(unified_diff(fix))
    else:
        _refuse_dirty(run, config.root, allow_dirty)
        _verify_before(verify_command, config.root)
        write_fixes(run, config.root)
        if verify_command is not None:
            rolled = _verify_after(plan, run, config.root, verify_command, formatting)
    sys.exit(_summary(plan, run, write, rolled))


def _refuse_clashes(analysis: Analysis) -> None:
    """A key given two values would make one site read the other's value: nothing is fixed
    (exit 1) until the rules give each value its own key."""
    from hardcode_lint.rules.clashes import key_clashes

    clashes = key_clashes(analysis.matching)
    for clash in clashes:
        say(f"error: {clash}; give one of them its own key", err=True)
    if clashes:
        say("nothing written: a key must hold one value (see above)", err=True)
        sys.exit(EXIT_FAIL)


def _refuse_dirty(run: FixRun, root: Path, allow_dirty: bool) -> None:
    from hardcode_lint.fix.run import refuse_dirty

    refusals, outside = refuse_dirty(run, root)
    if refusals and not allow_dirty:
        for refusal in refusals:
            say(f"error: {refusal}, or pass --allow-dirty", err=True)
        sys.exit(EXIT_USAGE)
    for rel in outside:
        inform(f"note: {rel}: not in a git work tree; writing it anyway")


def _verify_before(command: str | None, root: Path) -> None:
    """Run CMD on the unfixed tree: a command that fails there cannot judge the fix (exit 2)."""
    from hardcode_lint.fix.verify import run_command

    if command is None:
        return
    inform(f"verify: running `{command}` before the fix")
    before = run_command(command, root)
    if not before.ok:
        say(f"error: `{command}` fails before the fix; nothing written. It said:", err=True)
        for line in before.head:
            say(f"    {line}", err=True)
        sys.exit(EXIT_USAGE)


def _verify_after(
    plan: FixPlan, run: FixRun, root: Path, command: str, formatting: Formatting
) -> list[tuple[str, str]]:
    """Run CMD on the written fix and roll back the rules that break it: (rule, reason)."""
    from hardcode_lint.fix.checked import remember, rollback_reason, verify_written
    from hardcode_lint.fix.verify import Verified, run_command

    inform(f"verify: running `{command}` after the fix")
    after = run_command(command, root)
    applied = run.applied(True)
    if after.ok:
        verified = Verified(kept=frozenset(applied), changed=list(run.written))
    else:
        verified = verify_written(plan, run, root, command, after, formatting,
                                  lambda text: inform(text))  # fmt: skip
    run.written[:] = verified.changed  # a file whose rules all rolled back is unchanged
    for path, why in verified.unwritable:
        say(f"error: {path}: could not be rolled back: {why}", err=True)
    rules = {e.rule.id: e.rule for f in run.changed for e in f.applied}
    rolled = []
    for item in verified.rolled_back:
        rule = rules[item.rule]
        say(f"{rule.file}:{rule.line}: {rule.id}: rolled back: `{command}` fails with it:",
            err=True)  # fmt: skip
        for line in item.head:
            say(f"    {line}", err=True)
        rolled.append((item.rule, rollback_reason(command, item)))
    problem = remember(plan, root, command, verified)
    if problem:
        inform(f"note: the rolled-back rules could not be recorded for the report: {problem}")
    inform(f"verify: `{command}` passes ({verified.runs} more run(s) to find what broke it)"
           if verified.rolled_back else f"verify: `{command}` passes")  # fmt: skip
    return rolled


_SHOWN_SITES = 5  # sites named on the line that counts a rule's other refusals for one reason


def _refusals(refused: list[tuple[str, str, str]]) -> None:
    """One line per rule and reason, at its first site; the rule's other sites refused for the
    same reason are counted on one line after it (a rule over 41 sites refused 41 times is one
    problem, not 41)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for rule, where, reason in refused:
        groups.setdefault((rule, reason), []).append(where)
    for (rule, reason), sites in groups.items():
        say(f"{sites[0]}: {rule}: not applied: {reason}", err=True)
        if len(sites) > 1:
            named = ", ".join(sites[1 : 1 + _SHOWN_SITES])
            more = len(sites) - 1 - _SHOWN_SITES
            say(f"    and {len(sites) - 1} more site(s) of {rule}, for the same reason: {named}"
                + (f", ... ({more} more)" if more > 0 else ""), err=True)  # fmt: skip


def _summary(plan: FixPlan, run: FixRun, wrote: bool, rolled: list[tuple[str, str]]) -> int:
    """Print what was applied and what was not; the exit code (1: a selected rule got nothing,
    or rules were rolled back)."""
    from hardcode_lint.fix.run import refused_edits

    applied = run.applied(wrote) - {rule for rule, _ in rolled}
    _refusals([(e.rule.id, f"{e.finding.path}:{e.finding.line}", why)
               for e, why in refused_edits(run)])  # fmt: skip
    for rule, reason in plan.blocked:
        say(f"{rule.file}:{rule.line}: {rule.id}: not applied: {reason}", err=True)
    files = len(run.written) if wrote else len(run.changed)
    verb = "changed" if wrote else "would change"
    inform(f"{len(applied)} rule(s) applied, {files} file(s) {verb}"
           + (f", {len(rolled)} rule(s) rolled back" if rolled else ""))  # fmt: skip
    if plan.done:
        inform(f"{len(plan.done)} rule(s) already migrated")
    selected = {r.id for r, _ in plan.blocked}
    selected |= {e.rule.id for edits in plan.edits.values() for e in edits}
    return EXIT_FAIL if selected - applied or rolled else 0
