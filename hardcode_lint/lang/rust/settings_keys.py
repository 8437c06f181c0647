"""Reading a generated Rust settings module back: its keys, their types and comments.

``check`` needs the keys a module defines (``crate::settings::get().a.b`` of a key the module
lacks does not compile), and regenerating keeps a key's type and unit comment when the rules
no longer carry them (a migrated rule has no literal left to say them).  The module is ours,
so its structs are read line by line, as rustfmt leaves them: one field per line.
"""

from __future__ import annotations

import re

from hardcode_lint.lang.rust.settings_module import ROOT_STRUCT
from hardcode_lint.parse.source import is_generated

Keys = dict[str, tuple[str | None, str | None]]
_STRUCT = re.compile(r"^pub struct (\w+) \{(.*?)^\}", re.M | re.S)
_FIELD = re.compile(
    r"^[ \t]*(?:///[ \t]*`[^`\n]*`(?:[ \t]+\((.*)\))?[^\n]*\n)?[ \t]*pub (\w+): (\w+),", re.M
)


def _walk(structs: dict[str, list[tuple[str, str, str | None]]], name: str, path: str,
          into: Keys) -> None:  # fmt: skip
    for field, kind, comment in structs[name]:
        key = f"{path}{field}"
        if kind in structs and path.count(".") < len(structs):
            _walk(structs, kind, f"{key}.", into)
        else:
            into[key] = (kind, comment or None)


def settings_keys(text: str) -> Keys:
    """Each key of the generated module ``text`` with its type and comment (see the module
    docstring); empty when ``text`` is not generated settings."""
    if not is_generated(text):
        return {}
    structs: dict[str, list[tuple[str, str, str | None]]] = {
        match.group(1): [(f.group(2), f.group(3), f.group(1)) for f in _FIELD.finditer(
            match.group(2))]
        for match in _STRUCT.finditer(text.replace("\r\n", "\n"))
    }  # fmt: skip
    used = {kind for fields in structs.values() for _, kind, _ in fields}
    roots = [name for name in structs if name not in used]
    root = ROOT_STRUCT if ROOT_STRUCT in roots else (roots[0] if roots else None)
    keys: Keys = {}
    if root is not None:
        _walk(structs, root, "", keys)
    return keys
