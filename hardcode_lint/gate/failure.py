"""What the gate reports: a failure says where, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hardcode_lint.model import Finding, Rule


class FailureKind(StrEnum):
    NEW_FINDING = "new-finding"
    STALE_RULE = "stale-rule"
    AMBIGUOUS_RULE = "ambiguous-rule"
    REGRESSED = "migrated-rule-pending"
    MIN_PROGRESS = "min-progress"
    DEFAULTS = "defaults-differ"
    KEY_CLASH = "key-clash"
    DANGLING = "dangling-settings-read"
    NOT_CHECKED = "file-not-checked"


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
