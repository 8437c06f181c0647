"""The public Python API: ``scan(paths)`` returns typed findings.

The CLI is a thin layer over this, and so are the report, fix and check commands: one engine,
walked once per run.  Example::

    from hardcode_lint import scan
    result = scan(["src"])
    for finding in result.findings:
        print(finding.path, finding.line, finding.kind, finding.value)
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from hardcode_lint.config import DEFAULT_LANGUAGE, Config, find_root, load_config
from hardcode_lint.discover.files import FileKinds, discover, relative
from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.engine import FileTask, Settings
from hardcode_lint.errors import UsageError
from hardcode_lint.lang import frontend, language_of, names
from hardcode_lint.model import FileResult, Finding, Replacement, Rule, ScanResult
from hardcode_lint.runner import Progress, run_files

if TYPE_CHECKING:
    from hardcode_lint.rules.load import RuleSet
    from hardcode_lint.rules.match import Matching
    from hardcode_lint.shard import Shard


def settings_for(
    config: Config,
    *,
    prefilter: bool = True,
    replacements: Iterable[tuple[str, str]] = (),
    zero_rules: bool | None = None,
) -> Settings:
    """The detection settings of ``config``; ``replacements`` are (language, expression).

    Zero literals are kept when the user includes them, or when a rule may claim one
    (``zero_rules``, see :func:`claims_zero`; unsaid: when there are rules at all): a rule
    written with ``value = 0`` matches its zeros whatever the setting, and
    :func:`.rules.match.match_rules` drops the zeros no rule claims.  Without them, a front
    end's pre-filter passes over files whose only candidates are zeros."""
    replacements = tuple(sorted(set(replacements)))
    claimed = bool(replacements) if zero_rules is None else zero_rules
    catalogs = tuple(
        (language, json.dumps(config.catalog_for(language), sort_keys=True))
        for language in config.languages
    )
    return Settings(
        select=config.select,
        ignore=config.ignore,
        prefilter=prefilter,
        catalogs=catalogs,
        replacements=replacements,
        zeros=config.include_zero or claimed,
        per_file_ignores=config.per_file_ignores,
    )


def claims_zero(rules: RuleSet) -> bool:
    """Whether a rule or keep may claim a zero literal: one written with ``value = 0``, or
    one with no ``value`` (it takes any literal at its site)."""
    return any(rule.value is None or rule.value == 0 for rule in (*rules.rules, *rules.keeps))


def rule_settings(config: Config, rules: RuleSet, *, prefilter: bool = True) -> Settings:
    """The detection settings of a run with ``rules``: their replacements watched (migrated
    sites), zeros kept where one of them may claim a zero."""
    replacements = rule_replacements(rules.rules, config.languages)
    return settings_for(config, prefilter=prefilter, replacements=replacements,
                        zero_rules=claims_zero(rules))  # fmt: skip


def rule_replacements(rules: Iterable[Rule], languages: Iterable[str]) -> list[tuple[str, str]]:
    """(language, replace expression) for every rule: a rule of no language watches all."""
    languages = tuple(languages)
    return [
        (lang, r.replace) for r in rules for lang in ((r.language,) if r.language else languages)
    ]


def resolve_config(paths: Sequence[str | Path], config_file: str | Path | None = None) -> Config:
    """The configuration a run over ``paths`` uses (root from the first PATH, contract §3)."""
    first = Path(paths[0]) if paths else Path(".")
    root = find_root(first if first.exists() else Path("."))
    return load_config(root, Path(config_file) if config_file is not None else None)


def file_kinds(languages: Iterable[str], others: bool = False) -> FileKinds:
    """The extensions and skipped folders of ``languages``, for discovery; ``others``: the
    other known languages' extensions too, to count what a run passes over."""
    fronts = [frontend(name) for name in languages]
    extensions = tuple(e for f in fronts for e in f.extensions)
    rest = [frontend(n) for n in names() if n not in languages] if others else []
    return FileKinds(
        extensions=extensions,
        skip_dirs=frozenset().union(*(f.skip_dirs for f in fronts)),
        others=tuple(e for f in rest for e in f.extensions if e not in extensions),
    )


def tasks_for(
    paths: Sequence[str | Path], config: Config, passed: list[Path] | None = None
) -> list[FileTask]:
    """A task per file to scan; ``passed`` (when given) gets the files of languages that are
    known but not enabled."""
    kinds = file_kinds(config.languages, others=passed is not None)
    roots = [Path(p) for p in paths] or [Path(".")]
    files = discover(roots, config.root, config.exclude, kinds, passed)
    tests = compile_globs(config.test_paths)
    tasks = []
    for path in files:
        rel = relative(path, config.root)
        # a file named on the command line in a language the project does not enable is read
        # in its own language (parsing `x.js` as Python only ever reported a syntax error)
        language = language_of(path.name, config.languages) or language_of(path.name) or (
            DEFAULT_LANGUAGE)  # fmt: skip
        tasks.append(FileTask(path=path, rel=rel, test=tests.match_file(rel), language=language))
    return tasks


def scan(
    paths: Iterable[str | Path] = (".",),
    config: Config | None = None,
    *,
    jobs: int | None = None,
    prefilter: bool = True,
    progress: Progress | None = None,
    replacements: Iterable[tuple[str, str]] = (),
    use_cache: bool = True,
    shard: Shard | None = None,
    zero_rules: bool | None = None,
) -> ScanResult:
    """Find every hardcoded duration, clamp bound and limit under ``paths``.

    ``config`` defaults to the one found from the first path.  ``jobs`` is the number of worker
    processes (default: the CPU count).  ``replacements`` are rule ``replace`` expressions to
    look for (migrated sites), as (language, expression).  ``use_cache`` reads and fills
    ``.hardcode-lint-cache/``.  ``shard``: only the files that shard holds (contract section 7).
    Raises :class:`~hardcode_lint.errors.UsageError` for a missing path or a bad configuration;
    unreadable or unparsable files go to ``errors``.
    """
    path_list = list(paths) or ["."]
    config = config or resolve_config(path_list)
    settings = settings_for(config, prefilter=prefilter, replacements=replacements,
                            zero_rules=zero_rules)  # fmt: skip
    passed: list[Path] | None = None if "languages" in config.explicit else []
    tasks = tasks_for(path_list, config, passed)
    if shard is not None:
        tasks = [task for task in tasks if shard.holds(task.rel)]
    result = ScanResult(root=config.root, files=len(tasks), scanned=[t.rel for t in tasks])
    result.passed_over = dict(Counter(language_of(p.name) or "" for p in passed or ()))
    files = run_files(tasks, settings, config.root, jobs=jobs, use_cache=use_cache,
                      progress=progress)  # fmt: skip
    tests = declared_test_files(files)
    for file_result in files:
        marked = file_result.path in tests
        result.findings.extend(_as_test(f) if marked else f for f in file_result.findings)
        result.replacements.extend(_as_test(r) if marked else r for r in file_result.replacements)
        result.kept.extend(_as_test(f) if marked else f for f in file_result.kept)
        if file_result.error is not None:
            result.errors.append(file_result.error)
    return result


Site = TypeVar("Site", Finding, Replacement)


def _as_test(site: Site) -> Site:
    return site if site.test else dataclasses.replace(site, test=True)


def declared_test_files(files: Iterable[FileResult]) -> set[str]:
    """Files that other files declare as test code (``#[cfg(test)] mod support;``), and the
    files those declare in turn."""
    declared = {f.path: f.modules for f in files}
    tests = {path for modules in declared.values() for path, test in modules if test}
    todo = list(tests)
    while todo:
        for path, _ in declared.get(todo.pop(), ()):
            if path not in tests:
                tests.add(path)
                todo.append(path)
    return tests


@dataclass
class Analysis:
    """A scan with the project's rules applied: what every command after ``scan`` needs."""

    config: Config
    scan: ScanResult
    rules: RuleSet
    matching: Matching


def load_project_rules(config: Config) -> RuleSet:
    """The project's rules; invalid rule files are a usage error listing every problem."""
    from hardcode_lint.rules.load import load_rules

    rules = load_rules(config.root, config.rules, explicit="rules" in config.explicit)
    if rules.problems:
        listing = "\n".join(str(p) for p in rules.problems)
        from hardcode_lint.hints import command

        validate = command(config, "rules", "validate")
        raise UsageError(f"invalid rule files (run `{validate}`):\n{listing}")
    return rules


def analyze(
    paths: Iterable[str | Path] = (".",),
    config: Config | None = None,
    *,
    jobs: int | None = None,
    prefilter: bool = True,
    progress: Progress | None = None,
    use_cache: bool = True,
    shard: Shard | None = None,
) -> Analysis:
    """Scan ``paths`` and match the findings and migrated sites to the project's rules."""
    from hardcode_lint.rules.keep import match_project

    path_list = list(paths) or ["."]
    config = config or resolve_config(path_list)
    rules = load_project_rules(config)
    result = scan(
        path_list,
        config,
        jobs=jobs,
        prefilter=prefilter,
        progress=progress,
        replacements=rule_replacements(rules.rules, config.languages),
        use_cache=use_cache,
        shard=shard,
        zero_rules=claims_zero(rules),
    )
    matching = match_project(rules, result.findings, result.replacements, result.kept,
                             include_zero=config.include_zero)  # fmt: skip
    result.findings = matching.findings
    result.kept = matching.kept
    result.fixes = {rule.id: rule.replace for rule in rules.rules}
    return Analysis(config=config, scan=result, rules=rules, matching=matching)


def stale_reason(analysis: Analysis, rule: Rule) -> str:
    """Why a stale rule may find nothing that is not the code's doing, or "" (the code moved).

    ``ignore = ["HCL"]`` or a ``path`` that matches no scanned file make every rule stale with
    no finding to show for it; the gate and ``fix`` say so instead of leaving the user guessing.
    """
    from hardcode_lint.detect.codes import CODES, selected

    config = analysis.config
    kinds = [rule.kind] if rule.kind is not None else [k for k, _ in CODES]
    codes = sorted({c.code for (k, _), c in CODES.items() if k in kinds})
    if not any(selected(code, config.select, config.ignore) for code in codes):
        return f"its codes ({', '.join(codes)}) are turned off by `select`/`ignore`"
    if rule.path is not None:
        globs = compile_globs([rule.path])
        if not any(globs.match_file(path) for path in analysis.scan.scanned):
            return f"its `path` {rule.path!r} matches no file that was scanned"
    return ""
