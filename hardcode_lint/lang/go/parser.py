"""tree-sitter-go, loaded once per process: the parser, the queries, and small node helpers."""

from __future__ import annotations

import tree_sitter_go

from hardcode_lint.lang.go.naming import go_spelled
from hardcode_lint.lang.treesitter import Grammar, Syntax
from hardcode_lint.lang.treesitter import Node as Node
from hardcode_lint.lang.treesitter import count_errors as count_errors
from hardcode_lint.lang.treesitter import text as text

GRAMMAR = Grammar(tree_sitter_go.language())
COMMENTS = frozenset({"comment"})
parse = GRAMMAR.parse
matches = GRAMMAR.matches


class GoSyntax(Syntax):
    """An expression is read as a package-level ``var``'s value; the fields read from a
    settings accessor are spelled the Go way (``naming.py``) wherever a rule's text is read."""

    def grammar(self) -> Grammar:
        return GRAMMAR

    def spelled(self, expression: str) -> str:
        return go_spelled(expression)

    def wrap(self, code: str) -> bytes | None:
        if not code.strip() or ("\n" in code.strip() and "//" in code):
            return None
        return ("package p\n\nvar _ = " + code + "\n").encode()

    def locate(self, root: Node, code: str) -> Node | None:
        declarations = [c for c in root.named_children if c.type == "var_declaration"]
        if len(declarations) != 1:
            return None
        spec = self.named(declarations[0])[0]
        values = spec.child_by_field_name("value")
        found = self.named(values) if values is not None else []
        return found[0] if len(found) == 1 else None


SYNTAX = GoSyntax(
    COMMENTS,
    tokens=frozenset({"interpreted_string_literal", "raw_string_literal", "rune_literal"}),
    atoms=frozenset({"identifier", "selector_expression", "call_expression", "index_expression",
                     "parenthesized_expression", "int_literal", "float_literal"}),
)  # fmt: skip
leaves = SYNTAX.leaves
normalised = SYNTAX.normalised
normalise = SYNTAX.normalise
named = SYNTAX.named
