"""A literal that initialises a ``const`` or ``static`` (contract section 3, "One exception").

Such an initialiser cannot read a setting (E0015), so the read moves to where the value is
used: every use of the constant (resolved as Rust does, ``const_scope.py``: a local constant
in its block, a private one in its module and below, a file's own item of the name shadowing
it) becomes the initialiser with the read in its literal's place (``const_uses.py``), ``use``
lines that import it lose it, and the constant goes, leaving a one-line marker
(``// hardcode-lint: NAME moved to EXPR``) by which the rule is seen migrated.  A constant
that is public API of a library (``pub`` in ``lib.rs`` or down a chain of ``pub mod``) stays,
``#[deprecated]``, with ``// hardcode-lint: default (EXPR)`` on its line, which makes it no
finding.

Refused, with the reason, and then nothing of the rule is written: a ``static mut``; an
associated ``const``; two definitions of the name in one scope (``#[cfg]`` alternatives); a
use that needs a compile-time value (an array length, a const generic, another constant's
initialiser, a pattern, an enum discriminant, an attribute, a ``const fn``, a macro
definition); a use whose item cannot be told; a name inside a format string; an initialiser
that names what another file does not bind alike.  The constant is removed only when every
one of its uses is rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from hardcode_lint.lang.base import Expanded, SiteEdit
from hardcode_lint.lang.rust.const_scope import (
    Owner,
    Resolver,
    definitions,
    file_module,
    node_module,
    token_path,
)
from hardcode_lint.lang.rust.const_uses import (
    compile_time,
    demotable,
    demotion,
    foreign_name,
    moved_text,
    path_roots,
    placed,
    unimport,
)
from hardcode_lint.lang.rust.modules import declared_modules
from hardcode_lint.lang.rust.parser import Node, captures, parse, text
from hardcode_lint.lang.rust.targets import Crate

_ITEMS = ("const_item", "static_item")
_STOP = frozenset({"function_item", "closure_expression", "source_file", "mod_item", "impl_item"})
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


def _visibility(item: Node) -> str:
    found = [c for c in item.named_children if c.type == "visibility_modifier"]
    return text(found[0]) if found else ""


def _identifiers(root: Node, name: str) -> list[Node]:
    query = f'((identifier) @id (#eq? @id "{name}"))'
    return list(captures(query, root).get("id", []))


def _strings(root: Node) -> list[Node]:
    return list(captures("(string_literal) @s", root).get("s", []))


def _twins(item: Node, name: str) -> str | None:
    """Why the name's scope declaring it more than once makes the move unsafe, or None."""
    scope = item.parent
    found = definitions(scope, name) if scope is not None else [item]
    if len(found) < 2:
        return None
    cfg = any(
        sibling.type == "attribute_item" and "cfg" in text(sibling)
        for twin in found
        for sibling in [twin.prev_named_sibling]
        if sibling is not None
    )
    where = ", ".join(str(t.start_point[0] + 1) for t in found)
    if cfg:
        return (f"`{name}` has {len(found)} definitions under #[cfg(...)] (lines {where}):"
                " migrate by hand")  # fmt: skip
    return f"`{name}` is defined {len(found)} times in one scope (lines {where})"


def _shared(crate: Crate, path: str) -> bool:
    """Whether ``path`` is a module file outside the library that is no target's root
    (``tests/common/mod.rs``): several targets may declare it."""
    inside = Path(path).relative_to(crate.folder or ".").parts
    if inside[:1] == ("src",) and inside[:2] != ("src", "bin"):
        return False
    return len(inside) > (3 if inside[:2] == ("src", "bin") else 2)


class ConstMigration:
    """Turns a ``const``/``static`` site's edit into the edits of its uses (module docstring)."""

    def __init__(self, root: Path, result: Expanded,
                 edits: Mapping[str, Sequence[SiteEdit]] | None = None) -> None:  # fmt: skip
        self.root, self.result = root, result
        self.trees: dict[str, tuple[bytes, int, Node] | None] = {}
        self.edits = edits or {}  # every edit of the fix, by file: the item's other literals

    def _file(self, rel: str) -> tuple[bytes, int, Node] | None:
        if rel not in self.trees:
            self.trees[rel] = _tree(self.root / rel)
        return self.trees[rel]

    def _files(self, crate: Crate, path: str, item: Node) -> list[str]:
        """Where the constant's uses may stand: its own file always; for a module-level
        constant of the library's ``src/``, all of it but ``src/bin/``; for one of another
        target (``tests/x.rs``), the files its ``mod x;`` declarations bring."""
        if item.parent is None or item.parent.type == "block":
            return [path]
        src = self.root / crate.folder / "src"
        inside = Path(path).relative_to(crate.folder or ".").parts
        if inside[:1] != ("src",) or inside[:2] == ("src", "bin"):
            return [path, *self._declared(path, {path})]
        found = sorted(p.relative_to(self.root).as_posix() for p in src.rglob("*.rs"))
        found = [f for f in found if "/target/" not in f and "/src/bin/" not in f"/{f}"]
        return [path] + [f for f in found if f != path]

    def _declared(self, path: str, seen: set[str]) -> list[str]:
        tree = self._file(path)
        found = []
        for rel, _ in declared_modules(tree[0], path) if tree is not None else ():
            if rel not in seen and (self.root / rel).is_file():
                seen.add(rel)
                found += [rel, *self._declared(rel, seen)]
        return found

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
        reason = self._shared_initialiser(path, edit, item, base) or self._migrate(
            path, edit, crate, item
        )
        if reason is not None:
            self.result.refused[edit.label] = reason
        return True

    def _shared_initialiser(self, path: str, edit: SiteEdit, item: Node, base: int) -> str | None:
        """Why an initialiser holding other sites' literals cannot move: each use would get a
        copy of them all (tower's `static MAX_ENDPOINT_LATENCIES: [Duration; 10]`)."""
        start, end = base + item.start_byte, base + item.end_byte
        inside = [e for e in self.edits.get(path, ()) if start <= e.start and e.end <= end]
        others = sorted({e.rule for e in inside if e.label != edit.label})
        if not others:
            return None
        name = item.child_by_field_name("name")
        shown = text(name) if name is not None else "the constant"
        return (f"the initialiser of `{shown}` holds other sites' literals too (rules "
                f"{', '.join(others)}): migrate it by hand")  # fmt: skip

    def _migrate(self, path: str, edit: SiteEdit, crate: Crate, item: Node) -> str | None:
        name_node = item.child_by_field_name("name")
        value = item.child_by_field_name("value")
        if name_node is None or value is None:
            return "cannot read the constant"
        name = text(name_node)
        if item.type == "static_item" and any(c.type == "mutable_specifier"
                                              for c in item.children):  # fmt: skip
            return f"`static mut {name}`: a mutable static cannot move to the settings"
        if (
            item.parent is not None
            and item.parent.type == "declaration_list"
            and (item.parent.parent is None or item.parent.parent.type != "mod_item")
        ):
            return f"associated const `{name}`: move its value to the settings by hand"
        twins = _twins(item, name)
        if twins is not None:
            return twins
        if _shared(crate, path) and _visibility(item):
            return (f"`{name}` is public in {path}, a module other targets may share:"
                    " migrate by hand")  # fmt: skip
        data, base, root = self._file(path) or (b"", 0, item)
        kind = item.child_by_field_name("type")
        moved, atomic, reason = moved_text(root, data, base, item, edit,
                                           text(kind) if kind is not None else None)  # fmt: skip
        if moved is None:
            return f"constant `{name}`: {reason}"
        uses = _Uses(self, crate, path, item, name, edit.label)
        problem = uses.collect(moved, atomic, path_roots(value, (edit.start - base,
                                                                 edit.end - base)))  # fmt: skip
        if problem is not None:
            return f"constant `{name}` is used in {problem}"
        for rel, site in uses.found:
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


class _Uses:
    """The edits of every use of one constant, or where one cannot be moved."""

    def __init__(self, owner: ConstMigration, crate: Crate, path: str, item: Node, name: str,
                 group: str) -> None:  # fmt: skip
        self.owner, self.crate, self.path, self.item = owner, crate, path, item
        self.name, self.group = name, group
        edition = crate.manifest.get("package", {})
        self.edition = str(edition.get("edition", "2015")) if isinstance(edition, dict) else ""
        self.module = node_module(file_module(crate.folder, path), item)
        self.found: list[tuple[str, SiteEdit]] = []
        self.demoted: dict[str, set[int]] = {}  # local constants made `let`, by file

    def collect(self, moved: str, atomic: bool, roots: set[str]) -> str | None:
        pattern = re.compile(rb"\b" + self.name.encode() + rb"\b")
        inline = re.compile(r"\{" + re.escape(self.name) + r"[}:]")
        home = self.owner._file(self.path)
        for rel in self.owner._files(self.crate, self.path, self.item):
            tree = self.owner._file(rel)
            if tree is None or not pattern.search(tree[0]):
                continue
            data, base, root = tree
            resolver = Resolver(self.item, self.module, file_module(self.crate.folder, rel),
                                self.edition)  # fmt: skip
            local = self.item.parent is not None and self.item.parent.type == "block"
            scope = self.item.parent if local and self.item.parent is not None else root
            for node in _identifiers(scope, self.name):
                if node == self.item.child_by_field_name("name"):
                    continue
                owner = resolver.owner(node, self.name)
                where = f"{rel}:{node.start_point[0] + 1}"
                if owner is Owner.OTHER:
                    continue
                if owner is Owner.UNKNOWN:
                    return f"{where}, where which item `{self.name}` names cannot be told"
                problem = self._edit(rel, node, data, base, moved, atomic)
                if problem is not None:
                    return f"{where}, which needs {problem}"
            if rel != self.path and home is not None and self._reads_here(rel):
                foreign = foreign_name(roots, home[2], root)
                if foreign is not None:
                    return (f"{rel}, where `{foreign}` of its initialiser may not name the"
                            " same thing: migrate by hand")  # fmt: skip
            for literal in _strings(scope):
                mine = resolver.owner(literal, self.name) is Owner.OURS
                if mine and inline.search(text(literal)):
                    return f"{rel}:{literal.start_point[0] + 1}, inside a format string"
        return None

    def _reads_here(self, rel: str) -> bool:
        return any(r == rel and s.replace for r, s in self.found)

    def _edit(self, rel: str, node: Node, data: bytes, base: int, moved: str,
              atomic: bool) -> str | None:  # fmt: skip
        label = f"{self.group}@{rel}:{node.start_byte}"
        declaration = node.parent
        while declaration is not None and declaration.type not in ("use_declaration",
                                                                   "source_file"):  # fmt: skip
            declaration = declaration.parent
        if declaration is not None and declaration.type == "use_declaration":
            if _visibility(declaration):  # `pub use self::settings::NAME` (h2's frame/mod.rs)
                return (f"its re-export (`{_visibility(declaration)} use`) to stay: its users "
                        "reach it by that path; migrate by hand")  # fmt: skip
            edit = unimport(node, declaration, base, label, self.group)
            if isinstance(edit, str):
                return edit
            self.found.append((rel, edit))
            return None
        why = compile_time(node)
        local = demotable(node, self.item) if why and why.startswith("another const") else None
        if why is not None and local is None:
            return why
        if local is not None and local.start_byte not in self.demoted.get(rel, ()):
            self.demoted.setdefault(rel, set()).add(local.start_byte)
            self.found.append((rel, demotion(local, base, f"{label}:let", self.group)))
        target = node
        while (target.parent is not None and target.parent.type == "scoped_identifier"
               and target.parent.child_by_field_name("name") == target):  # fmt: skip
            target = target.parent
        read = placed(moved, atomic, target, data, base)
        tokens = token_path(node) if node.parent is not None and node.parent.type == "token_tree" \
            else None  # fmt: skip
        start = tokens[1].start_byte if tokens is not None else target.start_byte  # `a::NAME`
        self.found.append((rel, SiteEdit(base + start, base + target.end_byte, read,
                                         (), label, group=self.group, verbatim=True)))  # fmt: skip
        return None
