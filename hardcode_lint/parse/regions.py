"""The region pre-filter: blank the bodies of functions and classes that cannot hold a finding.

libcst's parse is the cost of a scan, and most of a candidate file is code far from any
candidate.  A ``def`` or ``class`` whose body has no candidate line (and no ``global``, which
would reach outside it) is replaced, from its first body line to its last, by ``pass`` and blank
lines: its header (name, parameters, decorators) stays, so bindings, scopes, line numbers and
columns are all unchanged, and the literals of the blanked lines are dropped from the span list
the detector's numbering relies on.  Sound by construction; ``tests/test_prefilter.py`` checks it.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left
from collections.abc import Iterable

from hardcode_lint.parse.prepass import Span

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
Region = tuple[int, int]  # first and last line to blank, 1-based, inclusive
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _any_between(lines: list[int], first: int, last: int) -> bool:
    index = bisect_left(lines, first)
    return index < len(lines) and lines[index] <= last


def _header_end(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> int:
    parts: list[ast.AST] = []
    if isinstance(node, ast.ClassDef):
        parts = [*node.bases, *node.keywords]
    else:
        args = node.args
        parts = [*args.posonlyargs, *args.args, *args.kwonlyargs, *args.defaults]
        parts += [d for d in args.kw_defaults if d is not None]
        parts += [a for a in (args.vararg, args.kwarg, node.returns) if a is not None]
    return max([node.lineno, *(getattr(p, "end_lineno", None) or node.lineno for p in parts)])


def _first_line(statement: ast.stmt) -> int:
    """Where a statement starts, its decorators included (ast's lineno is the ``def`` line)."""
    decorators = getattr(statement, "decorator_list", None)
    return decorators[0].lineno if decorators else statement.lineno


def _bodies(node: ast.AST) -> Iterable[list[ast.stmt]]:
    for name in ("body", "orelse", "finalbody"):
        body = getattr(node, name, None)
        if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
            yield body
    for handler in getattr(node, "handlers", []):
        yield handler.body
    for case in getattr(node, "cases", []):
        yield case.body


def blank_regions(tree: ast.Module, keep: list[int]) -> list[Region]:
    """The body ranges of defs/classes with no line of ``keep`` (sorted) inside them."""
    regions: list[Region] = []
    stack: list[ast.AST] = [tree]
    while stack:
        for body in _bodies(stack.pop()):
            for node in body:
                if isinstance(node, _DEFS):
                    first, last = _first_line(node.body[0]), node.end_lineno or node.lineno
                    if first > _header_end(node) and not _any_between(keep, first, last):
                        regions.append((first, last))
                        continue
                stack.append(node)
    return sorted(regions)


def blank(text: str, regions: list[Region]) -> str:
    """``text`` with each region's first line made ``pass`` (same indent) and the rest empty."""
    if not regions:
        return text
    lines = _LINES.findall(text)  # the line breaks ast counts (not str.splitlines' \x0c etc.)
    for first, last in regions:
        head = lines[first - 1]
        indent = head[: len(head) - len(head.lstrip())]
        ending = head[len(head.rstrip("\r\n")) :] or "\n"
        lines[first - 1] = f"{indent}pass{ending}"
        for index in range(first, min(last, len(lines))):
            line = lines[index]
            lines[index] = line[len(line.rstrip("\r\n")) :] or "\n"
    return "".join(lines)


def anchor_lines(text: str, anchors: Iterable[str]) -> list[int]:
    """The lines where any of ``anchors`` appears (where a migrated site may stand)."""
    found = []
    for anchor in anchors:
        start = text.find(anchor)
        while start != -1:
            found.append(text.count("\n", 0, start) + text.count("\r", 0, start)
                         - text.count("\r\n", 0, start) + 1)  # fmt: skip
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
