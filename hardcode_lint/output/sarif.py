"""SARIF 2.1.0 (validated against the official schema in the tests), for code-scanning UIs."""

from __future__ import annotations

from typing import Any, TextIO
from urllib.parse import quote

from hardcode_lint import __version__
from hardcode_lint.detect.codes import CODES, GATE_CODES
from hardcode_lint.model import ScanResult
from hardcode_lint.output.annotations import Annotation, AnnotationRun, scan_annotations
from hardcode_lint.textsafe import json_text

INFO_URI = "https://github.com/hardcode-lint/hardcode-lint"


def _rules() -> list[dict[str, Any]]:
    unique = {code.code: code for code in CODES.values()}
    rules = [
        {"id": c.code, "name": c.name, "shortDescription": {"text": c.summary},
         "helpUri": f"{INFO_URI}#what-is-a-finding",
         "defaultConfiguration": {"level": "warning"}}
        for c in sorted(unique.values(), key=lambda c: c.code)
    ]  # fmt: skip
    gate = [{"id": g.code, "name": g.name, "shortDescription": {"text": g.summary}}
            for g in GATE_CODES.values()]  # fmt: skip
    return [*rules, *gate]


def _region(a: Annotation) -> dict[str, int]:
    region = {"startLine": a.line or 1}
    if a.column:
        region["startColumn"] = a.column
    if a.end_line:
        region["endLine"] = a.end_line
    if a.end_column:
        region["endColumn"] = a.end_column
    return region


def _artifact(path: str) -> dict[str, str]:
    """A root-relative path as a URI; an undecodable byte of a name is percent-encoded as the
    byte it was (``caf\\udcff.py`` -> ``caf%FF.py``)."""
    return {"uri": quote(path, errors="surrogateescape"), "uriBaseId": "SRCROOT"}


def _location(path: str, region: dict[str, int] | None) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": quote(path, errors="surrogateescape"), "uriBaseId": "SRCROOT"}
    }
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _result(a: Annotation, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": a.code,
        "ruleIndex": index[a.code],
        "level": a.level,
        "message": {"text": a.message},
    }
    if a.path not in ("", "."):
        result["locations"] = [_location(a.path, _region(a) if a.line else None)]
    if a.fingerprint:
        result["partialFingerprints"] = {"hardcodeLint/v1": a.fingerprint}
    if a.replacement and a.line:
        change = {"artifactLocation": _artifact(a.path),
                  "replacements": [{"deletedRegion": _region(a),
                                    "insertedContent": {"text": a.replacement}}]}  # fmt: skip
        result["fixes"] = [{"description": {"text": f"Replace with {a.replacement}"},
                            "artifactChanges": [change]}]  # fmt: skip
    return result


def sarif_document(run: AnnotationRun) -> dict[str, Any]:
    rules = _rules()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    notifications = [
        {
            "level": "error",
            "message": {"text": e.message},
            "locations": [_location(e.path, {"startLine": e.line} if e.line else None)],
        }
        for e in run.errors
    ]
    driver = {"name": "hardcode-lint", "version": __version__, "informationUri": INFO_URI}
    invocation = {"executionSuccessful": True, "toolExecutionNotifications": notifications}
    entry: dict[str, Any] = {
        "tool": {"driver": {**driver, "rules": rules}},
        "originalUriBaseIds": {"SRCROOT": {"uri": run.root.as_uri() + "/"}},
        "invocations": [invocation],
        "results": [_result(a, index) for a in run.annotations],
    }
    if run.category is not None:
        entry["automationDetails"] = {"id": run.category}
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [entry],
    }


def write_sarif(run: AnnotationRun, stream: TextIO) -> None:
    stream.write(json_text(sarif_document(run)))
    stream.write("\n")


def shard_category(index: int, count: int) -> str:
    """``runs[].automationDetails.id`` of shard ``index`` of ``count``: code scanning takes what
    stands before the last ``/`` as the category, so each shard keeps its own alerts (section 7)."""
    return f"hardcode-lint/{index}-of-{count}/"


def render(result: ScanResult, stream: TextIO) -> None:
    write_sarif(scan_annotations(result), stream)
