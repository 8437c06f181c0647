"""One file in, findings out: read -> ast pre-pass -> libcst detector -> positioned findings.

This is the one engine every command stands on (scan, report, fix, check); ``api.py`` runs it
over many files.  Everything here is a pure function of the file's bytes and the settings, which
is what makes it safe to run in worker processes and to cache.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from hardcode_lint.detect.catalog import UNIT_SECONDS, Catalog
from hardcode_lint.detect.codes import code_for, selected
from hardcode_lint.detect.suppress import is_suppressed
from hardcode_lint.model import (
    Context,
    FileError,
    FileResult,
    Finding,
    Kind,
    Number,
    Replacement,
)
from hardcode_lint.parse.prepass import Prepass, Span, parse_ast, prepass
from hardcode_lint.parse.regions import (
    anchor_lines,
    blank,
    blank_regions,
    kept_spans,
)
from hardcode_lint.parse.source import SourceError, decode, read_bytes, split_lines

if TYPE_CHECKING:  # libcst is imported only when a file is actually parsed with it
    import libcst as cst

    from hardcode_lint.detect.calls import Detection
    from hardcode_lint.detect.replacements import Watchlist
    from hardcode_lint.detect.visitor import DetectorVisitor


@dataclass(frozen=True, slots=True)
class FileTask:
    """What a worker needs to analyse one file."""

    path: Path  # absolute
    rel: str  # relative to the root, with "/"
    test: bool
    known_digest: str | None = None  # the cached content digest: if equal, nothing to redo


@dataclass(frozen=True, slots=True)
class Outcome:
    """A worker's answer: the result (None if the content is the cached one) and cache facts."""

    rel: str
    result: FileResult | None
    size: int = -1
    mtime_ns: int = -1
    digest: str = ""  # empty: not cacheable (the file could not be read)


@dataclass(frozen=True, slots=True)
class Settings:
    """The parts of the configuration that decide a file's findings (and its cache key)."""

    catalog: Catalog
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    prefilter: bool = True
    replacements: tuple[str, ...] = ()  # the rules' replace expressions (migrated sites)

    @property
    def watch(self) -> Watchlist:
        return watchlist_for(self.replacements)

    def cache_key(self) -> str:
        """Everything besides a file's bytes that decides its findings."""
        parts = [self.catalog.fingerprint, ",".join(self.select), ",".join(self.ignore),
                 str(self.prefilter), "\x1f".join(self.replacements)]  # fmt: skip
        return "|".join(parts)


@lru_cache(maxsize=4)
def watchlist_for(replacements: tuple[str, ...]) -> Watchlist:
    from hardcode_lint.detect.replacements import Watchlist

    return Watchlist.from_expressions(replacements)


def mentions(replacements: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` may hold a replacement, decided without libcst when possible."""
    return bool(replacements) and watchlist_for(replacements).mentioned_in(text)


def to_seconds(number: Number, unit: str | None) -> Number | None:
    """``number`` in ``unit`` as seconds; whole results as int (300, not 300.0)."""
    if unit is None:
        return None
    seconds = number * UNIT_SECONDS[unit]
    if isinstance(seconds, float):
        seconds = round(seconds, 9)
        if seconds.is_integer() and abs(seconds) < 2**53:
            return int(seconds)
    return seconds


def line_columns(text: str) -> _Lines:
    """A helper turning ast's byte offsets in ``text`` into 1-based character columns."""
    return _Lines(text)


class _Lines:
    """The file's lines, split only when a finding needs one, the way ``ast`` counts them."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None

    def __getitem__(self, lineno: int) -> str:
        if self._lines is None:
            self._lines = split_lines(self._text)
        return self._lines[lineno - 1] if 0 < lineno <= len(self._lines) else ""

    def column(self, lineno: int, byte_offset: int) -> int:
        """ast's UTF-8 byte offset as a 1-based character column."""
        prefix = self[lineno].encode("utf-8")[:byte_offset]
        return len(prefix.decode("utf-8", errors="replace")) + 1


_NON_DECIMAL = re.compile(r"^[-+~]?\(*0[xXoObB]")


def _is_code_literal(detection: Detection, value: str) -> bool:
    """``WAIT_TIMEOUT = 0x102``: a hex, octal or binary literal bound to a duration-sounding
    name is a status code or a flag, never a number of seconds."""
    named = detection.context is not Context.CALL
    return named and detection.kind is Kind.DURATION and bool(_NON_DECIMAL.match(value))


def _finding(
    task: FileTask, detection: Detection, span: Span, lines: _Lines, settings: Settings
) -> Finding | None:
    from hardcode_lint.detect.cst_literals import fold_cst
    from hardcode_lint.detect.sourcetext import literal_text

    number = fold_cst(detection.node)
    if number is None:
        return None
    value = literal_text(detection.node)
    if _is_code_literal(detection, value):
        return None
    code = code_for(detection.kind, detection.context).code
    line, col, end_line, end_col = span
    if not selected(code, settings.select, settings.ignore) or is_suppressed(lines[line], code):
        return None
    return Finding(
        path=task.rel,
        line=line,
        column=lines.column(line, col),
        end_line=end_line,
        end_column=lines.column(end_line, end_col),
        kind=detection.kind,
        code=code,
        context=detection.context,
        value=value,
        number=number,
        unit=detection.unit,
        seconds=to_seconds(number, detection.unit),
        api=detection.api,
        arg=detection.arg,
        scope=detection.scope,
        snippet=detection.snippet,
        test=task.test,
        arg_alias=detection.arg_alias,
    )


def parse_cst(source: str | bytes) -> cst.Module:
    """libcst's parse, with its failures as :class:`SourceError` (bytes keep the encoding)."""
    import libcst as cst

    try:
        return cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        raise SourceError(f"syntax error: {exc.message}", exc.raw_line) from None
    except RecursionError:
        raise SourceError("cannot parse: nested too deeply") from None


def detect_module(
    module: cst.Module, settings: Settings, expected_literals: int
) -> DetectorVisitor:
    """Run the libcst detector over ``module``; the visitor holds what it found.

    ``expected_literals`` is how many literal expressions the ast pre-pass numbered: the two
    walks must agree for positions to be borrowed.
    """
    from hardcode_lint.detect.visitor import DetectorVisitor

    visitor = DetectorVisitor(module, settings.catalog, settings.watch)
    try:
        module.visit(visitor)
    except RecursionError:
        raise SourceError("cannot analyse: an expression is nested too deeply") from None
    if len(visitor.literals) != expected_literals:
        raise SourceError(
            f"internal: {len(visitor.literals)} literals seen by libcst, {expected_literals} by "
            "ast; please report this file"
        )
    return visitor


def _replacements(task: FileTask, visitor: DetectorVisitor) -> tuple[Replacement, ...]:
    """Migrated sites; positions come from libcst's position pass, run only when needed."""
    if not visitor.hits:
        return ()
    from libcst.metadata import MetadataWrapper, PositionProvider

    positions = MetadataWrapper(visitor.module, unsafe_skip_copy=True).resolve(PositionProvider)
    found = []
    for hit in visitor.hits:
        start = positions[hit.node].start
        found.append(
            Replacement(
                path=task.rel,
                line=start.line,
                column=start.column + 1,
                expression=hit.expression,
                context=hit.context,
                api=hit.api,
                arg=hit.arg,
                scope=hit.scope,
                snippet=hit.snippet,
                test=task.test,
                arg_alias=hit.arg_alias,
            )
        )
    found.sort(key=lambda r: (r.line, r.column))
    return tuple(found)


def _narrowed(
    tree: ast.Module, text: str, pre: Prepass, settings: Settings
) -> tuple[str, list[Span]]:
    """The text libcst parses and its literal spans: non-candidate bodies blanked out."""
    watch = settings.watch if settings.replacements else None
    if not settings.prefilter or (watch is not None and watch.unanchored):
        return text, pre.spans
    keep, roots = [*pre.lines, *pre.keep], pre.roots
    if watch is not None:
        anchored = anchor_lines(text, watch.anchors)
        if anchored:  # a migrated site's call is resolved too: keep what any call needs
            keep, roots = keep + anchored, roots | pre.call_roots
    lines = split_lines(text)
    regions = blank_regions(tree, lines, sorted(keep), roots)
    return blank(lines, regions), kept_spans(pre.spans, regions)


def _analyze_text(task: FileTask, text: str, settings: Settings) -> FileResult:
    tree = parse_ast(text)
    pre = prepass(tree, settings.catalog.words, settings.catalog.callee_names())
    wanted = pre.candidate or mentions(settings.replacements, text)
    if settings.prefilter and not wanted:
        return FileResult(task.rel)
    parsed, spans = _narrowed(tree, text, pre, settings)
    visitor = detect_module(parse_cst(parsed), settings, len(spans))
    lines = _Lines(text)
    found = []
    for detection in visitor.detections:
        span = spans[visitor.ordinals[id(detection.node)]]
        finding = _finding(task, detection, span, lines, settings)
        if finding is not None:
            found.append(finding)
    found.sort(key=lambda f: (f.line, f.column))
    return FileResult(task.rel, tuple(found), _replacements(task, visitor))


def analyze_file(task: FileTask, settings: Settings) -> FileResult:
    """The findings of one file, or the reason it has none; never raises for bad input."""
    result = run_task(task, settings).result
    assert result is not None  # no known digest was given
    return result


def run_task(task: FileTask, settings: Settings) -> Outcome:
    """:func:`analyze_file` for the cache: skips the work when the content is the cached one."""
    from hardcode_lint.cache import digest_of

    try:
        stat = task.path.stat()
        data = read_bytes(task.path)
    except (OSError, SourceError) as exc:
        message = exc.message if isinstance(exc, SourceError) else "file vanished during the scan"
        return Outcome(task.rel, FileResult(task.rel, error=FileError(task.rel, None, message)))
    digest = digest_of(data)
    if digest == task.known_digest:
        return Outcome(task.rel, None, stat.st_size, stat.st_mtime_ns, digest)
    try:
        result = _analyze_text(task, decode(data, task.path.name), settings)
    except SourceError as exc:
        result = FileResult(task.rel, error=FileError(task.rel, exc.line, exc.message))
    except Exception as exc:  # a bug of ours must cost one file, never the run
        message = f"internal error ({type(exc).__name__}: {exc}); please report this file"
        result = FileResult(task.rel, error=FileError(task.rel, None, message))
    return Outcome(task.rel, result, stat.st_size, stat.st_mtime_ns, digest)
