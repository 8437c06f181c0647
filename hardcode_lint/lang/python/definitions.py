"""The catalogued APIs a file defines: urllib3's own ``class Retry``, pymemcache's
``class KeepaliveOpts``, a library's ``def connect(...)``.

A catalogued parameter's default in the definition is the value every caller gets when it says
nothing, so it is that API's tunable whatever the parameter is called (``total=10``,
``idle=1``, ``cnt=5``: names no word list makes a duration or a limit), and a call of the class
inside its own module (``Retry.DEFAULT = Retry(3)``) is a call of the catalogued API.

A file's module comes from where it stands: its folder and every folder above it that holds an
``__init__.py`` (``src/urllib3/util/retry.py`` is ``urllib3.util.retry``).  A definition is
catalogued under that module's name or re-exported at the package's top
(``pymemcache.KeepaliveOpts`` for ``pymemcache/client/base.py``).
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from hardcode_lint.detect.catalog import ApiSpec, Catalog
from hardcode_lint.lang.python.scopes import Scope, ScopeKind
from hardcode_lint.model import Kind

#: A module's own definitions the catalog lists: name -> (catalogued name, spec).
Defined = Mapping[str, tuple[str, ApiSpec]]

#: A top-level ``class X`` or ``def x``, the definitions a module exports.
_TOP_LEVEL = re.compile(r"^(?:async\s+def|def|class)\s+([A-Za-z_]\w*)", re.MULTILINE)


@lru_cache(maxsize=4096)
def _package_of(folder: Path) -> tuple[str, ...]:
    """The dotted package a folder is, or ``()`` when it holds no ``__init__.py``."""
    try:
        if not (folder / "__init__.py").is_file():
            return ()
    except OSError:
        return ()
    return (*_package_of(folder.parent), folder.name) if folder.parent != folder else ()


def module_name(path: str) -> str | None:
    """``urllib3.util.retry`` for ``.../src/urllib3/util/retry.py``; None outside a package."""
    if not path:
        return None
    folder, file = os.path.split(path)
    package = _package_of(Path(folder if os.path.isabs(folder) else os.path.abspath(folder)))
    if not package:
        return None
    stem = os.path.splitext(file)[0]
    return ".".join(package if stem == "__init__" else (*package, stem))


_TOPS: dict[str, frozenset[str]] = {}


def _catalogued_tops(catalog: Catalog) -> frozenset[str]:
    """The top packages of the catalog's APIs, once per catalog (asked for every file, twice:
    by the pre-pass and by the detector)."""
    tops = _TOPS.get(catalog.fingerprint)
    if tops is None:
        tops = _TOPS[catalog.fingerprint] = frozenset(api.split(".", 1)[0] for api in catalog.apis)
    return tops


def defined_apis(path: str, text: str, catalog: Catalog) -> Defined:
    """The file's top-level definitions the catalog lists: name -> (catalogued name, spec)."""
    module = module_name(path)
    top = module.split(".", 1)[0] if module is not None else ""
    if not top or top not in _catalogued_tops(catalog):
        return {}  # no library the catalog knows: the common case, decided without the text
    names = set(_TOP_LEVEL.findall(text))
    found: dict[str, tuple[str, ApiSpec]] = {}
    for name in sorted(names):
        for qualname in (f"{module}.{name}", f"{top}.{name}"):
            spec = catalog.apis.get(qualname)
            if spec is not None:
                found[name] = (qualname, spec)
                break
    return found


def definition_of(scope: Scope, defined: Defined) -> tuple[str, ApiSpec] | None:
    """The catalogued API whose parameters ``scope`` (a function's) binds: a module-level
    ``def`` of it, or the ``__init__`` of a module-level class of it."""
    parent = scope.parent
    if not defined or scope.kind is not ScopeKind.FUNCTION or parent is None:
        return None
    name = (scope.qualname or "").rsplit(".", 1)[-1]
    if parent.kind is ScopeKind.MODULE:
        return defined.get(name)
    grand = parent.parent
    if name == "__init__" and parent.kind is ScopeKind.CLASS and grand is not None:
        return defined.get(parent.qualname or "") if grand.parent is None else None
    return None


def catalogued_param(
    spec: ApiSpec, name: str, position: int | None
) -> tuple[Kind, str | None] | None:
    """The kind and unit ``spec`` gives a parameter, by its name or else its position (``self``
    not counted), or None when the catalog does not list it."""
    listed, unit = spec.unit_for(name)
    key: str | int = name
    if not listed and position is not None:
        key = position
        listed, unit = spec.unit_for(key)
    if not listed:
        return None
    kind = spec.kind_of(key)
    return kind, unit if kind is Kind.DURATION else None


def definition_lines(text: str, defined: Defined) -> list[int]:
    """The lines of the defaults the catalog judges in the module's own definitions: what the
    pre-passes must keep, as they keep a tunable-named parameter's (``total=10`` is not)."""
    if not defined:
        return []
    try:
        body = ast.parse(text).body
    except (SyntaxError, ValueError, RecursionError):
        return []
    lines: list[int] = []
    for node in body:
        functions = [node] if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) else []
        if isinstance(node, ast.ClassDef):
            functions = [f for f in node.body if isinstance(f, ast.FunctionDef)]
            functions = [f for f in functions if f.name == "__init__"]
        if node_name(node) not in defined:
            continue
        for function in functions:
            args = function.args
            for default in [*args.defaults, *args.kw_defaults]:
                if default is not None:
                    lines += range(default.lineno, (default.end_lineno or default.lineno) + 1)
    return sorted(set(lines))


def node_name(node: ast.stmt) -> str | None:
    """A top-level definition's name (None for any other statement)."""
    kinds = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    return node.name if isinstance(node, kinds) else None
