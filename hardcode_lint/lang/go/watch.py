"""Recognising migrated Go sites: a rule's ``replace`` expression where a duration stood.

Expressions are compared as token sequences (layout and comments dropped); only nodes whose
text holds an expression's last identifier (its anchor) are compared.  A file's own import names
are read as goimports' (``t.Second`` under ``import t "time"`` is the rule's ``time.Second``),
since ``fix`` writes a rule's code with them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from hardcode_lint.lang import treesitter
from hardcode_lint.lang.go.aliases import canonical, readers
from hardcode_lint.lang.go.parser import SYNTAX, Node, matches, normalised

_NAMES = frozenset({"identifier", "field_identifier"})
#: What a replacement can be: a name, a field, a call, an index, or a product of them
#: (``time.Duration(cfg.PollMs) * time.Millisecond``).
_CANDIDATES = ("[(selector_expression) (call_expression) (identifier) (index_expression)"
               " (binary_expression)] @e")  # fmt: skip


@dataclass(frozen=True)
class Watch(treesitter.Watch):
    def sites(self, root: Node, imports: Mapping[str, str]) -> Iterator[tuple[Node, str]]:
        """The outermost nodes that are a watched expression, in order, each with the
        expression it is (``imports``: the file's import table)."""
        renamed, bare = readers(imports)
        until = -1
        for _, nodes in matches(_CANDIDATES, root):
            node = nodes["e"][0]
            if node.start_byte < until or not self.mentioned_in(node.text or b""):
                continue
            while node.parent is not None and node.parent.type == "parenthesized_expression":
                node = node.parent
            found = normalised(node)
            if found not in self.expressions and (renamed or bare):
                found = canonical(node, renamed, bare)
            if found in self.expressions:
                until = node.end_byte
                yield node, found


@lru_cache(maxsize=8)
def watch_for(replacements: tuple[str, ...]) -> Watch:
    return Watch(*treesitter.watched(SYNTAX, replacements, _NAMES))
