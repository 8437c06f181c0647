"""Rust's fix: splice each replacement at its literal's byte range, add the ``use`` lines.

New ``use`` lines go after the file's top-level ``use`` block, or below its inner doc comments
(``//!``) and inner attributes (``#![...]``) when it has none.  A ``use`` already standing, in
any form (``use crate::config::{global, Other};`` brings ``global``), is not repeated; one that
would bind a name the file already binds to something else is refused, as is a result with
more tree-sitter errors than the file had.
"""

from __future__ import annotations

from collections.abc import Sequence

from hardcode_lint.edit import TextEdit, splice
from hardcode_lint.lang.base import Applied, SiteEdit
from hardcode_lint.lang.rust.expressions import replacement_text, use_tree
from hardcode_lint.lang.rust.fit import fitted
from hardcode_lint.lang.rust.parser import Node, count_errors, parse, text
from hardcode_lint.lang.rust.uses import bindings
from hardcode_lint.parse.source import SourceFile

_ITEMS = frozenset({
    "function_item", "const_item", "static_item", "struct_item", "enum_item", "mod_item",
    "trait_item", "type_item", "union_item", "macro_definition",
})  # fmt: skip
_HEADER = frozenset({"inner_attribute_item", "line_comment", "block_comment"})


def top_level_names(root: Node) -> dict[str, str | None]:
    """Names bound at the top of the file: by ``use`` (-> path) or by an item (-> None)."""
    names: dict[str, str | None] = {}
    for child in root.named_children:
        if child.type == "use_declaration":
            argument = child.child_by_field_name("argument")
            for name, path in bindings(argument) if argument is not None else ():
                names.setdefault(name, path)
        elif child.type in _ITEMS:
            named = child.child_by_field_name("name")
            if named is not None:
                names.setdefault(text(named), None)
    return names


def _line_end(data: bytes, offset: int) -> int:
    newline = data.find(b"\n", offset)
    return len(data) if newline < 0 else newline + 1


def _insertion_point(root: Node, data: bytes) -> tuple[int, bool]:
    """Where new ``use`` lines go, and whether a blank line should follow them."""
    uses = [c for c in root.named_children if c.type == "use_declaration"]
    if uses:
        return _line_end(data, uses[-1].end_byte), False
    header_end = 0
    for child in root.children:
        is_inner_doc = child.type == "line_comment" and text(child).startswith("//!")
        if child.type == "inner_attribute_item" or is_inner_doc:
            header_end = _line_end(data, child.end_byte)
        elif child.type not in _HEADER:
            break
    return header_end, True


class _Imports:
    """The ``use`` lines the accepted edits need, checked against the file and each other."""

    def __init__(self, root: Node) -> None:
        self.bound = top_level_names(root)
        self.planned: dict[str, tuple[str, SiteEdit]] = {}
        self.lines: list[str] = []

    def problem(self, edit: SiteEdit) -> str | None:
        wanted = []
        for statement in edit.imports:
            tree = use_tree(statement)
            if tree is None:
                return f"{statement!r} is not a Rust `use` declaration"
            wanted.append((statement.strip(), list(bindings(tree))))
        for statement, names in wanted:
            for name, path in names:
                if name in self.bound and self.bound[name] != path:
                    where = self.bound[name] or "an item of this file"
                    return f"`{statement}` would shadow `{name}`, already bound to {where}"
                if name in self.planned and self.planned[name][0] != path:
                    other = self.planned[name][1].rule
                    return f"`use` of `{name}` conflicts with rule {other}'s"
        for statement, names in wanted:
            fresh = [n for n, _ in names if n not in self.bound]
            if fresh and statement not in self.lines:
                self.lines.append(statement if statement.endswith(";") else statement + ";")
            for name, path in names:
                self.planned.setdefault(name, (path, edit))
        return None


def _change(
    edit: SiteEdit, root: Node, body: bytes, base: int
) -> tuple[TextEdit[bytes] | None, str | None]:
    """The bytes an edit splices (a removal takes its whole line when nothing else is on it),
    or why it cannot fit its site."""
    if edit.verbatim:
        start, end = edit.start - base, edit.end - base
        if not edit.replace:
            line_start = body.rfind(b"\n", 0, start) + 1
            newline = body.find(b"\n", end)
            line_end = len(body) if newline < 0 else newline + 1
            if not body[line_start:start].strip() and not body[end:line_end].strip():
                start, end = line_start, line_end
        return TextEdit(base + start, base + end, edit.replace.encode()), None
    read = replacement_text(edit.replace)
    text_, reason = fitted(root, edit.start - base, edit.end - base, read, edit.value_type)
    if text_ is None:
        return None, reason
    return TextEdit(edit.start, edit.end, text_.encode()), None


def apply_rust(source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
    """See the module docstring; the new ``use`` lines are one insertion edit."""
    result = Applied()
    body = source.data[len(source.bom) :]
    root = parse(body).root_node
    imports = _Imports(root)
    base = len(source.bom)
    accepted: list[SiteEdit] = []
    changes: list[TextEdit[bytes]] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        change, reason = _change(edit, root, body, base)
        reason = reason or (None if edit.verbatim else imports.problem(edit))
        if change is not None and changes and change.start < changes[-1].end:
            reason = reason or "it overlaps another rule's edit"
        if reason or change is None:
            result.refused[edit.label] = reason or "cannot place the edit"
        else:
            accepted.append(edit)
            changes.append(change)
    if not accepted:
        return result
    if imports.lines:
        newline = "\r\n" if b"\r\n" in body else "\n"
        at, blank = _insertion_point(root, body)
        block = "".join(line + newline for line in imports.lines) + (newline if blank else "")
        changes.append(TextEdit(base + at, base + at, block.encode()))
    after = splice(source.data, changes)
    if count_errors(parse(after[base:]).root_node) > count_errors(root):
        reason = "the result would not parse (more syntax errors than before)"
        result.refused.update({e.label: reason for e in accepted})
        return result
    result.applied = [e.label for e in accepted]
    result.edits = tuple(sorted(changes, key=lambda c: (c.start, c.end)))
    return result
