"""A rule's ``imports`` as requests to libcst's ``AddImportsVisitor``, which merges them with the
file's own imports and places them after the docstring and ``__future__`` imports."""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ImportRequest:
    module: str
    obj: str | None
    asname: str | None
    relative: int

    @property
    def bound_name(self) -> str:
        """The name this import binds in the module (``config`` for ``from x import config``)."""
        if self.asname:
            return self.asname
        if self.obj:
            return self.obj
        return self.module.split(".", 1)[0]

    @property
    def qualname(self) -> str:
        prefix = "." * self.relative + self.module
        return f"{prefix}.{self.obj}" if self.obj else prefix


def parse_imports(statements: tuple[str, ...]) -> list[ImportRequest]:
    """``["from app.config import config", "import json"]`` as import requests."""
    requests = []
    for statement in statements:
        (node,) = ast.parse(statement.strip()).body
        if isinstance(node, ast.Import):
            for alias in node.names:
                requests.append(ImportRequest(alias.name, None, alias.asname, 0))
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                requests.append(
                    ImportRequest(node.module or "", alias.name, alias.asname, node.level)
                )
    return requests
