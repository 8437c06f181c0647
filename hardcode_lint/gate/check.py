"""What ``check`` judges: each failure says where, what is wrong and how to fix it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from hardcode_lint.api import Analysis, stale_reason
from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.gate.baseline import Baseline
from hardcode_lint.model import Finding, Rule, Status, baseline_entries
from hardcode_lint.rules.match import RuleOutcome


class FailureKind(StrEnum):
    NEW_FINDING = "new-finding"
    STALE_RULE = "stale-rule"
    AMBIGUOUS_RULE = "ambiguous-rule"
    REGRESSED = "migrated-rule-pending"
    MIN_PROGRESS = "min-progress"
    DEFAULTS = "defaults-differ"


@dataclass(frozen=True)
class Failure:
    kind: FailureKind
    path: str
    line: int | None
    message: str
    hint: str
    code: str = "HCL900"  # rule and project problems; findings keep their own code
    finding: Finding | None = None
    rule: Rule | None = None
    fingerprint: str | None = None


@dataclass
class Verdict:
    failures: list[Failure] = field(default_factory=list)
    baselined: int = 0
    gone: int = 0  # baselined findings no longer in the code: the baseline can be tightened
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


NEW_HINT = ("map it with a rule (`hardcode-lint rules suggest`), silence it with "
            "`# hardcode-lint: ignore`, or accept it with `hardcode-lint baseline`")  # fmt: skip


def _new_findings(
    analysis: Analysis, baseline: Baseline, verdict: Verdict, files: Collection[str] | None
) -> None:
    current = baseline_entries(analysis.matching.unmapped)
    for entry, finding in current:
        if entry in baseline.entries:
            verdict.baselined += 1
            continue
        where = finding.scope or "module level"
        message = (f"new hardcoded {finding.kind.value} `{finding.value}` in {where}: "
                   f"{finding.snippet}")  # fmt: skip
        verdict.failures.append(Failure(FailureKind.NEW_FINDING, finding.path, finding.line,
                                        message, NEW_HINT, finding.code, finding=finding,
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


def _rule_failures(outcome: RuleOutcome, baseline: Baseline, why: str = "") -> list[Failure]:
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
        return [Failure(FailureKind.REGRESSED, f.path, f.line,
                        f"rule `{rule.id}` was migrated, but its literal `{f.value}` is back: "
                        f"{f.snippet}", f"use `{rule.replace}` (`hardcode-lint fix --rule "
                        f"{rule.id} --write`)", f.code, finding=f, rule=rule)
                for f in outcome.findings]  # fmt: skip
    return []


def judge(
    analysis: Analysis,
    baseline: Baseline,
    *,
    files: Collection[str] | None = None,
    min_progress: float | None = None,
    progress: float | None = None,
) -> Verdict:
    """Every reason ``analysis`` fails the gate (see the contract's ``check``)."""
    verdict = Verdict()
    _new_findings(analysis, baseline, verdict, files)
    for outcome in analysis.matching.outcomes:
        if _relevant(outcome, files):
            why = stale_reason(analysis, outcome.rule) if outcome.status is Status.STALE else ""
            verdict.failures += _rule_failures(outcome, baseline, why and f" ({why})")
    if min_progress is not None and progress is not None:
        if files is not None:
            verdict.notes.append("--min-progress is not judged on a list of files")
        elif progress < min_progress:
            verdict.failures.append(Failure(FailureKind.MIN_PROGRESS, ".", None,
                                            f"progress is {progress}%, below --min-progress "
                                            f"{min_progress}%", "migrate more sites "
                                            "(`hardcode-lint report` lists them)"))  # fmt: skip
    return verdict


def _generated_module(analysis: Analysis, defaults: list[Any], path: Path) -> list[Failure] | None:
    """For a settings module (a language's file): a failure unless it holds exactly the
    defaults (the rules' literals); None when the defaults-file is a TOML/JSON/YAML file."""
    from hardcode_lint.defaults.modules import expected_module, without_comments
    from hardcode_lint.lang import language_of

    expected = expected_module(analysis.config, path, defaults)
    if expected is None:
        return None
    actual = path.read_bytes().decode("utf-8", errors="replace")
    if without_comments(actual) == without_comments(expected):  # unit comments may come and go
        return []
    where = analysis.config.defaults_file or str(path)
    return [Failure(FailureKind.DEFAULTS, where, None,
                    "the settings module does not hold exactly the rules' literals (a default "
                    "differs, or a key is missing or extra)", "regenerate it: `hardcode-lint "
                    f"defaults --format {language_of(path.name)} --output {where}`")]  # fmt: skip


def defaults_failures(analysis: Analysis, files: Collection[str] | None) -> list[Failure]:
    """Values in the configured ``defaults-file`` that differ from their rule's literal."""
    from hardcode_lint.defaults.files import format_for, merge
    from hardcode_lint.defaults.values import rule_defaults

    config = analysis.config
    if not config.defaults_file:
        return []
    path = config.root / config.defaults_file
    if not path.exists():
        from hardcode_lint.errors import ConfigError

        where = config.source.name if config.source else "the configuration"
        raise ConfigError(f"defaults-file {config.defaults_file!r} (set in {where}) does not "
                          "exist; write it with `hardcode-lint defaults --write FILE`")  # fmt: skip
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
                "set it back to the literal's value: a different default changes behaviour")
        for conflict in conflicts
    ]  # fmt: skip
