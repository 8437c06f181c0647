"""``mod x;`` declarations: which other files a file makes part of the crate, and whether it
does so under ``#[cfg(test)]`` (then the whole of that file is test code)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from hardcode_lint.lang.rust.context import is_test_attribute

_DECLARATION = re.compile(rb"mod\s+(\w+)\s*;")

_PATH_ATTRIBUTE = re.compile(rb'#\[\s*path\s*=\s*"([^"]+)"\s*\]')
_ATTRIBUTE = re.compile(rb"#\[[^\]\n]*\]")


def _folder(path: str) -> PurePosixPath:
    """Where the modules a file declares live: beside ``lib.rs``/``main.rs``/``mod.rs``,
    in ``foo/`` for ``foo.rs``."""
    file = PurePosixPath(path)
    if file.name in ("lib.rs", "main.rs", "mod.rs"):
        return file.parent
    return file.parent / file.stem


def declared_modules(data: bytes, path: str) -> list[tuple[str, bool]]:
    """(root-relative file, declared under a test cfg) for each ``mod x;`` of the file."""
    found = []
    for match in _DECLARATION.finditer(data):
        if match.start() and (
            data[match.start() - 1 : match.start()].isalnum()
            or data[match.start() - 1 : match.start()] == b"_"
        ):
            continue  # `cmod x;` is not a declaration
        window = data[max(0, match.start() - 400) : match.start()]
        cut = max(window.rfind(b";"), window.rfind(b"{"), window.rfind(b"}"))
        attributes, name = window[cut + 1 :], match.group(1).decode()
        test = any(is_test_attribute(a.decode(errors="replace")) for a in
                   _ATTRIBUTE.findall(attributes))  # fmt: skip
        explicit = _PATH_ATTRIBUTE.search(attributes)
        if explicit:
            found.append(((PurePosixPath(path).parent / explicit.group(1).decode()).as_posix(),
                          test))  # fmt: skip
            continue
        folder = _folder(path)
        found.append(((folder / f"{name}.rs").as_posix(), test))
        found.append(((folder / name / "mod.rs").as_posix(), test))
    return found
