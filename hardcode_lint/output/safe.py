"""Rich output of a user's text: shown as it is (never markup), control characters escaped."""

from __future__ import annotations

from typing import Any

from hardcode_lint.textsafe import visible


def cell(text: str, style: str = "") -> Any:
    """A rich ``Text`` of ``text``: shown as it is (no markup), control characters escaped."""
    from rich.text import Text

    return Text(visible(text), style=style)
