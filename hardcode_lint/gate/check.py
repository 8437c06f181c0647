"""What ``check`` judges: each failure says where, what is wrong and how to fix it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hardcode_lint.api import Analysis, stale_reason
from hardcode_lint.config import Config
from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.gate.baseline import Baseline, error_entry
from hardcode_lint.gate.failure import Failure, FailureKind
from hardcode_lint.lang import names
from hardcode_lint.model import Rule, Status, baseline_entries
from hardcode_lint.rules.match import RuleOutcome


@dataclass
class Verdict:
    failures: list[Failure] = field(default_factory=list)
    baselined: int = 0
    gone: int = 0  # baselined findings no longer in the code: the baseline can be tightened
    notes: list[str] = field(default_factory=list)
    baseline_command: str = "hardcode-lint baseline"  # the command that rewrites the baseline

    @property
    def passed(self) -> bool:
        return not self.failures


def new_hint(config: Config, language: str, baseline: str = "hardcode-lint baseline") -> str:
    """How to deal with a new finding: commands that work as written for this project (its
    rules folder, its baseline), the suppression comment in the file's own syntax."""
    from hardcode_lint.hints import ignore_comment, suggest_command

    return (
        f"map it with a rule (`{suggest_command(config)}`), silence it by ending its line with "
        f"`{ignore_comment(language)}`, or accept it with `{baseline}`"
    )


def _new_findings(
    analysis: Analysis, baseline: Baseline, verdict: Verdict, files: Collection[str] | None
) -> None:
    current = baseline_entries(analysis.matching.unmapped)
    hints = {n: new_hint(analysis.config, n, verdict.baseline_command) for n in names()}
    for entry, finding in current:
        if entry in baseline.entries:
            verdict.baselined += 1
            continue
        where = finding.scope or "module level"
        message = (f"new hardcoded {finding.kind.value} `{finding.value}` in {where}: "
                   f"{finding.snippet}")  # fmt: skip
        verdict.failures.append(Failure(FailureKind.NEW_FINDING, finding.path, finding.line,
                                        message, hints[finding.language], finding.code,
                                        finding=finding,
                                        fingerprint=entry.fingerprint()))  # fmt: skip
    present = {entry for entry, _ in current}
    scanned, root = set(files or analysis.scan.scanned), analysis.config.root
    judged = {e for e in baseline.entries if e.path in scanned or not (root / e.path).exists()}
    verdict.gone = len(judged - present)


def _relevant(outcome: RuleOutcome, files: Collection[str] | None) -> bool:
    """In file mode (pre-commit) only rules that concern the given files are judged."""
    if files is None:
        return True
    if any(f.path in files for f in outcome.findings):
        return True
    if any(r.path in files for r in outcome.replacements):
        return True
    if outcome.rule.path is None:
        return False
    globs = compile_globs([outcome.rule.path])
    return any(globs.match_file(f) for f in files)


def _fix_command(config: Config, rule: Rule, paths: Collection[str]) -> str:
    """``fix --rule ID --write``, with ``--allow-dirty`` when a file to fix has uncommitted
    changes (the literal slipped back in an edit not yet committed): fix refuses it otherwise."""
    from hardcode_lint.fix.write import dirty_files
    from hardcode_lint.hints import command

    dirty = dirty_files([config.root / p for p in sorted(set(paths))])[0]
    extra = ("--allow-dirty",) if dirty else ()
    return command(config, "fix", "--rule", rule.id, "--write", *extra)


def _rule_failures(
    config: Config, outcome: RuleOutcome, baseline: Baseline, why: str = ""
) -> list[Failure]:
    rule, status = outcome.rule, outcome.status
    if status is Status.STALE:
        return [Failure(FailureKind.STALE_RULE, rule.file, rule.line,
                        f"rule `{rule.id}` is stale: neither its literal nor its replacement "
                        f"is found{why}", "the code moved or the rule is wrong: fix its fields, "
                        "or delete it", rule=rule)]  # fmt: skip
    if status is Status.AMBIGUOUS:
        places = [(f.path, f.line) for f in outcome.findings]
        places += [(r.path, r.line) for r in outcome.replacements]
        sites = ", ".join(f"{path}:{line}" for path, line in places)
        return [Failure(FailureKind.AMBIGUOUS_RULE, rule.file, rule.line,
                        f"rule `{rule.id}` is ambiguous: it matches {sites} but `count` allows "
                        f"{rule.count}", "narrow it with `scope`, `arg` or `value`, or raise "
                        "`count`", rule=rule)]  # fmt: skip
    if rule.id in baseline.migrated and outcome.findings:
        fix = _fix_command(config, rule, [f.path for f in outcome.findings])
        return [Failure(FailureKind.REGRESSED, f.path, f.line,
                        f"rule `{rule.id}` was migrated, but its literal `{f.value}` is back: "
                        f"{f.snippet}", f"use `{rule.replace}` (`{fix}`)", f.code, finding=f,
                        rule=rule)
                for f in outcome.findings]  # fmt: skip
    return []


def _file_errors(
    analysis: Analysis, baseline: Baseline, verdict: Verdict, files: Collection[str] | None
) -> None:
    """A file the scan could not read or parse may hold anything: the gate cannot vouch for
    it, unless the baseline accepts it (a deliberately broken fixture)."""
    accept = verdict.baseline_command
    for error in analysis.scan.errors:
        if files is not None and error.path not in files:
            continue
        if error_entry(error) in baseline.errors:
            continue  # still listed as a warning: "not checked"
        hint = f"fix the file so that it parses, or accept it as it is with `{accept}`"
        verdict.failures.append(Failure(FailureKind.NOT_CHECKED, error.path, error.line,
                                        f"not checked: {error.message}", hint,
                                        code="HCL904"))  # fmt: skip


def clash_failures(analysis: Analysis, files: Collection[str] | None = None) -> list[Failure]:
    """A key given two different literals (contract section 5: a key is one value)."""
    from hardcode_lint.rules.clashes import key_clashes

    return [
        Failure(FailureKind.KEY_CLASH, clash.second.path, clash.second.line, str(clash),
                "give one of the rules another `key`, or make the literals equal: after `fix` "
                "both sites would read one value", code="HCL902")
        for clash in key_clashes(analysis.matching)
        if files is None or clash.first.path in files or clash.second.path in files
    ]  # fmt: skip


def judge(
    analysis: Analysis,
    baseline: Baseline,
    *,
    files: Collection[str] | None = None,
    min_progress: float | None = None,
    progress: float | None = None,
    baseline_file: Path | None = None,
) -> Verdict:
    """Every reason ``analysis`` fails the gate (see the contract's ``check``);
    ``baseline_file`` is ``check --baseline``'s, named in the hints (default: the configured)."""
    from hardcode_lint.hints import baseline_command, command

    verdict = Verdict(baseline_command=baseline_command(analysis.config, baseline_file))
    _new_findings(analysis, baseline, verdict, files)
    _file_errors(analysis, baseline, verdict, files)
    verdict.failures += clash_failures(analysis, files)
    for outcome in analysis.matching.outcomes:
        if _relevant(outcome, files):
            why = stale_reason(analysis, outcome.rule) if outcome.status is Status.STALE else ""
            verdict.failures += _rule_failures(analysis.config, outcome, baseline,
                                               why and f" ({why})")  # fmt: skip
    if min_progress is not None and progress is not None:
        if files is not None:
            verdict.notes.append("--min-progress is not judged on a list of files")
        elif progress < min_progress:
            verdict.failures.append(Failure(FailureKind.MIN_PROGRESS, ".", None,
                                            f"progress is {progress}%, below --min-progress "
                                            f"{min_progress}%", "migrate more sites "
                                            f"(`{command(analysis.config, 'report')}` lists "
                                            "them)"))  # fmt: skip
    return verdict


def judge_shard(analysis: Analysis, baseline: Baseline, baseline_file: Path | None) -> Verdict:
    """``check --shard``: only what the shard's own files decide (new unmapped findings,
    unreadable files, a migrated rule's literal back; baseline entries of other shards' files
    are not judged).  Rule statuses, key clashes and ``--min-progress`` need the whole
    repository: ``merge --check`` judges them (contract section 7)."""
    from hardcode_lint.hints import baseline_command

    verdict = Verdict(baseline_command=baseline_command(analysis.config, baseline_file))
    _new_findings(analysis, baseline, verdict, None)
    _file_errors(analysis, baseline, verdict, None)
    for outcome in analysis.matching.outcomes:  # a migrated rule's literal back in its files
        if outcome.status is Status.PENDING and outcome.rule.id in baseline.migrated:
            verdict.failures += _rule_failures(analysis.config, outcome, baseline)
    verdict.notes.append(
        "rule statuses, key clashes and --min-progress are judged by `merge --check`"
    )
    return verdict


def _generated_module(analysis: Analysis, defaults: list[Any], path: Path,
                      shown: str | None = None) -> list[Failure] | None:  # fmt: skip
    """For a settings module (a language's file): a failure per key that differs from the
    defaults (the rules' literals); None when the defaults-file is a TOML/JSON/YAML file."""
    from hardcode_lint.defaults.modules import expected_module, without_comments
    from hardcode_lint.gate.mismatch import mismatch_failures
    from hardcode_lint.hints import settings_command
    from hardcode_lint.lang import frontend, language_of

    expected = expected_module(analysis.config, path, defaults)
    language = language_of(path.name)
    if expected is None or language is None:
        return None
    actual = path.read_bytes().decode("utf-8", errors="replace")
    if without_comments(actual) == without_comments(expected):  # unit comments may come and go
        return []
    front = frontend(language)
    extra = set(front.settings_keys(actual)) - set(front.settings_keys(expected))
    where = shown or analysis.config.defaults_file or str(path)
    regenerate = settings_command(analysis.config, language, where)
    return mismatch_failures(where, regenerate, actual, expected, defaults, extra)


def defaults_failures(analysis: Analysis, files: Collection[str] | None) -> list[Failure]:
    """Values in the configured ``defaults-file`` that differ from their rule's literal."""
    from hardcode_lint.defaults.files import format_for, merge
    from hardcode_lint.defaults.values import rule_defaults

    config = analysis.config
    if not config.defaults_file:
        return _settings_modules_failures(analysis, files)
    path = config.root / config.defaults_file
    if not path.exists():
        from hardcode_lint.errors import ConfigError

        where = config.source.name if config.source else "the configuration"
        from hardcode_lint.hints import settings_command
        from hardcode_lint.lang import language_of

        command = settings_command(config, language_of(path.name), config.defaults_file)
        raise ConfigError(f"defaults-file {config.defaults_file!r} (set in {where}) does not "
                          f"exist; write it with `{command}`")  # fmt: skip
    defaults = rule_defaults(analysis)
    module = _generated_module(analysis, defaults, path)
    if module is not None:
        return module
    if files is not None:
        touched = {f.rule for f in analysis.scan.findings if f.path in files and f.rule}
        defaults = [d for d in defaults if d.rule.id in touched]
    _, conflicts = merge(path.read_text("utf-8"), defaults, format_for(path, None))
    return [
        Failure(FailureKind.DEFAULTS, config.defaults_file, None, str(conflict),
                "set it back to the literal's value: a different default changes behaviour",
                "HCL901")
        for conflict in conflicts
    ]  # fmt: skip


def _settings_modules_failures(analysis: Analysis, files: Collection[str] | None) -> list[Failure]:
    """With no ``defaults-file``: each generated settings module standing where the settings
    targets say (``settings-module``, else the default places) must hold the rules' literals.
    Given files (pre-commit), only those of them that are generated modules: the commit's other
    files cannot have changed a module, and regenerating one costs a formatter run."""
    from hardcode_lint.defaults.targets import targets_of
    from hardcode_lint.defaults.values import rule_defaults
    from hardcode_lint.parse.source import file_is_generated

    root = analysis.config.root
    if files is None:
        sites = [f.path for f in analysis.scan.findings]
        sites += [r.path for r in analysis.scan.replacements]
        modules = [target.module for target in targets_of(analysis.config, sites)]
    else:
        modules = sorted(files)
    generated = [m for m in modules if file_is_generated(root / m)]
    defaults = rule_defaults(analysis) if generated else []
    failures: list[Failure] = []
    for module in generated:
        failures += _generated_module(analysis, defaults, root / module, module) or []
    return failures
