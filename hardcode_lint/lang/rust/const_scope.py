"""Which identifiers spelled like a constant's name are that constant (Rust's name resolution,
as far as a fix needs it).

A constant moved to the settings must lose every use and no other item's: ureq has a private
``MAX_HEADER_SIZE`` in ``src/response.rs`` and another in ``src/chunked/encoder.rs``, and a
function-local ``const`` is seen only inside its block.  So a name is resolved as Rust does:

- ``a::b::NAME`` (``crate::``, ``self::``, ``super::`` or a module declared here) names the item
  of module ``a::b``; ``Self::NAME``, ``Type::NAME`` or an extern crate's path is another item;
- a bare ``NAME`` is the item declared by the nearest enclosing block or module body that
  declares one, else what that module's ``use`` declarations bring (``use super::NAME``,
  ``use super::*``); a module boundary ends the search (a child module sees its parent's
  items only through ``use``).

:class:`Owner` is the answer: the item's (the constant's), another item's, or unknown (a glob
import from elsewhere, a path inside a macro): then the constant is not removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from pathlib import PurePosixPath

from hardcode_lint.lang.rust.parser import Node, text
from hardcode_lint.lang.rust.uses import bindings

_VALUE_ITEMS = frozenset({"const_item", "static_item", "function_item"})


class Owner(Enum):
    OURS = "ours"
    OTHER = "other"
    UNKNOWN = "unknown"


def file_module(crate_folder: str, path: str) -> tuple[str, ...]:
    """The module path of a file of a Cargo target: ``src/a/b.rs`` and ``src/a/b/mod.rs`` are
    ``a::b``; a target's root (``lib.rs``, ``main.rs``, ``tests/x.rs``, ``src/bin/x.rs``) is
    the empty path."""
    inside = PurePosixPath(path).relative_to(crate_folder or ".").parts
    if len(inside) < 2 or inside[0] != "src" or inside[1] == "bin":
        return ()
    parts = list(inside[1:])
    last = parts.pop().removesuffix(".rs")
    if not parts and last in ("lib", "main"):
        return ()
    return tuple(parts if last == "mod" else [*parts, last])


def _is_module_body(scope: Node) -> bool:
    return scope.type == "source_file" or (
        scope.type == "declaration_list" and scope.parent is not None
        and scope.parent.type == "mod_item"
    )  # fmt: skip


def _is_scope(node: Node) -> bool:
    return node.type == "block" or _is_module_body(node)


def definitions(scope: Node, name: str) -> list[Node]:
    """The value items named ``name`` declared directly in ``scope``."""
    found = []
    for child in scope.named_children:
        named = child.child_by_field_name("name") if child.type in _VALUE_ITEMS else None
        if named is not None and text(named) == name:
            found.append(child)
    return found


def node_module(base: tuple[str, ...], node: Node) -> tuple[str, ...]:
    """The module path of the module ``node`` stands in (``base`` is its file's)."""
    names: list[str] = []
    parent = node.parent
    while parent is not None:
        if parent.type == "mod_item" and parent.child_by_field_name("body") is not None:
            named = parent.child_by_field_name("name")
            names.append(text(named) if named is not None else "")
        parent = parent.parent
    return base + tuple(reversed(names))


def _module_body(node: Node) -> Node:
    parent = node.parent
    while parent is not None and not _is_module_body(parent):
        parent = parent.parent
    assert parent is not None or node.type == "source_file"
    return parent if parent is not None else node


def _declares_module(body: Node, name: str) -> bool:
    for child in body.named_children:
        named = child.child_by_field_name("name") if child.type == "mod_item" else None
        if named is not None and text(named) == name:
            return True
    return False


class Resolver:
    """Resolves names in one file against one item (``module`` its module path)."""

    def __init__(self, item: Node | None, module: tuple[str, ...], file_module_: tuple[str, ...],
                 edition: str) -> None:  # fmt: skip
        self.item, self.module, self.base, self.edition = item, module, file_module_, edition

    def path(self, segments: list[str], at: Node, in_use: bool) -> tuple[str, ...] | None:
        """The module that ``segments`` (a path without its last name) names, from ``at``;
        None for an extern crate or a type."""
        here = node_module(self.base, at)
        if not segments:
            return here
        head, rest = segments[0], segments[1:]
        if head == "crate" or (in_use and self.edition == "2015"):
            start: tuple[str, ...] = ()
            rest = rest if head == "crate" else segments
        elif head == "self":
            start = here
        elif head == "super":
            start = here
            while segments and segments[0] == "super":
                start, segments = start[:-1], segments[1:]
            rest = segments
        elif _declares_module(_module_body(at), head):
            start, rest = here, segments
        elif not in_use and (imported := self._use_module(head, at)) is not None:
            start = imported  # `use crate::default;` ... `default::NAME`
        else:
            return None
        if any(s[:1].isupper() or not s.isidentifier() for s in rest):
            return None  # `Type::NAME`: an associated item
        return start + tuple(rest)

    def _use_module(self, head: str, at: Node) -> tuple[str, ...] | None:
        """The module of this crate a ``use`` in scope binds ``head`` to (``use
        crate::default;``, ``use super::limits as l;``); None for any other (``use std::time;``)."""
        scope = at.parent
        while scope is not None:
            if _is_scope(scope):
                for child, argument in _use_arguments(scope):
                    for bound, full in bindings(argument):
                        if bound == head:
                            return self.path(full.split("::"), child, in_use=True)
                if _is_module_body(scope):
                    return None
            scope = scope.parent
        return None

    def owner(self, node: Node, name: str) -> Owner:
        """Whose is the identifier ``node`` (spelled ``name``)."""
        parent = node.parent
        if parent is not None and parent.type == "scoped_identifier":
            prefix = parent.child_by_field_name("path")
            segments = ["".join(text(prefix).split())] if prefix is not None else []
            segments = segments[0].split("::") if segments else []
            return self._of_module(self.path(segments, node, in_use=_in_use(node)))
        if parent is not None and parent.type == "token_tree":
            tokens = token_path(node)
            if tokens is None:
                return Owner.UNKNOWN  # `::NAME`, `$crate::NAME`, `<T>::NAME` in a macro's tokens
            if tokens[0]:  # `assert_eq!(x, default::NAME)`: a path, spelled as tokens
                return self._of_module(self.path(tokens[0], node, in_use=False))
        return self._lexical(node, name)

    def _of_module(self, module: tuple[str, ...] | None) -> Owner:
        if module is None or self.item is None or self.item.parent is None:
            return Owner.OTHER
        return Owner.OURS if module == self.module and _is_module_body(self.item.parent) \
            else Owner.OTHER  # fmt: skip

    def _lexical(self, node: Node, name: str) -> Owner:
        scope = node.parent
        while scope is not None:
            if _is_scope(scope):
                found = definitions(scope, name)
                if found:
                    return Owner.OURS if self.item in found else Owner.OTHER
                imported = self._imported(scope, name)
                if imported is not None:
                    return imported
                if _is_module_body(scope):
                    return Owner.OTHER
            scope = scope.parent
        return Owner.OTHER

    def _imported(self, scope: Node, name: str) -> Owner | None:
        """What the ``use`` declarations of ``scope`` make of ``name``, None if nothing."""
        globs: list[Owner] = []
        for child, argument in _use_arguments(scope):
            for bound, full in bindings(argument):
                if bound == name:
                    segments = full.split("::")
                    if segments[-1] != name:
                        return Owner.UNKNOWN  # `use x::NAME as ...` elsewhere: an alias
                    return self._of_module(self.path(segments[:-1], child, in_use=True))
            if argument.type == "use_wildcard":
                segments = "".join(text(argument).split()).removesuffix("::*").split("::")
                globs.append(self._of_module(self.path(segments, child, in_use=True)))
        return Owner.OURS if Owner.OURS in globs else None


def _use_arguments(scope: Node) -> Iterator[tuple[Node, Node]]:
    """Each ``use`` declaration directly in ``scope``, with what it imports."""
    for child in scope.named_children:
        argument = child.child_by_field_name("argument") if child.type == "use_declaration" \
            else None  # fmt: skip
        if argument is not None:
            yield child, argument


#: Tokens a module path is made of; tree-sitter-rust tokenises the contextual keywords
#: (``default``, ``union``) apart from identifiers, and a module may be named by them.
_PATH_TOKENS = frozenset({"identifier", "crate", "self", "super", "default", "union"})


def token_path(node: Node) -> tuple[list[str], Node] | None:
    """The path written before ``node`` among a macro's tokens and its first token
    (``default :: NAME`` gives ``["default"]``, a bare ``NAME`` none and itself); None where
    it cannot be read as a module path."""
    segments: list[str] = []
    current = node
    while (before := current.prev_sibling) is not None and text(before) == "::":
        head = before.prev_sibling
        if head is None or head.type not in _PATH_TOKENS:
            return None
        if head.type == "identifier" and head.prev_sibling is not None and text(
            head.prev_sibling) == "$":  # fmt: skip
            return None
        segments.insert(0, text(head))
        current = head
    return segments, current


def _in_use(node: Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.type == "use_declaration":
            return True
        if parent.type in ("block", "source_file", "declaration_list"):
            return False
        parent = parent.parent
    return False
