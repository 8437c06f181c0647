"""``hardcode-lint report``: the per-module migration progress report."""

from __future__ import annotations

from pathlib import Path

import click

from hardcode_lint.cli.common import (
    cache_option,
    config_option,
    jobs_option,
    open_output,
    output_options,
    paths_argument,
    project_config,
    run_analysis,
    say,
    user_errors,
    verbosity_options,
)
from hardcode_lint.shard import Shard, shard_option

FORMATS = ["text", "markdown", "json", "html"]


@click.command("report")
@paths_argument
@config_option
@output_options(FORMATS)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True,
              help="Language of the text, markdown and html formats.")  # fmt: skip
@click.option("--history", type=click.Path(path_type=Path, dir_okay=False),
              help="Add this run's totals to FILE (JSON lines) and show the trend of production, "
                   "all and test code. One point per run: a report of the state the last point "
                   "recorded (same commit and totals; outside git, same totals within an hour) "
                   "replaces it, so one run in several formats is one point.")  # fmt: skip
@jobs_option
@cache_option
@shard_option
@verbosity_options
@user_errors
def report_command(
    paths: tuple[Path, ...],
    config_file: Path | None,
    output_format: str,
    output: Path | None,
    lang: str,
    history: Path | None,
    jobs: int | None,
    no_cache: bool,
    shard: Shard | None,
) -> None:
    """Report the migration's progress per module (rule file) under PATHS.

    A site is one rule occurrence (migrated or pending), one unmapped finding or one kept
    finding; progress is 100 * migrated / (sites - kept), for the whole project, production
    and test code, and each module.  Kept: literals the team keeps (a `keep = true` rule or a
    [[keep]] entry, a `noqa` or `hardcode-lint: ignore` comment, per-file-ignores, the
    baseline, a module with `scope = "out"`).  Production code leads the headline. The text
    format is as wide as the terminal, or COLUMNS when piped, and has no colour under NO_COLOR.
    Exits 0, or 2 on a usage, config or rule-file error.
    """
    from hardcode_lint.report.formats import report_renderer
    from hardcode_lint.report.i18n import Strings
    from hardcode_lint.report.progress import build_report

    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    analysis = run_analysis(path_list, config, jobs=jobs, use_cache=not no_cache,
                            progress=output_format == "text" or output is not None,
                            shard=shard)  # fmt: skip
    from hardcode_lint.gate.baseline import read_baseline
    from hardcode_lint.report.reasons import rule_reasons

    accepted = read_baseline(config.root / config.baseline).entries
    report = build_report(analysis, reasons=rule_reasons(analysis, config.root), baseline=accepted,
                          propose=output_format != "json")  # fmt: skip
    if history is not None:
        from hardcode_lint.report.history import append_history

        report.history, warnings = append_history(history, report)
        for warning in warnings:
            say(f"warning: {warning}", err=True)
    with open_output(output) as stream:
        if output_format == "json":
            from hardcode_lint.report.stamped import stamped_report
            from hardcode_lint.textsafe import json_text

            stream.write(json_text(stamped_report(report, analysis, shard)) + "\n")
        else:
            report_renderer(output_format)(report, Strings(lang), stream)
