"""Running a fix plan: the codemod per file, then a diff to show or files to write."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from hardcode_lint.engine import Settings
from hardcode_lint.fix.codemod import Edit, FileFix, fix_file
from hardcode_lint.fix.plan import FixPlan
from hardcode_lint.fix.write import WriteRefused, dirty_files, write_atomically
from hardcode_lint.parse.source import SourceError, decode, read_bytes, split_lines


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


def compute_fixes(plan: FixPlan, root: Path, settings: Settings) -> FixRun:
    run = FixRun()
    for rel, edits in sorted(plan.edits.items()):
        try:
            data = read_bytes(root / rel)
        except SourceError as exc:
            run.files.append(FileFix(rel, b"", refused=[(e, exc.message) for e in edits]))
            continue
        run.files.append(fix_file(rel, data, edits, settings))
    return run


def unified_diff(fix: FileFix) -> str:
    if fix.after is None:
        return ""
    before = split_lines(decode(fix.before, fix.path))
    after = split_lines(decode(fix.after, fix.path))
    lines = difflib.unified_diff(before, after, f"a/{fix.path}", f"b/{fix.path}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def refuse_dirty(run: FixRun, root: Path) -> tuple[list[str], list[str]]:
    """(changed files with uncommitted changes, changed files outside any git work tree)."""
    dirty, outside = dirty_files(root / f.path for f in run.changed)
    rel = {root / f.path: f.path for f in run.changed}
    return [rel[p] for p in dirty], [rel[p] for p in outside]


def write_fixes(run: FixRun, root: Path) -> None:
    for fix in run.changed:
        assert fix.after is not None
        try:
            write_atomically(root / fix.path, fix.before, fix.after)
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
