"""``hardcode-lint scan``: list findings."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

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
    user_errors,
    verbosity,
    verbosity_options,
)
from hardcode_lint.errors import UsageError
from hardcode_lint.output import SCAN_FORMATS
from hardcode_lint.shard import Shard, shard_option

if TYPE_CHECKING:
    from hardcode_lint.api import Analysis
    from hardcode_lint.model import Finding


@click.command("scan")
@paths_argument
@config_option
@output_options(list(SCAN_FORMATS))
@jobs_option
@cache_option
@click.option(
    "--no-prefilter",
    is_flag=True,
    help="Run the libcst detector on every file, not only those the cheap pre-pass keeps.",
)
@click.option("--statistics", is_flag=True,
              help="Print the number of findings per code instead of the findings.")  # fmt: skip
@click.option("--stdin-filename", type=click.Path(path_type=Path, dir_okay=False),
              help="With PATH `-` (the source on standard input): the file it stands for, "
                   "which gives its language, settings and path in the output [default: "
                   "`-`, the default language].")  # fmt: skip
@shard_option
@verbosity_options
@user_errors
def scan_command(
    paths: tuple[Path, ...],
    config_file: Path | None,
    output_format: str,
    output: Path | None,
    jobs: int | None,
    no_cache: bool,
    no_prefilter: bool,
    statistics: bool,
    stdin_filename: Path | None,
    shard: Shard | None,
) -> None:
    """List the hardcoded values under PATHS (files or folders; default: the current folder).

    Exits 0 whether or not there are findings (use `check` to gate), 2 on a usage or config
    error.  Files that cannot be read or parsed are listed as errors and the scan goes on.
    PATH `-` reads the source from standard input (see --stdin-filename).
    """
    from hardcode_lint.output import renderer

    path_list = list(paths) or [Path(".")]
    analysis = _analysis(path_list, config_file, stdin_filename, jobs=jobs,
                         use_cache=not no_cache, prefilter=not no_prefilter,
                         progress=output_format == "text" or output is not None,
                         shard=shard)  # fmt: skip
    with open_output(output) as stream:
        if statistics:
            _statistics(analysis.scan.findings, stream)
        elif output_format in ("json", "sarif"):
            _machine_output(analysis, output_format, shard, stream)
        else:
            renderer(output_format, quiet=verbosity().quiet)(analysis.scan, stream)


def _analysis(
    paths: list[Path],
    config_file: Path | None,
    stdin_filename: Path | None,
    *,
    jobs: int | None,
    use_cache: bool,
    prefilter: bool,
    progress: bool,
    shard: Shard | None = None,
) -> Analysis:
    """The files' analysis, or standard input's when the one PATH is ``-``."""
    from hardcode_lint.cli.stdin import STDIN, config_start, stdin_analysis

    if STDIN not in map(str, paths):
        if stdin_filename is not None:
            raise UsageError("--stdin-filename is for reading standard input (PATH `-`)")
        config = project_config(paths, config_file)
        return run_analysis(paths, config, jobs=jobs, use_cache=use_cache, prefilter=prefilter,
                            progress=progress, shard=shard)  # fmt: skip
    if shard is not None:
        raise UsageError("--shard is for scanning files, not standard input")
    if len(paths) > 1:
        raise UsageError("`-` (standard input) cannot be given with other PATHs")
    config = project_config([config_start(stdin_filename)], config_file)
    return stdin_analysis(config, stdin_filename, prefilter=prefilter)


def _machine_output(
    analysis: Analysis, output_format: str, shard: Shard | None, stream: TextIO
) -> None:
    """JSON with what the run covers (tool, settings, repository, shard), or SARIF with the
    shard's category: what a merge job and code scanning need (contract section 7)."""
    from hardcode_lint.textsafe import json_text

    if output_format == "sarif":
        from hardcode_lint.output.annotations import scan_annotations
        from hardcode_lint.output.sarif import shard_category, write_sarif

        run = scan_annotations(analysis.scan)
        if shard is not None:
            run = dataclasses.replace(run, category=shard_category(shard.index, shard.count))
        write_sarif(run, stream)
        return
    from hardcode_lint.output.json_format import scan_to_json
    from hardcode_lint.report.provenance import identity

    stream.write(json_text({**scan_to_json(analysis.scan), **identity(analysis, shard)}) + "\n")


def _statistics(findings: list[Finding], stream: TextIO) -> None:
    """``COUNT  CODE  name``, most frequent first (ruff's ``--statistics``)."""
    from collections import Counter

    from hardcode_lint.detect.codes import CODES

    names = {c.code: c.summary for c in CODES.values()}
    for code, count in sorted(Counter(f.code for f in findings).items(), key=lambda i: -i[1]):
        stream.write(f"{count:>6}  {code}  {names.get(code, '')}\n")
