"""One project as the server holds it: settings and rules loaded once, the whole tree analysed
in the background.

A *snapshot* is what every buffer analysis needs and changes only when a settings or rule file
does: the configuration, the rules (with their problems, which the server shows on the rule
files rather than refusing to start), the detection settings ``scan`` would use, and the
baseline.  The *view* is a whole-project :func:`api.analyze`, run off the editor's path: it
gives the hover its module progress and tells a buffer how many sites each rule has in the
other files (a rule matching more than its ``count`` is ambiguous, and ``fix`` leaves it alone).
Both are replaced whole, never mutated, so readers in other threads need no lock.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hardcode_lint.api import Analysis, claims_zero, rule_replacements, rule_settings, scan
from hardcode_lint.config import (
    CARGO_FILE,
    CONFIG_FILES,
    Config,
    load_config,
    override,
    settings_file,
)
from hardcode_lint.discover.files import relative
from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.engine import Settings
from hardcode_lint.errors import UsageError
from hardcode_lint.gate.baseline import Baseline, read_baseline
from hardcode_lint.model import ScanResult
from hardcode_lint.report.progress import Tally, build_report
from hardcode_lint.rules.keep import match_project
from hardcode_lint.rules.load import Problem, RuleSet, load_rules
from hardcode_lint.rules.match import Matching


def project_root(path: Path, folders: list[Path]) -> Path:
    """The root ``scan`` would use for ``path`` (the nearest folder holding a settings file);
    else the innermost workspace folder holding it; else its own folder."""
    folder = path.parent
    for candidate in (folder, *folder.parents):
        try:
            if settings_file(candidate) is not None:
                return candidate
        except UsageError:  # a broken settings file still marks its root
            return candidate
    holding = [f for f in folders if f == folder or f in folder.parents]
    return max(holding, key=lambda f: len(f.parts)) if holding else folder


def _line_of(message: str) -> int:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else 1


@dataclass(frozen=True)
class Snapshot:
    """What analysing a buffer needs; ``problems`` are settings and rule-file problems."""

    config: Config
    rules: RuleSet
    settings: Settings
    baseline: Baseline | None  # None: the project has no baseline file
    problems: tuple[Problem, ...] = ()
    excluded: Any = None  # the compiled ``exclude`` globs
    tests: Any = None  # the compiled ``test-paths`` globs

    def source_problems(self) -> list[Problem]:
        return list(self.problems) + list(self.rules.problems)


def _configured(root: Path, options: dict[str, tuple[str, ...]]) -> tuple[Config, list[Problem]]:
    """The project's settings with the editor's on top; a bad setting falls back to the
    defaults and becomes a problem on the settings file, so the editor shows where to fix it."""
    names = (*CONFIG_FILES, CARGO_FILE)
    source = next((root / n for n in names if (root / n).is_file()), root)
    try:
        config = load_config(root)
    except UsageError as exc:
        message = str(exc).removeprefix(f"{source}: ")
        return Config(root=root), [Problem(relative(source, root), _line_of(message), message)]
    flags = {"language" if k == "languages" else k: v for k, v in options.items()}
    try:
        return override(config, **flags), []
    except UsageError as exc:  # e.g. a code prefix that names no code
        message = f"the editor's hardcode-lint settings: {exc}"
        return config, [Problem(relative(source, root), 1, message)]


def load_snapshot(
    root: Path,
    options: dict[str, tuple[str, ...]] | None = None,
    texts: dict[Path, str] | None = None,
) -> Snapshot:
    """The project's snapshot, with the editor's settings (``options``) and its unsaved
    rule-file buffers (``texts``) in place of the disk's copies."""
    config, problems = _configured(root, options or {})
    try:
        rules = load_rules(root, config.rules, "rules" in config.explicit, texts)
    except UsageError as exc:
        rules = RuleSet()
        where = relative(config.source, root) if config.source else "."
        problems.append(Problem(where, 1, str(exc)))
    baseline = None
    baseline_path = root / config.baseline
    if baseline_path.is_file():
        try:
            baseline = read_baseline(baseline_path)
        except UsageError as exc:
            problems.append(Problem(config.baseline, 1, str(exc)))
    return Snapshot(
        config=config,
        rules=rules,
        settings=rule_settings(config, rules),
        baseline=baseline,
        problems=tuple(problems),
        excluded=compile_globs(config.exclude),
        tests=compile_globs(config.test_paths),
    )


@dataclass(frozen=True)
class View:
    """A whole-project analysis: module tallies and each rule's sites, by file."""

    analysis: Analysis
    modules: dict[str, Tally] = field(default_factory=dict)
    sites: dict[str, Counter[str]] = field(default_factory=dict)  # rule id -> path -> count

    def sites_elsewhere(self, rule_id: str, path: str) -> int:
        counts = self.sites.get(rule_id, Counter())
        return sum(counts.values()) - counts[path]


def build_view(analysis: Analysis) -> View:
    report = build_report(analysis)
    sites: dict[str, Counter[str]] = {}
    for outcome in analysis.matching.outcomes:
        paths = [f.path for f in outcome.findings] + [r.path for r in outcome.replacements]
        sites[outcome.rule.id] = Counter(paths)
    modules = {entry.module.name: entry.tally for entry in report.modules}
    return View(analysis, modules, sites)


class Project:
    """One root's snapshot and view; :meth:`refresh` runs in a background thread."""

    def __init__(self, root: Path, options: dict[str, tuple[str, ...]] | None = None) -> None:
        self.root = root
        self.options = options or {}  # the editor's settings
        self.texts: dict[Path, str] = {}  # unsaved rule-file buffers
        self.snapshot = load_snapshot(root, self.options)
        self.stamped = self.stamp()
        self.view: View | None = None
        self.generation = 0  # bumped by every reload: an older analysis is dropped
        self._refreshing = threading.Lock()

    def reload(self) -> None:
        """Read the settings and rule files again (they changed on disk)."""
        self.stamped = self.stamp()
        self.snapshot = load_snapshot(self.root, self.options, dict(self.texts))
        self.generation += 1
        self.view = None  # its rules are the old ones; refresh() makes the next

    def refresh(self) -> bool:
        """Analyse the whole project again (the cache makes unchanged files free); False when
        the settings changed meanwhile and the result was dropped."""
        with self._refreshing:
            generation, snapshot = self.generation, self.snapshot
            analysis = Analysis(snapshot.config, *_scan(snapshot))
            if generation != self.generation:
                return False
            self.view = build_view(analysis)
            return True

    def stamp(self) -> tuple[tuple[str, int], ...]:
        """The settings, rule and baseline files with their modification times: polled when
        the client cannot watch files, a change of any means :meth:`reload`."""
        config = self.snapshot.config
        paths = [self.root / name for name in (*CONFIG_FILES, CARGO_FILE)]
        paths.append(self.root / config.baseline)
        for location in config.rules:
            where = self.root / location
            paths.extend(sorted(where.rglob("*.toml")) if where.is_dir() else [where])
        found = []
        for path in paths:
            try:
                found.append((str(path), path.stat().st_mtime_ns))
            except OSError:
                continue  # absent: its appearance changes the stamp
        return tuple(found)

    def watches(self, path: Path) -> bool:
        """Whether a change to ``path`` means reloading: a settings, rule or baseline file."""
        if path.parent == self.root and path.name in (*CONFIG_FILES, CARGO_FILE):
            return True
        config = self.snapshot.config
        if path == self.root / config.baseline:
            return True
        if path.suffix != ".toml":
            return False
        rule_roots = [self.root / location for location in config.rules]
        return any(path == r or r in path.parents for r in rule_roots)


def _scan(snapshot: Snapshot) -> tuple[ScanResult, RuleSet, Matching]:
    """What :func:`api.analyze` computes, with the rules as loaded: ``analyze`` refuses rule
    files with problems, while the editor shows them and goes on with the valid rules.

    One process (``jobs=1``): worker processes forked from a server that runs threads could
    inherit a lock held by one of them; the results cache keeps the refresh cheap anyway.
    """
    config, rules = snapshot.config, snapshot.rules
    replacements = rule_replacements(rules.rules, config.languages)
    result = scan([config.root], config, jobs=1, replacements=replacements,
                  zero_rules=claims_zero(rules))  # fmt: skip
    matching = match_project(rules, result.findings, result.replacements, result.kept,
                             include_zero=config.include_zero)  # fmt: skip
    result.findings, result.kept = matching.findings, matching.kept
    result.fixes = {rule.id: rule.replace for rule in rules.rules}
    return result, rules, matching
