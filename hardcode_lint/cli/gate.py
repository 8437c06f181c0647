"""``hardcode-lint check`` (the CI / pre-commit gate) and ``hardcode-lint baseline``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import click

from hardcode_lint.cli.common import (
    EXIT_FAIL,
    cache_option,
    config_option,
    inform,
    jobs_option,
    open_output,
    output_options,
    paths_argument,
    project_config,
    run_analysis,
    user_errors,
    verbosity,
    verbosity_options,
)
from hardcode_lint.shard import Shard, shard_option

if TYPE_CHECKING:
    from hardcode_lint.api import Analysis
    from hardcode_lint.config import Config
    from hardcode_lint.gate.baseline import Baseline
    from hardcode_lint.gate.check import Verdict
    from hardcode_lint.model import ScanResult

CHECK_FORMATS = [
    "text",
    "concise",
    "json",
    "sarif",
    "github",
]  # rendered by hardcode_lint.gate.render


@click.command("check")
@paths_argument
@config_option
@output_options(CHECK_FORMATS)
@click.option("--baseline", "baseline_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Baseline file [default: the configured `baseline`].")  # fmt: skip
@click.option("--min-progress", type=click.FloatRange(0, 100), metavar="PCT",
              help="Fail when the migration's progress is below PCT percent.")  # fmt: skip
@click.option("--exit-zero", is_flag=True,
              help="Report the failures but exit 0 (as ruff's --exit-zero).")  # fmt: skip
@jobs_option
@cache_option
@shard_option
@verbosity_options
@user_errors
def check_command(
    paths: tuple[Path, ...],
    config_file: Path | None,
    output_format: str,
    output: Path | None,
    baseline_file: Path | None,
    min_progress: float | None,
    exit_zero: bool,
    jobs: int | None,
    no_cache: bool,
    shard: Shard | None,
) -> None:
    """Fail (exit 1) when a new hardcode appears, a rule is stale or ambiguous, a migrated rule's
    literal is back, --min-progress is not met, or the defaults-file disagrees with a literal.

    Given only files (as pre-commit passes them), it judges those files alone; given a rule file
    or the settings file among them, it judges the whole tree.  Exit 0 when the gate passes, 2
    on a usage or config error.
    """
    from hardcode_lint.discover.files import relative
    from hardcode_lint.gate.baseline import read_baseline
    from hardcode_lint.gate.check import defaults_failures, judge
    from hardcode_lint.gate.references import dangling_failures
    from hardcode_lint.report.progress import build_report

    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    if any(_is_project_file(p, config) for p in paths):
        path_list = [config.root]  # a rule file or the settings changed: judge the whole tree
    file_mode = path_list != [config.root] and bool(paths) and all(p.is_file() for p in paths)
    files = {relative(p.resolve(), config.root) for p in paths} if file_mode else None
    analysis = run_analysis(path_list, config, jobs=jobs, use_cache=not no_cache,
                            progress=output_format == "text" or output is not None,
                            shard=shard)  # fmt: skip
    baseline = read_baseline(baseline_file or config.root / config.baseline)
    if shard is not None:
        _check_shard(analysis, baseline, baseline_file, output, output_format, exit_zero, shard)
    progress = None
    if min_progress is not None:
        progress = build_report(analysis, baseline=baseline.entries).totals.progress
    verdict = judge(analysis, baseline, files=files, min_progress=min_progress, progress=progress,
                    baseline_file=baseline_file)  # fmt: skip
    verdict.failures += defaults_failures(analysis, files)
    verdict.failures += dangling_failures(analysis, files)
    with open_output(output) as stream:
        _render(verdict, analysis.scan, output_format, stream)
    sys.exit(0 if verdict.passed or exit_zero else EXIT_FAIL)


def _check_shard(analysis: Analysis, baseline: Baseline, baseline_file: Path | None,
                 output: Path | None, output_format: str, exit_zero: bool,
                 shard: Shard) -> NoReturn:  # fmt: skip
    """``check --shard``: the shard's own files' verdict, then exit."""
    from hardcode_lint.gate.check import judge_shard
    from hardcode_lint.gate.references import dangling_failures

    verdict = judge_shard(analysis, baseline, baseline_file)
    from hardcode_lint.output.sarif import shard_category

    verdict.failures += dangling_failures(analysis, None)
    with open_output(output) as stream:
        _render(verdict, analysis.scan, output_format, stream,
                shard_category(shard.index, shard.count))  # fmt: skip
    sys.exit(0 if verdict.passed or exit_zero else EXIT_FAIL)


def _render(verdict: Verdict, scan: ScanResult, output_format: str, stream: TextIO,
            category: str | None = None) -> None:  # fmt: skip
    """The verdict; under ``-q`` the text format keeps the failures (each with its fix) and the
    files not checked, and drops the notes and the closing passed/failed line."""
    import dataclasses
    import io

    from hardcode_lint.gate.render import render

    if output_format != "text" or not verbosity().quiet:
        render(verdict, scan, output_format, stream, category)
        return
    buffer = io.StringIO()
    render(dataclasses.replace(verdict, notes=[], gone=0), scan, output_format, buffer)
    lines = buffer.getvalue().splitlines(keepends=True)
    if lines and lines[-1].startswith(("check passed", "check failed")):
        lines.pop()
    stream.write("".join(lines))


def _is_project_file(path: Path, config: Config) -> bool:
    """A settings file or a rule file: changing one can change the verdict anywhere."""
    from hardcode_lint.config import CONFIG_FILES

    resolved = path.resolve()
    if resolved.name in CONFIG_FILES or resolved == (config.source or Path()).resolve():
        return True
    folders = [(config.root / location).resolve() for location in config.rules]
    return resolved.suffix == ".toml" and any(
        resolved == folder or resolved.is_relative_to(folder) for folder in folders
    )


@click.command("baseline")
@paths_argument
@config_option
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write [default: the configured `baseline`].")  # fmt: skip
@jobs_option
@cache_option
@verbosity_options
@user_errors
def baseline_command(
    paths: tuple[Path, ...],
    config_file: Path | None,
    output: Path | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Accept the current unmapped findings and record the migrated rules, so that `check`
    fails only on what is new (or on a migrated rule slipping back)."""
    from hardcode_lint.gate.baseline import error_entry, write_baseline
    from hardcode_lint.model import Status, baseline_entries

    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    analysis = run_analysis(path_list, config, jobs=jobs, use_cache=not no_cache, progress=True)
    entries = [entry for entry, _ in baseline_entries(analysis.matching.unmapped)]
    migrated = [o.rule.id for o in analysis.matching.outcomes if o.status is Status.MIGRATED]
    errors = [error_entry(error) for error in analysis.scan.errors]
    target = output or config.root / config.baseline
    write_baseline(target, entries, migrated, errors)
    unread = f", {len(errors)} unreadable file(s)" if errors else ""
    inform(f"wrote {target}: {len(entries)} finding(s), {len(migrated)} migrated rule(s){unread}")
