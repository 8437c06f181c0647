"""Where Rust code reads a key of the generated settings: a field chain on the accessor's call,
``crate::settings::get().a.b`` (``PKG::settings::get()`` from the crate's other targets,
``settings::get()`` after ``use crate::settings;``).

``check`` compares these reads with the keys the module defines; only files that mention the
module's name are parsed.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from hardcode_lint.lang.base import SettingsTarget
from hardcode_lint.lang.rust.parser import GRAMMAR
from hardcode_lint.lang.treesitter import Node, text
from hardcode_lint.parse.source import SourceFile

_CALLS = "(call_expression function: [(scoped_identifier) (identifier)] @function) @call"


def _accessor(target: SettingsTarget) -> re.Pattern[str]:
    """The accessor's paths: ``[crate|self|super|PKG::]*settings::get``."""
    stem = re.escape(PurePosixPath(target.module).stem)
    owners = "|".join(["crate", "self", "super", re.escape(target.name)])
    return re.compile(rf"(?:::)?(?:(?:{owners})::)*{stem}::get")


def _fields(call: Node) -> tuple[Node, list[str]]:
    """The outermost field expression on ``call`` and the field names from the call out."""
    node, names = call, []
    while node.parent is not None and node.parent.type == "field_expression":
        parent = node.parent
        if parent.child_by_field_name("value") != node:
            break
        field = parent.child_by_field_name("field")
        names.append(text(field) if field is not None else "")
        node = parent
    return node, names


def settings_reads(source: SourceFile, target: SettingsTarget) -> list[tuple[str, int]]:
    """(key path read, byte offset) of every read of the target's settings in ``source``; the
    path may run on past the key (``get().a.b.as_secs``)."""
    stem = PurePosixPath(target.module).stem
    if f"{stem}::" not in source.text:
        return []
    accessor = _accessor(target)
    tree = GRAMMAR.parse(source.data).root_node
    reads = []
    for _, captures in GRAMMAR.matches(_CALLS, tree):
        call, function = captures["call"][0], captures["function"][0]
        if not accessor.fullmatch(re.sub(r"\s+", "", text(function))):
            continue
        arguments = call.child_by_field_name("arguments")
        if arguments is not None and arguments.named_child_count:
            continue
        _, names = _fields(call)
        if names and all(names):
            reads.append((".".join(names), call.start_byte))
    return sorted(reads, key=lambda read: read[1])
