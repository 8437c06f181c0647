"""The generated Rust settings module: configuration, not a second place of hardcodes.

``pub struct Settings`` and its nested structs, whose field paths are the keys, typed as the
sites need (``usize`` for a ``const MAX: usize``, ``u32`` for ``Duration::new``'s nanos; else
``u64``, ``i64`` for a negative, ``f64`` for a float), with ``impl Default`` holding the exact
literals.  ``get()`` loads them once (``OnceLock``, std only) and panics with a message naming
the key and its source when an override is bad; ``load()`` returns that message instead.
Overrides come from the ``PREFIX__KEY__PATH`` environment variables, each parsed with
``FromStr`` into its field's type, and from the file named by ``PREFIX_SETTINGS_FILE`` when the
crate already depends on ``toml`` or ``serde_json`` (no dependency is ever added).  Written so
that it compiles in every edition (``::std`` paths: a 2015 module resolves ``std::`` from
itself) and without warnings, and as rustfmt would lay it out.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hardcode_lint.lang.base import GeneratedSettings, SettingsRequest, SettingValue, key_tree
from hardcode_lint.lang.rust import settings_text as parts
from hardcode_lint.lang.rust.settings_crate import CrateFacts, declaration_edit, facts_for
from hardcode_lint.parse.source import GENERATED_MARKER

ROOT_STRUCT = "Settings"
INTEGERS = frozenset(f"{s}{n}" for s in "ui" for n in ("8", "16", "32", "64", "128", "size"))
FLOATS = frozenset({"f32", "f64"})
_WORDS = """as break const continue crate else enum extern false fn for if impl in let loop match
mod move mut pub ref return self Self static struct super trait true type unsafe use where while
async await dyn abstract become box do final macro override priv typeof unsized virtual yield
try gen"""
KEYWORDS = frozenset(_WORDS.split())
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def rust_type(value: SettingValue) -> str:
    """The field's type: the site's when it can hold the literal, else one that can."""
    number, kind = value.value, value.value_type
    if isinstance(number, float):
        return kind if kind in FLOATS else "f64"
    if kind is not None and (
        kind in FLOATS or (kind in INTEGERS and not (number < 0 and kind.startswith("u")))
    ):
        return kind
    return "i64" if number < 0 else "u64"


def rust_literal(value: SettingValue, kind: str) -> str:
    """``value`` as a Rust literal of type ``kind`` (a float always with a point or exponent)."""
    text = repr(value.value)
    if kind in FLOATS and not any(c in text for c in ".eE"):
        return f"{text}.0"
    return text


def _struct_name(path: list[str], taken: set[str]) -> str:
    name = ROOT_STRUCT + "".join(p[:1].upper() + p[1:] for p in path).replace("_", "")
    while name in taken:
        name += "_"
    taken.add(name)
    return name


def _structs(
    node: dict[str, Any], path: list[str], out: list[str], taken: set[str], derive: str | None
) -> str:
    """Append the structs of ``node`` (deepest first) with their ``impl Default``."""
    children = {
        name: _structs(child, [*path, name], out, taken, derive)
        for name, child in sorted(node.items())
        if isinstance(child, dict)
    }
    name = _struct_name(path, taken)
    fields: list[str] = []
    inits: list[tuple[str, str]] = []
    for leaf, value in sorted(node.items()):
        if isinstance(value, SettingValue):
            kind = rust_type(value)
            comment = f" ({value.comment})" if value.comment else ""
            fields += [f"    /// `{value.key}`{comment}", f"    pub {leaf}: {kind},"]
            inits.append((leaf, rust_literal(value, kind)))
    for child, struct in children.items():
        fields += [
            f"    /// The settings under `{'.'.join([*path, child])}`.",
            f"    pub {child}: {struct},",
        ]
        inits.append((child, f"{struct}::default()"))
    doc = f"The settings under `{'.'.join(path)}`." if path else "Every setting of the crate."
    out += parts.struct(name, doc, fields, inits, derive)
    return name


def _arms(values: tuple[SettingValue, ...], prefix: str) -> tuple[list[str], list[str]]:
    """The ``match`` arms that set a key's field, and those naming a variable's key."""
    setters, names = [], []
    for value in sorted(values, key=lambda v: v.key):
        setters += parts.arm(f'"{value.key}"', f"settings.{value.key} = parse(key, text, source)?")
        variable = f"{prefix}__{value.key.upper().replace('.', '__')}"
        names += parts.arm(f'"{variable}"', f'Some("{value.key}")')
    return setters, names


def module_text(request: SettingsRequest, facts: CrateFacts) -> str:
    """The module's text for a crate with ``facts`` (see the module docstring)."""
    prefix = request.env_prefix
    body: list[str] = []
    _structs(key_tree(request.values), [], body, set(), facts.derive)
    setters, names = _arms(request.values, prefix)
    head = [
        f"// {GENERATED_MARKER} (env prefix {prefix})",
        f"// `hardcode-lint defaults --format rust --output {request.module}` writes it.",
        *parts.docs(prefix, facts.file_formats),
        "#![allow(dead_code, missing_docs)]",
        "",
        *(_NO_STD if facts.no_std else []),
        "use std::sync::OnceLock;",
        "",
        "/// The prefix of the environment variables that override a setting.",
        f'pub const ENV_PREFIX: &str = "{prefix}";',
    ]
    loader = parts.loader(prefix, setters, names, facts.file_formats)
    text = "\n".join([*head, *body, *loader]) + "\n"
    # `::std` names the extern prelude, which a no_std crate's submodule cannot add to
    return text.replace("::std::", "std::") if facts.no_std else text


#: A `no_std` crate built for a host reads its settings with std all the same: the module
#: brings std, its prelude and `format!` into its own scope (2018 editions and later).
_NO_STD = [
    "extern crate std;",
    "#[allow(unused_imports)]",
    "use std::{borrow::ToOwned, boxed::Box, format, string::String, string::ToString, vec::Vec};",
    "",
]


def rust_settings(root: Path, request: SettingsRequest) -> GeneratedSettings:
    """The module for ``request`` and the crate root's ``pub mod`` declaration it needs."""
    found = facts_for(root, request.module) if not Path(request.module).is_absolute() else None
    if found is None:
        facts = CrateFacts("2015", (), None, None)
        note = f"{request.module}: in no crate; declare the module yourself"
        return GeneratedSettings(module_text(request, facts), notes=(note,))
    _, facts = found
    notes = [] if facts.file_formats else [
        f"{request.module}: overrides from the environment only (the crate depends on neither "
        "toml nor serde_json)"
    ]  # fmt: skip
    edits, declared = _declaration(root, request.module, facts)
    return GeneratedSettings(
        module_text(request, facts),
        edits=edits,
        notes=tuple(notes + ([declared] if declared else [])),
    )


def _declaration(
    root: Path, module: str, facts: CrateFacts
) -> tuple[tuple[tuple[str, str, str], ...], str | None]:
    """The crate root's edit declaring ``module``, or why none is made."""
    file = Path(module)
    name = file.stem
    root_file = facts.root_file
    if root_file is None:
        return (), f"{module}: the crate has no lib.rs or main.rs to declare it in"
    if file.parent.as_posix() != Path(root_file).parent.as_posix() or not _NAME.fullmatch(name):
        return (), f"{module}: not beside {root_file}; declare `pub mod {name};` yourself"
    try:
        data = (root / root_file).read_bytes()
    except OSError as exc:
        return (), f"{root_file}: cannot read it ({exc.strerror}); declare the module"
    changed = declaration_edit(data, name)
    if changed is None:
        return (), None
    try:
        before, after = data.decode("utf-8"), changed.decode("utf-8")
    except UnicodeDecodeError:
        return (), f"{root_file}: not UTF-8; declare `pub mod {name};` yourself"
    return ((root_file, before, after),), f"{root_file}: declares `pub mod {name};`"
