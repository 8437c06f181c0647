"""What every front end built on tree-sitter shares: its grammar loaded once per process, one
parser, its compiled queries kept, and a node's text.

Compiling a query takes milliseconds and a parser holds native state: both are made once per
process (a forked worker inherits what its parent made) and reused for every file.
"""

from __future__ import annotations

from typing import Any

import tree_sitter

Node = tree_sitter.Node


class Grammar:
    """One tree-sitter language, e.g. ``Grammar(tree_sitter_rust.language())``."""

    def __init__(self, language: Any) -> None:
        self.language = tree_sitter.Language(language)
        self._parser: tree_sitter.Parser | None = None
        self._queries: dict[str, tree_sitter.Query] = {}

    def parser(self) -> tree_sitter.Parser:
        if self._parser is None:
            self._parser = tree_sitter.Parser(self.language)
        return self._parser

    def parse(self, data: bytes) -> tree_sitter.Tree:
        return self.parser().parse(data)

    def query(self, source: str) -> tree_sitter.Query:
        found = self._queries.get(source)
        if found is None:
            found = self._queries[source] = tree_sitter.Query(self.language, source)
        return found

    def captures(self, source: str, node: Node) -> dict[str, list[Node]]:
        """The captures of query ``source`` under ``node``, by capture name."""
        found: dict[str, list[Node]] = tree_sitter.QueryCursor(self.query(source)).captures(node)
        return found

    def matches(self, source: str, node: Node) -> list[tuple[int, dict[str, list[Node]]]]:
        """The matches of query ``source`` under ``node``: (pattern index, captures)."""
        cursor = tree_sitter.QueryCursor(self.query(source))
        found: list[tuple[int, dict[str, list[Node]]]] = cursor.matches(node)
        return found


def text(node: Node) -> str:
    """A node's source text (tree-sitter reads the file's UTF-8 bytes)."""
    return (node.text or b"").decode("utf-8", errors="replace")
