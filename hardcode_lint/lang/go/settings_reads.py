"""Where Go code reads a key of the generated settings: a field chain on the accessor's call,
``settings.Get().Scheduler.PollInterval``, through whatever name the file imports the settings
package as (an alias too).

``check`` compares these reads with the keys the package defines, so each field is read back as
a key part (``PollInterval`` -> ``poll_interval``, ``naming.py``).
"""

from __future__ import annotations

from hardcode_lint.lang.base import SettingsTarget
from hardcode_lint.lang.go.expressions import parse_import
from hardcode_lint.lang.go.imports import file_imports
from hardcode_lint.lang.go.naming import key_part
from hardcode_lint.lang.go.parser import Node, matches, parse, text
from hardcode_lint.parse.source import SourceFile

_CALLS = """(call_expression function: (selector_expression operand: (identifier) @package
 field: (field_identifier) @get (#eq? @get "Get")) arguments: (argument_list) @args) @call"""


def _fields(call: Node) -> list[str]:
    """The field names read on ``call``'s result, from the call out."""
    node, names = call, []
    while node.parent is not None and node.parent.type == "selector_expression":
        parent = node.parent
        if parent.child_by_field_name("operand") != node:
            break
        field = parent.child_by_field_name("field")
        names.append(text(field) if field is not None else "")
        node = parent
    return names


def settings_reads(source: SourceFile, target: SettingsTarget) -> list[tuple[str, int]]:
    """(key path read, byte offset) of every read of the target's settings in ``source``; the
    path may run on past the key (``Get().A.B.Seconds``)."""
    parsed = [parse_import(statement) for statement in target.imports]
    wanted = {found[1] for found in parsed if found is not None}
    if not any(path.encode() in source.data for path in wanted):
        return []
    base = len(source.bom)
    root = parse(source.data[base:]).root_node
    names = {i.name for i in file_imports(root) if i.path in wanted and i.name}
    reads = []
    for _, captures in matches(_CALLS, root):
        call, package = captures["call"][0], captures["package"][0]
        if text(package) not in names or captures["args"][0].named_child_count:
            continue
        fields = _fields(call)
        if fields and all(fields):
            reads.append((".".join(key_part(f) for f in fields), call.start_byte + base))
    return sorted(reads, key=lambda read: read[1])
