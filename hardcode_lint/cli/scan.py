"""``hardcode-lint scan``: list findings."""

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
    progress_bar,
    project_config,
    user_errors,
)
from hardcode_lint.output import SCAN_FORMATS


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
@user_errors
def scan_command(
    paths: tuple[Path, ...],
    config_file: Path | None,
    output_format: str,
    output: Path | None,
    jobs: int | None,
    no_cache: bool,
    no_prefilter: bool,
) -> None:
    """List the hardcoded values under PATHS (files or folders; default: the current folder).

    Exits 0 whether or not there are findings (use `check` to gate), 2 on a usage or config
    error.  Files that cannot be read or parsed are listed as errors and the scan goes on.
    """
    from hardcode_lint.api import analyze
    from hardcode_lint.output import renderer

    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    with progress_bar(output_format == "text" or output is not None) as progress:
        analysis = analyze(
            path_list,
            config,
            jobs=jobs,
            use_cache=not no_cache,
            prefilter=not no_prefilter,
            progress=progress,
        )
    with open_output(output) as stream:
        renderer(output_format)(analysis.scan, stream)
