"""Code as users see it in output (C-like languages: Rust, Go): one line, comments dropped;
and snippets that know where their literal sits."""

from __future__ import annotations

import re

_COMMENT = re.compile(r"[ \t]*//[^\n\"]*(?=\n)")
_BLOCK = re.compile(r"/\*.*?\*/", re.S)
_MARK = "\ue000\ue001"
SNIPPET_CONTEXT = 96  # as in Python: longer contexts are shortened to `callee(…, lit, …)`


def one_line(code: str) -> str:
    code = _BLOCK.sub(" ", _COMMENT.sub("", code))
    code = re.sub(r"\s*\n\s*", " ", code.strip())
    code = re.sub(r"(?<=[\w)\]]) \.(?=[A-Za-z_])", ".", code)  # `x\n  .y()` -> `x.y()`
    code = re.sub(r",\s*(?=[)\]])", "", code)  # rustfmt's trailing comma: `f(\n  x,\n)` -> `f(x)`
    return re.sub(r"([(\[{]) | ([)\]}])", r"\1\2", code)


#: Raw context beyond which a snippet is never shown whole (one_line of a call's whole body, a
#: 500-line callback, was a tenth of detection on large bundles; that much code does not fit
#: in SNIPPET_CONTEXT characters once its layout and comments are dropped, but for comments).
_RAW_LIMIT = 64 * SNIPPET_CONTEXT


def fits(before: str, after: str) -> bool:
    """Whether the context around a literal fits on one shown line whole."""
    if len(before) + len(after) > _RAW_LIMIT:
        return False
    code = before + after
    if _least_shown(code) > SNIPPET_CONTEXT:
        return False  # a callback's body: most calls' contexts, measured without one_line
    return len(one_line(code)) <= SNIPPET_CONTEXT


def _least_shown(code: str) -> int:
    """A lower bound of ``len(one_line(code))``: one_line drops comments, spaces and the
    commas before a closing bracket, nothing else (0 where a comment may stand)."""
    if "//" in code or "/*" in code:
        return 0
    return len("".join(code.split())) - code.count(",")


def marked(before: str, value: str, after: str) -> tuple[str, int, int]:
    """``before + value + after`` on one line, and ``value``'s range in the result."""
    code = one_line(before + _MARK + after)
    at = code.find(_MARK)
    shown = one_line(value)
    return code[:at] + shown + code[at + len(_MARK) :], at, at + len(shown)


def shortened(callee: str, value: str, alone: bool) -> tuple[str, int, int]:
    """``callee(…, value, …)`` for a call too long to show whole."""
    head = f"{one_line(callee)}(" if alone else f"{one_line(callee)}(…, "
    shown = one_line(value)
    tail = ")" if alone else ", …)"
    return head + shown + tail, len(head), len(head) + len(shown)
