"""tree-sitter-python, loaded once per process: what the fast pre-pass parses every file with.

tree-sitter parses in C at about twice ``ast.parse``'s speed, and its queries match in C, so a
file that cannot hold a finding costs one parse and one query, with no Python walk over it.
"""

from __future__ import annotations

import tree_sitter_python

from hardcode_lint.lang.treesitter import Grammar
from hardcode_lint.lang.treesitter import Node as Node
from hardcode_lint.lang.treesitter import text as text

GRAMMAR = Grammar(tree_sitter_python.language())
parse = GRAMMAR.parse
query = GRAMMAR.query
captures = GRAMMAR.captures
matches = GRAMMAR.matches
