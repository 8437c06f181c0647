"""``hardcode-lint merge``: one report from the JSON of many jobs (contract section 7)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from hardcode_lint.cli.common import EXIT_FAIL, open_output, say, user_errors, verbosity_options
from hardcode_lint.errors import UsageError

FORMATS = ["text", "markdown", "json", "html"]


@click.command("merge")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))  # fmt: skip
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format.")  # fmt: skip
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to FILE instead of standard output.")  # fmt: skip
@click.option("--check", "gate", is_flag=True,
              help="Also judge what no shard can (exit 1): stale and ambiguous rules, a key "
                   "given two values in one repository, --min-progress.")  # fmt: skip
@click.option("--min-progress", type=click.FloatRange(0, 100), metavar="PCT",
              help="With --check: fail when a repository's progress is below PCT.")  # fmt: skip
@verbosity_options
@user_errors
def merge_command(files: tuple[Path, ...], output_format: str, output: Path | None,
                  gate: bool, min_progress: float | None) -> None:  # fmt: skip
    """Merge the JSON of `report --format json` runs (the shards of a repository, and several
    repositories) into one report: per repository, per module, per config key, production vs
    test.  Exits 2 naming the files when they were made by different versions or settings or
    hold the same shard; 1 naming what is missing when a repository's shards do not add up to
    N (the report of what there is is still written), or when --check finds a failure; else 0.
    The N jobs of a repository run `check --shard K/N`; the merge job runs `merge --check`.
    """
    from hardcode_lint.report.merge import Output
    from hardcode_lint.report.merge_render import RENDERERS
    from hardcode_lint.report.merge_set import merge_outputs

    if min_progress is not None and not gate:
        raise UsageError("--min-progress is judged by `merge --check`")
    outputs = [Output(str(path), _read(path)) for path in files]
    document, missing = merge_outputs(outputs)
    with open_output(output) as stream:
        RENDERERS[output_format](document, stream)
    failures = list(missing)
    if gate:
        from hardcode_lint.report.merge_check import merge_failures

        failures += merge_failures(document, min_progress)
    for line in failures:
        say(f"error: {line}", err=True)
    if gate and not failures:
        say("merge check passed", err=True)
    sys.exit(EXIT_FAIL if failures else 0)


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: not the JSON of `report --format json`")
    return data
