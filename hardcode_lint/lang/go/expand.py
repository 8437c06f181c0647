"""A Go fix's edits checked against the rest of the package before any file is touched (see
:meth:`Frontend.expand`).

A literal of a ``const`` becomes a ``var`` reading the setting (``consts.py``), which the file
itself is asked about when the edit is applied.  But a package is its folder: a constant in
``b.go`` (``const blobSize = bufSize * 3 / 4``), an array length in a test file, or a use
beside an ``int64`` elsewhere needs the name as a constant just as much, and the package no
longer builds (go-sql-driver/mysql's ``defaultBufSize``).  Those are refused here, with the
file that needs it.  An exported constant of a package other than ``main`` is refused too:
other packages may use it as a constant, and a ``var`` would change the package's API.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from hardcode_lint.lang.base import Expanded, SiteEdit
from hardcode_lint.lang.go.consts import needed, spec_of, typed_elsewhere
from hardcode_lint.lang.go.parser import Node, parse, text
from hardcode_lint.lang.go.untyped import Declared, declared_in, scope_of


def _package(root: Node) -> str | None:
    clause = next((c for c in root.named_children if c.type == "package_clause"), None)
    name = clause.named_children[0] if clause is not None and clause.named_children else None
    return text(name) if name is not None else None


class _Package:
    """One file's package: its parsed files, read when a constant is first asked about."""

    def __init__(self, root: Path, path: str, trees: dict[Path, Node | None]) -> None:
        self.file = root / path
        self.trees = trees  # shared by the files of one fix: each file is parsed once
        self._declared: dict[str | None, Declared] = {}

    def tree(self, file: Path) -> Node | None:
        if file not in self.trees:
            try:
                data = file.read_bytes()
            except OSError:
                data = None
            self.trees[file] = parse(data).root_node if data is not None else None
        return self.trees[file]

    def declared(self, package: str | None, roots: list[Node]) -> Declared:
        """What the package's files declare, read once per fix of this file."""
        if package not in self._declared:
            self._declared[package] = declared_in(roots)
        return self._declared[package]

    def files(self, package: str | None) -> list[tuple[str, Node]]:
        """The package's other files (by name), parsed: their functions' parameters, and
        their uses of a constant, decide whether it may move."""
        found = []
        for file in sorted(self.file.parent.glob("*.go")):
            tree = self.tree(file) if file != self.file else None
            if tree is not None and _package(tree) == package:
                found.append((file.name, tree))
        return found

    def problem(self, edit: SiteEdit) -> str | None:
        """Why ``edit``'s constant cannot become a ``var`` for the package, or None."""
        own = self.tree(self.file)
        node = own.descendant_for_byte_range(edit.start, edit.end) if own is not None else None
        spec = spec_of(node) if node is not None else None
        if own is None or spec is None:
            return None
        names = {text(n) for n in spec.children_by_field_name("name")}
        package = _package(own)
        exported = sorted(n for n in names if n[:1].isupper())
        if exported and package != "main":
            return (f"`{exported[0]}` is an exported constant: other packages may use it as a "
                    "constant, and as a var it would change the package's API")  # fmt: skip
        others = self.files(package)  # an external test package cannot see them: not read
        declared = self.declared(package, [own, *(tree for _, tree in others)])
        local = scope_of(spec)  # a function's constant: its uses are all in the function
        why = typed_elsewhere(local or own, spec, names, declared, strict=True)
        for name, tree in [] if local is not None else others:
            if why is not None:
                break
            why = needed(tree, None, names) or typed_elsewhere(
                tree, spec, names, declared, own=False, strict=True)  # fmt: skip
            why = f"{why} (in {name})" if why is not None else None
        return why


def expand_go(root: Path, edits: Mapping[str, Sequence[SiteEdit]]) -> Expanded:
    result = Expanded()
    trees: dict[Path, Node | None] = {}
    for path, found in edits.items():
        package = _Package(root, path, trees)
        for edit in found:
            problem = None if edit.verbatim else package.problem(edit)
            if problem is not None:
                result.refused[edit.label] = problem
            else:
                result.edits.setdefault(path, []).append(edit)
    return result
