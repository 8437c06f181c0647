"""A rule's Go code written with the file's own import names, and the file's code read back
with goimports' names.

A rule says ``time.Duration(settings.Get().PollMs) * time.Millisecond`` with ``import "time"``;
in a file that imports ``t "time"`` the fix writes ``t.Duration(...) * t.Millisecond`` and
adds no second import of ``time`` (under ``import . "time"``: ``Duration(...) * Millisecond``).
Reading a migrated site, the file's ``t.Duration(...)`` is the rule's ``time.Duration(...)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from hardcode_lint.lang.go.imports import DOT, Import, assumed_name, exports
from hardcode_lint.lang.go.parser import SYNTAX, Node, leaves, text


def file_names(imports: Iterable[Import]) -> dict[str, str]:
    """path -> how the file names that package: its qualifier (the first one, if imported
    twice), else ``""`` for a dot import; a path imported only as ``_`` is absent."""
    names: dict[str, str] = {}
    for one in imports:
        if one.name and names.get(one.path, "") == "":
            names[one.path] = one.name
        elif one.alias == DOT:
            names.setdefault(one.path, "")
    return names


def renames_for(
    wanted: Iterable[tuple[str | None, str]], names: Mapping[str, str]
) -> dict[str, str]:
    """qualifier -> the file's own (``""``: none) for each wanted ``(name, path)`` import
    that the file already has under another name."""
    renames: dict[str, str] = {}
    for name, path in wanted:
        used, have = name or assumed_name(path), names.get(path)
        if have is not None and have != used:
            renames[used] = have
    return renames


def _qualifier(leaf: Node) -> bool:
    """Whether ``leaf`` is the package of a qualified name (``t`` in ``t.Second``)."""
    parent = leaf.parent
    if parent is None:
        return False
    if parent.type == "selector_expression":
        return leaf.type == "identifier" and parent.child_by_field_name("operand") == leaf
    return parent.type == "qualified_type" and leaf.type == "package_identifier"


def requalified(code: str, renames: Mapping[str, str]) -> str:
    """``code`` (one expression) with each qualifier in ``renames`` replaced (dropped with its
    ``.`` for ``""``); ``code`` as it is when it holds none or is no expression."""
    node = SYNTAX.parse_expression(code) if renames else None
    if node is None:
        return code
    data, base = node.text or b"", node.start_byte
    cuts: list[tuple[int, int, bytes]] = []
    for leaf in leaves(node):
        new = renames.get(text(leaf)) if _qualifier(leaf) else None
        if new is not None and leaf.parent is not None and leaf.next_sibling is not None:
            end = leaf.next_sibling.end_byte if not new else leaf.end_byte  # `t` or `time.`
            cuts.append((leaf.start_byte - base, end - base, new.encode()))
    for start, end, written in reversed(cuts):
        data = data[:start] + written + data[end:]
    return data.decode("utf-8")


def readers(table: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """From a file's import table: qualifier -> goimports' name where they differ, and bare
    name -> its dot-imported package's goimports name."""
    renamed = {name: assumed_name(path) for name, path in table.items()
               if not name.startswith(DOT) and name != assumed_name(path)}  # fmt: skip
    bare = {name: assumed_name(path) for key, path in table.items() if key.startswith(DOT)
            for name in exports(path)}  # fmt: skip
    return renamed, bare


def canonical(node: Node, renamed: Mapping[str, str], bare: Mapping[str, str]) -> str:
    """``node``'s normalised code (``parser.normalised``) with goimports' package names."""
    while node.type == "parenthesized_expression" and node.named_child_count == 1:
        inner = node.named_children[0]
        if inner.type == "comment":
            break
        node = inner
    tokens: list[str] = []
    for leaf in leaves(node):
        word = text(leaf)
        if leaf.type in ("identifier", "type_identifier") and word in bare:
            tokens += [bare[word], "."]
        elif _qualifier(leaf):
            word = renamed.get(word, word)
        tokens.append(word)
    return " ".join(tokens)
