"""What every command shares: PATH arguments, --config, --format/--output, errors, progress."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from hardcode_lint.errors import UsageError

if TYPE_CHECKING:
    from hardcode_lint.config import Config

F = TypeVar("F", bound=Callable[..., Any])
EXIT_FAIL, EXIT_USAGE = 1, 2
_PROGRESS_MIN_FILES = 200


def _remember(ctx: click.Context, parameter: click.Parameter, value: tuple[str, ...]) -> None:
    ctx.meta[f"hardcode-lint.{parameter.name}"] = value


def paths_argument(func: F) -> F:
    """PATH... and ``--language`` (which of the configured languages to look at)."""
    from hardcode_lint.lang import names

    for flag, help_text, choice in (
        ("--exclude", "Also skip files matching GLOB (repeatable; on top of `exclude`).", None),
        ("--ignore", "Also drop codes with this prefix (repeatable; on top of `ignore`).", None),
        ("--select", "Only codes with this prefix (repeatable) [default: `select`].", None),
        ("--language", "Only files of this language (repeatable) [default: `languages`].",
         click.Choice(names())),
    ):  # fmt: skip
        func = click.option(flag, multiple=True, type=choice, expose_value=False,
                            callback=_remember, help=help_text)(func)  # fmt: skip
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path))(func)


def project_config(paths: list[Path], config_file: Path | None) -> Config:
    """The configuration for PATHs, narrowed to the ``--language`` choice if one was given."""
    from hardcode_lint.api import resolve_config
    from hardcode_lint.config import override

    config = resolve_config(paths, config_file)
    meta = click.get_current_context().meta
    given = {name: meta.get(f"hardcode-lint.{name}", ()) for name in
             ("language", "select", "ignore", "exclude")}  # fmt: skip
    return override(config, **given)


def config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_file",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Read settings from this file instead of the nearest hardcode-lint.toml, "
        ".hardcode-lint.toml or pyproject.toml.",
    )(func)


def output_options(formats: list[str]) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        func = click.option(
            "--output",
            "-o",
            type=click.Path(path_type=Path, dir_okay=False),
            help="Write the output to FILE instead of standard output.",
        )(func)
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(formats),
            default=formats[0],
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def jobs_option(func: F) -> F:
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: CPUs]."
    )(func)


def cache_option(func: F) -> F:
    return click.option(
        "--no-cache",
        is_flag=True,
        help="Neither read nor write .hardcode-lint-cache/ (results per file content).",
    )(func)


def say(message: str, err: bool = False, nl: bool = True) -> None:
    """``click.echo`` for messages that quote a user's files: each line shown as data
    (control characters and undecodable file-name bytes escaped), never as terminal control."""
    from hardcode_lint.textsafe import visible

    click.echo("\n".join(visible(line) for line in message.split("\n")), err=err, nl=nl)


def user_errors(func: F) -> F:
    """Turn :class:`UsageError` into ``error: <message>`` on stderr and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UsageError as exc:
            say(f"error: {exc}", err=True)
            sys.exit(EXIT_USAGE)

    return wrapper  # type: ignore[return-value]


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or ``path`` opened for writing (its folder must exist)."""
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    with handle:
        yield handle


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A transient rich progress bar on stderr, for long runs on a terminal only.

    It appears only once a run turns out to have many files to analyse (a warm run, whose
    files come from the cache, or a small one never shows it).
    """
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    bar = Progress("scanning", *columns, transient=True, console=_stderr_console())
    task = bar.add_task("scan", total=None)

    def update(done: int, total: int) -> None:
        if total < _PROGRESS_MIN_FILES:
            return
        if not bar.live.is_started:
            bar.start()
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        bar.stop()


def _stderr_console() -> Any:
    from hardcode_lint.output.console import make_console

    return make_console(sys.stderr)
