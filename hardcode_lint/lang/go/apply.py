"""Go's fix (filled in by the next step)."""

from __future__ import annotations

from collections.abc import Sequence

from hardcode_lint.lang.base import Applied, SiteEdit
from hardcode_lint.parse.source import SourceFile


def apply_go(source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
    reason = "fix is not available for Go yet"
    return Applied(refused={edit.label: reason for edit in edits})
