"""The types a Go package declares its fields and variables with, read from every ``.go`` file
of the folder, so that a literal given to a field has a setting of the field's type.

Go does not convert: ``d.HandshakeTimeout = -1`` is a ``time.Duration``, ``soa.Expire = 604800``
a ``uint32``, ``l.ttl = 10`` an ``int64``; an ``int`` setting read at any of them does not build
(gorilla/websocket's tests, miekg/dns, etcd).  On 9,926 Go files of Debian's ``golang-*-dev``
packages, one site in three that gives a bare literal to a field had a type other than ``int``.
The declarations are read line by line (``Name, Other T`` with an optional comment or struct
tag; ``var name T``), without parsing: a name declared with two types in the package is not
known, and neither is one declared elsewhere.  The table of a folder is kept while none of its
files changed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hardcode_lint.lang.go.imports import assumed_name

#: ``Name T``, ``A, B T``, ``var name T``: one declaration on its own line, nothing after the
#: type but a comment or a struct tag (a parameter line ends with a comma and is not one).
#: Each line is matched after its newline (a literal start is found fast; `^` is not).
_DECLARATION = re.compile(
    rb"\n[ \t]*(?:var[ \t]+)?((?:\w+[ \t]*,[ \t]*)*\w+)[ \t]+(\*?[\w.]+)"
    rb"[ \t]*(?://[^\n]*|`[^`\n]*`)?[ \t]*\r?(?=\n)"
)
#: Where declarations stand: a struct's body, a top-level `var ( ... )` block, a `var` line.
_OPENER = re.compile(rb"struct[ \t]*\{|\nvar[ \t]*\(|\nvar[ \t]+\w[^\n]*")
_CLOSERS = {ord("{"): re.compile(rb"[{}]"), ord("("): re.compile(rb"[()]")}
_STRUCTS = re.compile(rb"\ntype[ \t]+(\w+)(?:\[[^\n]*\])?[ \t]+struct[ \t]*\{")
OWN_CLAMP = re.compile(rb"^func\s+(?:max|min)\b", re.M)
_EXTERNAL_TEST = re.compile(rb"^package[ \t]+(\w+)_test\b", re.M)
Table = Mapping[str, frozenset[str]]


def _closing(data: bytes, opened: int) -> int:
    """The offset of the bracket closing the one at ``opened``."""
    depth, pairs = 0, _CLOSERS[data[opened]]
    for match in pairs.finditer(data, opened):
        depth += 1 if match.group() in b"{(" else -1
        if depth == 0:
            return match.start()
    return len(data)


def _declared_in(text: bytes, found: dict[str, set[str]]) -> dict[str, set[str]]:
    """Name -> types of the declaration lines in ``text`` (a body: every line is one)."""
    for match in _DECLARATION.finditer(text):
        kind = match.group(2).decode("ascii", "replace")
        for name in match.group(1).split(b","):
            found.setdefault(name.strip().decode("ascii", "replace"), set()).add(kind)
    return found


def declarations(data: bytes) -> dict[str, set[str]]:
    """Name -> the types ``data`` declares it with, in struct bodies and ``var`` declarations
    (a line of a function body is neither)."""
    found: dict[str, set[str]] = {}
    data = b"\n" + data + b"\n"
    at = 0
    for match in _OPENER.finditer(data):
        if match.start() < at:
            continue  # inside a body read already
        last = match.end() - 1
        if data[last] in b"{(":
            at = _closing(data, last)
            _declared_in(data[last:at] + b"\n", found)
        else:
            _declared_in(match.group() + b"\n", found)
    return found


def _signature(folder: str) -> tuple[tuple[str, int, int], ...]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return ()
    found = []
    for entry in entries:
        if entry.name.endswith(".go"):
            try:
                stat = entry.stat()
            except OSError:
                continue
            found.append((entry.name, stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def struct_fields(data: bytes) -> dict[str, Table]:
    """Each ``type Name struct { ... }`` of ``data`` with its fields' types (the first
    declaration of a name)."""
    data = b"\n" + data
    found: dict[str, Table] = {}
    for match in _STRUCTS.finditer(data):
        name = match.group(1).decode("ascii", "replace")
        if name not in found:
            body = data[match.end() : _closing(data, match.end() - 1)] + b"\n"
            found[name] = {key: frozenset(kinds) for key, kinds in _declared_in(body, {}).items()}
    return found


@dataclass(frozen=True)
class _Folder:
    """What a folder's files on disk declare: names with their types, and whether one of them
    defines its own ``max`` / ``min`` (then the builtins are not what its calls mean)."""

    table: Table
    own_clamps: bool


@lru_cache(maxsize=16)
def _folder(folder: str, signature: tuple[tuple[str, int, int], ...]) -> _Folder:
    """The folder's files read once, for every file of it that asks."""
    merged: dict[str, set[str]] = {}
    own_clamps = False
    for name, _, _ in signature:
        try:
            data = Path(folder, name).read_bytes()
        except OSError:
            continue
        own_clamps = own_clamps or bool(OWN_CLAMP.search(data))
        for key, kinds in declarations(data).items():
            merged.setdefault(key, set()).update(kinds)
    return _Folder({key: frozenset(kinds) for key, kinds in merged.items()}, own_clamps)


@lru_cache(maxsize=16)
def _folder_structs(folder: str, signature: tuple[tuple[str, int, int], ...]) -> dict[str, Table]:
    """Each struct the folder's files declare, with its fields: read once, when a keyed
    element of a struct of the package first asks (most files never do)."""
    structs: dict[str, Table] = {}
    for name, _, _ in signature:
        try:
            data = Path(folder, name).read_bytes()
        except OSError:
            continue
        if b"struct" in data:
            for struct, fields in struct_fields(data).items():
                structs.setdefault(struct, fields)
    return structs


def _one(kinds: Iterable[str]) -> str | None:
    found = set(kinds)
    return next(iter(found)) if len(found) == 1 else None


class PackageTypes:
    """The declared types of one file's package: its folder's files on disk, and the file as
    the scan read it (an editor's unsaved text too: a type changed there and not saved is
    two types, so not known).  Read on the first question."""

    def __init__(self, file: str, data: bytes) -> None:
        self.data = data
        self.folder = os.path.dirname(os.path.abspath(file)) if file else None
        self._own: dict[str, set[str]] | None = None
        self._files: tuple[tuple[str, int, int], ...] | None = None
        self._structs: dict[str, Table] | None = None

    def _signature(self) -> tuple[tuple[str, int, int], ...]:
        if self._files is None:
            self._files = _signature(self.folder) if self.folder else ()
        return self._files

    def _disk(self) -> _Folder:
        return _folder(self.folder, self._signature()) if self.folder else _Folder({}, False)

    def own_clamps(self) -> bool:
        """Whether the package declares its own ``max`` / ``min`` (in any of its files)."""
        return bool(OWN_CLAMP.search(self.data)) or self._disk().own_clamps

    def is_own(self, path: str) -> bool:
        """Whether an import of ``path`` is this folder's package, as its external test
        package imports it (``package redis_test`` beside ``redis/pool.go`` importing
        ``github.com/gomodule/redigo/redis``): its declarations are the folder's."""
        tested = _EXTERNAL_TEST.search(self.data)
        name = path.rsplit("/", 1)[-1]
        return bool(tested and self.folder and name == os.path.basename(self.folder)
                    and tested.group(1).decode() == assumed_name(path))  # fmt: skip

    def type_of(self, name: str) -> str | None:
        """The one type the package declares ``name`` with, or None (none, or several)."""
        if self._own is None:
            self._own = declarations(self.data)
        return _one([*self._own.get(name, ()), *self._disk().table.get(name, ())])

    def field_of(self, struct: str, name: str) -> str | None:
        """The type of field ``name`` of the package's ``struct``, read from its declaration
        (several structs may have a field of that name with other types); else as
        :meth:`type_of`."""
        if self._structs is None:
            self._structs = struct_fields(self.data)
        own = self._structs
        if struct in own:
            fields: Table | None = own[struct]
        else:
            fields = _folder_structs(self.folder, self._signature()).get(struct) if (
                self.folder) else None  # fmt: skip
        return self.type_of(name) if fields is None else _one(fields.get(name, ()))
