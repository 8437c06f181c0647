"""``hardcode-lint defaults``: the config defaults that keep behaviour exactly as it was."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hardcode_lint.cli.common import (
    EXIT_FAIL,
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
from hardcode_lint.errors import UsageError

if TYPE_CHECKING:
    from hardcode_lint.api import Analysis
    from hardcode_lint.defaults.values import Default

FORMATS = ("toml", "json", "yaml", "python", "rust")  # defaults.files, defaults.modules
MODULES = ("python", "rust")


@click.command("defaults")
@paths_argument
@config_option
@click.option("--write", "write_to", type=click.Path(path_type=Path, dir_okay=False),
              help="Merge into FILE (TOML or JSON), keeping its comments.")  # fmt: skip
@click.option("--format", "output_format", type=click.Choice(FORMATS),
              help="Output format [default: from the file's suffix, else toml]; python and "
                   "rust write the settings module the rules' `replace` reads.")  # fmt: skip
@click.option("--output", "-o", "module_file", type=click.Path(path_type=Path, dir_okay=False),
              help="With --format python|rust: write the settings module to FILE (replacing "
                   "only a file that is itself generated settings).")  # fmt: skip
@jobs_option
@cache_option
@verbosity_options
@user_errors
def defaults_command(
    paths: tuple[Path, ...],
    config_file: Path | None,
    write_to: Path | None,
    output_format: str | None,
    module_file: Path | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Show or write every rule key with the value of the literal it replaces, nested by
    dotted key, units in the key's name or an inline comment.

    Exits 1 without writing when a key already in the file (--write FILE, else the configured
    defaults-file) holds a different value: changing it would change behaviour.
    """
    from hardcode_lint.defaults.files import Conflict, format_for, merge, render
    from hardcode_lint.defaults.values import rule_defaults

    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    analysis = run_analysis(path_list, config, jobs=jobs, use_cache=not no_cache,
                            progress=write_to is not None or module_file is not None)  # fmt: skip
    defaults = rule_defaults(analysis)
    if output_format in MODULES:
        _settings_module(analysis, defaults, output_format, module_file)
        return
    problems = _problems(defaults)
    target = write_to or (config.root / config.defaults_file if config.defaults_file else None)
    target_format = format_for(target, output_format if write_to else None)
    existing = _read_text(target) if target is not None and target.exists() else None
    conflicts: list[Conflict] = []
    if existing is None:
        text = render(defaults, target_format)
    else:
        text, conflicts = merge(existing, defaults, target_format)
    for conflict in conflicts:
        say(f"error: {target}: {conflict}", err=True)
    if conflicts or problems:
        sys.exit(EXIT_FAIL)
    if write_to is None:
        click.echo(render(defaults, format_for(None, output_format)), nl=False)
        return
    _write(write_to, existing, text)
    inform(f"wrote {len(defaults)} default(s) to {write_to}")


def _problems(defaults: list[Default]) -> list[Default]:
    """Say which keys' sites disagree (errors: they are returned) and which migrated keys
    have no value to record (notes, silent under ``-q``)."""
    problems = [d for d in defaults if d.conflict]
    for default in problems:
        values = ", ".join(map(str, default.conflict))
        say(f"error: {default.key}: its sites hold different literals ({values})", err=True)
    for default in defaults:
        if default.value is None:
            inform(f"note: {default.key}: migrated and its rule gives no `value`; "
                   "add one to record the default")  # fmt: skip
    return problems


def _settings_module(analysis: Analysis, defaults: list[Default], fmt: str,
                     path: Path | None) -> None:  # fmt: skip
    """Print or write the settings module whose object the rules' ``replace`` names."""
    from hardcode_lint.defaults.modules import python_module, rust_module, settings_root
    from hardcode_lint.parse.source import is_generated

    root = settings_root(r.replace for r in analysis.rules.rules if r.replace != r.key)
    text = (python_module if fmt == "python" else rust_module)(defaults, root)
    if path is None:
        click.echo(text, nl=False)
        return
    existing = _read_text(path) if path.exists() else None
    if existing is not None and not is_generated(existing):
        raise UsageError(f"{path}: exists and is not generated settings; not overwritten")
    _write(path, existing, text)
    inform(f"wrote {len(defaults)} default(s) to {path} (`{root}`)")


def _write(path: Path, existing: str | None, text: str) -> None:
    """Create ``path``, or replace it if it still holds ``existing`` (atomically, both)."""
    from hardcode_lint.atomic import WriteRefused, replace_checked, replace_file

    try:
        if existing is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(path, text.encode("utf-8"))
        elif text != existing:
            replace_checked(path, existing.encode("utf-8"), text.encode("utf-8"))
    except (OSError, WriteRefused) as exc:
        raise UsageError(f"{path}: not written: {exc}") from None


def _read_text(path: Path) -> str:
    """The file's text with its line endings as they are (CRLF stays CRLF)."""
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read: {exc}") from None
