"""One use of a constant moved to the settings (see ``consts.py``): the text that stands in
for it, and why a use cannot take a setting.

The moved text is the constant's initialiser with the rule's read in place of the literal,
fitted to the literal's own site as a direct site's read would be (``tv_sec: EXPR as _``), its
continuation lines indented as the use's line, in parentheses only where the use's context
binds tighter than the initialiser.  It may name things (``Duration``, ``libc``) that resolve
in the constant's file; another file must bind each such name to the same path, or the move
is refused there.
"""

from __future__ import annotations

from hardcode_lint.lang.base import SiteEdit
from hardcode_lint.lang.rust.apply import top_level_names
from hardcode_lint.lang.rust.context import place_of
from hardcode_lint.lang.rust.expressions import replacement_text
from hardcode_lint.lang.rust.fit import fitted
from hardcode_lint.lang.rust.parser import Node, captures, text

_COMPILE_TIME = {
    "type_arguments": "a const generic argument",
    "enum_variant": "an enum discriminant",
    "attribute_item": "an attribute",
    "inner_attribute_item": "an attribute",
    "const_block": "a const block",
    "macro_definition": "a macro definition",
}
#: Macros whose arguments hold a pattern (a pattern needs a compile-time value).
_PATTERN_MACROS = frozenset({"matches", "assert_matches", "debug_assert_matches"})
#: Initialisers that bind as tightly as a name: they stand without parentheses anywhere.
_ATOMS = frozenset({
    "call_expression", "scoped_identifier", "identifier", "field_expression",
    "macro_invocation", "index_expression", "parenthesized_expression", "integer_literal",
    "float_literal", "generic_function", "boolean_literal",
})  # fmt: skip
#: Where any expression stands without parentheses.
_BARE = frozenset({
    "arguments", "field_initializer", "let_declaration", "assignment_expression",
    "array_expression", "tuple_expression", "return_expression", "block",
    "expression_statement", "token_tree", "match_arm",
})  # fmt: skip
_GLOBAL_ROOTS = frozenset({"crate", "std", "core", "alloc"})
_BINDERS = frozenset({"parameter", "closure_parameters"})


def compile_time(node: Node) -> str | None:
    """Why the use ``node`` needs a compile-time value, or None (a match guard is run time)."""
    child, parent = node, node.parent
    while parent is not None:
        kind = parent.type
        if (
            kind in ("array_type", "array_expression")
            and parent.child_by_field_name("length") == child
        ):
            return "an array length"
        if kind in _COMPILE_TIME:
            return _COMPILE_TIME[kind]
        if kind in ("const_item", "static_item"):
            return _initialiser(parent)
        if kind == "match_pattern":
            if parent.child_by_field_name("condition") == child:
                return None  # `Ok(n) if n > LIMIT =>`: the guard is an expression
            return "a match pattern"
        if (
            (kind.endswith("_pattern") and kind != "field_pattern")
            or kind in _BINDERS
            or (parent.child_by_field_name("pattern") == child)
        ):
            return "a pattern"
        if kind == "macro_invocation":
            macro = parent.child_by_field_name("macro")
            if macro is not None and text(macro).rsplit("::", 1)[-1] in _PATTERN_MACROS:
                return f"a pattern of `{text(macro)}!`"
        if kind == "function_item" and "const" in text(parent).split("fn", 1)[0].split():
            return "a const fn"
        if kind in ("function_item", "closure_expression", "mod_item", "impl_item"):
            return None
        child, parent = parent, parent.parent
    return None


def _initialiser(item: Node) -> str:
    """The reason a use in another constant's initialiser gives."""
    named = item.child_by_field_name("name")
    keyword = "const" if item.type == "const_item" else "static"
    what = f"`{keyword} {text(named) if named is not None else ''}`"
    if place_of(item).test:
        return (f"another constant's initialiser ({what} in #[cfg(test)] code, which cannot read"
                " a setting: make it a `let` by hand)")  # fmt: skip
    return f"another constant's initialiser ({what})"


def demotable(use: Node, item: Node) -> Node | None:
    """The function-local ``const`` whose initialiser holds ``use`` when it can become a
    ``let`` (every use of it a run-time one in its block, none in a nested item), else None.
    A ``let`` reads the setting where the ``const`` could not."""
    local = use.parent
    while local is not None and local.type not in ("const_item", "static_item"):
        local = local.parent
    block = local.parent if local is not None else None
    named = local.child_by_field_name("name") if local is not None else None
    if local is None or local == item or local.type != "const_item" or named is None or \
            block is None or block.type != "block":  # fmt: skip
        return None
    name = text(named)
    for node in captures(f'((identifier) @id (#eq? @id "{name}"))', block).get("id", []):
        if node == named:
            continue
        scope = node.parent
        while scope is not None and scope != block:
            if scope.type in ("function_item", "const_item", "static_item", "mod_item",
                              "impl_item"):  # fmt: skip
                return None
            scope = scope.parent
        if compile_time(node) is not None:
            return None
    return local


def demotion(local: Node, base: int, label: str, group: str) -> SiteEdit:
    """The edit turning the local ``const NAME: T = ...`` into ``let NAME: T = ...``."""
    keyword = next(c for c in local.children if c.type == "const")
    named = local.child_by_field_name("name")
    name = text(named) if named is not None else ""
    written = "let" if name == name.lower() else "#[allow(non_snake_case)] let"
    return SiteEdit(base + keyword.start_byte, base + keyword.end_byte, written, (), label,
                    group=group, verbatim=True)  # fmt: skip


def _indent(data: bytes, at: int) -> str:
    line_start = data.rfind(b"\n", 0, at) + 1
    line = data[line_start:at]
    return line[: len(line) - len(line.lstrip())].decode()


def moved_text(root: Node, data: bytes, base: int, item: Node, edit: SiteEdit,
               kind: str | None) -> tuple[str | None, bool, str | None]:  # fmt: skip
    """(the initialiser with the read in its literal's place, whether it stands without
    parentheses anywhere; or None with the reason)."""
    value = item.child_by_field_name("value")
    assert value is not None
    start, end = edit.start - base, edit.end - base
    read = replacement_text(edit.replace)
    if (value.start_byte, value.end_byte) == (start, end):
        if edit.value_type is None and kind is not None:
            return f"{read} as {kind}", False, None  # the constant's declared type
        return read, not read.startswith("("), None
    inner, reason = fitted(root, start, end, read, edit.value_type)
    if inner is None:
        return None, False, reason
    body = data[base + value.start_byte : edit.start].decode() + inner
    body += data[edit.end : base + value.end_byte].decode()
    outer = _indent(data, base + item.start_byte)
    lines = body.split("\n")
    moved = "\n".join([lines[0]] + [ln.removeprefix(outer) for ln in lines[1:]])
    return moved, value.type in _ATOMS, None


def placed(moved: str, atomic: bool, node: Node, data: bytes, base: int) -> str:
    """``moved`` as it stands at the use ``node``: indented as its line, in parentheses when
    the context needs them."""
    indent = _indent(data, base + node.start_byte)
    moved = moved.replace("\n", "\n" + indent)
    parent = node.parent
    if atomic or (parent is not None and parent.type in _BARE):
        return moved
    return f"({moved})"


def path_roots(value: Node, skip: tuple[int, int]) -> set[str]:
    """The first names of the paths an initialiser spells (``Duration`` of
    ``Duration::from_secs``, ``libc`` of ``libc::timespec``, a plain name), the literal's
    range ``skip`` left out."""
    found: set[str] = set()
    stack = [value]
    while stack:
        node = stack.pop()
        if node.start_byte >= skip[0] and node.end_byte <= skip[1]:
            continue
        if node.type in ("scoped_identifier", "scoped_type_identifier"):
            head = node
            while (path := head.child_by_field_name("path")) is not None:
                head = path
            found.add(text(head))
            continue
        if node.type in ("identifier", "type_identifier"):
            found.add(text(node))
        stack.extend(node.named_children)
    return found


def foreign_name(roots: set[str], home: Node, there: Node) -> str | None:
    """A name of ``roots`` that does not stand for the same thing in file ``there`` as in the
    constant's file ``home``, or None."""
    ours, theirs = top_level_names(home), top_level_names(there)
    for name in sorted(roots):
        if name in _GLOBAL_ROOTS:
            continue
        if name in ("self", "super", "Self") or (name in ours and ours[name] is None):
            return name
        if name in ours and theirs.get(name) != ours[name]:
            return name
    return None


def unimport(node: Node, declaration: Node, base: int, label: str,
             group: str) -> SiteEdit | str:  # fmt: skip
    """The edit that takes ``node``'s name out of its ``use`` declaration."""
    entry = node
    while entry.parent is not None and entry.parent.type == "scoped_identifier":
        entry = entry.parent
    if entry.parent is not None and entry.parent.type == "use_as_clause":
        return "a `use ... as` alias"
    if entry.parent is not None and entry.parent.type == "use_list":
        items = [
            c
            for c in entry.parent.named_children
            if c.type not in ("line_comment", "block_comment")
        ]
        if len(items) > 1:
            start, end = entry.start_byte, entry.end_byte
            after = entry.next_sibling
            if after is not None and after.type == ",":
                following = after.next_named_sibling
                end = following.start_byte if following is not None else after.end_byte
            else:
                before = entry.prev_sibling
                start = before.start_byte if before is not None and before.type == "," else start
            return SiteEdit(base + start, base + end, "", (), label, group=group, verbatim=True)
    start, end = declaration.start_byte, declaration.end_byte
    return SiteEdit(base + start, base + end, "", (), label, group=group, verbatim=True)
