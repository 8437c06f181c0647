"""Rule text read as Rust: a ``replace`` must be one expression, ``imports`` ``use`` lines."""

from __future__ import annotations

from hardcode_lint.lang.rust.parser import COMMENTS, SYNTAX, Node, parse

parse_expression = SYNTAX.parse_expression
replacement_text = SYNTAX.replacement_text


def check_replacement(expression: str) -> str | None:
    if parse_expression(expression) is None:
        return f"replacement {expression!r} is not one Rust expression"
    return None


def use_tree(statement: str) -> Node | None:
    """The argument of ``statement`` if it is exactly one ``use`` declaration."""
    code = statement.strip().encode()
    root = parse(code).root_node
    children = [c for c in root.named_children if c.type not in COMMENTS]
    if root.has_error or len(children) != 1 or children[0].type != "use_declaration":
        return None
    return children[0].child_by_field_name("argument")


def check_import(statement: str) -> str | None:
    if use_tree(statement) is None:
        return f"{statement!r} is not a Rust `use` declaration"
    return None
