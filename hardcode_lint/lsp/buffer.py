"""One editor buffer analysed as ``scan`` would analyse the file if it were saved.

The buffer's text is turned back into the bytes the file would hold (in its declared encoding),
handed to :func:`engine.analyze_with_memo` with the project's settings, and its findings matched to
the project's rules.  A rule's status needs the other files too: a rule allowed one site that
also matches a literal elsewhere is ambiguous, and neither ``fix`` nor the editor rewrites it.
Those counts come from the project's background view (disk contents); until the first view
is ready, the buffer is judged alone.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path
from threading import Lock

from hardcode_lint.cache import digest_of
from hardcode_lint.discover.files import relative
from hardcode_lint.engine import FileTask, Settings, analyze_with_memo
from hardcode_lint.lang import frontend, language_of
from hardcode_lint.lsp.project import Project, Snapshot
from hardcode_lint.lsp.text import TextIndex
from hardcode_lint.model import FileError, FileResult, Finding, Rule, Status, baseline_entries
from hardcode_lint.parse.source import SourceError
from hardcode_lint.rules.keep import match_project


@dataclass(frozen=True)
class Site:
    """A finding of the buffer with what the editor shows about it.

    ``status`` is ``pending`` or ``ambiguous`` (its rule's status across the project) or
    ``unmapped``; ``baselined`` is None when the project has no baseline file, else whether the
    baseline accepts this unmapped finding.  ``span`` is the literal's character range.
    """

    finding: Finding
    rule: Rule | None
    status: Status
    sites: int  # how many sites its rule has in the whole project (this buffer included)
    baselined: bool | None
    span: tuple[int, int]


@dataclass(frozen=True)
class Buffer:
    """The analysis of one version of one buffer."""

    path: Path
    rel: str
    language: str
    data: bytes  # the bytes the file would hold, which the findings' byte ranges index
    index: TextIndex
    sites: tuple[Site, ...]
    error: FileError | None
    snapshot: Snapshot

    def at(self, start: int, end: int) -> list[Site]:
        """The sites whose literal touches the character range ``start:end``."""
        return [s for s in self.sites if s.span[0] <= end and start <= s.span[1]]

    def pending(self) -> list[Site]:
        return [s for s in self.sites if s.status is Status.PENDING]


def buffer_bytes(text: str, language: str, name: str, rel: str) -> bytes:
    """The bytes ``text`` would be saved as: UTF-8, unless the source declares another
    encoding (a PEP 263 cookie), in which the findings' byte ranges are then counted."""
    data = text.encode("utf-8", errors="replace")
    try:
        encoding = frontend(language).decode(data, name, rel).encoding
    except SourceError:
        return data
    if encoding.replace("_", "-").lower() in ("utf-8", "utf8", "utf-8-sig"):
        return data
    try:
        return text.encode(encoding)
    except (LookupError, UnicodeError):
        return data


class ResultCache:
    """The last few engine results by content, so a save or a reopen after no edit, and the
    hover and code actions of a version already published, cost nothing; and the front end's
    memo of each file's last analysis, which the next version's analysis starts from (only
    the statements an edit changed are judged again)."""

    def __init__(self, size: int = 32) -> None:
        self._items: OrderedDict[tuple[str, str, str], FileResult] = OrderedDict()
        self._memos: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._size = size
        self._lock = Lock()

    def result(self, task: FileTask, data: bytes, settings: Settings) -> FileResult:
        key = (task.rel, digest_of(data), settings.cache_key() + str(task.test))
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            file = (task.rel, key[2])
            known = self._memos.get(file, OPENED)
        found, memo = analyze_with_memo(replace(task, known_memo=known), data, settings)
        with self._lock:
            self._items[key] = found
            while len(self._items) > self._size:
                self._items.popitem(last=False)
            if memo:  # a version that does not parse keeps the last memo for the next one
                self._memos[file] = memo  # (it is keyed by content: never wrong, only unused)
                self._memos.move_to_end(file)
            while len(self._memos) > self._size:
                self._memos.popitem(last=False)
        return found


# The memo of an editor's file not analysed yet: a memo that holds nothing (the whole file
# is judged), which tells the front end the file is an editor's, sent again at each keystroke:
# Python's reads it as an edited file, so its stores by statement are filled at open and the
# first keystroke reads only what it changed (without, that keystroke read them all, ~0.4 s
# on a dense 5,000-line file).
OPENED = "{}"


def _baselined(snapshot: Snapshot, unmapped: list[Finding]) -> dict[int, bool]:
    """Whether the baseline accepts each unmapped finding (by ``id``), as ``check`` judges."""
    if snapshot.baseline is None:
        return {}
    accepted = snapshot.baseline.entries
    return {id(f): entry in accepted for entry, f in baseline_entries(unmapped)}


def judge_sites(
    project: Project, snapshot: Snapshot, result: FileResult, index: TextIndex
) -> list[Site]:
    rules = {rule.id: rule for rule in snapshot.rules.rules}
    matching = match_project(snapshot.rules, result.findings, result.replacements,
                             include_zero=snapshot.config.include_zero)  # fmt: skip
    local = {o.rule.id: o.sites for o in matching.outcomes}
    baselined = _baselined(snapshot, matching.unmapped)
    view = project.view
    found = []
    for finding in matching.findings:
        span = (index.finding_offset(finding.line, finding.column),
                index.finding_offset(finding.end_line, finding.end_column))  # fmt: skip
        rule = rules.get(finding.rule or "")
        if rule is None:
            accepted = None if snapshot.baseline is None else baselined.get(id(finding), False)
            found.append(Site(finding, None, Status.UNMAPPED, 0, accepted, span))
            continue
        sites = local[rule.id] + (view.sites_elsewhere(rule.id, finding.path) if view else 0)
        ambiguous = rule.count is not None and sites > rule.count
        status = Status.AMBIGUOUS if ambiguous else Status.PENDING
        found.append(Site(finding, rule, status, sites, None, span))
    return found


def analyze_buffer(
    project: Project, path: Path, text: str, encoding: str, cache: ResultCache
) -> Buffer | None:
    """The buffer's analysis, or None when ``scan`` would not look at this file (a language
    the project does not select, or a path its ``exclude`` covers)."""
    snapshot = project.snapshot
    config = snapshot.config
    rel = relative(path, project.root)
    language = language_of(path.name, config.languages)
    if language is None or rel.startswith("../") or snapshot.excluded.match_file(rel):
        return None
    data = buffer_bytes(text, language, path.name, rel)
    task = FileTask(path=path, rel=rel, test=snapshot.tests.match_file(rel), language=language)
    result = cache.result(task, data, snapshot.settings)
    index = TextIndex(text, encoding)
    sites = judge_sites(project, snapshot, result, index) if result.error is None else []
    return Buffer(path, rel, language, data, index, tuple(sites), result.error, snapshot)


def _kept_lines(old: list[str], new: list[str]) -> tuple[int, int]:
    """How many lines the two texts share at their start, and then at their end."""
    most = min(len(old), len(new))
    head = 0
    while head < most and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < most - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, tail


def _shifted(finding: Finding, lines: int, data: int) -> Finding:
    def at(offset: int) -> int:
        return offset + data if offset >= 0 else offset

    return replace(
        finding, line=finding.line + lines, end_line=finding.end_line + lines,
        start=at(finding.start), end=at(finding.end),
        snippet_start=at(finding.snippet_start), snippet_end=at(finding.snippet_end),
    )  # fmt: skip


def _lands_on(finding: Finding, line: int, first_moved: int, lines: int) -> bool:
    """Whether ``finding`` covers 0-based ``line`` once moved (``lines`` down from
    ``first_moved`` on)."""
    shift = lines if finding.line - 1 >= first_moved else 0
    return finding.line - 1 + shift <= line <= finding.end_line - 1 + shift


def moved(
    old: Buffer, text: str, encoding: str, error: FileError | None, line: int | None = None
) -> Buffer:
    """``old``'s findings carried over to ``text``, a later version of the buffer that has
    not been analysed (it does not parse, or its analysis is still running): the findings on
    lines the edits left alone, moved by the lines and bytes inserted above them, so the
    editor keeps them (and their hover and actions) instead of flickering to nothing.  With
    ``line`` (0-based, in ``text``), only the findings that end up on it: a hover's, which
    must not pay for moving thousands of findings of a dense file."""
    index = TextIndex(text, encoding)
    data = buffer_bytes(text, old.language, old.path.name, old.rel)
    head, tail = _kept_lines(old.index.lines, index.lines)
    first_moved = len(old.index.lines) - tail  # 0-based line from which findings move
    lines = len(index.lines) - len(old.index.lines)
    chars, octets = len(text) - len(old.index.text), len(data) - len(old.data)
    sites = []
    for site in old.sites:
        finding = site.finding
        if line is not None and not _lands_on(finding, line, first_moved, lines):
            continue
        if finding.end_line - 1 < head:
            sites.append(site)
        elif finding.line - 1 >= first_moved:
            span = (site.span[0] + chars, site.span[1] + chars)
            sites.append(replace(site, finding=_shifted(finding, lines, octets), span=span))
    return Buffer(old.path, old.rel, old.language, data, index, tuple(sites), error, old.snapshot)
