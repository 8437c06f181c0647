"""Python's imports as edits of the file as it is (ruff's importer hands back an ``Edit`` too).

libcst's ``AddImportsVisitor`` decides what to import and where, as it always did: a name
merged into a ``from`` import of the leading import block, new statements after that block
(after the docstring and ``__future__`` imports), a blank line before the code that follows.
It touches nothing else, so its result is read statement by statement at the places it
edits: one edit replacing the leading import block (an insertion when there is none) and one
inserting the blank line.  The offsets come from the statements' own code, which libcst
renders byte for byte, so no whole file is compared with another.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from hardcode_lint.edit import TextEdit
from hardcode_lint.lang.python.imports import ImportRequest
from hardcode_lint.parse.source import SourceError

if TYPE_CHECKING:  # libcst loads only when a fix needs it (a cached scan never does)
    import libcst as cst


def import_edits(data: bytes, requests: Sequence[ImportRequest]) -> list[TextEdit[bytes]]:
    """The edits of ``data`` that add ``requests`` (none when each is there already).

    libcst drops the last line ending of a file whose lines end in a bare CR, so such a file
    is handed over with LF (same length, and it holds no LF of its own) and turned back.
    """
    if b"\r" in data and b"\n" not in data:
        found = import_edits(data.replace(b"\r", b"\n"), requests)
        return [TextEdit(e.start, e.end, e.text.replace(b"\n", b"\r")) for e in found]
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import AddImportsVisitor

    from hardcode_lint.lang.python.detect import parse_cst

    module = parse_cst(data)
    if module.bytes != data:  # never let a round-trip quirk change a byte we did not mean to
        raise SourceError("libcst cannot rewrite this file byte for byte")
    if not requests:
        return []
    new = module
    # libcst cannot add one name both as itself and under an alias in one pass (it sorts the
    # two and fails): the aliased imports (a site where the name is taken) go in a second one.
    for batch in ([r for r in requests if not r.asname], [r for r in requests if r.asname]):
        if batch:
            context = CodemodContext()
            for r in dict.fromkeys(batch):
                AddImportsVisitor.add_needed_import(context, r.module, r.obj, r.asname, r.relative)
            new = AddImportsVisitor(context).transform_module(new)
    absolute = {r.module for r in requests if not r.relative}
    return _statement_edits(module, _absolute_first(module, new, absolute))


def _absolute_first(old: cst.Module, new: cst.Module, modules: set[str]) -> cst.Module:
    """``new`` with an added absolute import moved before the block's relative ones, where
    isort puts it (libcst appends it after ``from . import x``: ruff's I001 in a test file
    that imports its own package absolutely and its helpers relatively)."""
    import libcst as cst

    first, after = _leading_block(old)
    end = after + len(new.body) - len(old.body)
    block = list(new.body[first:end])

    def import_of(statement: cst.CSTNode) -> cst.ImportFrom | None:
        body = statement.body if isinstance(statement, cst.SimpleStatementLine) else []
        return body[0] if len(body) == 1 and isinstance(body[0], cst.ImportFrom) else None

    relative = [i for i, s in enumerate(block) if (f := import_of(s)) is not None and f.relative]
    if not relative:
        return new
    moved = [s for s in block[relative[0] :] if (f := import_of(s)) is not None and not f.relative
             and f.module is not None and old.code_for_node(f.module) in modules
             and not any(s is kept for kept in old.body)]  # fmt: skip
    if not moved:
        return new
    rest = [s for s in block if not any(s is m for m in moved)]
    at = next(i for i, s in enumerate(rest) if (f := import_of(s)) is not None and f.relative)
    block = rest[:at] + moved + rest[at:]
    return new.with_changes(body=[*new.body[:first], *block, *new.body[end:]])


def _leading_block(module: cst.Module) -> tuple[int, int]:
    """The indices of the leading import block's first statement and the one after it, as
    ``AddImportsVisitor`` finds them (after a docstring or ``__strict__`` flag)."""
    import libcst.matchers as m

    strict = m.Assign(targets=[m.AssignTarget(target=m.Name("__strict__"))])
    leading = m.SimpleStatementLine(body=[strict | m.Expr(value=m.SimpleString())])
    statement = m.SimpleStatementLine(body=[m.ImportFrom() | m.Import()])
    first = 1 if module.body and m.matches(module.body[0], leading) else 0
    after = first
    while after < len(module.body) and m.matches(module.body[after], statement):
        after += 1
    return first, after


def _statement_edits(old: cst.Module, new: cst.Module) -> list[TextEdit[bytes]]:
    plain = old.encoding.removesuffix("-sig")  # the signature (BOM) is the file's, once

    def code(module: cst.Module, nodes: Sequence[cst.CSTNode]) -> bytes:
        return "".join(module.code_for_node(n) for n in nodes).encode(plain)

    first, after = _leading_block(old)
    added = len(new.body) - len(old.body)  # statements inserted into the block
    starts = [len("".encode(old.encoding)) + len(code(old, old.header))]
    for statement in old.body:
        starts.append(starts[-1] + len(code(old, [statement])))
    size = len(old.bytes)
    edits = []
    block = code(new, new.body[first : after + added])
    if block != code(old, old.body[first:after]):
        if starts[after] >= size and not old.has_trailing_newline and not old.footer:
            # the block ends the file, which has no last line ending: nor does the result
            block = block.removesuffix(old.default_newline.encode(plain))
        edits.append(TextEdit(starts[first], min(starts[after], size), block))
    if after < len(old.body):
        was, now = code(old, [old.body[after]]), code(new, [new.body[after + added]])
        if now != was:
            if not now.endswith(was):
                raise SourceError("libcst changed more than the imports")
            edits.append(TextEdit(starts[after], starts[after], now[: len(now) - len(was)]))
    return edits
