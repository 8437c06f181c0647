"""Where TypeScript or JavaScript code reads a key of the generated settings: ``settings.a.b``
on a name bound by importing the generated module, aliases and ``require`` included.

``check`` compares these reads with the keys the module defines, so that a rule deleted or
renamed (and the module regenerated) cannot leave code reading a key that is gone (a type error
in TypeScript, ``undefined`` at run time in JavaScript).  The import's specifier names the
module: a relative one resolved against the file's folder, an alias or ``baseUrl`` path
(``@/settings``, ``src/settings``) by the module's path ending with it; extensions are ignored,
since ``./settings.js`` names ``settings.ts`` in TypeScript.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePosixPath

from hardcode_lint.lang.base import SettingsTarget
from hardcode_lint.lang.typescript.imports import import_table
from hardcode_lint.lang.typescript.parser import Node, flavour_of, parse, text
from hardcode_lint.parse.source import SourceFile

_EXTENSION = re.compile(r"\.(?:[cm]?[jt]s|[jt]sx)$")
_ALIAS_HEAD = re.compile(r"^(?:@|~|#)[^/]*/")


def _bare(path: str) -> str:
    return _EXTENSION.sub("", path)


def names_module(specifier: str, file: str, module: str) -> bool:
    """Whether ``specifier``, written in the root-relative ``file``, imports ``module``."""
    wanted = _bare(PurePosixPath(module).as_posix())
    if specifier.startswith(("./", "../")):
        folder = posixpath.dirname(file)
        return _bare(posixpath.normpath(posixpath.join(folder, specifier))) == wanted
    tail = _bare(_ALIAS_HEAD.sub("", specifier))
    return bool(tail) and (wanted == tail or wanted.endswith("/" + tail))


def _bindings(root: Node, path: str, target: SettingsTarget) -> dict[str, list[str]]:
    """Local name -> the members between it and the keys (``[]`` for the settings object,
    ``["settings"]`` for the module bound whole)."""
    obj = target.template.split(".", 1)[0]
    bound: dict[str, list[str]] = {}
    for local, qualified in import_table(root).items():
        if qualified.endswith("." + obj) and names_module(qualified[: -len(obj) - 1], path,
                                                          target.module):  # fmt: skip
            bound[local] = []
        elif names_module(qualified, path, target.module):
            bound[local] = [obj]
    return bound


def _chain(node: Node) -> tuple[Node, list[str]]:
    names: list[str] = []
    while node.type == "member_expression":
        prop = node.child_by_field_name("property")
        inner = node.child_by_field_name("object")
        if prop is None or inner is None:
            break
        names.insert(0, text(prop))
        node = inner
    return node, names


def _members(root: Node) -> list[Node]:
    """The outermost member expressions of each chain in ``root``."""
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        parent = node.parent
        if node.type == "member_expression" and not (
            parent is not None
            and parent.type == "member_expression"
            and parent.child_by_field_name("object") == node
        ):
            found.append(node)
        stack.extend(node.children)
    return found


def settings_reads(source: SourceFile, target: SettingsTarget) -> list[tuple[str, int]]:
    """(key path read, byte offset) of every read of the target's settings in ``source``; the
    path may run on past the key (``settings.a.b.toFixed``)."""
    stem = PurePosixPath(target.module).stem
    if stem not in source.text:
        return []
    base = len(source.bom)
    root = parse(source.data[base:], flavour_of(source.path))
    bound = _bindings(root, source.path, target)
    if not bound:
        return []
    reads = []
    for node in _members(root):
        head, names = _chain(node)
        prefix = bound.get(text(head)) if head.type == "identifier" else None
        if prefix is None or names[: len(prefix)] != prefix or len(names) <= len(prefix):
            continue
        reads.append((".".join(names[len(prefix) :]), node.start_byte + base))
    return sorted(reads, key=lambda read: read[1])
