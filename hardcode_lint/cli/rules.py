"""``hardcode-lint rules validate|list|suggest``: working with rule files."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hardcode_lint.cli.common import (
    EXIT_USAGE,
    SummaryGroup,
    cache_option,
    config_option,
    inform,
    jobs_option,
    open_output,
    paths_argument,
    project_config,
    run_analysis,
    say,
    user_errors,
    verbosity_options,
)
from hardcode_lint.textsafe import json_text

if TYPE_CHECKING:
    from hardcode_lint.api import Analysis
    from hardcode_lint.config import Config
    from hardcode_lint.model import Finding
    from hardcode_lint.rules.load import Problem, RuleSet
    from hardcode_lint.rules.suggest import Defaults, DefaultsFor


@click.group("rules", cls=SummaryGroup)
@verbosity_options
def rules_group() -> None:
    """Validate, list and suggest rule files (see the README's rule-authoring guide)."""


@rules_group.command("validate")
@paths_argument
@config_option
@verbosity_options
@user_errors
def validate_command(paths: tuple[Path, ...], config_file: Path | None) -> None:
    """Check every rule file; print each problem as FILE:LINE: message.

    Exits 0 when every rule file is valid, 2 when any problem is found.
    """
    from hardcode_lint.rules.load import clash_problems, load_rules

    config = project_config(list(paths) or [Path(".")], config_file)
    rules = load_rules(config.root, config.rules, explicit="rules" in config.explicit)
    rules.problems += _unmatched_paths(config, rules) + clash_problems(rules)
    for problem in rules.problems:
        say(str(problem))
    if rules.problems:
        inform(f"{len(rules.problems)} problem(s) in rule files")
        sys.exit(EXIT_USAGE)
    keeps = f", {len(rules.keeps)} kept" if rules.keeps else ""
    inform(f"{len(rules.rules)} rule(s){keeps} in {len(rules.files)} file(s): all valid",
           err=False)  # fmt: skip


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
@verbosity_options
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
              help="Write the stubs to FILE, or into the rules folder DIR/ (ends with / or "
                   "exists): new files per module (P1 production, P3 tests), or appended to "
                   "the module file whose `paths` claim the site.")  # fmt: skip
@click.option(
    "--replace",
    "template",
    metavar="TEMPLATE",
    help='The [module] `replace` of new files, e.g. "settings.{key}" [default: each '
    "site's generated settings module, as its language reads a key there, with its import "
    "(`hardcode-lint defaults --help`)].",
)
@click.option("--import", "imports", multiple=True, metavar="LINE",
              help="An import the template needs (repeatable), e.g. "
                   '"from app.settings import settings".')  # fmt: skip
@click.option("--dry-run", is_flag=True, help="Print what would be added; write nothing.")
@jobs_option
@cache_option
@verbosity_options
@user_errors
def suggest_command(
    paths: tuple[Path, ...],
    config_file: Path | None,
    output_arg: str | None,
    template: str | None,
    imports: tuple[str, ...],
    dry_run: bool,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Write rule stubs for the unmapped findings under PATHS, one module per project module.

    Identical sites become one rule with `count`; each stub proposes a config key from the
    file's dotted name and what the code calls the value (binding, field, keyword, builder
    method; else the enclosing function and call), with its unit.
    The output passes `rules validate` and `check` unedited.  Into an existing rules folder it
    adds only what no rule covers, appending to the module files (their comments kept); no
    file is overwritten.
    """
    from dataclasses import replace

    from hardcode_lint.rules.suggest import Defaults, suggest_rules

    path_list = list(paths) or [Path(".")]
    config = project_config(path_list, config_file)
    # a configured rule file that does not exist yet is where this command may write it
    config = replace(config, explicit=config.explicit - {"rules"})
    analysis = run_analysis(path_list, config, jobs=jobs, use_cache=not no_cache,
                            progress=output_arg is not None and not dry_run)  # fmt: skip
    taken_ids = {r.id for r in analysis.rules.rules}
    taken_keys = {r.key for r in analysis.rules.rules}
    unmapped, defaults = analysis.matching.unmapped, Defaults(template, imports)
    sites = _Sites(analysis, template)
    output = Path(output_arg) if output_arg is not None else None
    as_folder = output_arg is not None and output_arg.endswith(("/", "\\"))
    if output is None or not (output.is_dir() or as_folder):
        text = suggest_rules(unmapped, taken_ids, taken_keys, defaults, sites.defaults_for,
                             sites.steps, sites.module_of)  # fmt: skip
        if output is None or dry_run:
            with open_output(None) as stream:
                stream.write(text)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            _write_rules(output, None, text)
        return
    _suggest_into(output, analysis, defaults, dry_run, sites)


class _Sites:
    """What the front ends say about the unmapped sites: each file's settings target (the
    default template and imports, the crate or package), module and constructs around each
    site."""

    def __init__(self, analysis: Analysis, template: str | None) -> None:
        from hardcode_lint.defaults.targets import settings_targets
        from hardcode_lint.rules.suggest.sites import modules_by_target, site_steps

        unmapped = analysis.matching.unmapped
        self.targets = settings_targets(analysis.config, sorted({f.path for f in unmapped}))
        self.steps = site_steps(analysis.config.root, unmapped)
        self.module_of = modules_by_target(self.targets)
        self.defaults_for: DefaultsFor | None = self._defaults if template is None else None

    def _defaults(self, finding: Finding) -> Defaults:
        from hardcode_lint.rules.suggest import Defaults

        target = self.targets.get(finding.path)
        return Defaults(target.template, target.imports) if target else Defaults()


def _templated(files: Iterable[str]) -> set[str]:
    """The rule files whose ``[module]`` gives a ``replace`` template of their own."""
    import tomllib

    found = set()
    for file in files:
        try:
            module = tomllib.loads(Path(file).read_text("utf-8")).get("module", {})
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if isinstance(module, dict) and isinstance(module.get("replace"), str):
            found.add(file)
    return found


def _suggest_into(output: Path, analysis: Analysis, defaults: Defaults, dry_run: bool,
                  sites: _Sites) -> None:  # fmt: skip
    """Stubs into a rules folder: appended to the module file claiming a site, else new files."""
    from hardcode_lint.discover.globs import compile_globs
    from hardcode_lint.rules.suggest import suggest_files

    root, rules = analysis.config.root, analysis.rules
    taken_ids, taken_keys = {r.id for r in rules.rules}, {r.key for r in rules.rules}
    home = output.resolve()
    inside = [
        m for m in rules.modules if m.paths and (root / m.file).resolve().is_relative_to(home)
    ]
    claims = {str(root / m.file): compile_globs(m.paths) for m in inside}
    present = {p.name: str(p) for p in output.glob("*.toml")} if output.is_dir() else {}
    found = suggest_files(analysis.matching.unmapped, taken_ids, taken_keys, defaults, claims,
                          sites.defaults_for, _templated([*claims, *present.values()]),
                          sites.steps, sites.module_of, present)  # fmt: skip
    for name, (new, text) in found.items():
        target = Path(name) if not new else output / name
        if dry_run:
            say(f"# {'new' if new and not target.exists() else 'append to'} {target}")
            say(text)
            continue
        output.mkdir(parents=True, exist_ok=True)
        _write_rules(target, target.read_bytes() if target.exists() else None, text)


def _write_rules(path: Path, existing: bytes | None, text: str) -> None:
    """Create ``path``, or append ``text`` to it; re-read it, and say it is written only if it
    reads back whole (and, appended to, still holds everything it held)."""
    import tomllib

    from hardcode_lint.atomic import WriteRefused, replace_checked, write_new
    from hardcode_lint.errors import UsageError

    before = existing.decode("utf-8", errors="replace") if existing is not None else ""
    whole = before.rstrip("\n") + ("\n" if before else "") + text if existing else text
    try:
        tomllib.loads(whole)
    except tomllib.TOMLDecodeError as exc:  # a bug of ours: never leave a broken file behind
        raise UsageError(f"{path}: not written: the suggested rules do not parse ({exc})") from None
    try:
        if existing is None:
            write_new(path, whole.encode("utf-8"))
        else:
            replace_checked(path, existing, whole.encode("utf-8"))
    except WriteRefused as exc:
        raise UsageError(f"{path}: not written: {exc}") from None
    if tomllib.loads(path.read_text("utf-8")) != tomllib.loads(whole):
        raise UsageError(f"{path}: written, but it does not read back as written")
    inform(f"{'appended to' if existing else 'wrote'} {path}")
