"""The JSON of contract section 3.

``{"version": 1, "root": ..., "findings": [...], "errors": [...]}``
"""

from __future__ import annotations

from typing import Any, TextIO

from hardcode_lint.model import FileError, Finding, ScanResult
from hardcode_lint.textsafe import json_text

SCHEMA_VERSION = 1


def finding_to_json(finding: Finding) -> dict[str, Any]:
    """One finding as the contract's JSON object, fields in the contract's order."""
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "kind": finding.kind.value,
        "code": finding.code,
        "context": finding.context.value,
        "value": finding.value,
        "number": finding.number,
        "unit": finding.unit,
        "seconds": finding.seconds,
        "api": finding.api,
        "arg": finding.arg,
        "scope": finding.scope,
        "snippet": finding.snippet,
        "test": finding.test,
        "rule": finding.rule,
        "key": finding.key,
        "status": finding.status.value,
        "language": finding.language,
        "type": finding.value_type,
    }


def error_to_json(error: FileError) -> dict[str, Any]:
    return {"path": error.path, "line": error.line, "message": error.message}


def scan_to_json(result: ScanResult) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "root": str(result.root),
        "findings": [finding_to_json(f) for f in result.findings],
        "errors": [error_to_json(e) for e in result.errors],
    }


def render(result: ScanResult, stream: TextIO) -> None:
    stream.write(json_text(scan_to_json(result)))
    stream.write("\n")
