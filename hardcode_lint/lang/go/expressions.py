"""Go expressions and imports written in rules: parsed by wrapping them in a file."""

from __future__ import annotations

import re

from hardcode_lint.lang.go.parser import SYNTAX, Node, text

_IMPORT = re.compile(r'^import\s+(?:(?P<name>[A-Za-z_]\w*|_|\.)\s+)?"(?P<path>[^"\s]+)"\s*;?$')


parse_expression = SYNTAX.parse_expression
replacement_text = SYNTAX.replacement_text


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


def expression_text(node: Node) -> str:
    return text(node)
