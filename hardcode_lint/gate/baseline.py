"""The baseline: the unmapped findings a project accepts for now, and the rules it has migrated.

Entries carry no line numbers.  A finding is keyed by path, scope, api, arg, kind and value, plus
its occurrence index among the findings of that key in the file (the betterer / Semgrep
``match_based_id`` idea), so inserting lines or reformatting keeps the gate green, while a second
``time.sleep(3)`` in the same function is a new occurrence and is caught.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hardcode_lint.atomic import WriteRefused, replace_file
from hardcode_lint.errors import UsageError
from hardcode_lint.model import BaselineEntry, FileError
from hardcode_lint.textsafe import json_text

VERSION = 1


@dataclass(frozen=True, order=True)
class ErrorEntry:
    """A file the scan could not read or parse, accepted as it is: by path and by the kind of
    its error ("syntax error"), never its line, so edits elsewhere in it keep it accepted."""

    path: str
    kind: str


def error_entry(error: FileError) -> ErrorEntry:
    """``syntax error: invalid syntax`` -> ``syntax error``; ``not valid UTF-8 (byte 0xff)``
    -> ``not valid UTF-8``: what went wrong, without where or which byte."""
    kind = re.sub(r"\s*\(.*$", "", error.message.split(":", 1)[0]).strip()
    return ErrorEntry(error.path, kind or error.message)


@dataclass
class Baseline:
    entries: set[BaselineEntry] = field(default_factory=set)
    migrated: set[str] = field(default_factory=set)  # rule ids migrated when it was written
    errors: set[ErrorEntry] = field(default_factory=set)  # files accepted unreadable


def write_baseline(
    path: Path,
    entries: Iterable[BaselineEntry],
    migrated: Iterable[str],
    errors: Iterable[ErrorEntry] = (),
) -> None:
    """Sorted and stable, so that a change to it reads well in review."""
    data = {
        "version": VERSION,
        "migrated_rules": sorted(set(migrated)),
        "findings": [e.__dict__ for e in sorted(set(entries))],
        "errors": [e.__dict__ for e in sorted(set(errors))],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, (json_text(data) + "\n").encode("utf-8"))
    except (OSError, WriteRefused) as exc:
        raise UsageError(f"{path}: cannot write the baseline: {exc}") from None


def read_baseline(path: Path) -> Baseline:
    """The baseline at ``path``; an empty one if the file does not exist."""
    if not path.exists():
        return Baseline()
    try:
        data = json.loads(path.read_text("utf-8"))
        entries = {BaselineEntry(**row) for row in data["findings"]}
        errors = {ErrorEntry(**row) for row in data.get("errors", [])}
        return Baseline(entries, set(data.get("migrated_rules", [])), errors)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        again = f"hardcode-lint baseline --output {shlex.quote(str(path))}"
        raise UsageError(f"{path}: not a hardcode-lint baseline ({exc}); regenerate it with "
                         f"`{again}`") from None  # fmt: skip
