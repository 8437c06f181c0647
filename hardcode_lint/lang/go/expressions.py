"""Go expressions and imports written in rules: parsed by wrapping them in a file."""

from __future__ import annotations

import re

from hardcode_lint.lang.go.naming import go_spelled
from hardcode_lint.lang.go.parser import Node, count_errors, named, parse, text

_HEAD = "package p\n\nvar _ = "
_IMPORT = re.compile(r'^import\s+(?:(?P<name>[A-Za-z_]\w*|_|\.)\s+)?"(?P<path>[^"\s]+)"\s*;?$')
_ATOMS = frozenset({"identifier", "selector_expression", "call_expression", "index_expression",
                    "parenthesized_expression", "int_literal", "float_literal"})  # fmt: skip


def parse_expression(code: str) -> Node | None:
    """``code`` as one Go expression node, or None when it is not exactly one."""
    if not code.strip() or ("\n" in code.strip() and "//" in code):
        return None
    tree = parse((_HEAD + code + "\n").encode())
    if count_errors(tree.root_node):
        return None
    declarations = [c for c in tree.root_node.named_children if c.type == "var_declaration"]
    if len(declarations) != 1:
        return None
    spec = named(declarations[0])[0]
    values = spec.child_by_field_name("value")
    found = named(values) if values is not None else []
    return found[0] if len(found) == 1 else None


def check_replacement(expression: str) -> str | None:
    if parse_expression(expression) is None:
        return f"{expression!r} is not one Go expression"
    return None


def parse_import(statement: str) -> tuple[str | None, str] | None:
    """``import "path"`` / ``import name "path"`` as (name, path), or None."""
    match = _IMPORT.match(statement.strip())
    if match is None:
        return None
    return match.group("name"), match.group("path")


def check_import(statement: str) -> str | None:
    if parse_import(statement) is None:
        return f'{statement!r} is not a Go import (`import "path"` or `import name "path"`)'
    return None


def replacement_text(expression: str) -> str:
    """The code spliced for a duration expression: parenthesised unless it is an operand
    already (a name, a selector, a call), so ``2 * x`` keeps its meaning in any product; the
    fields read from a settings accessor spelled the Go way (``naming.py``)."""
    spelled = go_spelled(expression).strip()
    node = parse_expression(spelled)
    if node is None or node.type in _ATOMS:
        return spelled
    return f"({spelled})"


def expression_text(node: Node) -> str:
    return text(node)
