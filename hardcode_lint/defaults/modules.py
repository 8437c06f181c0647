"""Settings modules: the code that defines the object a rule's ``replace`` reads.

``rules suggest --replace "settings.{key}"`` writes rules whose replacement reads
``settings.pkg.wait.timeout_seconds``; ``defaults --format python --output settings.py`` writes
the module that makes that expression mean the literal it replaced: a tree of frozen
dataclasses whose attribute paths are the keys, each default the literal's exact value, its
unit in a comment.  ``--format rust`` writes the same tree as structs with ``impl Default``.
The first line marks the file as generated settings: its literals are never findings.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from hardcode_lint.defaults.values import Default
from hardcode_lint.detect.catalog import UNIT_NAMES
from hardcode_lint.errors import UsageError
from hardcode_lint.model import Number
from hardcode_lint.parse.source import GENERATED_MARKER

MARKER = GENERATED_MARKER
_RUST_WORDS = frozenset({
    "type", "struct", "fn", "mod", "impl", "use", "self", "match", "ref", "loop", "move",
    "where", "crate", "super", "trait", "enum", "const",
})  # fmt: skip


@dataclass
class _Node:
    """One level of the key tree: its leaves (name -> default) and its branches."""

    leaves: dict[str, Default] = field(default_factory=dict)
    branches: dict[str, _Node] = field(default_factory=dict)


def _tree(defaults: Iterable[Default], reserved: frozenset[str]) -> _Node:
    root = _Node()
    for default in defaults:
        if default.value is None:
            continue
        *sections, name = default.key.split(".")
        for part in (*sections, name):
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part) or part in reserved:
                raise UsageError(f"key {default.key!r} ({default.rule.file}:{default.rule.line}): "
                                 f"{part!r} cannot be an attribute name")  # fmt: skip
        node = root
        for section in sections:
            if section in node.leaves:
                raise UsageError(f"key {default.key!r}: `{section}` is also a value")
            node = node.branches.setdefault(section, _Node())
        if name in node.branches:
            raise UsageError(f"key {default.key!r} is also a section")
        node.leaves[name] = default
    return root


def _camel(path: list[str], root: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in [root, *path]).replace("_", "")


def _comment(default: Default) -> str:
    return f"  # {UNIT_NAMES[default.unit]}" if default.unit else ""


def _python_value(value: Number) -> str:
    return repr(value)


def _python_classes(node: _Node, path: list[str], root: str, out: list[str]) -> str:
    """Append the dataclasses of ``node`` (deepest first); return its class name."""
    children = {name: _python_classes(branch, [*path, name], root, out)
                for name, branch in sorted(node.branches.items())}  # fmt: skip
    name = _camel(path, root)
    out += ["", "", "@dataclass(frozen=True)", f"class {name}:"]
    for leaf, default in sorted(node.leaves.items()):
        value = _python_value(default.value)  # type: ignore[arg-type]
        kind = "float" if isinstance(default.value, float) else "int"
        out.append(f"    {leaf}: {kind} = {value}{_comment(default)}")
    for child, cls in children.items():
        out.append(f"    {child}: {cls} = field(default_factory={cls})")
    if not node.leaves and not children:
        out.append("    pass")
    return name


def python_module(defaults: Iterable[Default], root: str = "settings") -> str:
    """A Python module defining ``root``: frozen dataclasses whose paths are the keys."""
    tree = _tree(defaults, frozenset(keyword.kwlist) | frozenset(keyword.softkwlist))
    body: list[str] = []
    cls = _python_classes(tree, [], root, body)
    head = [
        f"# {MARKER} (`hardcode-lint defaults --format python`):",
        "# each default is the literal the code held, so behaviour stays as it was.",
        '"""Settings: every hardcoded value the migration moved, with its default."""',
        "",
        "from __future__ import annotations",
        "",
        "from dataclasses import dataclass, field",
    ]
    return "\n".join([*head, *body, "", "", f"{root} = {cls}()", ""])


def _rust_value(default: Default) -> tuple[str, str]:
    value = default.value
    if isinstance(value, float):
        return "f64", repr(value) if "." in repr(value) or "e" in repr(value) else f"{value}.0"
    return ("i64" if value is not None and value < 0 else "u64"), str(value)


def _rust_structs(node: _Node, path: list[str], root: str, out: list[str]) -> str:
    children = {name: _rust_structs(branch, [*path, name], root, out)
                for name, branch in sorted(node.branches.items())}  # fmt: skip
    name = _camel(path, root)
    fields, inits = [], []
    for leaf, default in sorted(node.leaves.items()):
        kind, value = _rust_value(default)
        fields.append(f"    pub {leaf}: {kind},{_comment(default).replace('  #', ' //')}")
        inits.append(f"            {leaf}: {value},")
    for child, struct in children.items():
        fields.append(f"    pub {child}: {struct},")
        inits.append(f"            {child}: {struct}::default(),")
    out += ["", "#[derive(Debug, Clone, PartialEq)]", f"pub struct {name} {{", *fields, "}", "",
            f"impl Default for {name} {{", "    fn default() -> Self {", "        Self {",
            *inits, "        }", "    }", "}"]  # fmt: skip
    return name


def rust_module(defaults: Iterable[Default], root: str = "settings") -> str:
    """A Rust module with the key tree as structs, each with ``impl Default``."""
    tree = _tree(defaults, _RUST_WORDS)
    body: list[str] = []
    _rust_structs(tree, [], root, body)
    head = [
        f"// {MARKER} (`hardcode-lint defaults --format rust`):",
        "// each default is the literal the code held, so behaviour stays as it was.",
    ]
    return "\n".join([*head, *body, ""])


def settings_root(replaces: Iterable[str]) -> str:
    """The object the rules' ``replace`` expressions read most (``settings`` by default)."""
    from collections import Counter

    roots = Counter(m.group(0) for text in replaces if (m := re.match(r"[A-Za-z_]\w*", text)))
    return roots.most_common(1)[0][0] if roots else "settings"


def module_for(path_suffix: str, defaults: Iterable[Default], root: str) -> str | None:
    """The settings module a ``.py`` or ``.rs`` defaults-file should hold, else None."""
    if path_suffix == ".py":
        return python_module(defaults, root)
    if path_suffix == ".rs":
        return rust_module(defaults, root)
    return None


def without_comments(code: str) -> list[str]:
    """A generated module's lines with comments and blank lines dropped: what its values are.

    (A migrated rule's unit is no longer known from its literal, so a unit comment may be
    missing from a module regenerated later; the values are what must not change.)
    """
    lines = [re.sub(r"\s*(#|//).*$", "", line).rstrip() for line in code.splitlines()]
    return [line for line in lines if line]
