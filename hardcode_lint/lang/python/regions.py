"""The region pre-filter: blank the statements that cannot matter to the detector.

libcst's parse and walk are the cost of a scan, and most of a candidate file is code far from
any candidate.  A statement (at any depth) can be replaced by ``pass`` and blank lines when

* none of its lines holds a candidate (or a ``global``/``nonlocal``, which reach outside it, or
  a name a migrated site's expression ends with), and
* it binds none of the names the file's candidate calls are resolved through (``time`` in
  ``time.sleep(5)``, ``max`` in ``max(n, 1)``, ``self``, and what they alias); for a ``def`` or
  ``class`` that is its name and what its header binds (a ``:=`` in a default or decorator),
  since its parameters and body bind names in a scope of its own,
* and it shares no line with another statement or a compound statement's header.

A ``def`` or ``class`` that binds such a name keeps its header and loses only its body.  Line
numbers and columns of everything kept are unchanged, and the literals of blanked lines are
dropped from the span list the detector's numbering relies on.  ``tests/test_prefilter.py``
checks that the findings are the same with the pre-filter on and off.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, Protocol, TypeVar

from hardcode_lint.lang.python.prepass import Span
from hardcode_lint.parse.source import split_lines

Region = tuple[int, int]  # first and last line to blank, 1-based, inclusive
S = TypeVar("S")


class Statements(Protocol[S]):
    """What the blanker asks of a parse tree's statements, whichever parser made them.

    Two parsers answer: ``ast`` (:mod:`.ast_statements`) and tree-sitter-python
    (:mod:`.ts_statements`), so that the rules of what may be blanked are written once.
    Lines are 1-based, columns are byte offsets in their line.
    """

    def module_body(self) -> Sequence[S]: ...
    def first_line(self, statement: S) -> int: ...  # decorators included
    def last_line(self, statement: S) -> int: ...
    def start_col(self, statement: S, head: bytes) -> int: ...  # on its first line
    def end_col(self, statement: S) -> int: ...  # on its last line
    def always_kept(self, statement: S) -> bool: ...  # global, nonlocal, match, special import
    def definition_body(self, statement: S) -> Sequence[S] | None: ...  # a def's or class's
    def bodies(self, statement: S) -> Iterable[Sequence[S]]: ...
    def bound_names(self, statement: S) -> set[str]: ...  # anywhere inside it
    def header_bound_names(self, statement: S) -> set[str]: ...  # a def's or class's, outside


class _Blanker(Generic[S]):
    def __init__(
        self, tree: Statements[S], lines: list[str], keep: list[int], roots: set[str]
    ) -> None:
        self.tree, self.lines, self.keep, self.roots = tree, lines, keep, roots
        self.regions: list[Region] = []

    def _kept(self, first: int, last: int) -> bool:
        index = bisect_left(self.keep, first)
        return index < len(self.keep) and self.keep[index] <= last

    def _alone(self, statement: S, first: int, last: int) -> bool:
        """Whether the statement's lines hold nothing but it (no `;`, no header, no `else:`)."""
        head = self.lines[first - 1].encode()
        start = self.tree.start_col(statement, head)
        tail = self.lines[last - 1].encode()[self.tree.end_col(statement) :].strip()
        return not head[:start].strip() and (not tail or tail.startswith(b"#"))

    def _binds_roots(self, statement: S, first: int, last: int) -> bool:
        names, inner = self.tree.bound_names, self.tree.definition_body(statement)
        if inner is not None:  # what a def's or class's body binds is its own scope's
            names, last = self.tree.header_bound_names, max(first, self._span(inner[0])[0] - 1)
        text = "".join(self.lines[first - 1 : last])
        if not any(root in text for root in self.roots):
            return False  # cheap: a name it does not mention, it cannot bind
        return bool(names(statement) & self.roots)

    def _span(self, statement: S) -> Region:
        return self.tree.first_line(statement), self.tree.last_line(statement)

    def body(self, statements: Sequence[S]) -> None:
        """Blank what can go; a run of consecutive blankable statements becomes one region,
        so that 400,000 generated assignments are one ``pass``, not 400,000."""
        run: Region | None = None
        for statement in statements:
            first, last = self._span(statement)
            if self._blankable(statement, first, last):
                run = (run[0] if run else first, last)
                continue
            if run:
                self.regions.append(run)
                run = None
            if self.tree.always_kept(statement):
                continue
            inner = self.tree.definition_body(statement)
            if inner is not None and self._free(statement, first, last):
                self._def_body(inner, last)
                continue
            for child in self.tree.bodies(statement):
                self.body(child)
        if run:
            self.regions.append(run)

    def _free(self, statement: S, first: int, last: int) -> bool:
        """Holds no kept line and shares its lines with nothing else."""
        return not self._kept(first, last) and self._alone(statement, first, last)

    def _blankable(self, statement: S, first: int, last: int) -> bool:
        if self.tree.always_kept(statement):
            return False
        return self._free(statement, first, last) and not self._binds_roots(statement, first, last)

    def _def_body(self, inner: Sequence[S], last: int) -> None:
        """Keep a def that binds a needed name, but blank its body if that is safe."""
        first, first_end = self._span(inner[0])
        if self._alone(inner[0], first, first_end):
            self.regions.append((first, last))
        else:
            self.body(inner)


def blank_regions(
    tree: Statements[S], lines: list[str], keep: list[int], roots: set[str]
) -> list[Region]:
    """The line ranges that can be blanked; ``keep`` is sorted."""
    blanker = _Blanker(tree, lines, keep, roots)
    blanker.body(tree.module_body())
    return sorted(blanker.regions)


def module_gaps(tree: Statements[S], lines: list[str]) -> list[Region]:
    """The runs of blank and comment-only lines between (and around) the module's statements.

    They mean nothing to the detector, and dropping them makes the narrowed text the same after
    an edit that only adds a comment or a blank line there: its verdicts can then be reused
    (``memo`` in :mod:`.detect`) without parsing it again.
    """
    covered = sorted((tree.first_line(s), tree.last_line(s)) for s in tree.module_body())
    gaps, line = [], 1
    for first, last in [*covered, (len(lines) + 1, len(lines) + 1)]:
        run: Region | None = None
        for number in range(line, min(first, len(lines) + 1)):
            text = lines[number - 1].strip()
            if not text or text.startswith("#"):
                run = (run[0] if run else number, number)
            else:  # cannot happen outside a statement; keep whatever it is
                gaps += [run] if run else []
                run = None
        gaps += [run] if run else []
        line = max(line, last + 1)
    return gaps


def blank(
    lines: list[str], regions: list[Region], gaps: Sequence[Region] = ()
) -> tuple[str, list[tuple[int, int]]]:
    """The text with each region made one ``pass`` line (same indent) and each gap dropped,
    and the line map.

    A region's other lines are dropped, not left empty (libcst would walk every empty line);
    the map lists ``(first line of a stretch in the new text, lines dropped before it)``, so
    that a position libcst reports maps back to the file (:func:`original_line`).
    """
    if not regions and not gaps:
        return "".join(lines), []
    cuts = sorted([(first, last, True) for first, last in regions]
                  + [(first, last, False) for first, last in gaps])  # fmt: skip
    out, shifts, dropped, cursor = [], [], 0, 0
    for first, last, as_pass in cuts:
        if first <= cursor:
            continue  # a gap between statements a region already blanks together
        out += lines[cursor : first - 1]
        last = min(last, len(lines))
        if as_pass:
            head = lines[first - 1]
            indent = head[: len(head) - len(head.lstrip())]
            ending = head[len(head.rstrip("\r\n")) :] or "\n"
            out.append(f"{indent}pass{ending}")
        dropped += last - first + (0 if as_pass else 1)
        cursor = last
        shifts.append((len(out) + 1, dropped))
    out += lines[cursor:]
    return "".join(out), shifts


def line_map(shifts: list[tuple[int, int]]) -> Callable[[int], int]:
    """Lines of the blanked text to lines of the file (see :func:`blank`), the table built
    once for every line asked."""
    starts = [start for start, _ in shifts]

    def original(line: int) -> int:
        index = bisect_right(starts, line) - 1
        return line + shifts[index][1] if index >= 0 else line

    return original


def original_line(line: int, shifts: list[tuple[int, int]]) -> int:
    """A line of the blanked text as a line of the file (see :func:`blank`)."""
    return line_map(shifts)(line)


def anchor_lines(text: str, anchors: Iterable[str]) -> list[int]:
    """The lines where any of ``anchors`` appears (where a migrated site may stand)."""
    starts, offset = [], 0
    for line in split_lines(text):
        starts.append(offset)
        offset += len(line)
    found = []
    for anchor in anchors:
        start = text.find(anchor)
        while start != -1:
            found.append(bisect_right(starts, start))
            start = text.find(anchor, start + 1)
    return found


def kept_spans(spans: list[Span], regions: list[Region]) -> list[Span]:
    """The spans outside every blanked region (spans never cross a region's edge)."""
    if not regions:
        return spans
    starts = [first for first, _ in regions]
    kept = []
    for span in spans:
        index = bisect_left(starts, span[0] + 1) - 1
        if index < 0 or span[0] > regions[index][1]:
            kept.append(span)
    return kept
