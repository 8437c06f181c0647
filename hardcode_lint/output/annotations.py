"""Findings and gate failures as one shape, for the formats CI systems read (SARIF, GitHub).

``scan`` annotates every finding as a warning; ``check`` annotates every failure as an error.
Both formats are written once, over this shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hardcode_lint.model import FileError, Finding, ScanResult, baseline_entries


@dataclass(frozen=True)
class Annotation:
    path: str
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    level: str  # "warning" | "error" | "note"
    code: str
    title: str
    message: str
    fingerprint: str | None = None
    replacement: str | None = None  # code that replaces the region (a rule's `replace`)


@dataclass(frozen=True)
class AnnotationRun:
    root: Path
    annotations: list[Annotation]
    errors: list[FileError]
    category: str | None = None  # SARIF runAutomationDetails.id: a shard's (section 7)


def finding_message(finding: Finding) -> str:
    seconds = finding.seconds
    unit = f" ({seconds} s)" if seconds is not None and finding.unit != "s" else ""
    where = f" in {finding.scope}" if finding.scope else ""
    text = f"Hardcoded {finding.kind.value} `{finding.value}`{unit}{where}: {finding.snippet}"
    if finding.key:
        text += f" -> config key `{finding.key}` (rule {finding.rule})"
    return text


def finding_annotation(
    finding: Finding,
    fingerprint: str | None,
    replacement: str | None,
    level: str = "warning",
    message: str | None = None,
) -> Annotation:
    return Annotation(
        path=finding.path,
        line=finding.line,
        column=finding.column,
        end_line=finding.end_line,
        end_column=finding.end_column,
        level=level,
        code=finding.code,
        title=f"{finding.code} hardcoded {finding.kind.value}",
        message=message or finding_message(finding),
        fingerprint=fingerprint,
        replacement=replacement,
    )


def scan_annotations(result: ScanResult) -> AnnotationRun:
    annotations = [
        finding_annotation(f, entry.fingerprint(), result.fixes.get(f.rule or ""))
        for entry, f in baseline_entries(result.findings)
    ]
    return AnnotationRun(result.root, annotations, list(result.errors))
