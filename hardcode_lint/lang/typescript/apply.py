"""The TypeScript and JavaScript fix: each literal is replaced by its rule's expression, the
rules' imports are added in the file's style (``importlines.py``), and the result is kept only
if it parses as well as the file did."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from hardcode_lint.edit import TextEdit, splice
from hardcode_lint.lang.base import Applied, Expanded, SiteEdit
from hardcode_lint.lang.typescript.expressions import Import, parse_import, replacement_text
from hardcode_lint.lang.typescript.importlines import add_imports, style_of
from hardcode_lint.lang.typescript.parser import Node, count_errors, flavour_of, parse
from hardcode_lint.parse.source import SourceFile

_RELATIVE = re.compile(r"""(?P<q>['"])(?P<path>\.\.?/[^'"]*)(?P=q)""")


def expand_script(root: Path, edits: Mapping[str, Sequence[SiteEdit]]) -> Expanded:
    """Each file's edits, with the rules' relative imports rewritten for the file's folder."""
    return Expanded(edits={path: relative_imports(path, found) for path, found in edits.items()})


def relative_imports(path: str, edits: Sequence[SiteEdit]) -> list[SiteEdit]:
    """The edits of the root-relative file ``path``, their ``./`` and ``../`` import
    specifiers (written relative to the root) rewritten relative to the file's folder."""
    folder = posixpath.dirname(path)

    def rewrite(match: re.Match[str]) -> str:
        target = posixpath.normpath(match.group("path"))
        moved = posixpath.relpath(target, folder or ".")
        moved = moved if moved.startswith("../") else "./" + moved
        return f"{match.group('q')}{moved}{match.group('q')}"

    return [replace(e, imports=tuple(_RELATIVE.sub(rewrite, i) for i in e.imports)) for e in edits]


def _literal_node(root: Node, start: int, end: int) -> Node | None:
    node = root.descendant_for_byte_range(start, end)
    while node is not None and (node.start_byte, node.end_byte) != (start, end):
        parent = node.parent
        if parent is None or parent.start_byte < start or parent.end_byte > end:
            return None
        node = parent
    return node


def _wanted(edits: Sequence[SiteEdit]) -> tuple[list[Import], str | None]:
    found: list[Import] = []
    for edit in edits:
        for statement in edit.imports:
            parsed = parse_import(statement)
            if parsed is None:
                return [], f"{statement!r} is not an import of TypeScript or JavaScript"
            if parsed not in found:
                found.append(parsed)
    return found, None


def apply_script(source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
    """See the module docstring; the imports are edits of the file as it is, beside the
    literals' (imports sit before the code, so no literal moves them)."""
    result = Applied()
    base = len(source.bom)
    body = source.data[base:]
    flavour = flavour_of(source.path)
    root = parse(body, flavour)
    accepted: list[SiteEdit] = []
    changes: list[TextEdit[bytes]] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.verbatim:
            made = TextEdit(edit.start, edit.end, edit.replace.encode())
        elif _literal_node(root, edit.start - base, edit.end - base) is None:
            result.refused[edit.label] = "the literal is no longer where the scan found it"
            continue
        else:
            made = TextEdit(edit.start, edit.end, replacement_text(edit.replace).encode())
        reason = _wanted([edit])[1]
        if reason is None and any(made.start < c.end and c.start < made.end for c in changes):
            reason = "it overlaps another rule's edit"
        if reason is not None:
            result.refused[edit.label] = reason
            continue
        accepted.append(edit)
        changes.append(made)
    if not accepted:
        return result
    added, reason = add_imports(body, root, _wanted(accepted)[0], style_of(root, source.path, body))
    imports = [TextEdit(e.start + base, e.end + base, e.text) for e in added]
    if any(i.start < c.end and c.start < i.end for i in imports for c in changes):
        reason = "an import would go where another edit is"
    if reason is None:
        after = splice(source.data, [*changes, *imports])[base:]
        if count_errors(parse(after, flavour)) > count_errors(root):
            reason = "the result would not parse (more syntax errors than before)"
    if reason is not None:
        result.refused.update({e.label: reason for e in accepted})
        return result
    result.applied = [e.label for e in accepted]
    result.edits = tuple(sorted([*changes, *imports], key=lambda e: (e.start, e.end)))
    return result
