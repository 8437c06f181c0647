"""``report --format json`` (contract section 3)."""

from __future__ import annotations

from typing import Any, TextIO

from hardcode_lint.model import Finding, Status
from hardcode_lint.report.i18n import Strings
from hardcode_lint.report.progress import (
    ModuleReport,
    Report,
    SiteRow,
    Tally,
    kept_rows,
    outcome_rows,
    unmapped_row,
)
from hardcode_lint.rules.match import RuleOutcome
from hardcode_lint.textsafe import json_text


def _site(row: SiteRow) -> dict[str, Any]:
    return {"path": row.path, "line": row.line, "old": row.old, "new": row.new,
            "status": row.status.value, "test": row.test}  # fmt: skip


def _kept_site(row: SiteRow) -> dict[str, Any]:
    """A kept literal: where, its code, why it stays, and the keep rule's id if one kept it."""
    return {**_site(row), "reason": row.reason, "rule": row.rule}


def rule_to_json(outcome: RuleOutcome, reason: str | None = None) -> dict[str, Any]:
    rule, sites = outcome.rule, outcome_rows(outcome, reason)
    first = sites[0] if sites else None
    return {
        "id": rule.id,
        "path": first.path if first else rule.path,
        "line": first.line if first else None,
        "old": first.old if first else None,
        "new": first.new if first else None,
        "key": rule.key,
        "status": outcome.status.value,
        "reason": reason,
        "count": len(sites),
        "sites": [_site(row) for row in sites],
        "rule_file": rule.file,
        "rule_line": rule.line,
        **merge_facts(outcome),
    }


def merge_facts(outcome: RuleOutcome) -> dict[str, Any]:
    """What ``merge`` needs to judge the rule on the whole repository from shards (contract
    section 7): its literals and replacements in the files this run saw, its ``count``, and
    whether its one replacement is a moved site that only a rule finding nothing adopts."""
    rule = outcome.rule
    return {
        "literal_sites": len(outcome.findings),
        "kept_literals": len(outcome.kept),
        "replacement_sites": len(outcome.replacements),
        "max_count": rule.count,
        "adopted": outcome.adopted,
        "value": None if rule.value is None else str(rule.value),
        "unit": rule.unit,
        "literals": [_literal(f) for f in sorted(outcome.findings, key=_place)],
    }


def _place(finding: Finding) -> tuple[str, int, int]:
    return finding.path, finding.line, finding.column


def _literal(finding: Finding) -> dict[str, Any]:
    """A pending literal's value, so that ``merge --check`` can find one key given two values
    in files of different shards (as ``check`` does on one machine)."""
    return {"path": finding.path, "line": finding.line, "value": finding.value,
            "number": finding.number, "unit": finding.unit}  # fmt: skip


def _tally(tally: Tally, *, full: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"sites": tally.sites, "migrated": tally.migrated}
    if full:
        data.update(pending=tally.pending, unmapped=tally.unmapped)
    data["kept"] = tally.kept
    data["progress"] = tally.progress
    return data


def module_to_json(entry: ModuleReport) -> dict[str, Any]:
    statuses = [o.status for o in entry.outcomes]
    return {
        "name": entry.module.name,
        "priority": entry.module.priority,
        "scope": entry.module.scope,
        "files": len(entry.files),
        **_tally(entry.tally, full=True),
        "stale": statuses.count(Status.STALE),
        "ambiguous": statuses.count(Status.AMBIGUOUS),
        "rules": [rule_to_json(o, entry.reasons.get(o.rule.id)) for o in entry.outcomes],
        "unmapped_sites": [_site(unmapped_row(f)) for f in entry.unmapped],
        "kept_sites": [_kept_site(row) for row in kept_rows(entry)],
    }


def report_to_json(report: Report) -> dict[str, Any]:
    return {
        "version": 1,
        "generated": report.generated.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "totals": {
            **_tally(report.totals, full=True),
            "stale": report.stale,
            "ambiguous": report.ambiguous,
        },
        "production": _tally(report.production, full=False),
        "tests": _tally(report.tests, full=False),
        "modules": [module_to_json(m) for m in report.modules],
        "errors": report.errors,
    }


def render(report: Report, strings: Strings, stream: TextIO) -> None:
    stream.write(json_text(report_to_json(report)))
    stream.write("\n")
