"""``ast``'s statements as the region blanker sees them (:class:`.regions.Statements`).

The ``ast`` path is the reference: it serves files tree-sitter cannot (another encoding, CR-only
line ends, a parse error to report) and files whose migrated sites must be resolved.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence

_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_ALWAYS_KEEP = (ast.Global, ast.Nonlocal, ast.Match)


def _special_import(statement: ast.stmt) -> bool:
    """``from __future__ import ...`` must stay first; ``import *`` may bind any name."""
    if not isinstance(statement, ast.ImportFrom):
        return False
    return statement.module == "__future__" or any(a.name == "*" for a in statement.names)


class AstStatements:
    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree

    def module_body(self) -> Sequence[ast.stmt]:
        return self.tree.body

    def first_line(self, statement: ast.stmt) -> int:
        """Where a statement starts, its decorators included (ast's lineno is the ``def``)."""
        decorators = getattr(statement, "decorator_list", None)
        return decorators[0].lineno if decorators else statement.lineno

    def last_line(self, statement: ast.stmt) -> int:
        return statement.end_lineno or statement.lineno

    def start_col(self, statement: ast.stmt, head: bytes) -> int:
        if getattr(statement, "decorator_list", None):
            return head.find(b"@")
        return statement.col_offset

    def end_col(self, statement: ast.stmt) -> int:
        return statement.end_col_offset or 0

    def always_kept(self, statement: ast.stmt) -> bool:
        return isinstance(statement, _ALWAYS_KEEP) or _special_import(statement)

    def definition_body(self, statement: ast.stmt) -> Sequence[ast.stmt] | None:
        return statement.body if isinstance(statement, _DEFS) else None

    def bodies(self, statement: ast.stmt) -> Iterable[Sequence[ast.stmt]]:
        for name in ("body", "orelse", "finalbody"):
            body = getattr(statement, name, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                yield body
        for handler in getattr(statement, "handlers", []):
            yield handler.body

    def bound_names(self, statement: ast.stmt) -> set[str]:
        """Every name a statement binds, anywhere inside it (conservatively)."""
        return _names_in([statement])

    def header_bound_names(self, statement: ast.stmt) -> set[str]:
        """What a ``def`` or ``class`` binds in the scope around it: its name, and whatever its
        decorators, defaults, annotations or bases bind (``:=``); not its parameters."""
        if isinstance(statement, ast.ClassDef):
            header = [*statement.decorator_list, *statement.bases, *statement.keywords]
            return {statement.name} | _names_in(header)
        if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            return self.bound_names(statement)
        args = statement.args
        every = [*args.posonlyargs, *args.args, args.vararg, *args.kwonlyargs, args.kwarg]
        annotations = [a.annotation for a in every if a is not None and a.annotation]
        header = [*statement.decorator_list, *args.defaults, *annotations,
                  *(d for d in args.kw_defaults if d is not None)]  # fmt: skip
        if statement.returns is not None:
            header.append(statement.returns)
        return {statement.name} | _names_in(header)


def _names_in(nodes: Iterable[ast.AST]) -> set[str]:
    names: set[str] = set()
    for node in (inner for top in nodes for inner in ast.walk(top)):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".", 1)[0] for a in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names
