"""Where Python code reads a key of the generated settings: ``settings.a.b`` on a name bound by
importing the generated module, whatever the alias.

``check`` compares these reads with the keys the module defines, so that a rule deleted or
renamed (and the module regenerated) cannot leave code reading a key that is gone: an
AttributeError at run time, in a module the tests may never import.  tree-sitter reads the file
(it tolerates what ``ast`` of this interpreter would not), and only files that mention the
module's name are parsed at all.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePosixPath

from hardcode_lint.lang.base import SettingsTarget
from hardcode_lint.lang.python.sitter import GRAMMAR, Node, parse, text
from hardcode_lint.parse.source import SourceFile

_IMPORTS = "[(import_statement) (import_from_statement)] @import"
_ATTRIBUTES = "(attribute) @attribute"


def module_and_object(target: SettingsTarget) -> tuple[str, str]:
    """The generated module's dotted name and the object it exports (``pkg.settings``,
    ``settings``), from the import its target writes."""
    for statement in target.imports:
        match = re.fullmatch(r"\s*from\s+([\w.]+)\s+import\s+(\w+)(\s+as\s+\w+)?\s*", statement)
        if match:
            return match.group(1), match.group(2)
    return PurePosixPath(target.module).stem, target.template.split(".", 1)[0]


def _same_module(written: str, module: str) -> bool:
    return written == module or written.endswith("." + module)


def _absolute(node: Node, path: str) -> str:
    """A ``from`` statement's module, relative imports resolved against the file's folders."""
    written = text(node)
    if node.type != "relative_import":
        return written
    dots = len(written) - len(written.lstrip("."))
    folders = list(PurePosixPath(path).parent.parts)
    base = folders[: len(folders) - (dots - 1)] if dots > 1 else folders
    rest = written[dots:]
    return ".".join([*base, rest] if rest else base)


def _names(node: Node) -> list[tuple[str, str | None]]:
    """(dotted name, alias) of each name an import statement binds."""
    found = []
    for child in node.children_by_field_name("name"):
        if child.type == "aliased_import":
            name, alias = child.child_by_field_name("name"), child.child_by_field_name("alias")
            found.append((text(name) if name else "", text(alias) if alias else None))
        else:
            found.append((text(child), None))
    return found


def _bindings(tree: Node, path: str, module: str, obj: str) -> dict[str, list[str]]:
    """Local name -> the attributes between it and the keys (``[]`` for the object itself,
    ``["settings"]`` for the module, ``["settings", "settings"]`` for ``pkg`` of
    ``import pkg.settings``)."""
    bound: dict[str, list[str]] = {}
    for node in GRAMMAR.captures(_IMPORTS, tree).get("import", []):
        if node.type == "import_from_statement":
            source = node.child_by_field_name("module_name")
            origin = _absolute(source, path) if source is not None else ""
            for name, alias in _names(node):
                if _same_module(origin, module) and name == obj:
                    bound[alias or name] = []
                elif _same_module(f"{origin}.{name}", module):
                    bound[alias or name] = [obj]
            continue
        for name, alias in _names(node):
            if not _same_module(name, module):
                continue
            if alias:
                bound[alias] = [obj]
            else:
                first, *rest = name.split(".")
                bound[first] = [*rest, obj]
    return bound


def _chain(node: Node) -> tuple[Node, list[str]]:
    names: list[str] = []
    while node.type == "attribute":
        attribute = node.child_by_field_name("attribute")
        names.insert(0, text(attribute) if attribute else "")
        node = node.child_by_field_name("object") or node
        if not names[0]:
            break
    return node, names


def settings_reads(source: SourceFile, target: SettingsTarget) -> list[tuple[str, int]]:
    """(key path read, byte offset) of every read of the target's settings in ``source``; the
    path may run on past the key (``settings.a.b.bit_length``)."""
    module, obj = module_and_object(target)
    if module.rsplit(".", 1)[-1] not in source.text:
        return []
    tree = parse(source.data).root_node
    bound = _bindings(tree, source.path, module, obj)
    if not bound:
        return []
    reads = []
    for node in GRAMMAR.captures(_ATTRIBUTES, tree).get("attribute", []):
        parent = node.parent
        if (
            parent is not None
            and parent.type == "attribute"
            and parent.child_by_field_name("object") == node
        ):
            continue  # not the outermost attribute of its chain
        root, names = _chain(node)
        prefix = bound.get(text(root)) if root.type == "identifier" else None
        if prefix is None or names[: len(prefix)] != prefix or len(names) <= len(prefix):
            continue
        if _shadowed(node, text(root)):
            continue  # huey's `settings = set([])` in a function: a local, no settings read
        reads.append((".".join(names[len(prefix) :]), node.start_byte))
    return sorted(reads, key=lambda read: read[1])


def _shadowed(node: Node, name: str) -> bool:
    """Whether a function around ``node`` binds ``name`` itself (a parameter; an assignment,
    ``for name in`` or ``as name`` in its body): then ``name`` there is that local, not the
    imported settings."""
    parameter, assigned = _binding_patterns(name)
    scope = node.parent
    while scope is not None:
        if scope.type in ("function_definition", "lambda"):
            parameters = scope.child_by_field_name("parameters")
            if parameters is not None and parameter.search(text(parameters)):
                return True
            body = scope.child_by_field_name("body")
            if body is not None and assigned.search(text(body)):
                return True
        scope = scope.parent
    return False


@lru_cache(maxsize=16)
def _binding_patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """How ``name`` is bound as a parameter, and in a body (compiled once per name)."""
    escaped = re.escape(name)
    parameter = re.compile(rf"(?<![\w.]){escaped}\b(?:[ \t]*[:=,)]|[ \t]+in\b)")
    before = r"(?:^[ \t]*|\bfor[ \t]+|\bas[ \t]+)"
    after = r"[ \t]*(?:=(?!=)|:[^=\n]*=|in\b|[:),])"
    return parameter, re.compile(f"(?m){before}{escaped}{after}")
