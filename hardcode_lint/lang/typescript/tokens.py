"""The number tokens of a parsed file that can stand in a site, found from the file's bytes.

A tree-sitter query walks every node of the tree (a quarter of a parse's time on its own);
finding each number by its first byte and asking the tree for the node there visits only the
numbers.  A number is then kept only when its parent can make it a site's value
(``VALUE_PARENTS``, by field and operator): ``x === 5``, ``a & 0xff``, ``void 0``, a
``case`` label, an object's numeric key or a ternary's condition never reach the judging.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

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


#: What binds a name, or a call, to the value a site's number stands in: the parent of a
#: site's ``:``, ``=``, ``??=``, ``||=`` or ``(`` token (a ``:`` stands in a type annotation
#: first: ``timeout: number = 5000``; a call's ``<`` in its type arguments), which holds all
#: of its value.  A ``:`` of a ternary, a ``case`` or a type, a ``<`` comparing, a ``(`` of
#: parameters open no site: the value they start is some binding's own, found from it.
_BINDERS = frozenset({
    "pair", "pair_pattern", "variable_declarator", "assignment_expression",
    "augmented_assignment_expression", "public_field_definition", "field_definition",
    "required_parameter", "optional_parameter", "assignment_pattern",
    "object_assignment_pattern", "jsx_attribute", "arguments", "call_expression",
    "new_expression", "binary_expression",  # `opts.timeout || 20000`: a fallback's `||`, `??`
})  # fmt: skip
_THROUGH = frozenset({"type_annotation", "type_arguments"})
#: A binder this wide (in bytes) is read only where its site's name is judged telling.
_WIDE = 2048
#: Tokens an opener can stand in without being one (it is text): it opens no site.
_TEXT = frozenset({
    "string", "string_fragment", "escape_sequence", "template_string", "regex", "regex_pattern",
    "regex_flags", "jsx_text", "html_comment", "hash_bang_line",
})  # fmt: skip


def value_numbers(root: Node, data: bytes, anchors: list[int] | None = None,
                  telling: Callable[[int], bool] | None = None
                  ) -> Iterator[tuple[Node, Node]]:  # fmt: skip
    """The number tokens of ``root`` (parsed from ``data``) whose parent can hold a value,
    each with its parent (which tree-sitter finds by a walk from the root: asked once).
    With ``anchors`` (the pre-filter's: where the sites that may hold a hit open), only the
    numbers of those sites' binders (``_BINDERS``), a wide one only where ``telling`` says
    its site's name may tell (a class or a function bound to a name with a telling word
    holds many numbers, each in a site of its own); a tree with errors is read whole."""
    if anchors is None or root.has_error:
        spans = [(0, len(data))]
    else:
        spans = _spans(root, anchors, telling or (lambda at: True))
    for begin, end in spans:
        yield from _numbers(root, data, begin, end)


def _spans(root: Node, anchors: list[int], telling: Callable[[int], bool]
           ) -> list[tuple[int, int]]:  # fmt: skip
    """The byte ranges of the binders of the sites opening at ``anchors``, merged."""
    found = sorted(
        span for at in anchors if (span := _binder(root, at)) is not None
        and (span[1] - span[0] <= _WIDE or telling(at))
    )  # fmt: skip
    merged: list[tuple[int, int]] = []
    for begin, end in found:
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    return merged


def _binder(root: Node, at: int) -> tuple[int, int] | None:
    """The byte range of the binder the token ending at ``at`` opens a site in; None where
    it opens none (a ternary's ``:``, a ``(`` of parameters, an opener in a string); the
    whole file where what it is cannot be told."""
    token = root.descendant_for_byte_range(at - 1, at)
    if token is None:
        return 0, root.end_byte
    if token.type in _TEXT:
        return None
    if token.type == "comment":  # `setTimeout /* why */ (fn, 5)`
        if token.start_byte != at - 1:
            return None  # `the max / min` in a comment
        after = token.next_sibling
        if after is not None and after.type == "arguments":
            return after.start_byte, after.end_byte
        return 0, root.end_byte
    parent = token.parent
    if parent is not None and parent.type in _THROUGH:
        parent = parent.parent
    if parent is None or parent.type not in _BINDERS:
        return None
    return parent.start_byte, parent.end_byte


def _numbers(root: Node, data: bytes, begin: int, end: int) -> Iterator[tuple[Node, Node]]:
    for match in _START.finditer(data, begin, end):
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
