"""Macro invocations: tree-sitter keeps their arguments as a flat token tree, so a token tree
that may hold a site is parsed again, as the body of a function.

Its top-level separators (``,`` and ``=>``) become ``;`` of the same length, so every byte
keeps its offset: ``assert_eq!(d.max(1), Duration::from_secs(5))`` is read as the statements
``d.max(1); Duration::from_secs(5)``, ``tokio::select! { _ = sleep(..) => {} }`` as
``_ = sleep(..) ;; {}``, and ``-5`` is one literal again.  Strings stay strings and comments
stay comments, so nothing inside them is ever a site.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardcode_lint.lang.rust.parser import Node, parse

_PREFIX = b"fn __hardcode_lint_macro__() {\n"
_SUFFIX = b"\n}\n"
_SEPARATORS = frozenset({",", "=>"})


@dataclass(frozen=True, slots=True)
class MacroTree:
    """A tree and what to add to its byte offsets to get the file's."""

    root: Node
    shift: int


def reparse(token_tree: Node, shift: int) -> MacroTree | None:
    """``token_tree``'s contents parsed as statements, or None when it is empty."""
    body = token_tree.text or b""
    if len(body) < 3:
        return None
    inner = bytearray(body[1:-1])
    base = token_tree.start_byte + 1
    for child in token_tree.children:
        if child.type in _SEPARATORS:
            at = child.start_byte - base
            inner[at : at + len(child.type)] = b";" * len(child.type)
    tree = parse(_PREFIX + bytes(inner) + _SUFFIX)
    return MacroTree(tree.root_node, shift + base - len(_PREFIX))
