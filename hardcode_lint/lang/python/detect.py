"""Python detection: ast pre-pass -> blank what cannot matter -> libcst detector -> located hits.

The cheap ``ast`` pre-pass decides whether a file can hold a finding and numbers every literal
with its position; libcst then parses only what the candidates need and judges each literal;
the literal's number gives back its position, turned here into the byte range every consumer
(fix, report, editor) splices at.  On the tree-sitter path the verdicts are kept by top-level
statement (:mod:`.units`, :mod:`.memo`): the next version of the file has libcst judge only
the statements that changed, when the module's facts did not.
"""

from __future__ import annotations

import ast
import json
import os
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from hardcode_lint.detect.catalog import Catalog, build_catalog
from hardcode_lint.lang.base import Detected, DetectOptions, Hit, MigratedHit
from hardcode_lint.lang.python import memo, units
from hardcode_lint.lang.python.ast_statements import AstStatements
from hardcode_lint.lang.python.comments import documented_lines, notes_fact
from hardcode_lint.lang.python.definitions import Defined, defined_apis, definition_lines
from hardcode_lint.lang.python.fastparts import fast_prepass_edited
from hardcode_lint.lang.python.fastpass import fast_prepass
from hardcode_lint.lang.python.prepass import Prepass, Span, parse_ast, prepass
from hardcode_lint.lang.python.regions import (
    anchor_lines,
    blank,
    blank_regions,
    kept_spans,
    line_map,
    module_gaps,
    original_line,
)
from hardcode_lint.lang.python.signatures import (
    Signatures,
    called_lines,
    setter_lines,
    signatures,
    signatures_fact,
)
from hardcode_lint.lang.python.tables import without_tables
from hardcode_lint.lang.python.ts_statements import TreeSitterStatements
from hardcode_lint.lang.python.uses import Use, used_at, used_lines, uses_fact
from hardcode_lint.parse.source import SourceError, SourceFile, split_lines

if TYPE_CHECKING:  # libcst is imported only when a file is actually parsed with it
    import libcst as cst

    from hardcode_lint.lang.python.calls import Detection
    from hardcode_lint.lang.python.replacements import Watchlist
    from hardcode_lint.lang.python.visitor import DetectorVisitor

PACKAGE = "hardcode_lint.lang.python"


@lru_cache(maxsize=8)
def catalog_for(user_json: str) -> Catalog:
    """Python's catalog with the user's additions (already validated with the config)."""
    return build_catalog(PACKAGE, json.loads(user_json) if user_json else None)


@lru_cache(maxsize=4)
def watchlist_for(replacements: tuple[str, ...]) -> Watchlist:
    from hardcode_lint.lang.python.replacements import Watchlist

    return Watchlist.from_expressions(replacements)


def mentions(replacements: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` may hold a replacement, decided without libcst when possible."""
    return bool(replacements) and watchlist_for(replacements).mentioned_in(text)


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
    module: cst.Module,
    catalog: Catalog,
    watch: Watchlist,
    expected_literals: int,
    defined: Defined | None = None,
    documented: bool = False,
    uses: Mapping[str, Use] | None = None,
    signatures: Signatures | None = None,
) -> DetectorVisitor:
    """Run the libcst detector over ``module``; the visitor holds what it found.

    ``expected_literals`` is how many literal expressions the ast pre-pass numbered: the two
    walks must agree for positions to be borrowed.
    """
    from hardcode_lint.lang.python.visitor import DetectorVisitor
    from hardcode_lint.lang.python.walk import walk

    visitor = DetectorVisitor(module, catalog, watch, defined, documented, uses, signatures)
    try:
        walk(module, visitor)
    except RecursionError:
        raise SourceError("cannot analyse: an expression is nested too deeply") from None
    if len(visitor.literals) != expected_literals:
        raise SourceError(
            f"internal: {len(visitor.literals)} literals seen by libcst, {expected_literals} by "
            "ast; please report this file"
        )
    return visitor


def _migrated(
    source: SourceFile, visitor: DetectorVisitor, shifts: list[tuple[int, int]]
) -> list[MigratedHit]:
    """Migrated sites; positions come from libcst's position pass, run only when needed
    (mapped back through ``shifts`` to the lines of the file)."""
    if not visitor.hits:
        return []
    from libcst.metadata import MetadataWrapper, PositionProvider

    positions = MetadataWrapper(visitor.module, unsafe_skip_copy=True).resolve(PositionProvider)
    found, line = [], line_map(shifts)
    for hit in visitor.hits:
        where = positions[hit.node]
        start = source.offset(line(where.start.line), where.start.column)
        end = source.offset(line(where.end.line), where.end.column)
        found.append(
            MigratedHit(start, end, hit.expression, hit.context, hit.api, hit.arg, hit.scope,
                        hit.snippet, hit.snippet_start, hit.snippet_end, hit.arg_alias)
        )  # fmt: skip
    found.sort(key=lambda m: m.start)
    return found


def _narrowed(
    tree: ast.Module, text: str, pre: Prepass, options: DetectOptions
) -> tuple[str, list[Span], list[tuple[int, int]]]:
    """The text libcst parses, its literal spans (non-candidate bodies blanked out), and the
    map of its lines back to the file's."""
    watch = watchlist_for(options.replacements) if options.replacements else None
    if not options.prefilter or (watch is not None and watch.unanchored):
        return text, pre.spans, []
    keep, roots = [*pre.lines, *pre.keep], pre.roots
    if watch is not None:
        anchored = anchor_lines(text, watch.anchors)
        if anchored:  # a migrated site's call is resolved too: keep what any call needs
            keep, roots = keep + anchored, roots | pre.call_roots
    lines = split_lines(text)
    statements = AstStatements(tree)
    regions = blank_regions(statements, lines, sorted(keep), roots)
    narrowed, shifts = blank(lines, regions, module_gaps(statements, lines))
    return narrowed, kept_spans(pre.spans, regions), shifts


def _hit(source: SourceFile, detection: Detection, span: Span) -> Hit | None:
    from hardcode_lint.lang.python.cst_literals import fold_cst
    from hardcode_lint.lang.python.sourcetext import literal_text

    number = fold_cst(detection.node)
    if number is None:
        return None
    line, col, end_line, end_col = span
    return Hit(
        start=source.offset_utf8(line, col),
        end=source.offset_utf8(end_line, end_col),
        kind=detection.kind,
        context=detection.context,
        unit=detection.unit,
        value=literal_text(detection.node),
        number=number,
        api=detection.api,
        arg=detection.arg,
        scope=detection.scope,
        snippet=detection.snippet,
        snippet_start=detection.snippet_start,
        snippet_end=detection.snippet_end,
        arg_alias=detection.arg_alias,
    )


def _located(
    source: SourceFile,
    text: str,
    spans: list[Span],
    shifts: list[tuple[int, int]],
    options: DetectOptions,
) -> tuple[Detected, list[tuple[Span, Hit]]]:
    """libcst's verdicts on ``text`` (the file, or its narrowed form), located in the file;
    each hit also with its literal's span (for the memo)."""
    catalog, watch = catalog_for(options.catalog), watchlist_for(options.replacements)
    try:
        module = parse_cst(text)
    except SourceError as exc:
        line = original_line(exc.line, shifts) if exc.line else None
        raise SourceError(exc.message, line) from None
    defined = defined_apis(options.file, source.text, catalog)
    notes = documented_lines(source.text, catalog.words)
    used = used_lines(source.text, catalog)
    uses = {use.name: use for use in used.values()}
    called = signatures(source.text, catalog.words)
    visitor = detect_module(module, catalog, watch, len(spans), defined, bool(notes), uses, called)
    found = Detected(migrated=_migrated(source, visitor, shifts))
    located = []
    from hardcode_lint.lang.python.documented import documented

    detections = visitor.detections + documented(
        visitor.unjudged, visitor.ordinals, spans, notes, catalog.words
    )
    for detection in detections:
        span = spans[visitor.ordinals[id(detection.node)]]
        if id(detection.node) in visitor.by_use and not used_at(used, span[0], detection.arg):
            continue  # a name used as a time, bound where a function's local may be
        hit = _hit(source, detection, span)
        if hit is not None:
            found.hits.append(hit)
            located.append((span, hit))
    found.hits.sort(key=lambda h: h.start)  # in the file's order, as hits from a memo are
    return found, located


def _in_file(spans: list[Span], shifts: list[tuple[int, int]]) -> list[Span]:
    """Spans of the blanked text as spans of the file (:func:`.regions.line_map`)."""
    if not shifts:
        return spans
    line = line_map(shifts)
    return [(line(a), b, line(c), d) for a, b, c, d in spans]


def _judge(
    source: SourceFile,
    statements: TreeSitterStatements,
    keep: list[int],
    roots: set[str],
    options: DetectOptions,
) -> tuple[Detected, list[tuple[Span, Hit]]]:
    """libcst's verdicts on the statements holding ``keep`` lines, with what they need."""
    if not keep:
        return Detected(), []
    catalog, lines = catalog_for(options.catalog), source.lines
    regions = blank_regions(statements, lines, keep, roots)
    narrowed, shifts = blank(lines, regions, module_gaps(statements, lines))
    inner = prepass(parse_ast(narrowed), catalog.words, catalog.callee_names(),
                    catalog.fallback_names())  # fmt: skip
    quiet = not inner.candidate and not defined_apis(options.file, source.text, catalog)
    if quiet and not set(text_lines(source, options)).intersection(keep):
        return Detected(), []  # no candidate, and no line a text pass asked for
    return _located(source, narrowed, _in_file(inner.spans, shifts), shifts, options)


def _fast(
    source: SourceFile, options: DetectOptions, extra: tuple[int, ...] = ()
) -> Detected | None:
    """The tree-sitter path (:mod:`.fastpass`); None when the ``ast`` path must decide.
    ``extra``: lines to judge besides the pre-pass's (:func:`.definitions.definition_lines`)."""
    catalog = catalog_for(options.catalog)
    prepass_of = fast_prepass_edited if options.memo else fast_prepass  # an editor's file
    found = prepass_of(source, catalog.words, catalog.callee_names(), catalog.fallback_names())
    if found is None:
        return None
    pre, root = found
    if not pre.lines and not extra:
        return Detected()
    statements = TreeSitterStatements(root)
    keep = sorted([*pre.lines, *pre.keep, *extra])
    parts = units.split(statements, source.lines, keep, pre.roots, bool(options.memo))
    parts = replace(
        parts,
        facts=parts.facts
        + notes_fact(documented_lines(source.text, catalog.words))
        + uses_fact(used_lines(source.text, catalog))
        + signatures_fact(signatures(source.text, catalog.words)),
    )
    known = memo.decode(options.memo, parts.facts)
    try:
        try:
            return _by_unit(source, statements, parts, keep, pre.roots, options, known)
        except (ValueError, TypeError, KeyError, IndexError):  # a damaged memo: judge it all
            return _by_unit(source, statements, parts, keep, pre.roots, options, None)
    except SourceError:
        return None  # tree-sitter read the file otherwise than CPython: let ast decide


def _by_unit(
    source: SourceFile,
    statements: TreeSitterStatements,
    parts: units.Split,
    keep: list[int],
    roots: set[str],
    options: DetectOptions,
    known: dict[str, memo.Rows] | None,
) -> Detected:
    """The statements judged by libcst (those ``known`` does not hold) and the others' hits
    from ``known``, with the memo of them all for the next version."""
    whole, known = known is None, known or {}
    fresh = {u.first for u in parts.units if u.candidate and (u.cross or u.key not in known)}
    wanted = [line for line in keep if (u := parts.at(line)) is None or u.first in fresh]
    found, located = _judge(source, statements, wanted, roots, options)
    if found.migrated:  # kept in no memo: the whole module is judged
        if whole:
            return found
        raise ValueError("a migrated site: judge the whole module")
    judged: dict[int, memo.Rows] = {}
    hits: list[Hit] = []
    made: dict[int, list[Hit]] = {}  # by the first line of their statement
    for span, hit in located:
        unit = parts.at(span[0])
        if unit is None:  # cannot happen: a literal outside every statement; no memo then
            if whole:
                return Detected(hits=found.hits)
            raise ValueError("a literal outside every statement: judge the whole module")
        if unit.first in fresh:
            judged.setdefault(unit.first, []).append(memo.row(span, hit, unit.first))
            made.setdefault(unit.first, []).append(hit)
            hits.append(hit)
    kept: dict[str, memo.Rows] = {}
    before = memo.Moves({} if whole else memo.placed(options.memo, parts.facts))
    placed: memo.Placed = {}
    for unit in parts.units:
        if unit.cross or not unit.candidate:
            continue  # judged every time, or without verdicts
        where = (unit.key, unit.first, source.offset_utf8(unit.first, 0))
        if unit.first in fresh:
            kept[unit.key], placed[where] = judged.get(unit.first, []), made.get(unit.first, [])
            continue
        kept[unit.key] = rows = known[unit.key]
        found_here = before.at(where)
        placed[where] = found_here if found_here is not None else memo.place(
            rows, source, unit.first, unit.last)  # fmt: skip
        hits += placed[where]
    hits.sort(key=lambda h: h.start)
    return Detected(hits=hits, memo=memo.encode(parts.facts, kept, placed))


def _called_lines(text: str, catalog: Catalog) -> tuple[int, ...]:
    """The lines calling the file's own functions with a judged parameter (``signatures.py``)."""
    return called_lines(text, signatures(text, catalog.words))


def text_lines(source: SourceFile, options: DetectOptions) -> tuple[int, ...]:
    """The lines the text passes ask to judge besides the pre-pass's: a library's own
    defaults the catalog judges, names a comment gives a unit, names used as settings, calls
    of the file's own functions by position."""
    catalog = catalog_for(options.catalog)
    extra = tuple(definition_lines(source.text, defined_apis(options.file, source.text, catalog)))
    extra += tuple(documented_lines(source.text, catalog.words))
    extra += tuple(used_lines(source.text, catalog))
    return extra + _called_lines(source.text, catalog) + setter_lines(source.text, catalog.words)


def detect_python(source: SourceFile, options: DetectOptions) -> Detected:
    """Every hit and migrated hit of one Python file, a constant table's aside (``tables.py``)."""
    size = catalog_for(options.catalog).words.constant_table_size
    return without_tables(_detect_python(source, options), source, size)


def _detect_python(source: SourceFile, options: DetectOptions) -> Detected:
    fast_wanted = os.environ.get("HARDCODE_LINT_FASTPASS") != "0"  # 0: the bench's reference
    catalog = catalog_for(options.catalog)
    extra = text_lines(source, options)
    if options.prefilter and fast_wanted and not mentions(options.replacements, source.text):
        fast = _fast(source, options, extra)
        if fast is not None:
            return fast
    tree = parse_ast(source.text)
    pre = prepass(tree, catalog.words, catalog.callee_names(), catalog.fallback_names())
    pre.keep += extra  # a library's own defaults the catalog judges (definitions.py)
    wanted = pre.candidate or bool(extra) or mentions(options.replacements, source.text)
    if options.prefilter and not wanted:
        return Detected()
    parsed, spans, shifts = _narrowed(tree, source.text, pre, options)
    return _located(source, parsed, spans, shifts, options)[0]
