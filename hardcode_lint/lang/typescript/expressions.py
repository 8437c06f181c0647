"""Expressions and imports written in rules, for TypeScript and JavaScript: an expression is
parsed by wrapping it in a declaration; an import is an ES ``import`` declaration or a
``const x = require("m")`` statement."""

from __future__ import annotations

from dataclasses import dataclass

from hardcode_lint.lang.typescript.imports import required
from hardcode_lint.lang.typescript.parser import (
    SYNTAX,
    Node,
    count_errors,
    named,
    parse,
    string_value,
)

parse_expression = SYNTAX.parse_expression
replacement_text = SYNTAX.replacement_text


def check_replacement(expression: str) -> str | None:
    if parse_expression(expression) is None:
        return f"{expression!r} is not one TypeScript/JavaScript expression"
    return None


@dataclass(frozen=True, slots=True)
class Import:
    """One import statement of a rule: ES (``import { a } from "m"``) or CommonJS."""

    statement: str
    module: str
    es: bool
    names: tuple[tuple[str, str], ...]  # (imported name, local name); "default" / "*"


def parse_import(statement: str) -> Import | None:
    text = statement.strip().rstrip(";").strip()
    root = parse((text + ";\n").encode(), "ts")
    if count_errors(root) or len(named(root)) != 1:
        return None
    node = named(root)[0]
    if node.type == "import_statement":
        return _es_import(text, node)
    if node.type in ("lexical_declaration", "variable_declaration"):
        return _require(text, node)
    return None


def _es_import(text: str, node: Node) -> Import | None:
    from hardcode_lint.lang.typescript.imports import import_table

    source = node.child_by_field_name("source")
    module = string_value(source) if source is not None else None
    if module is None or any(c.type == "type" for c in node.children):
        return None
    table = import_table(node.parent or node)
    names = []
    for local, qualified in table.items():
        imported = qualified[len(module) + 1 :] if qualified != module else "default"
        if imported == "default" and "* as" in text:
            imported = "*"
        names.append((imported, local))
    return Import(text, module, True, tuple(names))


def _require(text: str, node: Node) -> Import | None:
    declarators = named(node)
    if len(declarators) != 1:
        return None
    value = required(declarators[0].child_by_field_name("value"))
    if value is None:
        return None
    from hardcode_lint.lang.typescript.imports import import_table

    table = import_table(node.parent or node)
    names = tuple((q[len(value) + 1 :] if q != value else "", local) for local, q in table.items())
    return Import(text, value, False, names)


def check_import(statement: str) -> str | None:
    if parse_import(statement) is None:
        return (
            f"{statement!r} is not an ES import declaration or a `const x = require(...)` statement"
        )
    return None
