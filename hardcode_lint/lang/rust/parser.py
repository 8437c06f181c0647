"""tree-sitter-rust, loaded once per process: the parser, the queries, and small node helpers.

Queries run in C and hand back only the nodes the detector asks about, so a Rust file is
never visited node by node in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import tree_sitter_rust

from hardcode_lint.lang.treesitter import Grammar
from hardcode_lint.lang.treesitter import Node as Node
from hardcode_lint.lang.treesitter import text as text

GRAMMAR = Grammar(tree_sitter_rust.language())
COMMENTS = frozenset({"line_comment", "block_comment"})
parse = GRAMMAR.parse
query = GRAMMAR.query
captures = GRAMMAR.captures
matches = GRAMMAR.matches


def any_of(names: Iterable[str]) -> str:
    """A query predicate argument list: ``"a" "b"``."""
    return " ".join(f'"{name}"' for name in sorted(set(names)))


def arguments(node: Node) -> list[Node]:
    """The argument expressions of an ``arguments`` node, comments and attributes left out."""
    return [c for c in node.named_children if c.type not in COMMENTS and c.type != "attribute_item"]


def leaves(node: Node) -> Iterator[Node]:
    """The tokens of ``node`` in order, comments left out."""
    if node.child_count == 0 or node.type in ("string_literal", "raw_string_literal"):
        if node.type not in COMMENTS:
            yield node
        return
    for child in node.children:
        yield from leaves(child)


def normalised(node: Node) -> str:
    """``node``'s code as tokens only: layout and comments dropped, outer parentheses too."""
    while node.type == "parenthesized_expression" and node.named_child_count == 1:
        inner = node.named_children[0]
        if inner.type in COMMENTS:
            break
        node = inner
    return " ".join(text(leaf) for leaf in leaves(node))


def count_errors(node: Node) -> int:
    """How many ERROR and MISSING nodes ``node`` holds."""
    if not node.has_error:
        return 0
    own = 1 if node.is_error or node.is_missing else 0
    return own + sum(count_errors(child) for child in node.children)


def first(found: dict[str, Any], name: str) -> Node | None:
    nodes = found.get(name)
    return nodes[0] if nodes else None
