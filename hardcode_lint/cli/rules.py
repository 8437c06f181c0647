"""``hardcode-lint rules validate|list|suggest``: working with rule files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hardcode_lint.cli.common import (
    EXIT_USAGE,
    cache_option,
    config_option,
    jobs_option,
    open_output,
    paths_argument,
    project_config,
    say,
    user_errors,
)
from hardcode_lint.textsafe import json_text

if TYPE_CHECKING:
    from hardcode_lint.config import Config
    from hardcode_lint.rules.load import Problem, RuleSet


@click.group("rules")
def rules_group() -> None:
    """Validate, list and suggest rule files (see the README's rule-authoring guide)."""


@rules_group.command("validate")
@paths_argument
@config_option
@user_errors
def validate_command(paths: tuple[Path, ...], config_file: Path | None) -> None:
    """Check every rule file; print each problem as FILE:LINE: message.

    Exits 0 when every rule file is valid, 2 when any problem is found.
    """
    from hardcode_lint.rules.load import load_rules

    config = project_config(list(paths) or [Path(".")], config_file)
    rules = load_rules(config.root, config.rules, explicit="rules" in config.explicit)
    rules.problems += _unmatched_paths(config, rules)
    for problem in rules.problems:
        say(str(problem))
    if rules.problems:
        say(f"{len(rules.problems)} problem(s) in rule files", err=True)
        sys.exit(EXIT_USAGE)
    say(f"{len(rules.rules)} rule(s) in {len(rules.files)} file(s): all valid")


def _unmatched_paths(config: Config, rules: RuleSet) -> list[Problem]:
    """A rule whose ``path`` matches no file of the project can never match anything."""
    from hardcode_lint.api import tasks_for
    from hardcode_lint.discover.globs import compile_globs
    from hardcode_lint.rules.load import Problem

    files = [task.rel for task in tasks_for([config.root], config)]
    problems = []
    for rule in rules.rules:
        if rule.path is not None and not any(map(compile_globs([rule.path]).match_file, files)):
            problems.append(Problem(rule.file, rule.line, f"`path` {rule.path!r} matches no file"))
    return problems


@rules_group.command("list")
@paths_argument
@config_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")  # fmt: skip
@user_errors
def list_command(paths: tuple[Path, ...], config_file: Path | None, output_format: str) -> None:
    """List the rules: module, id, what they match and the config key they map to."""
    from hardcode_lint.api import load_project_rules

    config = project_config(list(paths) or [Path(".")], config_file)
    rules = load_project_rules(config)
    if output_format == "json":
        data = [
            {"id": r.id, "module": r.module, "file": r.file, "line": r.line, "path": r.path,
             "scope": r.scope, "api": r.api, "arg": r.arg, "value": r.value,
             "kind": r.kind.value if r.kind else None, "count": r.count if r.count else "*",
             "key": r.key, "replace": r.replace, "imports": list(r.imports)}
            for r in rules.rules
        ]  # fmt: skip
        click.echo(json_text(data))
        return
    for rule in rules.rules:
        where = " ".join(
            f"{name}={value!r}"
            for name, value in (("path", rule.path), ("scope", rule.scope), ("api", rule.api),
                                ("arg", rule.arg), ("value", rule.value))
            if value is not None
        )  # fmt: skip
        say(f"{rule.module}\t{rule.id}\t{where}\t-> {rule.key}")


@rules_group.command("suggest")
@paths_argument
@config_option
@click.option("--output", "-o", "output_arg", type=click.Path(path_type=str),
              help="Write the stubs to FILE, or to one file per folder if it is a directory "
                   "(ends with / or exists).")  # fmt: skip
@jobs_option
@cache_option
@user_errors
def suggest_command(
    paths: tuple[Path, ...],
    config_file: Path | None,
    output_arg: str | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Write rule stubs for the unmapped findings under PATHS, grouped into modules by folder.

    Each stub proposes a config key from the finding's context (enclosing function, assigned
    name, keyword, unit); the output passes `rules validate` unedited.  Existing rule files
    are never overwritten.
    """
    from hardcode_lint.api import analyze
    from hardcode_lint.errors import UsageError
    from hardcode_lint.rules.suggest import suggest_files, suggest_rules

    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    analysis = analyze(path_list, config, jobs=jobs, use_cache=not no_cache)
    taken_ids = {r.id for r in analysis.rules.rules}
    taken_keys = {r.key for r in analysis.rules.rules}
    unmapped = analysis.matching.unmapped
    output = Path(output_arg) if output_arg is not None else None
    as_folder = output_arg is not None and output_arg.endswith(("/", "\\"))
    if output is not None and (output.is_dir() or as_folder):
        files = suggest_files(unmapped, taken_ids, taken_keys)
        clashes = [name for name in files if (output / name).exists()]
        if clashes:
            raise UsageError(f"{output / clashes[0]}: already exists; not overwritten")
        output.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            _write_rules(output / name, text)
        return
    if output is not None and output.exists():
        raise UsageError(f"{output}: already exists; not overwritten")
    text = suggest_rules(unmapped, taken_ids, taken_keys)
    if output is not None:
        _write_rules(output, text)
        return
    with open_output(None) as stream:
        stream.write(text)


def _write_rules(path: Path, text: str) -> None:
    """Write a rule file, re-read it, and say it is written only if it reads back whole."""
    import tomllib

    from hardcode_lint.atomic import WriteRefused, write_new
    from hardcode_lint.errors import UsageError

    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # a bug of ours: never leave a broken file behind
        raise UsageError(f"{path}: not written: the suggested rules do not parse ({exc})") from None
    try:
        write_new(path, text.encode("utf-8"))
    except WriteRefused as exc:
        raise UsageError(f"{path}: not written: {exc}") from None
    if tomllib.loads(path.read_text("utf-8")) != tomllib.loads(text):
        raise UsageError(f"{path}: written, but it does not read back as written")
    say(f"wrote {path}", err=True)
