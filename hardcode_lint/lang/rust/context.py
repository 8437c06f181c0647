"""Where a node sits: its scope (``Type::method``, ``outer::inner``, ``tests::case``), whether
it is test code (``#[cfg(test)]`` modules, ``#[test]``-style functions), and whether it lies in
a region tree-sitter could not parse (which is never reported)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hardcode_lint.lang.rust.parser import COMMENTS, Node, text

_TEST_ATTR = re.compile(
    r"^#\[\s*(?:[\w:]+::)?(?:test|bench|rstest|test_case|quickcheck|proptest)\b"
    r"|^#\[\s*cfg\s*\((?!.*\bnot\s*\(\s*test\b).*\btest\b",
    re.S,
)
_NAMED = {"function_item": "name", "mod_item": "name", "trait_item": "name"}
#: A node inside one of these, itself free of errors, was read well even if an ERROR node
#: encloses it (tree-sitter wraps a whole file in ERROR around one broken item).
_WHOLE = frozenset({"function_item", "impl_item", "mod_item", "trait_item", "const_item",
                    "static_item", "let_declaration", "expression_statement"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Place:
    scope: str | None
    test: bool
    broken: bool  # inside an ERROR node


def is_test_attribute(attribute: str) -> bool:
    return bool(_TEST_ATTR.match(attribute))


def _attributes(item: Node) -> list[str]:
    """The outer attributes written before an item (``#[cfg(test)]``, ``#[tokio::test]``)."""
    found = []
    sibling = item.prev_sibling
    while sibling is not None and (sibling.type == "attribute_item" or sibling.type in COMMENTS):
        if sibling.type == "attribute_item":
            found.append(text(sibling))
        sibling = sibling.prev_sibling
    return found


def _type_name(node: Node | None) -> str | None:
    """``Foo`` for ``Foo``, ``Foo<T>``, ``crate::m::Foo``, ``&'a Foo``."""
    while node is not None:
        if node.type in ("type_identifier", "primitive_type", "identifier"):
            return text(node)
        if node.type == "generic_type":
            node = node.child_by_field_name("type")
        elif node.type == "scoped_type_identifier":
            node = node.child_by_field_name("name")
        elif node.type == "reference_type":
            node = node.child_by_field_name("type")
        else:
            return text(node)
    return None


def place_of(node: Node, file_is_test: bool = False) -> Place:
    """The :class:`Place` of ``node`` (walking its ancestors)."""
    parts: list[str] = []
    test, broken, whole = file_is_test, False, False
    current = node.parent
    while current is not None:
        kind = current.type
        whole = whole or (kind in _WHOLE and not current.has_error)
        if kind == "ERROR" and not whole:
            broken = True
        elif kind in _NAMED:
            named = current.child_by_field_name(_NAMED[kind])
            if named is not None:
                parts.append(text(named))
            test = test or any(is_test_attribute(a) for a in _attributes(current))
        elif kind == "impl_item":
            implemented = _type_name(current.child_by_field_name("type"))
            if implemented:
                parts.append(implemented)
            test = test or any(is_test_attribute(a) for a in _attributes(current))
        current = current.parent
    return Place("::".join(reversed(parts)) or None, test, broken)


def file_is_test(root: Node) -> bool:
    """``#![cfg(test)]`` at the top of a file makes all of it test code."""
    for child in root.named_children:
        if child.type == "inner_attribute_item":
            if is_test_attribute("#[" + text(child)[3:]):
                return True
        elif child.type not in COMMENTS:
            break
    return False
