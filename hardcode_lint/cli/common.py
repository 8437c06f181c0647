"""What every command shares: PATH arguments, --config, --format/--output, -q/-v/--color,
errors, messages (plain, ``-q``-silenced, ``-v``-only), and the analysis run with its progress
bar."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import Token
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from hardcode_lint.errors import UsageError
from hardcode_lint.output.console import COLOR_MODES, reset_color_mode, set_color_mode

if TYPE_CHECKING:
    from hardcode_lint.api import Analysis
    from hardcode_lint.config import Config
    from hardcode_lint.shard import Shard

F = TypeVar("F", bound=Callable[..., Any])
EXIT_FAIL, EXIT_USAGE = 1, 2
_PROGRESS_MIN_FILES = 200
_VERBOSITY = "hardcode-lint.verbosity"


@dataclass
class Verbosity:
    """``-q``, ``-v`` and ``--color`` as given.

    Ruff users type them after the subcommand (``ruff check -q``), scripts often put them
    first; both work because the group and every command carry the same options, each adding to
    this one state, kept in the click context's ``meta`` (shared by a group and its commands,
    fresh for each invocation: one in-process run never leaks its choice into the next).  The
    colour is handed to :mod:`hardcode_lint.output.console`, which makes every rich console.
    """

    quiet: bool = False
    verbose: int = 0
    color: str = "auto"
    _token: Token[str] | None = None

    def apply_color(self) -> None:
        """Make every console created from now on follow ``color``; the first call remembers
        the mode to put back when the invocation ends."""
        token = set_color_mode(self.color)
        if self._token is None:
            self._token = token

    def restore(self) -> None:
        if self._token is not None:
            reset_color_mode(self._token)
            self._token = None


def _state(ctx: click.Context) -> Verbosity:
    state = ctx.meta.get(_VERBOSITY)
    if not isinstance(state, Verbosity):
        state = ctx.meta[_VERBOSITY] = Verbosity()
        ctx.call_on_close(state.restore)
    return state


def verbosity() -> Verbosity:
    """This invocation's choice; the defaults outside a command (the Python API)."""
    ctx = click.get_current_context(silent=True)
    return _state(ctx) if ctx is not None else Verbosity()


def _exclusive(state: Verbosity) -> None:
    if state.quiet and state.verbose:
        raise click.UsageError("-q/--quiet and -v/--verbose cannot be used together")


def _quiet(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    state = _state(ctx)
    state.quiet = state.quiet or value
    _exclusive(state)


def _verbose(ctx: click.Context, _: click.Parameter, value: int) -> None:
    state = _state(ctx)
    state.verbose += value
    _exclusive(state)


def _color(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
    """Called for every command, given or not: an absent ``--color`` keeps what the group (or
    the default) chose, and still installs it for this invocation."""
    state = _state(ctx)
    state.color = value or state.color
    state.apply_color()


class SummaryGroup(click.Group):
    """A group whose ``--help`` lists each command with its whole first paragraph: click cuts
    summaries at 45 columns or at the first full stop (``e.g.`` included), which left
    ``explain  Say what CODE (e.g.`` in the list."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            text = command.short_help or (command.help or "").split("\n\n", 1)[0]
            rows.append((name, " ".join(text.split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def verbosity_options(func: F) -> F:
    """``-q``, ``-v`` and ``--color`` on a command or group; read them with :func:`verbosity`."""
    options = (
        click.option("--color", type=click.Choice(COLOR_MODES), callback=_color,
                     expose_value=False,
                     help="Default auto: a terminal without NO_COLOR."),
        click.option("-v", "--verbose", count=True, callback=_verbose, expose_value=False,
                     help="Also log config, counts and time to stderr."),
        click.option("-q", "--quiet", is_flag=True, callback=_quiet, expose_value=False,
                     help="Print only the result and errors."),
    )  # fmt: skip
    for option in options:
        func = option(func)
    return func


def _remember(ctx: click.Context, parameter: click.Parameter, value: tuple[str, ...]) -> None:
    ctx.meta[f"hardcode-lint.{parameter.name}"] = value


def paths_argument(func: F) -> F:
    """PATH... and ``--language`` (which of the configured languages to look at)."""
    from hardcode_lint.lang import names

    for flag, help_text, choice in (
        ("--exclude", "Also skip files matching GLOB (repeatable; on top of `exclude`).", None),
        ("--ignore", "Also drop codes with this prefix (repeatable; on top of `ignore`).", None),
        ("--select", "Only codes with this prefix (repeatable) [default: `select`].", None),
        ("--language", "Only files of this language (repeatable) [default: `languages`, else "
         "the languages of the root's manifests (Cargo.toml, pyproject.toml...), else all].",
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
    detail(f"config: {config.source or 'none found, defaults'} (root {config.root})")
    return override(config, **given)


def config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_file",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Read settings from this file instead of the nearest hardcode-lint.toml, "
        ".hardcode-lint.toml, pyproject.toml or Cargo.toml (its [package.metadata.hardcode-lint]).",
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


def inform(message: str, err: bool = True) -> None:
    """A message that is not the result (a summary, a note, "wrote X"): silent under ``-q``."""
    if not verbosity().quiet:
        say(message, err=err)


def detail(message: str, level: int = 1) -> None:
    """A message for ``-v`` (``-vv`` for ``level`` 2), always on stderr, so that stdout is the
    same with and without it."""
    if verbosity().verbose >= level:
        say(message, err=True)


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


def run_analysis(paths: list[Path], config: Config, *, jobs: int | None, use_cache: bool,
                 prefilter: bool = True, progress: bool = False,
                 shard: Shard | None = None) -> Analysis:  # fmt: skip
    """:func:`hardcode_lint.api.analyze`, with the progress bar when ``progress`` (a command
    passes False when its stdout is a machine format) and ``-v``'s account of the run.

    The runner calls the progress callback once per file it analyses and never for a file the
    cache answered, so counting the calls tells analysed from cached without asking the runner.
    """
    from hardcode_lint.api import analyze

    analysed = 0
    start = time.perf_counter()
    with progress_bar(progress) as bar:

        def update(done: int, total: int) -> None:
            nonlocal analysed
            analysed += 1
            if bar is not None:
                bar(done, total)

        analysis = analyze(paths, config, jobs=jobs, use_cache=use_cache, prefilter=prefilter,
                           progress=update, shard=shard)  # fmt: skip
    _account(analysis, analysed if use_cache else None, time.perf_counter() - start)
    _passed_over(analysis)
    return analysis


def _passed_over(analysis: Analysis) -> None:
    """A note (stderr, not with ``-q``) naming the files of known languages this run did not
    scan because ``languages`` defaults to the root's manifests: a Go folder in a Python
    project is otherwise silently left out."""
    from hardcode_lint.lang import frontend

    passed = analysis.scan.passed_over
    if not passed or verbosity().quiet:
        return
    counts = ", ".join(f"{n} {frontend(lang).title}" for lang, n in sorted(passed.items()))
    scanned = ", ".join(f'"{name}"' for name in (*analysis.config.languages, *sorted(passed)))
    say(f"note: not scanned: {counts} file(s); `languages` defaults to the languages of the "
        f"root's manifests: set `languages = [{scanned}]` in the configuration to scan them",
        err=True)  # fmt: skip


def _account(analysis: Analysis, analysed: int | None, seconds: float) -> None:
    """``-v``: the rule files, the file counts and the time of one analysis (``-vv``: each
    rule file).  ``analysed`` is None when the cache was off."""
    rules = analysis.rules
    detail(f"rules: {len(rules.rules)} rule(s) in {len(rules.files)} file(s)")
    for name in rules.files:
        detail(f"rules: {name}", level=2)
    scan = analysis.scan
    done = (f"{scan.files} analysed (cache off)" if analysed is None
            else f"{analysed} analysed, {scan.files - analysed} from the cache")  # fmt: skip
    detail(f"files: {scan.files} discovered, {done}, {len(scan.errors)} unreadable or "
           "unparsable")  # fmt: skip
    detail(f"time: {seconds:.2f} s")


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A transient rich progress bar on stderr, for long runs on a terminal only.

    It appears only once a run turns out to have many files to analyse (a warm run, whose
    files come from the cache, or a small one never shows it), and never under ``-q``.
    """
    if not enabled or verbosity().quiet or not sys.stderr.isatty():
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
