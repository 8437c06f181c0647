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
from hardcode_lint.defaults.modules import PREFIX_SYNTAX
from hardcode_lint.errors import UsageError
from hardcode_lint.lang import language_of, names
from hardcode_lint.parse.source import is_generated

if TYPE_CHECKING:
    from hardcode_lint.config import Config
    from hardcode_lint.defaults.values import Default

FILE_FORMATS = ("toml", "json", "yaml")  # defaults.files; every language: defaults.modules


@click.command("defaults")
@paths_argument
@config_option
@click.option("--write", "write_to", type=click.Path(path_type=Path, dir_okay=False),
              help="Merge into FILE (TOML or JSON), keeping its comments.")  # fmt: skip
@click.option("--format", "output_format", type=click.Choice((*FILE_FORMATS, *names())),
              help="Output format [default: from the file's suffix, else toml]; a language "
                   "writes the settings module the rules' `replace` reads.")  # fmt: skip
@click.option("--output", "-o", "module_file", type=click.Path(path_type=Path, dir_okay=False),
              help="With --format LANG: write the settings module to FILE. At a package's or "
                   "crate's own place (where `settings-module`, else the language, puts it) it "
                   "holds that unit's keys and every "
                   "other unit's module is written too (a nested crate's); elsewhere it holds "
                   "every key of the language. Without it, each module goes where "
                   "`settings-module` (else the language's default place) puts it for the "
                   "findings' files; when no such place is known it is printed. A file that is "
                   "not itself generated settings is never replaced.")  # fmt: skip
@click.option("--env-prefix", "env_prefix", metavar="PREFIX",
              help="With --format LANG: the PREFIX of the PREFIX__KEY__PATH variables and "
                   "PREFIX_SETTINGS_FILE that override a setting at run time [default: the "
                   "existing module's, else the package or crate name upper-cased].")  # fmt: skip
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
    env_prefix: str | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Show or write every rule key with the value of the literal it replaces, nested by
    dotted key, units in the key's name or an inline comment; or (--format LANG) write the
    settings module that holds them, overridable from the environment and a settings file.

    Exits 1 without writing when two rules or sites give one key different values, or when a
    key already in the file (--write FILE, else the configured defaults-file) holds a
    different value: changing it would change behaviour.
    """
    from hardcode_lint.defaults.values import clash_lines, rule_defaults

    if env_prefix is not None and not PREFIX_SYNTAX.fullmatch(env_prefix):
        raise UsageError(f"--env-prefix {env_prefix!r}: use letters, digits and _ only")
    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    analysis = run_analysis(path_list, config, jobs=jobs, use_cache=not no_cache,
                            progress=write_to is not None or module_file is not None)  # fmt: skip
    defaults = rule_defaults(analysis)
    clashes = clash_lines(defaults)
    for line in clashes:
        say(line, err=True)
    missing = _unknown_values(defaults)
    if output_format is None and write_to is not None and language_of(write_to.name):
        output_format = language_of(write_to.name)  # a source file is a settings module, not TOML
    if output_format in names():
        if write_to is not None:
            if module_file is not None:
                raise UsageError("--write and --output name two files; give one")
            module_file, write_to = write_to, None
        if clashes or missing:
            sys.exit(EXIT_FAIL)
        _settings_modules(config, defaults, output_format, module_file, env_prefix)
        return
    _data_file(config, defaults, write_to, output_format, failed=bool(clashes or missing))


def _data_file(config: Config, defaults: list[Default], write_to: Path | None,
               output_format: str | None, failed: bool) -> None:  # fmt: skip
    """TOML/JSON/YAML: print the defaults, or merge them into ``--write FILE``; a value already
    there that differs (or in the configured defaults-file) is a conflict: exit 1, no write."""
    from hardcode_lint.defaults.files import Conflict, format_for, merge, render

    target = write_to or _data_defaults_file(config)
    if write_to is not None and language_of(write_to.name) is not None:
        raise UsageError(f"--write {write_to}: a {language_of(write_to.name)} file holds a "
                         f"settings module; write it with --format "
                         f"{language_of(write_to.name)} --output {write_to}")  # fmt: skip
    target_format = format_for(target, output_format if write_to else None)
    existing = _read_text(target) if target is not None and target.exists() else None
    conflicts: list[Conflict] = []
    if existing is None:
        text = render(defaults, target_format)
    else:
        text, conflicts = merge(existing, defaults, target_format)
    for conflict in conflicts:
        say(f"error: {target}: {conflict}", err=True)
    if conflicts or failed:
        sys.exit(EXIT_FAIL)
    if write_to is None:
        click.echo(render(defaults, format_for(None, output_format)), nl=False)
        return
    _write(write_to, existing, text)
    inform(f"wrote {len(defaults)} default(s) to {write_to}")


def _data_defaults_file(config: Config) -> Path | None:
    """The configured defaults-file when it is a data file (TOML, JSON, YAML) this command
    merges into; a settings module (``pkg/settings.py``) is ``check``'s to compare and
    ``--format LANG``'s to write, never read as TOML here."""
    if not config.defaults_file or language_of(config.defaults_file) is not None:
        return None
    return config.root / config.defaults_file


def _unknown_values(defaults: list[Default]) -> list[Default]:
    """Migrated keys whose rules give no ``value``: their default is unknown (errors)."""
    missing = [d for d in defaults if d.value is None]
    for default in missing:
        say(f"error: {default.key}: migrated and rule {default.rule.id} "
            f"({default.rule.file}:{default.rule.line}) gives no `value`; add the literal's "
            "value to record the default", err=True)  # fmt: skip
    return missing


def _settings_modules(config: Config, defaults: list[Default], language: str,
                      output: Path | None, prefix: str | None) -> None:  # fmt: skip
    """Write the settings module(s) of ``language``: each target's (``--output`` naming one of
    them, or none), else the ``--output`` module with every key; with neither a target nor
    ``--output``, print the one module that holds every key."""
    from hardcode_lint.defaults.modules import generate, plan_output, plan_targets

    plans = plan_targets(config, language, defaults, prefix)
    if output is not None:
        chosen = plan_output(config, language, defaults, output, prefix)
        # --output at a target's own place (`src/settings.rs`) writes the other targets too
        # (a nested crate's `examples/x/src/settings.rs`): their rules read them
        if chosen.module not in {plan.module for plan in plans}:
            plans = [chosen]
    if not plans:
        inform(f"note: no {language} file has a finding, so no settings module has a place; "
               "printing it (name its file with --output)")  # fmt: skip
        stdout = plan_output(config, language, defaults, Path("FILE"), prefix)
        click.echo(generate(config, language, stdout).text, nl=False)
        return
    generated = [(plan, generate(config, language, plan)) for plan in plans]
    for plan, _ in generated:
        if plan.existing is not None and not is_generated(plan.existing):
            raise UsageError(f"{plan.module}: exists and is not generated settings "
                             "(its first line lacks the marker); not overwritten")  # fmt: skip
    for plan, module in generated:
        _write(plan.path, plan.existing, module.text)
        for path, before, after in module.edits:
            _write(config.root / path, before, after)
        for note in module.notes:
            inform(f"note: {note}")
        inform(f"wrote {len(plan.request.values)} setting(s) to {plan.module} "
               f"(env prefix {plan.request.env_prefix})")  # fmt: skip


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
