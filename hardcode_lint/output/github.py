"""GitHub Actions workflow commands: ``::warning file=...,line=...::message`` annotations."""

from __future__ import annotations

from typing import TextIO

from hardcode_lint.model import ScanResult
from hardcode_lint.output.annotations import AnnotationRun, scan_annotations
from hardcode_lint.textsafe import visible


def _data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(run: AnnotationRun, stream: TextIO) -> None:
    for a in run.annotations:
        props = [f"file={_property(a.path)}"] if a.path not in ("", ".") else []
        for name, value in (("line", a.line), ("col", a.column), ("endLine", a.end_line),
                            ("endColumn", a.end_column)):  # fmt: skip
            if value:
                props.append(f"{name}={value}")
        props.append(f"title={_property(a.title)}")
        stream.write(f"::{a.level} {','.join(props)}::{_data(a.message)}\n")
    for error in run.errors:
        line = f",line={error.line}" if error.line else ""
        stream.write(f"::error file={_property(error.path)}{line},title=hardcode-lint"
                     f"::{_data(error.message)}\n")  # fmt: skip


def render(result: ScanResult, stream: TextIO) -> None:
    write_github(scan_annotations(result), stream)
