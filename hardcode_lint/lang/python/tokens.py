"""Python expressions as token strings: how a rule's ``replace`` and the code at a site are
compared (layout, comments and outer parentheses do not matter).

Token-based and libcst-free, so that matching rules to cached migrated sites never imports
the parser.
"""

from __future__ import annotations

import ast
import io
import tokenize

_LAYOUT = frozenset(
    {
        tokenize.COMMENT,
        tokenize.NL,
        tokenize.NEWLINE,
        tokenize.INDENT,
        tokenize.DEDENT,
        tokenize.ENDMARKER,
    }
)


def token_text(code: str) -> str:
    """``code``'s tokens joined: ``config . a\\n.b  # x`` -> ``config.a.b``."""
    try:
        tokens = tokenize.generate_tokens(io.StringIO(code).readline)
        return "".join(t.string for t in tokens if t.type not in _LAYOUT)
    except (tokenize.TokenError, SyntaxError):
        return "".join(code.split())


def _outer_parentheses(tokens: list[str]) -> bool:
    """Whether the first token opens a parenthesis that the last token closes."""
    if len(tokens) < 2 or tokens[0] != "(" or tokens[-1] != ")":
        return False
    depth = 0
    for index, token in enumerate(tokens):
        depth += {"(": 1, ")": -1}.get(token, 0)
        if depth == 0:
            return index == len(tokens) - 1
    return False


def normalise_text(expression: str) -> str | None:
    """The token form of an expression, outer parentheses dropped; None if it is not one."""
    code = expression.strip()
    try:
        ast.parse(code, mode="eval")
        tokens = [
            t.string
            for t in tokenize.generate_tokens(io.StringIO(code).readline)
            if t.type not in _LAYOUT
        ]
    except (SyntaxError, tokenize.TokenError, ValueError):
        return None
    while _outer_parentheses(tokens):
        tokens = tokens[1:-1]
    return "".join(tokens)
