"""``check`` output: text (failures with hints), json, and the CI formats (SARIF, GitHub)."""

from __future__ import annotations

from typing import Any, TextIO

from hardcode_lint.gate.check import Verdict
from hardcode_lint.gate.failure import Failure
from hardcode_lint.model import FileError, ScanResult
from hardcode_lint.output.annotations import Annotation, AnnotationRun, finding_annotation
from hardcode_lint.textsafe import json_text, visible


def _where(failure: Failure) -> str:
    return f"{failure.path}:{failure.line}" if failure.line else failure.path


def render_text(verdict: Verdict, errors: list[FileError], stream: TextIO) -> None:
    for failure in verdict.failures:
        stream.write(visible(f"{_where(failure)}: {failure.code} {failure.message}") + "\n")
        stream.write(visible(f"    fix: {failure.hint}") + "\n")
    failed = {f.path for f in verdict.failures if f.code == "HCL904"}
    for error in errors:
        if error.path in failed:
            continue
        where = f"{error.path}:{error.line}" if error.line else error.path
        stream.write(visible(f"warning: {where}: not checked: {error.message}") + "\n")
    for note in verdict.notes:
        stream.write(f"note: {note}\n")
    if verdict.gone:
        stream.write(f"note: {verdict.gone} baselined finding(s) are gone; run "
                     f"`{verdict.baseline_command}` to tighten the baseline\n")  # fmt: skip
    if verdict.passed:
        stream.write(f"check passed ({verdict.baselined} baselined finding(s))\n")
    else:
        stream.write(f"check failed: {len(verdict.failures)} problem(s)\n")


def _failure_json(failure: Failure) -> dict[str, Any]:
    from hardcode_lint.output.json_format import finding_to_json

    return {
        "kind": failure.kind.value,
        "code": failure.code,
        "path": failure.path,
        "line": failure.line,
        "message": failure.message,
        "hint": failure.hint,
        "rule": failure.rule.id if failure.rule else None,
        "fingerprint": failure.fingerprint,
        "finding": finding_to_json(failure.finding) if failure.finding else None,
    }


def verdict_json(verdict: Verdict, errors: list[FileError]) -> dict[str, Any]:
    return {
        "version": 1,
        "passed": verdict.passed,
        "failures": [_failure_json(f) for f in verdict.failures],
        "baselined": verdict.baselined,
        "gone": verdict.gone,
        "notes": verdict.notes,
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in errors],
    }


def _annotation(failure: Failure, fixes: dict[str, str]) -> Annotation:
    message = f"{failure.message} (fix: {failure.hint})"
    if failure.finding is not None:
        replacement = fixes.get(failure.rule.id) if failure.rule else None
        return finding_annotation(failure.finding, failure.fingerprint, replacement, "error",
                                  message)  # fmt: skip
    return Annotation(failure.path, failure.line, None, None, None, "error", failure.code,
                      f"hardcode-lint {failure.kind.value}", message)  # fmt: skip


def render(verdict: Verdict, scan: ScanResult, fmt: str, stream: TextIO,
           category: str | None = None) -> None:  # fmt: skip
    """The verdict in ``fmt``; ``category`` is a shard's SARIF category (section 7)."""
    if fmt == "text":
        render_text(verdict, scan.errors, stream)
    elif fmt == "json":
        stream.write(json_text(verdict_json(verdict, scan.errors)))
        stream.write("\n")
    else:
        from hardcode_lint.output.concise import write_concise
        from hardcode_lint.output.github import write_github
        from hardcode_lint.output.sarif import write_sarif

        annotations = [_annotation(f, scan.fixes) for f in verdict.failures]
        errors = scan.errors
        if fmt == "concise":  # a file not checked is a failure line already
            errors = [e for e in errors if e.path not in {a.path for a in annotations}]
        run = AnnotationRun(scan.root, annotations, errors, category)
        writers = {"sarif": write_sarif, "github": write_github, "concise": write_concise}
        writers[fmt](run, stream)
