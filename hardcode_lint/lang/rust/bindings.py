"""Constant tables that mirror a C or OS API: ``SYS_wait4 = 260``, ``MS_SYNC = 4``.

Their words read like durations and limits (``wait``, ``ms``, ``TIMEOUT``, ``MAX``) but they are
the numbers of someone else's ABI: nobody tunes them.  They are recognised by where they stand,
so that a binding crate nobody listed is recognised too: the files of a ``*-sys`` package (or
one with ``links =`` in its Cargo.toml), files with an ``extern`` block, files of hundreds of
constants, runs of sibling constants that share an OS naming pattern of the catalog
(``[c-tables]`` in ``catalog.toml``), and the constants that size a C structure's array
member.  On the Debian registry this took the name findings of its binding crates (libc,
linux-raw-sys, winapi, the `*-sys` ones) from 1,994 to 17.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hardcode_lint.detect.catalog import shipped_data
from hardcode_lint.lang.rust.targets import crate_of

PACKAGE = "hardcode_lint.lang.rust"
#: An ``extern "C" { .. }`` / ``extern "system" { .. }`` / ``extern { .. }`` block (in a macro
#: too: libc declares many inside ``cfg_if!``); not ``extern crate`` nor ``extern "C" fn``.
_EXTERN_BLOCK = re.compile(rb'\bextern[ \t]*(?:"[^"\n]*"[ \t\r\n]*)?\{')
_CONSTANT = re.compile(
    rb"^[ \t]*(?:pub[ \t]*(?:\([^)\n]*\)[ \t]*)?)?(?:const|static)[ \t]+(?:mut[ \t]+)?"
    rb"([A-Za-z_]\w*)[ \t]*:[ \t]*([^=;\n]*)",
    re.M,
)
#: A C type: `c_int`, `libc::c_ulong`, or a C typedef spelled in capitals (`DWORD`, `HRESULT`).
_C_TYPE = re.compile(r"(?:[\w]*::)*(?:c_[a-z]+|[A-Z][A-Z0-9_]{2,})")
#: A field whose type is an array of a C type sized by a constant (winapi's
#: `AdapterName: [CHAR; MAX_ADAPTER_NAME_LENGTH + 4]`, ntapi's `[ULONG; GDI_BATCH_BUFFER_SIZE]`):
#: the constant is the length of a C structure's member.  Module paths are lowercase, so a
#: value (`[Deferred::NO_OP; MAX_OBJECTS]`) is no type.
_C_ARRAY_FIELD = re.compile(
    rb":[ \t]*\[[ \t]*(?:[a-z_][a-z0-9_]*::)*(?:c_[a-z]+|[A-Z][A-Z0-9_]{2,})[ \t]*;[ \t]*"
    rb"([A-Za-z_]\w*)"
)


@dataclass(frozen=True)
class TableRules:
    """The catalog's ``[c-tables]``: OS naming patterns, how many make a run, a table's size."""

    patterns: tuple[re.Pattern[str], ...]
    min_run: int
    table_size: int


@lru_cache(maxsize=1)
def table_rules() -> TableRules:
    data = shipped_data(PACKAGE, "catalog.toml")[1].get("c-tables", {})
    patterns = tuple(re.compile(p) for p in data.get("os-names", []))
    return TableRules(patterns, int(data.get("min-run", 5)), int(data.get("table-size", 100)))


@lru_cache(maxsize=4096)
def binding_package(folder: str) -> bool:
    """Whether the package whose Cargo.toml is nearest above ``folder`` (absolute) is a
    ``*-sys`` package or declares ``links``: Cargo's marks of a crate that binds a C library."""
    crate = crate_of(Path("/"), (Path(folder) / "lib.rs").as_posix())
    if crate is None:
        return False
    package = crate.manifest.get("package")
    links = isinstance(package, dict) and "links" in package
    return links or crate.name.endswith("_sys")


@dataclass(frozen=True)
class Tables:
    """Which constants of one file mirror a C or OS API."""

    whole_file: bool  # every constant of the file
    names: frozenset[str] = frozenset()  # the constants of an OS-named run

    def mirrors(self, name: str) -> bool:
        return self.whole_file or name in self.names


def tables_of(data: bytes, file: str) -> Tables:
    """The C/OS tables of a file's bytes; ``file`` is its absolute path ("" when unknown)."""
    if file and binding_package(str(Path(file).parent)):
        return Tables(True)
    if _EXTERN_BLOCK.search(data):
        return Tables(True)
    rules = table_rules()
    constants = {m.group(1).decode(): m.group(2).decode().strip() for m in _CONSTANT.finditer(data)}
    if len(constants) >= rules.table_size:
        return Tables(True)
    run = {m.group(1).decode() for m in _C_ARRAY_FIELD.finditer(data)} & constants.keys()
    c_typed = [name for name, kind in constants.items() if _C_TYPE.fullmatch(kind)]
    if len(c_typed) >= rules.min_run:
        run.update(c_typed)
    for pattern in rules.patterns:
        matching = [name for name in constants if pattern.match(name)]
        if len(matching) >= rules.min_run:
            run.update(matching)
    return Tables(False, frozenset(run))
