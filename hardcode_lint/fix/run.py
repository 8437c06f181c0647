"""Running a fix plan: each file's edits through its language's front end, then a diff to
show or files to write.

The edits are the scan's own byte ranges: nothing is detected again.  Before a range is
touched, the bytes there must still be the literal the scan saw.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from hardcode_lint.atomic import WriteRefused, replace_checked
from hardcode_lint.fix.plan import Edit, FixPlan
from hardcode_lint.fix.write import dirty_files
from hardcode_lint.lang import frontend
from hardcode_lint.lang.base import SiteEdit
from hardcode_lint.parse.source import SourceError, SourceFile, read_bytes, split_lines


@dataclass
class FileFix:
    """The outcome for one file: its new bytes (None: unchanged) and the edits made or refused."""

    path: str
    before: bytes
    after: bytes | None = None
    applied: list[Edit] = field(default_factory=list)
    refused: list[tuple[Edit, str]] = field(default_factory=list)
    encoding: str = "utf-8"


def _same_literal(source: SourceFile, edit: Edit) -> bool:
    """Whether the scan's byte range still holds the literal it reported."""
    finding = edit.finding
    if finding.start < 0 or finding.end > len(source.data):
        return False
    found = source.slice(finding.start, finding.end)
    return re.sub(r"\s+", "", found) == re.sub(r"\s+", "", finding.value)


def fix_file(path: str, data: bytes, edits: Sequence[Edit]) -> FileFix:
    """Apply ``edits`` (all in one file, of one language) to its bytes ``data``."""
    result = FileFix(path, data)
    if not edits:
        return result
    front = frontend(edits[0].finding.language)
    try:
        source = front.decode(data, PurePosixPath(path).name, path)
    except SourceError as exc:
        result.refused = [(e, f"cannot read the file: {exc.message}") for e in edits]
        return result
    result.encoding = source.encoding
    labelled: dict[str, Edit] = {}
    site_edits = []
    for number, edit in enumerate(edits):
        reason = (
            None
            if _same_literal(source, edit)
            else "the literal is no longer where the scan found it"
        )
        reason = reason or front.check_replacement(edit.rule.replace)
        if reason:
            result.refused.append((edit, reason))
            continue
        label = str(number)
        labelled[label] = edit
        finding, rule = edit.finding, edit.rule
        site_edits.append(
            SiteEdit(finding.start, finding.end, rule.replace, rule.imports, label,
                     finding.scope, rule.id)
        )  # fmt: skip
    try:
        outcome = front.apply(source, site_edits)
    except (RecursionError, MemoryError):
        reason = "cannot rewrite it: an expression is nested too deeply"
        result.refused += [(labelled[e.label], reason) for e in site_edits]
        return result
    result.refused += [(labelled[label], why) for label, why in outcome.refused.items()]
    result.applied = [labelled[label] for label in outcome.applied]
    result.after = outcome.data
    return result


@dataclass
class FixRun:
    files: list[FileFix] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    not_written: list[tuple[str, str]] = field(default_factory=list)  # (path, why)

    @property
    def changed(self) -> list[FileFix]:
        return [f for f in self.files if f.after is not None]

    def applied(self, wrote: bool) -> set[str]:
        """Ids of the rules with at least one edit in a file written (or to be written)."""
        done = set(self.written) if wrote else {f.path for f in self.changed}
        return {e.rule.id for f in self.changed if f.path in done for e in f.applied}


def compute_fixes(plan: FixPlan, root: Path, read: Callable[[str], bytes] | None = None) -> FixRun:
    """The fixed bytes of every file of ``plan``; ``read`` (root-relative path -> bytes) gives
    the files' contents instead of the disk (``fix --verify`` rebuilds from the originals)."""
    run = FixRun()
    for rel, edits in sorted(plan.edits.items()):
        try:
            data = read(rel) if read is not None else read_bytes(root / rel)
        except SourceError as exc:
            run.files.append(FileFix(rel, b"", refused=[(e, exc.message) for e in edits]))
            continue
        run.files.append(fix_file(rel, data, edits))
    return run


def unified_diff(fix: FileFix) -> str:
    if fix.after is None:
        return ""
    before = split_lines(fix.before.decode(fix.encoding, errors="replace").lstrip("\ufeff"))
    after = split_lines(fix.after.decode(fix.encoding, errors="replace").lstrip("\ufeff"))
    lines = difflib.unified_diff(before, after, f"a/{fix.path}", f"b/{fix.path}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def refuse_dirty(run: FixRun, root: Path) -> tuple[list[str], list[str]]:
    """(why each changed file may not be written unasked — uncommitted changes, or a status git
    would not give —, changed files outside any git work tree)."""
    dirty, outside, unknown = dirty_files(root / f.path for f in run.changed)
    rel = {root / f.path: f.path for f in run.changed}
    refusals = [f"{rel[p]}: has uncommitted changes; commit or stash them" for p in dirty]
    refusals += [f"{rel[p]}: {why}; its changes cannot be checked" for p, why in unknown.items()]
    return refusals, [rel[p] for p in outside]


def write_fixes(run: FixRun, root: Path) -> None:
    for fix in run.changed:
        assert fix.after is not None
        try:
            replace_checked(root / fix.path, fix.before, fix.after)
            run.written.append(fix.path)
        except WriteRefused as exc:
            run.not_written.append((fix.path, str(exc)))


def refused_edits(run: FixRun) -> list[tuple[Edit, str]]:
    refused = [item for f in run.files for item in f.refused]
    unwritten = dict(run.not_written)
    for fix in run.changed:
        if fix.path in unwritten:
            refused += [(e, f"{fix.path} not written: {unwritten[fix.path]}") for e in fix.applied]
    return refused
