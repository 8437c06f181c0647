"""tree-sitter-python, loaded once per process: what the fast pre-pass parses every file with.

tree-sitter parses in C at about twice ``ast.parse``'s speed, and its queries match in C, so a
file that cannot hold a finding costs one parse and one query, with no Python walk over it.
"""

from __future__ import annotations

from functools import lru_cache

import tree_sitter
import tree_sitter_python

Node = tree_sitter.Node
LANGUAGE = tree_sitter.Language(tree_sitter_python.language())


@lru_cache(maxsize=1)
def parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(LANGUAGE)


def parse(data: bytes) -> tree_sitter.Tree:
    return parser().parse(data)


@lru_cache(maxsize=8)
def query(source: str) -> tree_sitter.Query:
    return tree_sitter.Query(LANGUAGE, source)


def text(node: Node) -> str:
    """A node's source text (tree-sitter reads the file's UTF-8 bytes)."""
    return (node.text or b"").decode("utf-8", errors="replace")
