"""tree-sitter-python, loaded once per process: what the fast pre-pass parses every file with.

tree-sitter parses in C at about twice ``ast.parse``'s speed, and its queries match in C, so a
file that cannot hold a finding costs one parse and one query, with no Python walk over it.
"""

from __future__ import annotations

from threading import Lock
from typing import TYPE_CHECKING

import tree_sitter_python

from hardcode_lint.edit import common_head
from hardcode_lint.lang.treesitter import Grammar
from hardcode_lint.lang.treesitter import Node as Node
from hardcode_lint.lang.treesitter import text as text

if TYPE_CHECKING:
    import tree_sitter

GRAMMAR = Grammar(tree_sitter_python.language())
parse = GRAMMAR.parse
query = GRAMMAR.query
captures = GRAMMAR.captures
matches = GRAMMAR.matches


class _Trees:
    """The last few files parsed, with their trees: an editor sends a file again after each
    keystroke, and tree-sitter re-parses an edited file from its old tree, told what changed,
    in a fraction of a parse (the unchanged subtrees are reused)."""

    def __init__(self, size: int = 4) -> None:
        self.trees: list[tuple[bytes, tree_sitter.Tree]] = []
        self.size = size
        self.lock = Lock()

    def parse(self, data: bytes) -> tree_sitter.Tree:
        with self.lock:
            known = list(self.trees)
        best, kept = None, len(data) // 2  # an edit must leave at least half of the file
        for old, tree in known:
            head = common_head(old, data)
            tail = common_head(old[head:][::-1], data[head:][::-1]) if head < len(data) else 0
            if head + tail > kept:
                best, kept = (old, tree, head, tail), head + tail
        found = GRAMMAR.parse(data) if best is None else _reparse(data, *best)
        with self.lock:
            self.trees = [*(entry for entry in self.trees if entry[0] != data), (data, found)]
            del self.trees[: -self.size]
        return found


def _point(data: bytes, offset: int) -> tuple[int, int]:
    """tree-sitter's (row, byte column) of ``offset``."""
    return data.count(b"\n", 0, offset), offset - (data.rfind(b"\n", 0, offset) + 1)


def _reparse(
    data: bytes, old: bytes, tree: tree_sitter.Tree, head: int, tail: int
) -> tree_sitter.Tree:
    edited = tree.copy()  # the old tree may still be read by the analysis that made it
    old_end, new_end = len(old) - tail, len(data) - tail
    edited.edit(start_byte=head, old_end_byte=old_end, new_end_byte=new_end,
                start_point=_point(data, head), old_end_point=_point(old, old_end),
                new_end_point=_point(data, new_end))  # fmt: skip
    return GRAMMAR.parser().parse(data, edited)


parse_edited = _Trees().parse
