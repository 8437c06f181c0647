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


def node_text(node: cst.CSTNode, module: cst.Module | None = None) -> str:
    """``node``'s code on one line (using ``module``'s settings when given)."""
    return one_line((module or _EMPTY_MODULE).code_for_node(node))


def literal_text(node: cst.BaseExpression) -> str:
    """A literal expression as written (``60 * 5``, ``-1``), without enclosing parentheses."""
    return node_text(node.with_changes(lpar=(), rpar=()))
