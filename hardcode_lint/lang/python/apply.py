"""Python's fix: splice each replacement at its literal's byte range, then add the imports.

The byte ranges come from the scan itself; nothing is detected again here.  Every other byte
of the file stays (comments, quotes, line endings, the BOM and the coding cookie); libcst's
``AddImportsVisitor`` merges the rules' imports with the file's own, after the docstring and
``__future__`` imports, read back as edits (:mod:`import_edits`).  A result that would not
parse, or a name that would mean something else at the site, refuses the edits instead.
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePosixPath

from hardcode_lint.edit import TextEdit, splice
from hardcode_lint.lang.base import Applied, SiteEdit
from hardcode_lint.lang.python.definitions import module_name
from hardcode_lint.lang.python.import_edits import import_edits
from hardcode_lint.lang.python.imports import ImportRequest, parse_imports
from hardcode_lint.parse.source import SourceError, SourceFile

_ATOMS = (ast.Name, ast.Attribute, ast.Call, ast.Subscript, ast.Constant)


def replacement_text(expression: str) -> str:
    """``expression`` as spliced: parenthesised unless it is a name, attribute, call,
    subscript or constant, so that it binds as tightly as the literal it replaces."""
    text = expression.strip()
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError:
        return text
    return text if isinstance(node, _ATOMS) else f"({text})"


def _root_name(expression: str) -> str | None:
    """The first name of ``a.b(c).d``: the one that must mean what the rule intends."""
    try:
        node: ast.AST = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError:
        return None
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _conflicts(edits: Sequence[SiteEdit]) -> dict[str, str]:
    """Edits whose imports bind one name to two different things (the second would rebind)."""
    first: dict[str, tuple[str, SiteEdit]] = {}  # bound name -> (qualname, first edit)
    refused: dict[str, str] = {}
    for edit in edits:
        for request in parse_imports(edit.imports):
            name, qualname = request.bound_name, request.qualname
            seen, other = first.setdefault(name, (qualname, edit))
            if seen != qualname:
                reason = (f"imports of `{name}` conflict: rule {other.rule} imports `{seen}`, "
                          f"rule {edit.rule} imports `{qualname}`")  # fmt: skip
                refused[edit.label] = refused[other.label] = reason
    return refused


def _checked(source: SourceFile, edits: Sequence[SiteEdit], result: Applied) -> list[SiteEdit]:
    """The edits that are safe to make; the others go to ``result.refused`` with a reason."""
    from hardcode_lint.lang.python.bindings import SiteNames

    try:
        names = SiteNames(source.text, source.path)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        result.refused.update({e.label: f"cannot read its names: {exc}" for e in edits})
        return []
    result.refused.update(_conflicts(edits))
    accepted = []
    for edit in edits:
        if edit.label in result.refused:
            continue
        provided = {r.bound_name: r for r in parse_imports(edit.imports)}
        root = _root_name(edit.replace)
        reason = names.problem(root, edit.scope, provided) if root else None
        if root in provided and not reason and _rebinds_submodule(source.path, provided[root]):
            reason = f"`{root}` would rebind the package's submodule `{root}`"
        if reason and root in provided:
            aliased = _aliased(edit, provided[root])
            if aliased is not None:
                again = {r.bound_name: r for r in parse_imports(aliased.imports)}
                if not names.problem(_root_name(aliased.replace) or "", aliased.scope, again):
                    edit, reason = aliased, None
        if reason:
            result.refused[edit.label] = reason
        else:
            accepted.append(edit)
    return accepted


def _rebinds_submodule(path: str, request: ImportRequest) -> bool:
    """``from pkg.settings import settings`` in ``pkg/__init__.py`` would make the attribute
    ``pkg.settings`` the object instead of the module (``import pkg.settings as m`` then gets
    the object): there the import takes another name."""
    file = PurePosixPath(path)
    if file.name != "__init__.py" or request.obj != request.bound_name:
        return False
    parent, _, last = request.module.rpartition(".")
    package = parent.rpartition(".")[2] if parent else ""
    return last == request.obj and (package == file.parent.name or (request.relative == 1
                                                                     and not parent))  # fmt: skip


def _aliased(edit: SiteEdit, request: ImportRequest) -> SiteEdit | None:
    """The edit reading its import under another name, when its own name is taken at the site
    (``from django.conf import settings`` already there): ``from pkg.settings import settings
    as pkg_settings`` and ``pkg_settings.a.b``.  The migrated-site detection knows that form.
    """
    name = request.bound_name
    alias = f"{request.module.split('.')[0] or 'hardcode'}_{name}"
    expression = re.sub(rf"^(\s*){re.escape(name)}\b", rf"\g<1>{alias}", edit.replace, count=1)
    if expression == edit.replace or request.obj is None:
        return None
    statement = f"from {'.' * request.relative}{request.module} import {request.obj} as {alias}"
    others = tuple(i for i in edit.imports
                   if all(r.bound_name != name for r in parse_imports((i,))))  # fmt: skip
    return replace(edit, replace=expression, imports=(*others, statement))


def _compiles(data: bytes, path: str) -> str | None:
    from hardcode_lint.lang.python.source import decode

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(decode(data, path), path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, SourceError) as exc:
        return f"the result would not parse: {exc}"
    return None


def apply_python(source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
    """See the module docstring; the imports are edits of the file as it is, beside the
    literals' (``import_edits``)."""
    result = Applied()
    accepted = _checked(source, edits, result)
    if not accepted:
        return result
    literals = [TextEdit(e.start, e.end, replacement_text(e.replace).encode(source.encoding))
                for e in accepted]  # fmt: skip
    requests = [in_file_style(r, source.path, source.text)
                for e in accepted for r in parse_imports(e.imports)]  # fmt: skip
    try:
        imports = import_edits(source.data, requests)
        reason = _compiles(splice(source.data, [*literals, *imports]), source.path)
    except SourceError as exc:
        reason = f"the result would not parse: {exc.message}"
    if reason:
        result.refused.update({e.label: reason for e in accepted})
        return result
    result.applied = [e.label for e in accepted]
    result.edits = tuple(sorted([*literals, *imports], key=lambda e: (e.start, e.end)))
    return result


_RELATIVE_IMPORT = re.compile(r"^from\s+\.", re.MULTILINE)


def in_file_style(request: ImportRequest, path: str, text: str) -> ImportRequest:
    """A rule's import of its own package's settings, written as the file writes its own
    package's imports: relative where the file imports relatively (``from .base import Base``
    beside ``from .settings import settings``; an absolute one after them fails isort, and
    ruff's I001).  Kept absolute where the file already imports that module so."""
    if request.relative or request.obj is None or not _RELATIVE_IMPORT.search(text):
        return request
    if re.search(rf"^\s*from\s+{re.escape(request.module)}\s+import\b", text, re.MULTILINE):
        return request
    own = module_name(path)
    if own is None:
        return request
    package = own.split(".") if PurePosixPath(path).name == "__init__.py" else own.split(".")[:-1]
    target = request.module.split(".")
    common = 0
    while common < min(len(package), len(target)) and package[common] == target[common]:
        common += 1
    if common == 0:
        return request  # another top-level package: an absolute import is its style
    module = ".".join(target[common:])
    return ImportRequest(module, request.obj, request.asname, len(package) - common + 1)
