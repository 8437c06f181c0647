"""Editing a Go file's imports as gofmt and goimports would: a new import goes into the
``import ( ... )`` block (made when there is none), into the group goimports would choose (the
standard library apart from the others), sorted within it; an import of the same path is
reused; an import an edit left unused is removed with its line."""

from __future__ import annotations

from dataclasses import dataclass

from hardcode_lint.edit import TextEdit, splice
from hardcode_lint.lang.go.imports import DOT, Import, exports, file_imports, spec_import
from hardcode_lint.lang.go.parser import Node, matches, parse, text


@dataclass(frozen=True, slots=True)
class Wanted:
    name: str | None
    path: str

    def line(self) -> str:
        return f'{self.name} "{self.path}"' if self.name else f'"{self.path}"'


def is_standard(path: str) -> bool:
    """goimports' test: the standard library's first path element has no dot."""
    return "." not in path.split("/", 1)[0]


def _line_start(data: bytes, offset: int) -> int:
    return data.rfind(b"\n", 0, offset) + 1


def _line_end(data: bytes, offset: int) -> int:
    newline = data.find(b"\n", offset)
    return len(data) if newline < 0 else newline + 1


def _groups(block: Node, data: bytes) -> list[list[Import]]:
    """The block's specs in runs separated by blank lines."""
    groups: list[list[Import]] = []
    last_line = -2
    for spec in (s for s in file_imports_in(block)):
        line = spec.node.start_point[0]
        if groups and line == last_line + 1:
            groups[-1].append(spec)
        else:
            groups.append([spec])
        last_line = spec.node.end_point[0]
    return groups


def file_imports_in(declaration: Node) -> list[Import]:
    found = []
    for spec in (c for c in declaration.named_children if c.type == "import_spec_list"):
        for child in spec.named_children:
            if child.type == "import_spec" and (one := spec_import(child)) is not None:
                found.append(one)
    return found


def _insertion(block: Node, data: bytes, wanted: Wanted, newline: bytes) -> TextEdit[bytes]:
    standard = is_standard(wanted.path)
    groups = _groups(block, data)
    line = b"\t" + wanted.line().encode() + newline
    for group in groups:
        if all(is_standard(spec.path) == standard for spec in group):
            for spec in group:  # gofmt's order: by path, then by name
                if (spec.path, spec.alias or "") > (wanted.path, wanted.name or ""):
                    at = _line_start(data, spec.node.start_byte)
                    return TextEdit(at, at, line)
            at = _line_end(data, group[-1].node.end_byte)
            return TextEdit(at, at, line)
    if standard and groups:
        at = _line_start(data, groups[0][0].node.start_byte)
        return TextEdit(at, at, line + newline)
    close = block.named_children[-1].end_byte - 1  # the `)`
    at = _line_start(data, close)
    return TextEdit(at, at, (newline if groups else b"") + line)


def add_imports(data: bytes, wanted: list[Wanted]) -> bytes:
    """``data`` with each wanted import present (reused when its path already is, under any
    name but ``_``)."""
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    for one in wanted:
        root = parse(data).root_node
        if any(i.path == one.path and i.usable for i in file_imports(root)):
            continue
        declarations = [c for c in root.named_children if c.type == "import_declaration"]
        blocks = [d for d in declarations
                  if any(c.type == "import_spec_list" for c in d.named_children)]  # fmt: skip
        block = blocks[0] if blocks else None
        if block is not None:
            data = splice(data, [_insertion(block, data, one, newline)])
        elif declarations:  # `import "fmt"`: made a block holding both
            first = declarations[0]
            specs = [c for c in first.named_children if c.type == "import_spec"]
            inner = b"\t" + text(specs[0]).encode() + newline if specs else b""
            made = b"import (" + newline + inner + b")"
            data = splice(data, [TextEdit(first.start_byte, first.end_byte, made)])
            data = add_imports(data, [one])
        else:
            package = next((c for c in root.named_children if c.type == "package_clause"), None)
            at = _line_end(data, package.end_byte) if package is not None else 0
            block_text = newline + b"import (" + newline + b"\t" + one.line().encode()
            data = splice(data, [TextEdit(at, at, block_text + newline + b")" + newline)])
    return data


def import_edit(
    data: bytes, wanted: list[Wanted], unused: set[str], used: set[str]
) -> TextEdit[bytes] | None:
    """The one edit of ``data``'s import section (its declarations and the blank line after)
    that adds ``wanted`` and drops the imports of ``unused`` whose names ``used`` lacks; None
    when nothing changes.  Only that section is rewritten, as goimports does, so the edit
    holds no code: Go puts every import before the first declaration."""
    root = parse(data).root_node
    declarations = [c for c in root.named_children if c.type == "import_declaration"]
    package = next((c for c in root.named_children if c.type == "package_clause"), None)
    if declarations:
        start, end = declarations[0].start_byte, _line_end(data, declarations[-1].end_byte)
        if data[end : end + 1] in (b"\n", b"\r"):
            end = _line_end(data, end)
    else:
        start = end = _line_end(data, package.end_byte) if package is not None else 0
    header = data[:end]
    new = drop_unused(add_imports(header, wanted), unused, used)
    if new == header:
        return None
    if not new.startswith(header[:start]):
        start = 0
    return TextEdit(start, end, new[start:])


_USES = (
    "(selector_expression operand: (identifier) @name)"
    " (qualified_type package: (package_identifier) @name)"
)
_BARE = "[(identifier) (type_identifier)] @bare"


def used_names(root: Node) -> set[str]:
    """The names used as a package qualifier anywhere in the file, and (``DOT`` + name) the
    bare names a dot import may provide."""
    used = {text(nodes["name"][0]) for _, nodes in matches(_USES, root)}
    return used | {DOT + text(nodes["bare"][0]) for _, nodes in matches(_BARE, root)}


def _still_used(spec: Import, used: set[str]) -> bool:
    if spec.alias == DOT:  # used while a bare name of the package stands (unknown: kept)
        names = exports(spec.path)
        return not names or any(DOT + name in used for name in names)
    return not spec.name or spec.name in used


def drop_unused(data: bytes, paths: set[str], used: set[str]) -> bytes:
    """``data`` without the imports of ``paths`` that ``used`` (:func:`used_names`) lacks."""
    root = parse(data).root_node
    for spec in reversed(file_imports(root)):
        if spec.path in paths and not _still_used(spec, used):
            data = _remove_spec(data, spec.node)
    return data


def _remove_spec(data: bytes, spec: Node) -> bytes:
    declaration = spec.parent
    if declaration is not None and declaration.type == "import_declaration":
        start, end = declaration.start_byte, _line_end(data, declaration.end_byte)
        if data[end : end + 1] in (b"\n", b"\r"):
            end = _line_end(data, end)
        return data[:start] + data[end:]
    start, end = _line_start(data, spec.start_byte), _line_end(data, spec.end_byte)
    before = data[:start].rstrip(b"\r\n")
    previous_blank = data[_line_start(data, max(start - 1, 0)) : start].strip() == b""
    next_line = data[end : _line_end(data, end)].strip()
    if previous_blank and next_line in (b"", b")") and not before.endswith(b"("):
        start = _line_start(data, max(start - 1, 0))
    elif before.endswith(b"(") and next_line == b"":
        end = _line_end(data, end)
    result = data[:start] + data[end:]
    again = parse(result).root_node
    for declaration_node in (c for c in again.named_children if c.type == "import_declaration"):
        if not file_imports_in(declaration_node) and any(
            c.type == "import_spec_list" for c in declaration_node.named_children
        ):
            s, e = declaration_node.start_byte, _line_end(result, declaration_node.end_byte)
            if result[e : e + 1] in (b"\n", b"\r"):
                e = _line_end(result, e)
            return result[:s] + result[e:]
    return result
