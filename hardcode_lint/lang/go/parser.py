"""tree-sitter-go, loaded once per process: the parser, the queries, and small node helpers."""

from __future__ import annotations

from collections.abc import Iterator

import tree_sitter_go

from hardcode_lint.lang.treesitter import Grammar
from hardcode_lint.lang.treesitter import Node as Node
from hardcode_lint.lang.treesitter import text as text

GRAMMAR = Grammar(tree_sitter_go.language())
COMMENTS = frozenset({"comment"})
parse = GRAMMAR.parse
matches = GRAMMAR.matches
_STRINGS = frozenset({"interpreted_string_literal", "raw_string_literal", "rune_literal"})


def leaves(node: Node) -> Iterator[Node]:
    """The tokens of ``node`` in order, comments left out (a string is one token)."""
    if node.child_count == 0 or node.type in _STRINGS:
        if node.type not in COMMENTS:
            yield node
        return
    for child in node.children:
        yield from leaves(child)


def normalised(node: Node) -> str:
    """``node``'s code as tokens only: layout, comments and outer parentheses dropped."""
    while node.type == "parenthesized_expression" and node.named_child_count == 1:
        node = node.named_children[0]
    return " ".join(text(leaf) for leaf in leaves(node))


def count_errors(node: Node) -> int:
    """How many ERROR and MISSING nodes ``node`` holds."""
    if not node.has_error:
        return 0
    own = 1 if node.is_error or node.is_missing else 0
    return own + sum(count_errors(child) for child in node.children)


def named(node: Node) -> list[Node]:
    """The named children of ``node``, comments left out."""
    return [c for c in node.named_children if c.type not in COMMENTS]
