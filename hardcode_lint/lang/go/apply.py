"""Go's fix: each replacement stands in for the whole duration expression (section 1G), the
imports go into the import block as gofmt would, an import the edits leave unused goes, and a
literal of a ``const`` is moved to a ``var`` (or refused when the package needs a constant).
A replacement is written with the file's own names for the packages it imports (``aliases.py``:
``t.Duration(..)`` where ``time`` is imported as ``t``).  The result is kept only if it parses
as well as the file did."""

from __future__ import annotations

from collections.abc import Sequence

from hardcode_lint.edit import TextEdit, splice
from hardcode_lint.lang.base import Applied, SiteEdit
from hardcode_lint.lang.go.aliases import file_names, renames_for, requalified
from hardcode_lint.lang.go.consts import const_change
from hardcode_lint.lang.go.durations import duration_at
from hardcode_lint.lang.go.expressions import parse_expression, parse_import, replacement_text
from hardcode_lint.lang.go.importblock import Wanted, import_edit, used_names
from hardcode_lint.lang.go.imports import file_imports, import_table, names_for
from hardcode_lint.lang.go.parser import Node, count_errors, parse
from hardcode_lint.parse.source import SourceFile

_PRODUCTS = frozenset({"*", "/", "%", "<<", ">>", "&", "&^"})  # Go's tightest binary operators
#: A bare literal given to a field or name whose type is declared outside what the scan reads
#: (`opts.Timeout = 5` for another package's struct): Go does not convert, so a setting of
#: a guessed type may not build.  A rule whose `replace` converts says the type itself.
_UNTYPED = (
    "the type this literal is given to is declared outside this package, and Go does not "
    "convert: write the rule's `replace` as a conversion to that type, e.g. `int({read})` "
    "for an `int` field"
)
_SPLIT = "its literal and its unit are not one sub-expression (other factors in the product)"


def _literal_node(root: Node, start: int, end: int) -> Node | None:
    """The node spanning exactly ``start:end`` (the literal a scan reported)."""
    node = root.descendant_for_byte_range(start, end)
    while node is not None and (node.start_byte, node.end_byte) != (start, end):
        if node.start_byte > start or node.end_byte < end:
            return None
        node = node.parent if node.parent is not None and node.parent.start_byte == start and (
            node.parent.end_byte == end) else None  # fmt: skip
    return node


def _read(replace: str, whole: Node | None, renames: dict[str, str]) -> str:
    """The code spliced in: the rule's, written with the file's import names.  In place of a
    whole duration a product (``time.Duration(cfg.PollMs) * time.Millisecond``) goes in
    unparenthesised: the duration was the largest product around its unit, so nothing outside
    binds tighter (unless it was parenthesised itself, ``(5 * time.Second).Seconds()``)."""
    read = requalified(replacement_text(replace), renames)
    if whole is None or whole.type == "parenthesized_expression" or not read.startswith("("):
        return read
    node = parse_expression(read[1:-1])
    if node is None or node.type != "binary_expression":
        return read
    operator = node.child_by_field_name("operator")
    return read[1:-1] if operator is not None and operator.type in _PRODUCTS else read


def _converted(read: str) -> bool:
    """Whether the replacement is a call or conversion (``int64(settings.Get().Limit)``), so
    that it says its own type rather than the setting's."""
    node = parse_expression(read)
    return node is not None and node.type in ("call_expression", "type_conversion_expression")


def _change(edit: SiteEdit, root: Node, body: bytes, base: int, time_names: frozenset[str],
            names: dict[str, str]) -> tuple[list[TextEdit[bytes]], str | None]:  # fmt: skip
    if edit.verbatim:
        return [TextEdit(edit.start, edit.end, edit.replace.encode())], None
    node = _literal_node(root, edit.start - base, edit.end - base)
    if node is None:
        return [], "the literal is no longer where the scan found it"
    start, end = node.start_byte, node.end_byte
    found = duration_at(node, time_names)
    if found is not None:
        if not found.whole:
            return [], _SPLIT
        start, end = found.expression.start_byte, found.expression.end_byte
        node = found.expression
    wanted = [(w.name, w.path) for w in _wanted([edit])[0]]
    read = _read(edit.replace, found.expression if found else None, renames_for(wanted, names))
    if found is None and edit.value_type is None and not _converted(read):
        return [], _UNTYPED.format(read=read)
    changes, reason = const_change(root, body, node, read)
    if reason is not None:
        return [], reason
    if changes is not None:
        return [TextEdit(c.start + base, c.end + base, c.text) for c in changes], None
    return [TextEdit(start + base, end + base, read.encode())], None


def _wanted(edits: Sequence[SiteEdit]) -> tuple[list[Wanted], str | None]:
    found: list[Wanted] = []
    for edit in edits:
        for statement in edit.imports:
            parsed = parse_import(statement)
            if parsed is None:
                return [], f"{statement!r} is not a Go import"
            wanted = Wanted(*parsed)
            if wanted not in found:
                found.append(wanted)
    return found, None


def _overlap(a: TextEdit[bytes], b: TextEdit[bytes]) -> bool:
    return a.start < b.end and b.start < a.end


def apply_go(source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
    """See the module docstring; the import section's rewrite is one edit beside the
    literals' (computed on the file as it is, with the names its code uses after them)."""
    result = Applied()
    base = len(source.bom)
    body = source.data[base:]
    root = parse(body).root_node
    time_names = names_for(import_table(root), "time")
    names = file_names(file_imports(root))
    accepted: list[SiteEdit] = []
    changes: list[TextEdit[bytes]] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        made, reason = _change(edit, root, body, base, time_names, names)
        if not reason and any(_overlap(a, b) for a in made for b in changes):
            reason = "it overlaps another rule's edit"
        reason = reason or _wanted([edit])[1]
        if reason or not made:
            result.refused[edit.label] = reason or "cannot place the edit"
            continue
        accepted.append(edit)
        changes.extend(made)
    if not accepted:
        return result
    spliced = splice(source.data, changes)[base:]
    used = used_names(parse(spliced).root_node)
    imports = import_edit(body, _wanted(accepted)[0], {"time"}, used)
    if imports is not None:
        imports = TextEdit(imports.start + base, imports.end + base, imports.text)
        if any(_overlap(imports, c) for c in changes):
            result.refused.update({e.label: "an edit falls in the import block" for e in accepted})
            return result
        changes.append(imports)
    if count_errors(parse(splice(source.data, changes)[base:]).root_node) > count_errors(root):
        reason = "the result would not parse (more syntax errors than before)"
        result.refused.update({e.label: reason for e in accepted})
        return result
    result.applied = [e.label for e in accepted]
    result.edits = tuple(sorted(changes, key=lambda c: (c.start, c.end)))
    return result
