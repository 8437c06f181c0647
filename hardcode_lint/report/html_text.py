"""Text from a user's files made safe for the HTML report: escaped, control characters shown,
and long dotted keys or paths given places to wrap."""

from __future__ import annotations

import html
import re

from hardcode_lint.textsafe import visible

# A line may break at a space or after a dot or a slash: between the parts of a dotted key or a
# path, never inside a name, as `word-break:break-all` would (``dashboard_sna|pshot``).
_BREAK = re.compile(r"(?<=[./])(?=.)")


def escape(text: str) -> str:
    """HTML-escaped, control characters shown as escapes (a user's text is data)."""
    return html.escape(visible(text))


def identifier(text: str) -> str:
    """:func:`escape`, with ``<wbr>`` where a long key, path or snippet may wrap sensibly.

    Inserted after escaping: the entities html.escape writes hold none of the break characters.
    """
    return _BREAK.sub("<wbr>", escape(text))
