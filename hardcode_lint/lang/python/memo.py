"""Verdicts kept for the next run: libcst's findings in a narrowed text, keyed by that text.

The narrowed text (:mod:`.regions`) is all libcst reads, and its verdicts are a function of it
and of the settings alone (which key the cache the memo lives in).  An edit outside every
candidate statement (a function body with no candidate, a comment, a blank line) leaves the
narrowed text as it was: the findings are then rebuilt from the memo and the new positions,
and a pre-commit ``check`` of the edited file never imports or runs libcst.

Each hit is kept with its ordinal among the narrowed text's literals; the ``ast`` pre-pass,
which runs anyway, gives the literals' positions in the file as it is now.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from hardcode_lint.lang.base import Hit
from hardcode_lint.lang.python.prepass import Span
from hardcode_lint.model import Context, Kind
from hardcode_lint.parse.source import SourceFile

_VERSION = 1


def text_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def encode(key: str, hits: list[tuple[int, Hit]]) -> str:
    """The memo of ``hits`` (each with its literal's ordinal) found in the text of ``key``.

    JSON by the standard library: a value beyond 64 bits or an infinity must come back exact.
    """
    rows = [[ordinal, h.kind.value, h.context.value, h.unit, h.value, h.number, h.api, h.arg,
             h.scope, h.snippet, h.snippet_start, h.snippet_end, h.arg_alias, h.test]
            for ordinal, h in hits]  # fmt: skip
    return json.dumps({"v": _VERSION, "text": key, "hits": rows}, separators=(",", ":"))


def reuse(memo: str, key: str, source: SourceFile, spans: list[Span]) -> list[Hit] | None:
    """The hits of ``memo`` placed at ``spans`` in ``source``; None when the memo is of another
    text (or damaged), and libcst must decide."""
    if not memo:
        return None
    try:
        data: dict[str, Any] = json.loads(memo)
        if data.get("v") != _VERSION or data.get("text") != key:
            return None
        return [_hit(row, source, spans) for row in data["hits"]]
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def _hit(row: list[Any], source: SourceFile, spans: list[Span]) -> Hit:
    ordinal, kind, context, unit, value, number, api, arg, scope, *rest = row
    snippet, snippet_start, snippet_end, arg_alias, test = rest
    if not isinstance(ordinal, int) or ordinal < 0:
        raise IndexError("not a literal's ordinal")
    line, col, end_line, end_col = spans[ordinal]
    if not isinstance(number, int | float) or not isinstance(snippet, str):
        raise TypeError("not a memo row")
    return Hit(
        start=source.offset_utf8(line, col), end=source.offset_utf8(end_line, end_col),
        kind=Kind(kind), context=Context(context), unit=unit, value=str(value), number=number,
        api=api, arg=arg, scope=scope, snippet=snippet, snippet_start=int(snippet_start),
        snippet_end=int(snippet_end), arg_alias=arg_alias, test=bool(test),
    )  # fmt: skip
