"""Source text of nodes as users see it in output: one line, outer parentheses dropped."""

from __future__ import annotations

import re

import libcst as cst

_EMPTY_MODULE = cst.Module(body=[])


def one_line(code: str) -> str:
    """Source text folded onto one line, for snippets and the ``value`` field."""
    code = re.sub(r"[ \t]*#[^\n'\"]*(?=\n)", "", code)  # comments inside a multi-line node
    code = re.sub(r"\s*\n\s*", " ", code.strip())
    code = re.sub(r"(?<=[\w)\]]) \.(?=[A-Za-z_])", ".", code)  # `x\n  .y` -> `x.y`
    return re.sub(r"([(\[{]) | ([)\]}])", r"\1\2", code)


def literal_text(node: cst.BaseExpression) -> str:
    """A literal expression as written (``60 * 5``, ``-1``), without enclosing parentheses."""
    return one_line(_EMPTY_MODULE.code_for_node(node.with_changes(lpar=(), rpar=())))


_MARKER = "__hardcode_lint_site__"


def marked_snippet(
    module: cst.Module, container: cst.CSTNode, node: cst.BaseExpression
) -> tuple[str, int, int]:
    """``container``'s code on one line, and the character range of ``node`` inside it.

    The range is found by rendering ``container`` with ``node`` swapped for a marker name (its
    parentheses kept), so the report can splice a replacement exactly where ``fix`` does.
    """
    value = literal_text(node)
    marker = cst.Name(_MARKER, lpar=node.lpar, rpar=node.rpar)
    code = one_line(module.code_for_node(container.deep_replace(node, marker)))
    at = code.find(_MARKER)
    if at < 0:  # cannot happen for a node inside container; keep the plain text
        return one_line(module.code_for_node(container)), -1, -1
    return code[:at] + value + code[at + len(_MARKER) :], at, at + len(value)
