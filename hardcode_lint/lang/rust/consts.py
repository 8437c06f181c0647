"""A literal that initialises a ``const`` or ``static`` (contract section 3, "One exception").

Such an initialiser cannot read a setting (E0015), so the read moves to where the value is
used: every use of the constant in the crate's ``src/`` becomes the replacement, ``use`` lines
that import it lose it, and the constant goes, leaving a one-line marker (``// hardcode-lint:
NAME moved to EXPR``) by which the rule is seen migrated.  A constant that is public API of a
library (``pub`` in ``lib.rs`` or down a chain of ``pub mod``) stays, ``#[deprecated]``, with
``// hardcode-lint: default (EXPR)`` on its line, which makes it no finding.

Refused, with the reason: a ``static mut``; an associated ``const``; a use that needs a
compile-time value (an array length, a const generic, another constant's initialiser, a
pattern, an enum discriminant, an attribute, a ``const fn``, a macro definition); a name bound
twice in the crate (which item a use means is then unsure); a name inside a format string.
"""

from __future__ import annotations

import re
from pathlib import Path

from hardcode_lint.lang.base import Expanded, SiteEdit
from hardcode_lint.lang.rust.expressions import replacement_text
from hardcode_lint.lang.rust.parser import Node, parse, text
from hardcode_lint.lang.rust.targets import Crate, target_problem, with_crate_name

_ITEMS = ("const_item", "static_item")
_STOP = frozenset({"function_item", "closure_expression", "source_file", "mod_item", "impl_item"})
_COMPILE_TIME = {
    "type_arguments": "a const generic argument",
    "const_item": "another constant's initialiser",
    "static_item": "a static's initialiser",
    "enum_variant": "an enum discriminant",
    "attribute_item": "an attribute",
    "inner_attribute_item": "an attribute",
    "match_pattern": "a match pattern",
    "const_block": "a const block",
    "macro_definition": "a macro definition",
}
_PUBLIC = re.compile(r"^pub\s*$")


def _tree(path: Path) -> tuple[bytes, int, Node] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    base = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    return data, base, parse(data[base:]).root_node


def _item_of(node: Node | None) -> Node | None:
    while node is not None and node.type not in _STOP:
        if node.type in _ITEMS:
            return node
        node = node.parent
    return None


def _compile_time(node: Node, item: Node) -> str | None:
    """Why the use ``node`` needs a compile-time value, or None."""
    child, parent = node, node.parent
    while parent is not None:
        kind = parent.type
        if (
            kind in ("array_type", "array_expression")
            and parent.child_by_field_name("length") == child
        ):
            return "an array length"
        if kind in _COMPILE_TIME and parent != item:
            return _COMPILE_TIME[kind]
        if kind.endswith("_pattern") and kind != "field_pattern":
            return "a pattern"
        if kind == "function_item" and "const" in text(parent).split("fn", 1)[0].split():
            return "a const fn"
        child, parent = parent, parent.parent
    return None


def _visibility(item: Node) -> str:
    found = [c for c in item.named_children if c.type == "visibility_modifier"]
    return text(found[0]) if found else ""


def _lines(data: bytes, start: int, end: int) -> tuple[int, int]:
    """``start..end`` widened to whole lines (with the newline) when only blanks surround it."""
    line_start = data.rfind(b"\n", 0, start) + 1
    newline = data.find(b"\n", end)
    line_end = len(data) if newline < 0 else newline + 1
    if data[line_start:start].strip() or data[end:line_end].strip():
        return start, end
    return line_start, line_end


class ConstMigration:
    """Turns a ``const``/``static`` site's edit into the edits of its uses (module docstring)."""

    def __init__(self, root: Path, result: Expanded) -> None:
        self.root, self.result = root, result
        self.trees: dict[str, tuple[bytes, int, Node] | None] = {}

    def _file(self, rel: str) -> tuple[bytes, int, Node] | None:
        if rel not in self.trees:
            self.trees[rel] = _tree(self.root / rel)
        return self.trees[rel]

    def _crate_files(self, crate: Crate) -> list[str]:
        src = self.root / crate.folder / "src"
        found = sorted(p.relative_to(self.root).as_posix() for p in src.rglob("*.rs"))
        return [f for f in found if "/target/" not in f]

    def takes(self, path: str, edit: SiteEdit, crate: Crate) -> bool:
        """Whether ``edit`` is a constant's literal: then its edits (or refusal) are made."""
        tree = self._file(path)
        if tree is None:
            return False
        _, base, root = tree
        node = root.descendant_for_byte_range(edit.start - base, edit.end - base)
        item = _item_of(node)
        if item is None:
            return False
        reason = self._migrate(path, edit, crate, item)
        if reason is not None:
            self.result.refused[edit.label] = reason
        return True

    def _migrate(self, path: str, edit: SiteEdit, crate: Crate, item: Node) -> str | None:
        name_node = item.child_by_field_name("name")
        value = item.child_by_field_name("value")
        if name_node is None or value is None:
            return "cannot read the constant"
        name = text(name_node)
        if item.type == "static_item" and any(c.type == "mutable_specifier"
                                              for c in item.children):  # fmt: skip
            return f"`static mut {name}`: a mutable static cannot move to the settings"
        if item.parent is not None and item.parent.type == "declaration_list":
            return f"associated const `{name}`: move its value to the settings by hand"
        data, base, _ = self._file(path) or (b"", 0, item)
        literal = (edit.start - base, edit.end - base)
        value_range = (value.start_byte, value.end_byte)
        read = edit.replace
        if value_range != literal:
            before = data[base + value.start_byte : edit.start].decode()
            after = data[edit.end : base + value.end_byte].decode()
            read = replacement_text(f"{before}{edit.replace}{after}")
        uses, problem = self._uses(crate, path, item, name, read, edit.label)
        if problem is not None:
            return f"constant `{name}` is used in {problem}"
        if value_range != literal and any(p != path for p, _ in uses):
            return (f"constant `{name}` is an expression used in other files: its paths may"
                    " not resolve there")  # fmt: skip
        for rel, site in uses:
            self.result.edits.setdefault(rel, []).append(site)
        self._replace_item(path, edit, item, name, data, base)
        return None

    def _replace_item(self, path: str, edit: SiteEdit, item: Node, name: str, data: bytes,
                      base: int) -> None:  # fmt: skip
        edits = self.result.edits.setdefault(path, [])
        if self._public(path, item):
            line_end = data.find(b"\n", base + item.end_byte)
            line_end = len(data) if line_end < 0 else line_end
            at = base + item.start_byte
            indent = data[data.rfind(b"\n", 0, at) + 1 : at].decode()
            note = f'#[deprecated(note = "read {edit.replace} instead")]\n{indent}'
            edits.append(SiteEdit(at, at, note, (), edit.label + "@deprecated",
                                  group=edit.label, verbatim=True))  # fmt: skip
            marker = f" // hardcode-lint: default ({edit.replace})"
            edits.append(SiteEdit(line_end, line_end, marker, (), edit.label, edit.scope,
                                  edit.rule, edit.value_type, verbatim=True))  # fmt: skip
            return
        start = base + item.start_byte
        sibling = item.prev_sibling
        while sibling is not None and (sibling.type == "attribute_item"
                                       or text(sibling).startswith("///")):  # fmt: skip
            start = base + sibling.start_byte
            sibling = sibling.prev_sibling
        marker = f"// hardcode-lint: {name} moved to {edit.replace}"
        edits.append(SiteEdit(start, base + item.end_byte, marker, (), edit.label,
                              edit.scope, edit.rule, edit.value_type, verbatim=True))  # fmt: skip

    def _public(self, path: str, item: Node) -> bool:
        """``pub`` and reachable from ``lib.rs`` through ``pub mod``s (approximately)."""
        if not _PUBLIC.match(_visibility(item)):
            return False
        node = item.parent
        while node is not None and node.type != "source_file":
            if node.type == "mod_item" and not _PUBLIC.match(_visibility(node)):
                return False
            node = node.parent
        parts = path.split("/")
        if "src" not in parts:
            return False
        inside = parts[parts.index("src") + 1 :]
        if inside == ["lib.rs"]:
            return True
        folder = "/".join(parts[: parts.index("src") + 1])
        parent, chain = folder + "/lib.rs", [p.removesuffix(".rs") for p in inside]
        if chain[-1] == "mod":
            chain = chain[:-1]
        for depth, module in enumerate(chain):
            tree = self._file(parent)
            if tree is None or not re.search(rb"(?m)^\s*pub\s+mod\s+" + module.encode() + rb"\s*;",
                                             tree[0]):  # fmt: skip
                return False
            here = "/".join([folder, *chain[: depth + 1]])
            parent = here + ".rs" if (self.root / (here + ".rs")).is_file() else here + "/mod.rs"
        return True

    def _uses(self, crate: Crate, path: str, item: Node, name: str, read: str,
              group: str) -> tuple[list[tuple[str, SiteEdit]], str | None]:  # fmt: skip
        """The edits of every use of ``name`` in the crate, or where one cannot be moved."""
        found: list[tuple[str, SiteEdit]] = []
        pattern = re.compile(rb"\b" + name.encode() + rb"\b")
        inline = re.compile(r"\{" + re.escape(name) + r"[}:]")
        for rel in self._crate_files(crate):
            tree = self._file(rel)
            if tree is None or not pattern.search(tree[0]):
                continue
            _, base, root = tree
            _, crate_name = target_problem(crate, rel)
            here = with_crate_name(read, crate_name)
            for node in _identifiers(root, name):
                if rel == path and node == item.child_by_field_name("name"):
                    continue
                where = f"{rel}:{node.start_point[0] + 1}"
                if _binds(node):
                    return [], f"{where}, where the name is bound again (which item is meant?)"
                if node.type == "string_content" or node.type == "string_literal":
                    continue
                edit = self._use_edit(node, here, base, f"{group}@{rel}:{node.start_byte}", group)
                if isinstance(edit, str):
                    return [], f"{where}, which needs {edit}"
                if edit is not None:
                    found.append((rel, edit))
            for literal in _strings(root):
                if inline.search(text(literal)):
                    return [], f"{rel}:{literal.start_point[0] + 1}, inside a format string"
        return found, None

    def _use_edit(self, node: Node, read: str, base: int, label: str,
                  group: str) -> SiteEdit | str | None:  # fmt: skip
        """The edit of one use: the name (or the path ending in it) becomes ``read``; a name
        in a ``use`` list leaves it; a string for a use that needs a compile-time value."""
        declaration = node.parent
        while declaration is not None and declaration.type not in ("use_declaration",
                                                                   "source_file"):  # fmt: skip
            declaration = declaration.parent
        if declaration is not None and declaration.type == "use_declaration":
            return _unimport(node, declaration, base, label, group)
        if (
            node.type == "identifier"
            and node.parent is not None
            and node.parent.type == "token_tree"
        ):
            start, end = node.start_byte, node.end_byte
        else:
            target = node
            while (target.parent is not None and target.parent.type == "scoped_identifier"
                   and target.parent.child_by_field_name("name") == target):  # fmt: skip
                target = target.parent
            start, end = target.start_byte, target.end_byte
        why = _compile_time(node, node)
        if why is not None:
            return why
        return SiteEdit(base + start, base + end, read, (), label, group=group, verbatim=True)


def _binds(node: Node) -> bool:
    """Whether ``node`` binds its name (a pattern, another item's or a parameter's name)."""
    parent = node.parent
    if parent is None or parent.type in ("token_tree", "scoped_identifier", "use_list"):
        return False
    if parent.type.endswith("_pattern") or parent.type in ("closure_parameters", "enum_variant"):
        return True
    return node in (parent.child_by_field_name("name"), parent.child_by_field_name("pattern"))


def _identifiers(root: Node, name: str) -> list[Node]:
    from hardcode_lint.lang.rust.parser import captures

    query = f'((identifier) @id (#eq? @id "{name}"))'
    return list(captures(query, root).get("id", []))


def _strings(root: Node) -> list[Node]:
    from hardcode_lint.lang.rust.parser import captures

    return list(captures("(string_literal) @s", root).get("s", []))


def _unimport(node: Node, declaration: Node, base: int, label: str,
              group: str) -> SiteEdit | str | None:  # fmt: skip
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
