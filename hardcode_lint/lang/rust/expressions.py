"""Rule text read as Rust: a ``replace`` must be one expression, ``imports`` ``use`` lines."""

from __future__ import annotations

from hardcode_lint.lang.rust.parser import COMMENTS, Node, parse

_PREFIX = b"fn __hardcode_lint_rule__() { let _ = "
_SUFFIX = b"; }"
#: Expressions that bind as tightly as a literal: spliced as they are, others in parentheses.
_ATOMS = frozenset({
    "identifier", "scoped_identifier", "field_expression", "call_expression", "macro_invocation",
    "index_expression", "parenthesized_expression", "integer_literal", "float_literal",
    "generic_function", "self", "string_literal", "boolean_literal", "try_expression",
})  # fmt: skip


def parse_expression(expression: str) -> Node | None:
    """The expression node of ``expression``, or None unless it is exactly one expression."""
    code = expression.strip().encode()
    if not code:
        return None
    root = parse(_PREFIX + code + _SUFFIX).root_node
    if root.has_error:
        return None
    (function,) = root.named_children or (None,)
    body = function.child_by_field_name("body") if function is not None else None
    statements = [c for c in body.named_children if c.type not in COMMENTS] if body else []
    if len(statements) != 1 or statements[0].type != "let_declaration":
        return None
    value = statements[0].child_by_field_name("value")
    end = len(_PREFIX) + len(code)
    if value is None or value.start_byte != len(_PREFIX) or value.end_byte != end:
        return None
    return value


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


def replacement_text(expression: str) -> str:
    text = expression.strip()
    node = parse_expression(text)
    return text if node is None or node.type in _ATOMS else f"({text})"
