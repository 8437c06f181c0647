"""tree-sitter-rust, loaded once per process: the parser, the queries, and small node helpers.

Queries run in C and hand back only the nodes the detector asks about, so a Rust file is
never visited node by node in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import tree_sitter_rust

from hardcode_lint.lang.treesitter import Grammar, Syntax
from hardcode_lint.lang.treesitter import Node as Node
from hardcode_lint.lang.treesitter import count_errors as count_errors
from hardcode_lint.lang.treesitter import text as text

GRAMMAR = Grammar(tree_sitter_rust.language())
COMMENTS = frozenset({"line_comment", "block_comment"})
parse = GRAMMAR.parse
query = GRAMMAR.query
captures = GRAMMAR.captures
matches = GRAMMAR.matches
_PREFIX = "fn __hardcode_lint_rule__() { let _ = "


class RustSyntax(Syntax):
    """An expression is read as a ``let``'s value in a function (Rust has no other place an
    expression stands alone at the top of a file)."""

    def grammar(self) -> Grammar:
        return GRAMMAR

    def wrap(self, code: str) -> bytes | None:
        stripped = code.strip()
        return f"{_PREFIX}{stripped}; }}".encode() if stripped else None

    def locate(self, root: Node, code: str) -> Node | None:
        (function,) = root.named_children or (None,)
        body = function.child_by_field_name("body") if function is not None else None
        statements = self.named(body) if body else []
        if len(statements) != 1 or statements[0].type != "let_declaration":
            return None
        value = statements[0].child_by_field_name("value")
        end = len(_PREFIX) + len(code.strip().encode())
        if value is None or value.start_byte != len(_PREFIX) or value.end_byte != end:
            return None
        return value


SYNTAX = RustSyntax(
    COMMENTS,
    tokens=frozenset({"string_literal", "raw_string_literal"}),
    atoms=frozenset({
        "identifier", "scoped_identifier", "field_expression", "call_expression",
        "macro_invocation", "index_expression", "parenthesized_expression", "integer_literal",
        "float_literal", "generic_function", "self", "string_literal", "boolean_literal",
        "try_expression",
    }),
)  # fmt: skip
leaves = SYNTAX.leaves
normalised = SYNTAX.normalised
normalise = SYNTAX.normalise


def any_of(names: Iterable[str]) -> str:
    """A query predicate argument list: ``"a" "b"``."""
    return " ".join(f'"{name}"' for name in sorted(set(names)))


def arguments(node: Node) -> list[Node]:
    """The argument expressions of an ``arguments`` node, comments and attributes left out."""
    return [c for c in node.named_children if c.type not in COMMENTS and c.type != "attribute_item"]


def first(found: dict[str, Any], name: str) -> Node | None:
    nodes = found.get(name)
    return nodes[0] if nodes else None
