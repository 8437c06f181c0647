"""A literal in a Go ``const`` cannot read a setting: the constant becomes a ``var`` holding
the read (section 1G), unless the file needs the name as a constant (another constant's
value, an array length, an ``iota`` run that repeats it), which is refused with that reason.
The package's other files are asked the same before any edit (``expand.py``)."""

from __future__ import annotations

from hardcode_lint.edit import TextEdit
from hardcode_lint.lang.go.parser import Node, matches, named, text
from hardcode_lint.lang.go.untyped import (
    Declared,
    declared_in,
    identifiers,
    scope_of,
    use_problem,
)

_NEEDS = """
(const_spec value: (expression_list) @where)
(array_type length: (_) @where)
"""


def spec_of(node: Node) -> Node | None:
    current = node.parent
    while current is not None:
        if current.type == "const_spec":
            value = current.child_by_field_name("value")
            inside = value is not None and value.start_byte <= node.start_byte < value.end_byte
            return current if inside else None
        if current.type in ("function_declaration", "method_declaration", "func_literal"):
            return None
        current = current.parent
    return None


def _inside(node: Node, spec: Node | None) -> bool:
    """Whether ``node`` lies in ``spec`` (None: ``node``'s file is another one)."""
    return spec is not None and spec.start_byte <= node.start_byte < spec.end_byte


def needed(root: Node, spec: Node | None, names: set[str]) -> str | None:
    """Why a file (``root``; ``spec`` in it, or None for another file of the package) needs
    one of ``names`` as a constant, or None."""
    for _, nodes in matches(_NEEDS, root):
        where = nodes["where"][0]
        if _inside(where, spec):
            continue
        used = {text(n) for n in identifiers(where)} & names
        if used:
            what = "another constant" if where.parent and where.parent.type == "const_spec" else (
                "an array length")  # fmt: skip
            return f"`{sorted(used)[0]}` is used as a constant ({what}): it cannot become a var"
    return None


def typed_elsewhere(root: Node, spec: Node, names: set[str], declared: Declared,
                    own: bool = True, strict: bool = False) -> str | None:  # fmt: skip
    """An untyped number (``maxControlFramePayloadSize = 125``) takes the type of what it meets
    (``c.readRemaining > maxControlFramePayloadSize`` with an ``int64``); a ``var`` is an
    ``int``, which such a use would no longer build with (``untyped.py`` judges each use).
    ``root`` is ``spec``'s file (``own``) or another file of its package; ``declared`` what
    the files read declare (``strict``: all of the package's)."""
    value = spec.child_by_field_name("value")
    if spec.child_by_field_name("type") is not None or value is None or identifiers(value):
        return None  # typed, or typed by what it is made of (`30 * time.Second`)
    for use in identifiers(root):
        if text(use) not in names or (own and _inside(use, spec)):
            continue
        why = use_problem(use, names, declared, strict)
        if why is not None:
            return (f"`{text(use)}` is an untyped constant {why}: as a var it would be an "
                    "int, and that use would not build")  # fmt: skip
    return None


def const_change(root: Node, body: bytes, node: Node, read: str
                 ) -> tuple[list[TextEdit[bytes]] | None, str | None]:  # fmt: skip
    """The edits that move ``node``'s ``const`` to a ``var`` reading ``read``; (None, None)
    when ``node`` is not in a ``const``; (None, reason) when it cannot move."""
    spec = spec_of(node)
    if spec is None:
        return None, None
    declaration = spec.parent
    if declaration is None or declaration.type != "const_declaration":
        return None, "the constant's declaration could not be read"
    names = {text(n) for n in spec.children_by_field_name("name")}
    scope = scope_of(spec) or root  # a function's constant: its uses are all there
    reason = needed(scope, spec, names) or typed_elsewhere(scope, spec, names, declared_in([root]))
    specs = [c for c in named(declaration) if c.type == "const_spec"]
    later = specs[specs.index(spec) + 1 :] if spec in specs else []
    if any(s.child_by_field_name("value") is None for s in later[:1]):
        reason = reason or "the next constants of its block repeat its expression (an iota run)"
    if reason is not None:
        return None, reason
    value = read.encode()
    if len(specs) == 1:
        keyword = declaration.children[0]
        return [TextEdit(keyword.start_byte, keyword.end_byte, b"var"),
                TextEdit(node.start_byte, node.end_byte, value)], None  # fmt: skip
    moved = body[spec.start_byte : node.start_byte] + value + body[node.end_byte : spec.end_byte]
    line_start = body.rfind(b"\n", 0, spec.start_byte) + 1
    line_end = body.find(b"\n", spec.end_byte)
    line_end = len(body) if line_end < 0 else line_end + 1
    newline = b"\r\n" if b"\r\n" in body else b"\n"
    return [TextEdit(line_start, line_end, b""),
            TextEdit(declaration.end_byte, declaration.end_byte,
                     newline + newline + b"var " + moved)], None  # fmt: skip
