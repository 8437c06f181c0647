"""What a crate offers its generated settings module, and the declaration that makes the module
part of the crate.

The module may use only what the crate already has: std always (``OnceLock``), ``toml`` or
``serde_json`` for a settings file when the crate depends on them, serde's derive when it
depends on serde with ``derive``.  A dependency that is optional or renamed may be absent from
a build, so it does not count.  In the 2015 edition an extern crate is reachable from a module
only when the crate root says ``extern crate NAME;``, so there that line is required too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from hardcode_lint.lang.rust.parser import COMMENTS, Node, parse, text
from hardcode_lint.lang.rust.targets import Crate, crate_of


@dataclass(frozen=True)
class CrateFacts:
    """The parts of a crate that decide how its settings module is written."""

    edition: str  # "2015", "2018", "2021", "2024"
    file_formats: tuple[str, ...]  # "toml", "json": the settings-file readers it can use
    derive: str | None  # the path of serde's Deserialize derive, if the crate has it
    root_file: str | None  # root-relative crate root (lib.rs, else main.rs), if any
    no_std: bool = False  # the root says `no_std` (maybe under cfg_attr): std must be named


def _plain_dependency(manifest: dict[str, object], name: str) -> dict[str, object] | None:
    """The dependency table of ``name`` when the crate always has it under that name."""
    dependencies = manifest.get("dependencies")
    entry = dependencies.get(name) if isinstance(dependencies, dict) else None
    if isinstance(entry, str):
        return {"version": entry}
    if not isinstance(entry, dict) or entry.get("optional") or entry.get("package", name) != name:
        return None
    return entry


def _root_file(root: Path, crate: Crate) -> str | None:
    inside = PurePosixPath(crate.folder) if crate.folder else PurePosixPath()
    table = crate.manifest.get("lib")
    library = table.get("path") if isinstance(table, dict) else None
    for candidate in (library, "src/lib.rs", "src/main.rs"):
        if isinstance(candidate, str) and (root / inside / candidate).is_file():
            return (inside / candidate).as_posix()
    return None


def crate_facts(root: Path, crate: Crate) -> CrateFacts:
    edition = crate.edition
    root_file = _root_file(root, crate)
    externs = _externs(root / root_file) if root_file and edition == "2015" else None
    usable = [n for n in ("toml", "serde_json") if _plain_dependency(crate.manifest, n)]
    if externs is not None:
        usable = [n for n in usable if n in externs]
    serde = _plain_dependency(crate.manifest, "serde")
    features = serde.get("features", []) if serde else []
    derive = None
    if edition != "2015" and serde is not None:
        if isinstance(features, list) and "derive" in features:
            derive = "::serde::Deserialize"
        elif _plain_dependency(crate.manifest, "serde_derive"):
            derive = "::serde_derive::Deserialize"
    formats = tuple({"toml": "toml", "serde_json": "json"}[n] for n in usable)
    no_std = bool(root_file) and _says_no_std(root / str(root_file))
    return CrateFacts(edition, formats, derive, root_file, no_std)


def _says_no_std(path: Path) -> bool:
    """``#![no_std]`` or ``#![cfg_attr(..., no_std)]`` among the root's inner attributes."""
    try:
        source = path.read_text("utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"#!\[[^\]]*\bno_std\b", source) is not None


def _externs(path: Path) -> set[str]:
    try:
        source = path.read_text("utf-8", errors="replace")
    except OSError:
        return set()
    return set(re.findall(r"^\s*extern\s+crate\s+(\w+)\s*;", source, re.M))


def facts_for(root: Path, module: str) -> tuple[Crate, CrateFacts] | None:
    """The crate holding the module file ``module`` (root-relative), with its facts."""
    crate = crate_of(root, module)
    return (crate, crate_facts(root, crate)) if crate is not None else None


def _is_declaration(node: Node) -> bool:
    return node.type == "mod_item" and node.child_by_field_name("body") is None


def _name(node: Node) -> str:
    name = node.child_by_field_name("name")
    return text(name) if name is not None else ""


def _line_start(data: bytes, offset: int) -> int:
    return data.rfind(b"\n", 0, offset) + 1


def _line_end(data: bytes, offset: int) -> int:
    end = data.find(b"\n", offset)
    return len(data) if end < 0 else end + 1


def _first_group(items: list[Node]) -> list[Node]:
    """The first run of ``mod x;`` lines with no blank line or other item between them (the
    group rustfmt sorts), each with the attributes written before it."""
    group: list[Node] = []
    for node in items:
        if _is_declaration(node):
            apart = group and node.start_point[0] > group[-1].end_point[0] + 1
            if apart and not _attributes_between(items, group[-1], node):
                break
            group.append(node)
        elif group and node.type not in ("attribute_item", *COMMENTS):
            break
    return group


def _attributes_between(items: list[Node], before: Node, after: Node) -> bool:
    """Whether only attribute lines, no blank line, stand between two declarations."""
    between = [n for n in items if before.end_byte <= n.start_byte < after.start_byte]
    rows = before.end_point[0]
    for node in between:
        if node.type != "attribute_item" or node.start_point[0] != rows + 1:
            return False
        rows = node.end_point[0]
    return after.start_point[0] == rows + 1


def _own_start(items: list[Node], node: Node) -> int:
    """Where ``node`` starts with the attributes written right before it."""
    start = node
    index = items.index(node)
    while index > 0 and items[index - 1].type == "attribute_item":
        index -= 1
        start = items[index]
    return start.start_byte


def _after_preamble(data: bytes, items: list[Node]) -> tuple[int, bytes, bytes]:
    """After the crate's ``//!`` docs, ``#![...]`` attributes and ``extern crate`` lines."""
    last = None
    for node in items:
        doc = node.type in COMMENTS and text(node).startswith(("//!", "/*!"))
        if node.type in ("inner_attribute_item", "extern_crate_declaration") or doc:
            last = node
        elif node.type not in COMMENTS and node.type != "attribute_item":
            break
    if last is None:
        return 0, b"", b"\n"
    return _line_end(data, last.end_byte), b"\n", b""


def declaration_edit(data: bytes, name: str) -> bytes | None:
    """The crate root ``data`` with ``pub mod NAME;`` declared (a private ``mod NAME;`` made
    public), every other byte as it was; None when it needs nothing (or has an inline module)."""
    items = list(parse(data).root_node.children)
    for node in items:
        if node.type == "mod_item" and _name(node) == name:
            if not _is_declaration(node) or text(node).startswith("pub"):
                return None
            return data[: node.start_byte] + b"pub " + data[node.start_byte :]
    line = f"pub mod {name};\n".encode()
    group = _first_group(items)
    if group:
        later = [n for n in group if _name(n) > name]
        at = _own_start(items, later[0]) if later else _line_end(data, group[-1].end_byte)
        at = _line_start(data, at) if later else at
        before, after = b"", b""
    else:
        at, before, after = _after_preamble(data, items)
    newline = b"\r\n" if b"\r\n" in data[: _line_end(data, 0)] else b"\n"
    insert = (before + line + after).replace(b"\n", newline)
    if at > 0 and not data[:at].endswith(b"\n"):
        insert = newline + insert
    return data[:at] + insert + data[at:]
