"""One file in, findings out: read -> the language's front end -> coded, positioned findings.

This is the one engine every command stands on (scan, report, fix, check); ``api.py`` runs it
over many files.  It knows no parser: the front end of the file's language (``lang/``) finds
hits by byte range, and the engine gives them codes, applies ``select``/``ignore`` and
suppression comments, and turns byte offsets into lines and columns.  Everything here is a pure
function of the file's bytes and the settings, which is what makes it safe to run in worker
processes and to cache.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from threading import Lock
from typing import Any

from hardcode_lint.detect.catalog import UNIT_SECONDS
from hardcode_lint.detect.codes import code_for, selected
from hardcode_lint.detect.suppress import ignored_by, suppression
from hardcode_lint.lang import frontend as get_frontend
from hardcode_lint.lang import language_of, names
from hardcode_lint.lang.base import DetectOptions, Hit, MigratedHit
from hardcode_lint.model import (
    Context,
    FileError,
    FileResult,
    Finding,
    Number,
    Replacement,
    Status,
    by_fields,
)
from hardcode_lint.moved import Edit, moved, same_verdict
from hardcode_lint.parse.source import SourceError, SourceFile, is_generated, read_bytes


@dataclass(frozen=True, slots=True)
class FileTask:
    """What a worker needs to analyse one file."""

    path: Path  # absolute
    rel: str  # relative to the root, with "/"
    test: bool
    known_digest: str | None = None  # the cached content digest: if equal, nothing to redo
    language: str = ""  # the registry name of the front end that reads it
    known_memo: str = ""  # the front end's memo of the cached analysis (see DetectOptions)

    __reduce__ = by_fields  # sent to a worker process for each file


@dataclass(frozen=True, slots=True)
class Outcome:
    """A worker's answer: the result (None if the content is the cached one) and cache facts."""

    rel: str
    result: FileResult | None
    size: int = -1
    mtime_ns: int = -1
    digest: str = ""  # empty: not cacheable (the file could not be read, or no cache)
    memo: str = ""  # the front end's memo of this analysis, for the cache

    __reduce__ = by_fields  # sent back from a worker process for each file


@dataclass(frozen=True, slots=True)
class Settings:
    """The parts of the configuration that decide a file's findings (and its cache key).

    Plain strings and tuples only: it is pickled into every worker and hashed into the cache
    key.  ``catalogs`` and ``replacements`` are per language: (language, user catalog as JSON)
    and (language, a rule's replace expression).
    """

    select: tuple[str, ...]
    ignore: tuple[str, ...]
    prefilter: bool = True
    catalogs: tuple[tuple[str, str], ...] = ()
    replacements: tuple[tuple[str, str], ...] = ()
    # zero literals are kept: the user asked for them (`include-zero`), or rules may match
    # them (``rules.match`` then drops the zeros no rule claims)
    zeros: bool = False
    # `per-file-ignores`: (glob, code prefixes); what they ignore is kept, not listed
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def options(self, language: str) -> DetectOptions:
        """What the front end of ``language`` is given."""
        return _options(self, language)

    def cache_key(self) -> str:
        """Everything besides a file's bytes that decides its findings."""
        parts = [",".join(self.select), ",".join(self.ignore), str(self.prefilter),
                 repr(self.catalogs), repr(self.replacements), str(self.zeros),
                 repr(self.per_file_ignores)]  # fmt: skip
        return "|".join(parts)


@lru_cache(maxsize=16)
def _options(settings: Settings, language: str) -> DetectOptions:
    catalog = next((table for name, table in settings.catalogs if name == language), "")
    replacements = tuple(e for name, e in settings.replacements if name == language)
    return DetectOptions(catalog, replacements, settings.prefilter, zeros=settings.zeros)


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


def _seconds(hit: Hit) -> Number | None:
    """The hit's own seconds (Go's ``time.Second / 10``), else ``number`` in its unit."""
    return hit.seconds if hit.seconds is not None else to_seconds(hit.number, hit.unit)


_NON_DECIMAL = re.compile(r"^[-+~]?\(*0[xXoObB]")


def _is_code_literal(hit: Hit) -> bool:
    """``WAIT_TIMEOUT = 0x102``, ``POLICY_SET_DEFAULT_QUOTA_LIMITS = 0x80``: a hex, octal or
    binary literal bound to a name (an assignment or a default) is a status code or a flag,
    never a number of seconds nor a limit.  Passed to a call, positionally or by keyword
    (``ttl=0xFFFFFFFF``), it is a literal like any other."""
    named = hit.context in (Context.ASSIGNMENT, Context.DEFAULT)
    return named and bool(_NON_DECIMAL.match(hit.value))


def _finding(task: FileTask, source: SourceFile, hit: Hit, settings: Settings,
             comment: str) -> Finding | None:  # fmt: skip
    """A hit as a finding: coded, selected, positioned for printing; a suppressed one (a
    comment, ``per-file-ignores``) has status KEPT and says why.

    A zero is no tunable (``time.sleep(0)`` yields, ``max(0, x)`` floors, ``maxsize=0`` is
    unbounded), in every language: dropped here unless ``settings.zeros``."""
    if _is_code_literal(hit) or (hit.number == 0 and not settings.zeros):
        return None
    code = code_for(hit.kind, hit.context).code
    line, column = source.position(hit.start)
    if not selected(code, settings.select, settings.ignore):
        return None
    reason = suppression(source.line_text(line), code, comment)
    if reason is None and (glob := ignored_by(task.rel, code, settings.per_file_ignores)):
        reason = f"per-file-ignores {glob!r}"
    end_line, end_column = source.position(hit.end)
    return Finding(
        path=task.rel, line=line, column=column, end_line=end_line, end_column=end_column,
        kind=hit.kind, code=code, context=hit.context, value=hit.value, number=hit.number,
        unit=hit.unit, seconds=_seconds(hit), api=hit.api, arg=hit.arg,
        scope=hit.scope, snippet=hit.snippet, test=task.test or hit.test,
        arg_alias=hit.arg_alias, language=task.language, start=hit.start, end=hit.end,
        snippet_start=hit.snippet_start, snippet_end=hit.snippet_end,
        value_type=hit.value_type, reason=reason, api_alias=hit.api_alias,
        status=Status.UNMAPPED if reason is None else Status.KEPT,
    )  # fmt: skip


class _Seen:
    """The findings of the last analyses of a few files, by their hit's identity and place.

    A front end that analyses an edited file by statement hands back the very hit objects of
    the statements the edit left where they were (:mod:`.lang.python.memo`); under the same
    settings such a hit is the same finding.  A hit the edit only moved (its lines kept, its
    verdict the old one) is the old finding moved (:mod:`.moved`); so a dense file's
    keystroke builds only the changed statements' findings."""

    def __init__(self, size: int = 4) -> None:
        self.files: OrderedDict[tuple[str, str, bool], _Last] = OrderedDict()
        self.size, self.lock = size, Lock()

    def findings(self, task: FileTask, source: SourceFile, hits: list[Hit], settings: Settings,
                 comment: str) -> list[Finding | None]:  # fmt: skip
        file = (task.rel, task.language, task.test)
        with self.lock:
            last = self.files.get(file)
        if last is None or last.settings is not settings or last.encoding != source.encoding:
            last = None
        edit = Edit(last.data, source.data) if last is not None and hits else None
        found, made, places = [], {}, {}
        for hit in hits:
            finding = _MISSING if last is None else last.finding(hit, edit)
            if finding is _MISSING:
                finding = _finding(task, source, hit, settings, comment)
            found.append(finding)
            made[id(hit)] = places[hit.start, hit.end] = (hit, finding)
        with self.lock:
            self.files[file] = _Last(settings, source.data, source.encoding, made, places)
            self.files.move_to_end(file)
            while len(self.files) > self.size:
                self.files.popitem(last=False)
        return found


_MISSING: Any = object()
_Made = dict[Any, tuple[Hit, Any]]


@dataclass(frozen=True, slots=True)
class _Last:
    """One file's last analysis: its bytes, and each hit with its finding by id and place."""

    settings: Settings
    data: bytes
    encoding: str
    by_id: _Made
    by_place: _Made

    def finding(self, hit: Hit, edit: Edit | None) -> Any:
        """The finding of ``hit`` known from here, or ``_MISSING``."""
        before = self.by_id.get(id(hit))
        if before is not None and before[0] is hit:
            return before[1]
        place = edit.old_place(hit) if edit is not None else None
        before = self.by_place.get(place[:2]) if place is not None else None
        if before is None or place is None or not same_verdict(before[0], hit):
            return _MISSING
        return before[1] if before[1] is None else moved(before[1], hit, place[2])


_seen = _Seen()


def _replacement(task: FileTask, source: SourceFile, hit: MigratedHit) -> Replacement:
    line, column = source.position(hit.start)
    return Replacement(
        path=task.rel, line=line, column=column, expression=hit.expression,
        context=hit.context, api=hit.api, arg=hit.arg, scope=hit.scope, snippet=hit.snippet,
        test=task.test or hit.test, arg_alias=hit.arg_alias, language=task.language,
        start=hit.start, end=hit.end, snippet_start=hit.snippet_start,
        snippet_end=hit.snippet_end, api_alias=hit.api_alias,
    )  # fmt: skip


def _analyze(task: FileTask, data: bytes, settings: Settings) -> tuple[FileResult, str]:
    """The file's result, and the front end's memo of it."""
    frontend = get_frontend(task.language)
    source = frontend.decode(data, task.path.name, task.rel)
    if is_generated(source.text):  # generated settings: its literals are the defaults
        return FileResult(task.rel), ""
    options = replace(settings.options(task.language), file=str(task.path))
    if task.known_memo:
        options = replace(options, memo=task.known_memo)
    detected = frontend.detect(source, options)
    found = _seen.findings(task, source, detected.hits, settings, frontend.comment)
    findings = sorted((f for f in found if f is not None), key=lambda f: (f.line, f.column))
    listed = tuple(f for f in findings if f.status is not Status.KEPT)
    kept = tuple(f for f in findings if f.status is Status.KEPT)
    replacements = [_replacement(task, source, hit) for hit in detected.migrated]
    result = FileResult(task.rel, listed, tuple(replacements), None,
                        tuple(detected.modules), kept)  # fmt: skip
    return result, detected.memo


def analyze_file(task: FileTask, settings: Settings) -> FileResult:
    """The findings of one file, or the reason it has none; never raises for bad input."""
    result = run_task(task, settings).result
    assert result is not None  # no known digest was given
    return result


def run_task(task: FileTask, settings: Settings, *, cached: bool = True) -> Outcome:
    """:func:`analyze_file` for the cache: skips the work when the content is the cached one.
    Without ``cached`` (no cache: ``--no-cache``) the content's digest is not computed."""
    from hardcode_lint.cache import digest_of

    if not task.language:  # a task made by hand (the API, tests): its extension says
        task = replace(task, language=language_of(task.path.name) or names()[0])
    try:
        stat = task.path.stat()
        data = read_bytes(task.path)
    except (OSError, SourceError) as exc:
        message = exc.message if isinstance(exc, SourceError) else "file vanished during the scan"
        return Outcome(task.rel, FileResult(task.rel, error=FileError(task.rel, None, message)))
    digest = digest_of(data) if cached else ""
    if digest == task.known_digest:
        return Outcome(task.rel, None, stat.st_size, stat.st_mtime_ns, digest)
    result, memo = analyze_with_memo(task, data, settings)
    return Outcome(task.rel, result, stat.st_size, stat.st_mtime_ns, digest, memo)


def analyze_data(task: FileTask, data: bytes, settings: Settings) -> FileResult:
    """The findings of ``data`` as the content of ``task``'s file (an editor's unsaved buffer,
    or the bytes just read); never raises for bad input."""
    return analyze_with_memo(task, data, settings)[0]


def analyze_with_memo(task: FileTask, data: bytes, settings: Settings) -> tuple[FileResult, str]:
    """:func:`analyze_data`, with the front end's memo of it: given back as ``task.known_memo``
    for the next version of the same file (an editor's next keystroke), the front end judges
    again only what changed."""
    try:
        return _analyze(task, data, settings)
    except SourceError as exc:
        return FileResult(task.rel, error=FileError(task.rel, exc.line, exc.message)), ""
    except (RecursionError, MemoryError):
        message = "cannot analyse: an expression is nested too deeply"
        return FileResult(task.rel, error=FileError(task.rel, None, message)), ""
    except Exception as exc:  # a bug of ours must cost one file, never the run
        message = f"internal error ({type(exc).__name__}: {exc}); please report this file"
        return FileResult(task.rel, error=FileError(task.rel, None, message)), ""
