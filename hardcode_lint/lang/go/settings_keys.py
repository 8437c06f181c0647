"""Reading a generated Go settings package back: its keys, their types and unit comments.

Each field of the generated structs carries its key in its doc comment
(``// PollInterval is `scheduler.poll_interval` (seconds).``), so the keys are read from there,
exactly as the rules spell them, with the field's type on the next line.
"""

from __future__ import annotations

import re

from hardcode_lint.parse.source import is_generated

Keys = dict[str, tuple[str | None, str | None]]
_FIELD = re.compile(
    r"^\t// \w+ is `(?P<key>[^`\n]+)`(?: \((?P<comment>[^)\n]*)\))?\.\n\t\w+ (?P<type>[\w.]+)$",
    re.M,
)


def settings_keys(text: str) -> Keys:
    """Each key of the generated package file ``text`` with its type and comment; empty when
    ``text`` is not generated settings."""
    if not is_generated(text):
        return {}
    body = text.replace("\r\n", "\n")
    return {m.group("key"): (m.group("type"), m.group("comment")) for m in _FIELD.finditer(body)}
