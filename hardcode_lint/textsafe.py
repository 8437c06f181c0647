"""Text from a user's files, made safe to show: data, never markup or terminal control.

A snippet holding ``\\x1b]0;title\\x07`` or ``\\x1b[2J`` would retitle or clear the terminal of
whoever reads a log; bidirectional overrides (U+202E) can make code read differently from what
it is.  Every such character (C0 but tab, DEL, C1, bidi controls, line/paragraph separators) is
shown as an escape (``\\x1b``, ``\\u202e``), and so is a lone surrogate: a file name that is not
valid UTF-8 (``\\xff`` on Linux) reaches us as ``\\udcff`` and is printed that way, so every
output stays valid UTF-8 and the name round-trips.  JSON and SARIF escape by construction; the text,
GitHub, markdown and html outputs pass user text through :func:`visible`, and rich output wraps
it in ``output.safe.cell`` so that ``[/]`` in a snippet is text, not markup.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character written as an escape."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


_INT64 = range(-(2**63), 2**64)  # what orjson writes as a number itself


def _exact(data: Any) -> Any:
    """``data`` with every integer orjson cannot write (``0x1FFFFFFFFFFFFFFFF``, a literal's
    exact value) as a pre-written JSON number, so that one big literal does not send the
    whole document through the standard library's pure-Python indenting encoder."""
    if type(data) is int:
        return data if data in _INT64 else orjson.Fragment(str(data))
    if isinstance(data, dict):
        return {key: _exact(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_exact(value) for value in data]
    return data


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON that is valid UTF-8 whatever the data: non-ASCII text kept as it is, but a lone
    surrogate (an undecodable byte of a file name) written as its ``\\udcXX`` escape.

    orjson writes it (the standard library's indenting encoder is pure Python: a tenth of a
    second for two thousand findings); integers beyond 64 bits are handed to it pre-written,
    and what it still refuses, a lone surrogate, goes through the standard library."""
    if indent == 2:
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
        except TypeError:  # orjson.JSONEncodeError is one: retried with big integers written
            pass
        try:
            return orjson.dumps(_exact(data), option=orjson.OPT_INDENT_2).decode("utf-8")
        except TypeError:
            pass
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
