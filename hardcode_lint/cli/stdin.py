"""``scan -``: the source on standard input, as editors and ``pre-commit``-like tools pipe it.

As ruff: ``--stdin-filename PATH`` says where the text would live, and so its language (by
extension), its settings (found from its folder), its root-relative path in the output and
whether it is test code; the file need not exist.  Without it the path is ``-`` and the
language the default one (the catalog's top-level language).  A name the configuration
excludes, or of a language not scanned, gives no findings, as it would in a scan of the tree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hardcode_lint.api import Analysis, load_project_rules, rule_settings
from hardcode_lint.config import DEFAULT_LANGUAGE, Config
from hardcode_lint.discover.files import relative
from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.engine import FileTask, analyze_data
from hardcode_lint.lang import language_of
from hardcode_lint.model import ScanResult
from hardcode_lint.rules.match import match_rules

STDIN = "-"


def config_start(filename: Path | None) -> Path:
    """Where the settings of the piped text are looked for: its folder, as far as it exists."""
    if filename is None:
        return Path(".")
    start = filename.absolute()
    while not start.exists() and start != start.parent:
        start = start.parent
    return start


def _task(config: Config, filename: Path | None) -> FileTask | None:
    """The piped text as a file of the project; None when a scan would not look at it."""
    if filename is None:
        language: str | None = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in config.languages else None
        path, rel = Path.cwd() / STDIN, STDIN
    else:
        path = filename.absolute()
        language, rel = language_of(path.name, config.languages), relative(path, config.root)
        if compile_globs(config.exclude).match_file(rel):
            return None
    if language is None:
        return None
    test = compile_globs(config.test_paths).match_file(rel)
    return FileTask(path=path, rel=rel, test=test, language=language)


def stdin_analysis(config: Config, filename: Path | None, prefilter: bool = True) -> Analysis:
    """The analysis of standard input's bytes as the file ``filename`` (see the module)."""
    data = sys.stdin.buffer.read()
    rules = load_project_rules(config)
    result = ScanResult(root=config.root)
    task = _task(config, filename)
    if task is not None:
        settings = rule_settings(config, rules, prefilter=prefilter)
        found = analyze_data(task, data, settings)
        result.files, result.scanned = 1, [task.rel]
        result.findings, result.replacements = list(found.findings), list(found.replacements)
        result.errors = [found.error] if found.error is not None else []
    matching = match_rules(rules.rules, result.findings, result.replacements,
                           include_zero=config.include_zero)  # fmt: skip
    result.findings = matching.findings
    result.fixes = {rule.id: rule.replace for rule in rules.rules}
    return Analysis(config=config, scan=result, rules=rules, matching=matching)
