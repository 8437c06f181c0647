"""A Go file's imports: which name stands for which package path, and the name goimports
assumes for a path (``github.com/redis/go-redis/v9`` -> ``redis``).

Rules, the catalog and ``api`` never depend on how a file spells an import: ``r.Options`` under
``import r "github.com/redis/go-redis/v9"`` resolves to ``github.com/redis/go-redis/v9.Options``
(short form ``redis.Options``), ``t.Duration`` under ``import t "time"`` to ``time.Duration``,
and a bare ``Sleep`` under ``import . "time"`` to ``time.Sleep`` (for the packages whose exported
names ``exports.toml`` lists)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from hardcode_lint.lang.go.parser import Node, text

#: In a file's names for a package: the package is dot-imported (its members stand bare).  In
#: an import table a dot import is keyed ``DOT + path``, which no identifier can be.
DOT = "."

_VERSION = re.compile(r"^v[0-9]+$")
_NOT_IDENTIFIER = re.compile(r"[^A-Za-z0-9_]")


def assumed_name(path: str) -> str:
    """The package name goimports infers from an import path (its last element, a ``/vN``
    element skipped, a ``go-`` prefix and anything from the first non-identifier dropped)."""
    parts = path.split("/")
    base = parts[-1]
    if _VERSION.match(base) and len(parts) > 1:
        base = parts[-2]
    base = base.removeprefix("go-")
    return _NOT_IDENTIFIER.split(base, 1)[0]


@lru_cache(maxsize=1)
def _exports() -> dict[str, frozenset[str]]:
    data = resources.files(__package__).joinpath("exports.toml").read_text("utf-8")
    return {path: frozenset(names) for path, names in tomllib.loads(data).items()}


def exports(path: str) -> frozenset[str]:
    """The exported names of package ``path`` when ``exports.toml`` lists them, else none."""
    return _exports().get(path, frozenset())


@dataclass(frozen=True, slots=True)
class Import:
    name: str  # the qualifier the file uses ("" for `_` and `.` imports)
    path: str
    node: Node  # the import_spec
    alias: str | None = None  # as written (`r`, `_`, `.`), None when the spec has none

    @property
    def usable(self) -> bool:
        """Whether code can name the package through it (a ``_`` import cannot)."""
        return self.alias != "_"


def spec_import(spec: Node) -> Import | None:
    """The :class:`Import` of an ``import_spec`` node."""
    path_node = spec.child_by_field_name("path")
    if path_node is None:
        return None
    path = text(path_node).strip('"`')
    alias_node = spec.child_by_field_name("name")
    alias = text(alias_node) if alias_node is not None else None
    name = alias if alias is not None else assumed_name(path)
    return Import("" if name in ("_", DOT) else name, path, spec, alias)


def file_imports(root: Node) -> list[Import]:
    """Every import spec of the file, in order."""
    found: list[Import] = []
    for declaration in root.named_children:
        if declaration.type != "import_declaration":
            continue
        for spec in _specs(declaration):
            one = spec_import(spec)
            if one is not None:
                found.append(one)
    return found


def _specs(declaration: Node) -> list[Node]:
    specs = [c for c in declaration.named_children if c.type == "import_spec"]
    for child in declaration.named_children:
        if child.type == "import_spec_list":
            specs.extend(c for c in child.named_children if c.type == "import_spec")
    return specs


def import_table(root: Node) -> dict[str, str]:
    """The name -> path table of the file's imports (a dot import keyed ``DOT + path``)."""
    found = file_imports(root)
    table = {i.name: i.path for i in found if i.name}
    table.update({DOT + i.path: i.path for i in found if i.alias == DOT})
    return table


def names_for(imports: dict[str, str], path: str) -> frozenset[str]:
    """The names the file gives package ``path``: its qualifiers, and ``DOT`` when it is
    dot-imported (``{"t"}`` for ``import t "time"``)."""
    return frozenset(DOT if name == DOT + path else name
                     for name, found in imports.items() if found == path)  # fmt: skip


def _dotted(name: str, imports: dict[str, str]) -> str | None:
    """The path of the dot-imported package that exports the bare ``name``, if one does."""
    for key, path in imports.items():
        if key.startswith(DOT) and name in exports(path):
            return path
    return None


def canonical_type(kind: str, imports: dict[str, str]) -> str:
    """A type as written, with its package named as goimports would (``t.Duration`` ->
    ``time.Duration``, a dot-imported ``Duration`` too); other types as they are."""
    head, dot, name = kind.rpartition(".")
    if dot and head in imports:
        return f"{assumed_name(imports[head])}.{name}"
    path = None if dot else _dotted(kind, imports)
    return f"{assumed_name(path)}.{kind}" if path is not None else kind


def resolve(node: Node, imports: dict[str, str]) -> tuple[str, str]:
    """A callee or type as ``import/path.Name`` when its head is an imported package, else as
    written (``s.client.Set``, ``Options``); and its short form ``name.Name`` (the import's
    alias or assumed name), which the catalog is keyed by."""
    if node.type in ("selector_expression", "qualified_type"):
        head = node.child_by_field_name("operand") or node.child_by_field_name("package")
        tail = node.child_by_field_name("field") or node.child_by_field_name("name")
        if head is not None and tail is not None and head.type in _HEADS:
            path = imports.get(text(head))
            if path is not None:
                return f"{path}.{text(tail)}", f"{assumed_name(path)}.{text(tail)}"
    if node.type in ("identifier", "type_identifier") and (path := _dotted(text(node), imports)):
        return f"{path}.{text(node)}", f"{assumed_name(path)}.{text(node)}"
    if node.type in ("generic_type", "pointer_type", "parenthesized_expression"):
        inner = node.child_by_field_name("type") or next(reversed(node.named_children), None)
        if inner is not None:
            return resolve(inner, imports)
    written = "".join(text(node).split())
    return written, written


def written_name(node: Node, imports: dict[str, str]) -> str | None:
    """A callee or type as the file writes it (``goredis.Options``) when its head is an
    import the file names otherwise than goimports would: a rule may use that spelling too
    (``api_alias``).  None when the file uses goimports' name, or no import is named."""
    if node.type in ("generic_type", "pointer_type", "parenthesized_expression"):
        inner = node.child_by_field_name("type") or next(reversed(node.named_children), None)
        return written_name(inner, imports) if inner is not None else None
    head = node.child_by_field_name("operand") or node.child_by_field_name("package")
    tail = node.child_by_field_name("field") or node.child_by_field_name("name")
    if node.type not in ("selector_expression", "qualified_type") or head is None or tail is None:
        return None
    path = imports.get(text(head)) if head.type in _HEADS else None
    if path is None or text(head) == assumed_name(path):
        return None
    return f"{text(head)}.{text(tail)}"


_HEADS = frozenset({"identifier", "package_identifier"})
