"""The generated TypeScript or JavaScript settings module (section 5): configuration, not a
second place of hardcodes.

TypeScript: an ``interface Settings`` whose nested ``readonly`` fields are the keys (all
``number``), the ``defaults`` object holding each literal's exact value with its unit in a
comment, and ``export const settings: Readonly<Settings> = load()`` (the overrides are
``settings_loader.py``'s).  JavaScript: the same code with JSDoc types, exported as an ES module
or with ``module.exports`` as the module's package (or extension) wants.  The ``defaults``
object is what :func:`settings_keys` reads back: one key per line, its comment after it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from hardcode_lint.lang.base import GeneratedSettings, SettingsRequest, SettingValue, key_tree
from hardcode_lint.lang.typescript.parser import Node, named, parse, text
from hardcode_lint.lang.typescript.settings_loader import (
    COMMONJS_EXPORTS,
    ES_EXPORTS,
    JAVASCRIPT,
    TYPESCRIPT,
)
from hardcode_lint.lang.typescript.targets import package_of, published
from hardcode_lint.parse.source import GENERATED_MARKER, is_generated

Keys = dict[str, tuple[str | None, str | None]]
DEFAULTS = "defaults"


def _interface(node: dict[str, Any], depth: int, out: list[str]) -> None:
    pad = "  " * depth
    for name, child in sorted(node.items()):
        if isinstance(child, SettingValue):
            out.append(f"{pad}readonly {name}: number;")
        else:
            out.append(f"{pad}readonly {name}: {{")
            _interface(child, depth + 1, out)
            out.append(f"{pad}}};")


def _jsdoc(node: dict[str, Any], path: str, out: list[str]) -> None:
    for name, child in sorted(node.items()):
        if isinstance(child, SettingValue):
            out.append(f" * @property {{number}} {path}{name}")
        else:
            out.append(f" * @property {{object}} {path}{name}")
            _jsdoc(child, f"{path}{name}.", out)


def _number(value: SettingValue) -> str:
    number = value.value
    return repr(number) if isinstance(number, float) else str(number)


def _defaults(node: dict[str, Any], depth: int, out: list[str]) -> None:
    pad = "  " * depth
    for name, child in sorted(node.items()):
        if isinstance(child, SettingValue):
            comment = f" // {child.comment}" if child.comment else ""
            out.append(f"{pad}{name}: {_number(child)},{comment}")
        else:
            out.append(f"{pad}{name}: {{")
            _defaults(child, depth + 1, out)
            out.append(f"{pad}}},")


def header(prefix: str, module: str, language: str) -> list[str]:
    return [
        f"// {GENERATED_MARKER} (env prefix {prefix})",
        f"// `hardcode-lint defaults --format {language} --output {module}` writes it.",
        "// Each default is the literal the code held, so behaviour stays as it was. Change a",
        f"// value without touching code: set {prefix}__KEY__PATH (the key upper-cased, `.` as",
        f"// `__`), or name a JSON file of nested objects in {prefix}_SETTINGS_FILE; the",
        "// environment wins. Where there is no `process` (a browser bundle) the defaults stand.",
        "// An unknown key or a value that is not a number throws SettingsError naming the key.",
        "",
    ]


def _es_module(root: Path, module: str) -> bool:
    """Whether a JavaScript module at ``module`` is read as an ES module by Node."""
    suffix = PurePosixPath(module).suffix
    if suffix in (".mjs", ".cjs"):
        return suffix == ".mjs"
    if PurePosixPath(module).is_absolute():
        return False
    return package_of(root, module).es_module


def script_settings(root: Path, request: SettingsRequest, language: str) -> GeneratedSettings:
    """The module for ``request`` in ``language`` (see the module docstring)."""
    tree = key_tree(request.values)
    lines = header(request.env_prefix, request.module, language)
    values: list[str] = []
    _defaults(tree, 1, values)
    prefix = f'const ENV_PREFIX = "{request.env_prefix}";'
    if language == "typescript":
        lines += ["export interface Settings {"]
        _interface(tree, 1, lines)
        lines += ["}", "", "export const defaults: Settings = {", *values, "};", "", prefix]
        return GeneratedSettings("\n".join(lines) + "\n" + TYPESCRIPT)
    lines += ["/**", " * @typedef {object} Settings"]
    _jsdoc(tree, "", lines)
    lines += [" */", "", "/** @type {Settings} */", "const defaults = {", *values, "};", "",
              prefix]  # fmt: skip
    exports = ES_EXPORTS if _es_module(root, request.module) else COMMONJS_EXPORTS
    return GeneratedSettings("\n".join(lines) + "\n" + JAVASCRIPT + exports,
                             notes=_unpublished(root, request.module))  # fmt: skip


def _unpublished(root: Path, module: str) -> tuple[str, ...]:
    """A note when ``npm pack`` would leave the module out (package.json's ``files``)."""
    if PurePosixPath(module).is_absolute():
        return ()
    package = package_of(root, module)
    if published(root, package, module):
        return ()
    return (
        f"{module} is not in package.json's `files`: a published package would not hold "
        "it and the modules that read it would fail for its users; add it to `files`",
    )


def _defaults_object(root: Node) -> Node | None:
    for statement in named(root):
        declaration = statement
        if statement.type == "export_statement":
            inner = statement.child_by_field_name("declaration")
            declaration = inner if inner is not None else statement
        if declaration.type not in ("lexical_declaration", "variable_declaration"):
            continue
        for declarator in named(declaration):
            name = declarator.child_by_field_name("name")
            value = declarator.child_by_field_name("value")
            if name is not None and text(name) == DEFAULTS and value is not None:
                return value if value.type == "object" else None
    return None


def _comment_after(node: Node) -> str | None:
    """The line comment on the line where ``node`` ends (after its comma)."""
    sibling = node.next_sibling
    if sibling is not None and sibling.type == ",":
        sibling = sibling.next_sibling
    if sibling is None or sibling.type != "comment":
        return None
    if sibling.start_point[0] != node.end_point[0] or not text(sibling).startswith("//"):
        return None
    return text(sibling)[2:].strip() or None


def _walk(node: Node, path: str, into: Keys, depth: int = 0) -> None:
    for pair in named(node):
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if pair.type != "pair" or key is None or value is None:
            continue
        name = f"{path}{text(key)}"
        if value.type == "object" and depth < 32:
            _walk(value, f"{name}.", into, depth + 1)
        elif value.type in ("number", "unary_expression"):
            into[name] = ("number", _comment_after(pair))


def settings_keys(code: str) -> Keys:
    """Each key of the generated module ``code`` with its type and unit comment; empty when
    ``code`` is no generated settings module."""
    if not is_generated(code):
        return {}
    found = _defaults_object(parse(code.encode("utf-8"), "ts"))
    keys: Keys = {}
    if found is not None:
        _walk(found, "", keys)
    return keys
