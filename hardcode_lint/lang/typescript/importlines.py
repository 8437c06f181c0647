"""Adding a rule's imports to a TypeScript or JavaScript file in the file's own style (section
1T): ES ``import`` declarations in an ES module (a file with ``import`` / ``export``, or
``.mjs`` / ``.mts``), ``require`` statements otherwise; merged into an existing value import
of the same module, never repeated, after the file's imports (or its header comments), with
the file's quotes and semicolons."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hardcode_lint.lang.typescript.expressions import Import
from hardcode_lint.lang.typescript.imports import import_table, required
from hardcode_lint.lang.typescript.parser import Node, named, string_value, text

_DIRECTIVE = re.compile(r"^['\"]use \w+['\"];?$")


@dataclass(frozen=True, slots=True)
class Style:
    es: bool
    quote: str
    semicolon: str


def is_es_module(root: Node, path: str) -> bool:
    """ES ``import`` syntax: a file with ``import`` / ``export``, a ``.mjs`` / ``.mts`` file,
    and any TypeScript file that has no ``require`` binding (TypeScript compiles ``import`` to
    whatever module system it targets, while ``require`` needs ``@types/node`` to type-check)."""
    if path.endswith((".mjs", ".mts")):
        return True
    if any(c.type in ("import_statement", "export_statement") for c in root.named_children):
        return True
    typescript = path.endswith((".ts", ".tsx", ".cts"))
    return typescript and not any(_is_require(c) for c in root.named_children)


def _is_require(statement: Node) -> bool:
    if statement.type not in ("lexical_declaration", "variable_declaration"):
        return False
    return any(required(d.child_by_field_name("value")) is not None
               for d in named(statement) if d.type == "variable_declarator")  # fmt: skip


def _imports(root: Node) -> list[Node]:
    return [c for c in root.named_children
            if c.type == "import_statement" or _is_require(c)]  # fmt: skip


def style_of(root: Node, path: str, data: bytes) -> Style:
    """The file's module style, quote and statement ending, read off its imports (its first
    statements when it has none)."""
    sample = _imports(root) or [c for c in root.named_children if c.type != "comment"][:5]
    strings = [leaf for s in sample for leaf in _strings(s)] or _first_strings(root)
    quotes = [text(leaf)[0] for leaf in strings]
    quote = "'" if quotes and quotes.count("'") * 2 > len(quotes) else '"'
    ends = [text(s).rstrip().endswith(";") for s in _statements(sample or [root])]
    semicolon = ";" if not ends or sum(ends) * 2 >= len(ends) else ""
    return Style(is_es_module(root, path), quote, semicolon)


#: Statements that end with a semicolon in a file that writes them (a class or a function
#: declaration never does, so it says nothing about the file's style).
_TERMINATED = frozenset({"import_statement", "lexical_declaration", "variable_declaration",
                         "expression_statement", "return_statement", "throw_statement",
                         "public_field_definition", "field_definition"})  # fmt: skip


def _statements(sample: list[Node], limit: int = 20) -> list[Node]:
    """Up to ``limit`` statements of ``sample`` (and inside it) whose ending tells the style."""
    found: list[Node] = []
    stack = list(reversed(sample))
    while stack and len(found) < limit:
        node = stack.pop()
        if node.type in _TERMINATED:
            found.append(node)
        else:
            stack.extend(reversed(node.named_children))
    return found


def _first_strings(root: Node, limit: int = 20) -> list[Node]:
    """The file's first string literals (its quote style when it has no imports)."""
    found: list[Node] = []
    stack = [root]
    while stack and len(found) < limit:
        node = stack.pop()
        if node.type == "string":
            found.append(node)
        else:
            stack.extend(reversed(node.named_children))
    return found


def _strings(node: Node) -> list[Node]:
    if node.type == "string":
        return [node]
    return [s for child in node.named_children for s in _strings(child)]


def render(wanted: Import, style: Style) -> str:
    """``wanted`` written in the file's style."""
    q, end = style.quote, style.semicolon
    module = f"{q}{wanted.module}{q}"
    whole = [local for imported, local in wanted.names if imported in ("default", "*", "")]
    members = [(i, local) for i, local in wanted.names if i not in ("default", "*", "")]
    if style.es:
        parts = []
        if whole:
            star = any(i == "*" or (not wanted.es and i == "") for i, _ in wanted.names)
            parts.append(f"* as {whole[0]}" if star else whole[0])
        if members:
            parts.append("{ " + ", ".join(_spec(i, local, " as ") for i, local in members) + " }")
        return f"import {', '.join(parts)} from {module}{end}"
    if whole:
        return f"const {whole[0]} = require({module}){end}"
    inner = ", ".join(_spec(i, local, ": ") for i, local in members)
    return f"const {{ {inner} }} = require({module}){end}"


def _spec(imported: str, local: str, joiner: str) -> str:
    return imported if imported == local else f"{imported}{joiner}{local}"


def _insertion_point(root: Node, data: bytes) -> int:
    """After the file's last top-level import, else after its header comments and
    directives (``"use strict"``), else at the start."""
    found = _imports(root)
    if found:
        return found[-1].end_byte
    at = 0
    for child in root.children:
        if (
            child.type == "comment"
            or child.type == "hash_bang_line"
            or (child.type == "expression_statement" and _DIRECTIVE.match(text(child).strip()))
        ):
            at = child.end_byte
        else:
            break
    return at


def _merge_target(root: Node, wanted: Import) -> Node | None:
    """An ES value import of the same module with named specifiers to add to."""
    for statement in root.named_children:
        if statement.type != "import_statement":
            continue
        if any(c.type == "type" for c in statement.children):
            continue  # never into an `import type`
        source = statement.child_by_field_name("source")
        if source is None or string_value(source) != wanted.module:
            continue
        for clause in named(statement):
            for part in named(clause) if clause.type == "import_clause" else []:
                if part.type == "named_imports":
                    return part
    return None


_WHOLE = ("default", "*", "")


def _qualified(module: str, imported: str) -> str:
    return module if imported in _WHOLE else f"{module}.{imported}"


def _missing(item: Import, table: dict[str, str]) -> tuple[list[tuple[str, str]], str | None]:
    """The names of ``item`` the file does not bind yet; or why it cannot have them."""
    missing = []
    for imported, local in item.names:
        bound = table.get(local)
        if bound == _qualified(item.module, imported):
            continue
        if bound is not None:
            return [], f"`{local}` is already bound to {bound} in this file"
        missing.append((imported, local))
    return missing, None


def add_imports(
    data: bytes, root: Node, wanted: Sequence[Import], style: Style
) -> tuple[bytes, str | None]:
    """``data`` with ``wanted`` added; or why not (a name the file binds to something else)."""
    table = import_table(root)
    lines: list[str] = []
    merges: list[tuple[int, str]] = []
    for item in wanted:
        missing, reason = _missing(item, table)
        if reason is not None:
            return data, reason
        if not missing:
            continue
        target = _merge_target(root, item) if style.es else None
        members = [m for m in missing if m[0] not in _WHOLE]
        if target is not None and len(members) == len(missing):
            inner = named(target)
            at = inner[-1].end_byte if inner else target.start_byte + 1
            added = ", ".join(_spec(i, local, " as ") for i, local in members)
            merges.append((at, (", " if inner else " ") + added + ("" if inner else " ")))
        else:
            lines.append(
                render(Import(item.statement, item.module, item.es, tuple(missing)), style)
            )
        table.update({local: _qualified(item.module, imported) for imported, local in missing})
    for at, added in sorted(merges, reverse=True):
        data = data[:at] + added.encode() + data[at:]
    if lines:
        at = _insertion_point(root, data)
        shift = sum(len(a.encode()) for p, a in merges if p <= at)
        at += shift
        newline = "\r\n" if b"\r\n" in data else "\n"  # the file's line endings are kept
        block = newline.join(lines)
        if at == 0:
            data = (
                (block + newline * 2).encode() + data
                if data.strip()
                else (block + newline).encode()
            )
        else:
            rest = data[at:]
            blank = rest.startswith((b"\n\n", b"\r\n\r\n")) or not rest.strip()
            gap = "" if _imports(root) or blank else newline  # a blank line before the code
            data = data[:at] + (newline + block + gap).encode() + rest
    return data, None
