"""What a replacement's first name means at a site, decided by Python's own symbol tables.

``fix`` must never change what code means: ``config.x`` spliced where a parameter named
``config`` is in scope, or under an import of another ``config``, would read something else.
The standard library's :mod:`symtable` knows every binding of every scope; the site's scope is
the finding's ``scope`` qualname, and module-level imports are read from the tree, in order.
"""

from __future__ import annotations

import ast
import builtins
import symtable
import warnings

from hardcode_lint.lang.python.imports import ImportRequest

Table = symtable.SymbolTable


def _module_bindings(tree: ast.Module) -> dict[str, str | None]:
    """Module-level names -> the qualified name they import (None: bound some other way).

    The first binding in source order wins, as the detector's scopes do (``try: import x``).
    """
    found: dict[str, str | None] = {}

    def bind(name: str, imported: str | None) -> None:
        found.setdefault(name, imported)

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        bind(alias.asname, alias.name)
                    else:
                        root = alias.name.split(".", 1)[0]
                        bind(root, root)
            elif isinstance(node, ast.ImportFrom):
                prefix = "." * node.level + (node.module or "")
                for alias in node.names:
                    qualname = f"{prefix}.{alias.name}" if node.module else prefix + alias.name
                    bind(alias.asname or alias.name, qualname)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                bind(node.name, None)
            else:
                for child in ast.walk(node):
                    if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                        bind(child.id, None)
                for field in ("body", "orelse", "finalbody", "handlers"):
                    inner = getattr(node, field, None)
                    if isinstance(inner, list):
                        visit([s for s in inner if isinstance(s, ast.stmt)])
                        for handler in inner:
                            if isinstance(handler, ast.ExceptHandler):
                                visit(handler.body)

    visit(tree.body)
    return found


class SiteNames:
    """The bindings of one module, asked about names at the scope of a site."""

    def __init__(self, text: str, path: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.top = symtable.symtable(text, path, "exec")
            self.module = _module_bindings(ast.parse(text))

    def _chains(self, qualname: str | None) -> list[list[Table]]:
        """The table chains (module first) of every def/class ``qualname`` may name."""
        chains = [[self.top]]
        for part in (qualname or "").split(".") if qualname else []:
            grown = [
                [*chain, child]
                for chain in chains
                for child in chain[-1].get_children()
                if child.get_name() == part and str(child.get_type()) in ("function", "class")
            ]
            if not grown:
                break
            chains = grown
        return chains

    @staticmethod
    def _local_owner(root: str, chain: list[Table]) -> Table | None:
        """The innermost non-module table that binds ``root`` for code in ``chain[-1]``."""
        for depth in range(len(chain) - 1, 0, -1):
            table = chain[depth]
            if str(table.get_type()) == "class" and depth != len(chain) - 1:
                continue  # class bodies do not enclose their methods' names
            if root not in table.get_identifiers():
                continue
            symbol = table.lookup(root)
            if symbol.is_global() or symbol.is_declared_global():
                return None
            if symbol.is_local():
                return table
        return None

    def problem(
        self, root: str, qualname: str | None, provided: dict[str, ImportRequest]
    ) -> str | None:
        """Why ``root`` would not mean what the rule intends at a site in ``qualname``."""
        for chain in self._chains(qualname):
            owner = self._local_owner(root, chain)
            if owner is not None:
                if root not in provided:
                    continue
                where = ".".join(t.get_name() for t in chain[1 : chain.index(owner) + 1])
                return f"`{root}` is a local name in `{where}`; the replacement would use it"
            reason = self._module_problem(root, provided)
            if reason:
                return reason
        return None

    def _module_problem(self, root: str, provided: dict[str, ImportRequest]) -> str | None:
        bound = root in self.module
        if root in provided:
            imported = self.module.get(root)
            if not bound or imported == provided[root].qualname:
                return None
            if imported is not None:
                return f"`{root}` is already bound to `{imported}` in this module"
            return f"`{root}` is already defined in this module, not by the rule's import"
        if not bound and not hasattr(builtins, root):
            return f"`{root}` is not defined at the site; add the import to the rule's `imports`"
        return None
