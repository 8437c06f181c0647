"""The number tokens of a parsed file that can stand in a site, found from the file's bytes.

A tree-sitter query walks every node of the tree (a quarter of a parse's time on its own);
finding each number by its first byte and asking the tree for the node there visits only the
numbers.  A number is then kept only when its parent can make it a site's value
(``VALUE_PARENTS``, by field and operator): ``x === 5``, ``a & 0xff``, ``void 0``, a
``case`` label, an object's numeric key or a ternary's condition never reach the judging.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hardcode_lint.lang.typescript.context import VALUE_PARENTS
from hardcode_lint.lang.typescript.parser import Node

#: A digit that starts no word's tail (``a1``, ``1_000``'s ``000``): a number token starts at
#: it or, for ``.5``, one byte before.  Digits in strings, comments and ``1.5``'s ``5`` are
#: let through and dropped by the node found there.  (A look-behind pattern takes three
#: times as long to scan a file.)
_START = re.compile(rb"\b\d")
#: The operators a number's parent expression folds (``1000 * 60``) or falls back through
#: (``opts.timeout ?? 5000``); under any other (``===``, ``&``, ``<<``) a number is no value.
_OPERATORS = {
    "binary_expression": frozenset({"+", "-", "*", "/", "%", "**", "??", "||"}),
    "unary_expression": frozenset({"-", "+"}),
    "augmented_assignment_expression": frozenset({"??=", "||="}),
}
#: The field a number must fill in its parent to be the parent's value (not a key, not a
#: ternary's condition).
_FIELDS = {
    "pair": ("value",),
    "ternary_expression": ("consequence", "alternative"),
}


def value_numbers(root: Node, data: bytes) -> Iterator[tuple[Node, Node]]:
    """The number tokens of ``root`` (parsed from ``data``) whose parent can hold a value,
    each with its parent (which tree-sitter finds by a walk from the root: asked once)."""
    for match in _START.finditer(data):
        start = match.start()
        node = root.descendant_for_byte_range(start, start + 1)
        if node is None or node.type != "number" or not start - 1 <= node.start_byte <= start:
            continue
        if node.start_byte < start and data[node.start_byte] != 0x2E:  # only `.5` starts before
            continue
        parent = node.parent
        if parent is not None and parent.type in VALUE_PARENTS and _holds(parent, node):
            yield node, parent


def _holds(parent: Node, node: Node) -> bool:
    kind = parent.type
    operators = _OPERATORS.get(kind)
    if operators is not None:
        operator = parent.child_by_field_name("operator")
        return operator is not None and operator.type in operators
    fields = _FIELDS.get(kind)
    if fields is not None:
        return any(parent.child_by_field_name(field) == node for field in fields)
    return True
