"""``hardcode-lint scan``: list findings."""

from __future__ import annotations

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
from hardcode_lint.output import SCAN_FORMATS

if TYPE_CHECKING:
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
) -> None:
    """List the hardcoded values under PATHS (files or folders; default: the current folder).

    Exits 0 whether or not there are findings (use `check` to gate), 2 on a usage or config
    error.  Files that cannot be read or parsed are listed as errors and the scan goes on.
    """
    from hardcode_lint.output import renderer

    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    analysis = run_analysis(path_list, config, jobs=jobs, use_cache=not no_cache,
                            prefilter=not no_prefilter,
                            progress=output_format == "text" or output is not None)  # fmt: skip
    with open_output(output) as stream:
        if statistics:
            _statistics(analysis.scan.findings, stream)
        else:
            renderer(output_format, quiet=verbosity().quiet)(analysis.scan, stream)


def _statistics(findings: list[Finding], stream: TextIO) -> None:
    """``COUNT  CODE  name``, most frequent first (ruff's ``--statistics``)."""
    from collections import Counter

    from hardcode_lint.detect.codes import CODES

    names = {c.code: c.summary for c in CODES.values()}
    for code, count in sorted(Counter(f.code for f in findings).items(), key=lambda i: -i[1]):
        stream.write(f"{count:>6}  {code}  {names.get(code, '')}\n")
