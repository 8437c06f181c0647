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
from hardcode_lint.edit import TextEdit, splice
from hardcode_lint.fix.plan import Edit, FixPlan
from hardcode_lint.fix.write import dirty_files
from hardcode_lint.lang import frontend
from hardcode_lint.lang.base import Applied, SiteEdit
from hardcode_lint.parse.source import SourceError, SourceFile, read_bytes, split_lines


@dataclass
class FileFix:
    """The outcome for one file: its new bytes (None: unchanged) and the edits made or refused.

    ``edits`` are the front end's byte edits of ``before``; ``after`` is their splice until
    the formatter rewrites it (then only :meth:`spliced_as_is` tells)."""

    path: str
    before: bytes
    after: bytes | None = None
    edits: tuple[TextEdit[bytes], ...] = ()
    applied: list[Edit] = field(default_factory=list)
    refused: list[tuple[Edit, str]] = field(default_factory=list)
    encoding: str = "utf-8"

    def spliced_as_is(self) -> bool:
        """Whether ``after`` is exactly ``edits`` spliced into ``before`` (no formatter
        rewrote it), so that the edits alone describe the change."""
        return self.after is not None and splice(self.before, self.edits) == self.after


def _same_literal(source: SourceFile, edit: Edit) -> bool:
    """Whether the scan's byte range still holds the literal it reported (a Go duration's
    ``value`` is its whole expression, ``5 * time.Second``, which holds the literal)."""
    finding = edit.finding
    if finding.start < 0 or finding.end > len(source.data):
        return False
    found = re.sub(r"\s+", "", source.slice(finding.start, finding.end))
    value = re.sub(r"\s+", "", finding.value)
    return found == value or (bool(found) and found in value)


def _site_edits(
    source: SourceFile, edits: Sequence[Edit], prefix: str = ""
) -> tuple[list[SiteEdit], dict[str, Edit], list[tuple[Edit, str]]]:
    """The front end's edits for ``edits`` (labelled ``prefix`` + their index), and the ones
    refused before: a literal no longer where the scan saw it, a replacement that is no
    expression."""
    front = frontend(source_language(edits))
    labelled: dict[str, Edit] = {}
    site_edits, refused = [], []
    for number, edit in enumerate(edits):
        reason = (
            None
            if _same_literal(source, edit)
            else "the literal is no longer where the scan found it"
        )
        reason = reason or front.check_replacement(edit.rule.replace)
        if reason:
            refused.append((edit, reason))
            continue
        label = f"{prefix}{number}"
        labelled[label] = edit
        finding, rule = edit.finding, edit.rule
        site_edits.append(
            SiteEdit(finding.start, finding.end, rule.replace, rule.imports, label,
                     finding.scope, rule.id, finding.value_type)
        )  # fmt: skip
    return site_edits, labelled, refused


def source_language(edits: Sequence[Edit]) -> str:
    return edits[0].finding.language


def fix_file(path: str, data: bytes, edits: Sequence[Edit]) -> FileFix:
    """Apply ``edits`` (all in one file, of one language) to its bytes ``data``."""
    result = FileFix(path, data)
    if not edits:
        return result
    front = frontend(source_language(edits))
    try:
        source = front.decode(data, PurePosixPath(path).name, path)
    except SourceError as exc:
        result.refused = [(e, f"cannot read the file: {exc.message}") for e in edits]
        return result
    result.encoding = source.encoding
    site_edits, labelled, result.refused = _site_edits(source, edits)
    try:
        outcome = front.apply(source, site_edits)
    except (RecursionError, MemoryError):
        reason = "cannot rewrite it: an expression is nested too deeply"
        result.refused += [(labelled[e.label], reason) for e in site_edits]
        return result
    result.refused += [(labelled[label], why) for label, why in outcome.refused.items()]
    result.applied = [labelled[label] for label in outcome.applied]
    result.edits = outcome.edits
    result.after = outcome.spliced(data)
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
    """Every file's fix: the planned edits, expanded by their front end (a Rust ``const``'s
    uses in other files), spliced file by file; the edits of one group (one rule's edits over
    several files) are applied together or refused together.  ``read`` (root-relative path ->
    bytes) gives the files' contents instead of the disk (``fix --verify`` rebuilds from the
    originals)."""
    run = FixRun()
    group = _Group(root, read)
    for rel, edits in sorted(plan.edits.items()):
        if edits:
            group.plan(rel, edits)
    group.expand()
    run.files = group.apply()
    return run


class _Group:
    """The state of one fix over many files (see :func:`compute_fixes`)."""

    def __init__(self, root: Path, read: Callable[[str], bytes] | None = None) -> None:
        self.root = root
        self.read = read
        self.sources: dict[str, SourceFile | str] = {}  # a file, or why it cannot be read
        self.language: dict[str, str] = {}
        self.labelled: dict[str, Edit] = {}
        self.early: dict[str, list[tuple[Edit, str]]] = {}
        self.site_edits: dict[str, dict[str, list[SiteEdit]]] = {}  # language -> path -> edits
        self.edits: dict[str, list[SiteEdit]] = {}
        self.failed: dict[str, str] = {}  # group owner -> why
        self.planned: dict[str, list[str]] = {}  # path -> labels of its planned edits

    def _read(self, rel: str, language: str) -> SourceFile | str:
        if rel not in self.sources:
            try:
                data = self.read(rel) if self.read else read_bytes(self.root / rel)
                front = frontend(language)
                self.sources[rel] = front.decode(data, PurePosixPath(rel).name, rel)
            except SourceError as exc:
                self.sources[rel] = f"cannot read {rel}: {exc.message}"
            self.language[rel] = language
        return self.sources[rel]

    def plan(self, rel: str, edits: Sequence[Edit]) -> None:
        source = self._read(rel, source_language(edits))
        if isinstance(source, str):
            self.early[rel] = [(e, source) for e in edits]
            return
        site_edits, labelled, self.early[rel] = _site_edits(source, edits, f"{rel}#")
        self.labelled.update(labelled)
        self.planned[rel] = list(labelled)
        by_path = self.site_edits.setdefault(source_language(edits), {})
        by_path[rel] = site_edits

    def expand(self) -> None:
        for language, by_path in self.site_edits.items():
            expanded = frontend(language).expand(self.root, by_path)
            self.failed.update(expanded.refused)
            for rel, edits in expanded.edits.items():
                self.edits.setdefault(rel, []).extend(edits)
                self._read(rel, language)

    def _apply_file(self, rel: str) -> tuple[Applied, set[str]]:
        source = self.sources[rel]
        edits = [e for e in self.edits.get(rel, []) if e.owner not in self.failed]
        if isinstance(source, str):
            return Applied(refused={e.label: source for e in edits}), set()
        try:
            outcome = frontend(self.language[rel]).apply(source, edits)
        except (RecursionError, MemoryError):
            reason = "cannot rewrite it: an expression is nested too deeply"
            outcome = Applied(refused={e.label: reason for e in edits})
        owners = {e.label: e.owner for e in edits}
        fresh = {owners[label] for label in outcome.refused} - set(self.failed)
        for label, why in outcome.refused.items():
            self.failed.setdefault(owners[label], why if owners[label] == label
                                   else f"{rel}: {why}")  # fmt: skip
        return outcome, fresh

    def apply(self) -> list[FileFix]:
        """Splice every file until no group fails anew (a failure undoes its other files)."""
        outcomes: dict[str, Applied] = {}
        pending = set(self.edits)
        while pending:
            fresh: set[str] = set()
            for rel in sorted(pending):
                outcomes[rel], failed = self._apply_file(rel)
                fresh |= failed
            pending = {rel for rel, es in self.edits.items() if any(e.owner in fresh for e in es)}
        return [self._file_fix(rel, outcomes.get(rel)) for rel in sorted(set(self.sources))]

    def _file_fix(self, rel: str, outcome: Applied | None) -> FileFix:
        source = self.sources[rel]
        data = source.data if not isinstance(source, str) else b""
        fix = FileFix(rel, data, refused=list(self.early.get(rel, [])))
        if not isinstance(source, str):
            fix.encoding = source.encoding
        if outcome is not None and outcome.applied:
            fix.edits = outcome.edits
            fix.after = outcome.spliced(data)
        for label in self.planned.get(rel, []):
            edit = self.labelled[label]
            if label in self.failed:
                fix.refused.append((edit, self.failed[label]))
            elif outcome is not None and label in outcome.applied:
                fix.applied.append(edit)
        return fix


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
