"""Where a Rust crate's generated settings live, and how its code reads them.

One module per package (crate): ``src/settings.rs`` beside its ``Cargo.toml``, read as
``crate::settings::get().{key}``.  The path is absolute, so no ``use`` is needed and no local
name can shadow it; the crate's other targets (``tests/``, ``examples/``, ``benches/``, its
binaries when it has a library) read the same key through the crate's name, which the front
end writes when it applies the edit (``PKG::settings::get().{key}``).  A configured
``settings-module`` entry (a path or glob such as ``crates/*/src/settings.rs``) that lies in a
crate's folder replaces that crate's default.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from hardcode_lint.lang.base import SettingsTarget

TEMPLATE = "crate::settings::get().{key}"


@dataclass(frozen=True)
class Crate:
    """A Cargo package: its folder (root-relative), its name as code spells it, its manifest."""

    folder: str
    name: str
    manifest: dict[str, object]
    has_library: bool  # a `[lib]` table or a `src/lib.rs`: its binaries read `PKG::settings`
    edition: str = "2015"  # Cargo's default; a workspace's when the crate inherits it


@lru_cache(maxsize=256)
def _toml(path: Path) -> dict[str, object] | None:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return None


def _manifest(path: Path) -> dict[str, object] | None:
    data = _toml(path)
    package = data.get("package") if data else None
    return data if isinstance(package, dict) and isinstance(package.get("name"), str) else None


def _edition(folder: Path, package: dict[str, object]) -> str:
    """The crate's edition: its own, the workspace's (``edition.workspace = true``), or 2015."""
    edition = package.get("edition", "2015")
    if isinstance(edition, dict) and edition.get("workspace"):
        for parent in folder.parents:
            workspace = (_toml(parent / "Cargo.toml") or {}).get("workspace")
            inherited = workspace.get("package", {}) if isinstance(workspace, dict) else {}
            if isinstance(inherited, dict) and isinstance(inherited.get("edition"), str):
                return str(inherited["edition"])
        return "2015"
    return edition if isinstance(edition, str) else "2015"


def crate_of(root: Path, path: str) -> Crate | None:
    """The package whose ``Cargo.toml`` is nearest above ``path`` (root-relative), if any."""
    folder = PurePosixPath(path).parent
    while True:
        manifest = _manifest((root / folder / "Cargo.toml").resolve())
        if manifest is not None:
            package = manifest["package"]
            assert isinstance(package, dict)
            name = str(package["name"]).replace("-", "_")
            library = "lib" in manifest or (root / folder / "src" / "lib.rs").is_file()
            relative = "" if folder.as_posix() == "." else folder.as_posix()
            edition = _edition((root / folder).resolve(), package)
            return Crate(relative, name, manifest, library, edition)
        if not folder.name:
            return None
        folder = folder.parent


_OTHER_TARGETS = ("tests", "examples", "benches")


def target_problem(crate: Crate | None, path: str) -> tuple[str | None, str | None]:
    """(why a site in ``path`` cannot read the settings, the name that replaces ``crate``)."""
    if crate is None:
        return None, None
    inside = PurePosixPath(path).relative_to(crate.folder or ".").parts
    if inside == ("build.rs",):
        return "build.rs is compiled before the crate: it cannot read the crate's settings", None
    binary = inside[:2] == ("src", "main.rs") or inside[:2] == ("src", "bin")
    if inside[0] in _OTHER_TARGETS or (binary and crate.has_library):
        if not crate.has_library:
            return (f"`{inside[0]}/` is a separate Cargo target and the crate has no library:"
                    " it cannot read the crate's settings"), None  # fmt: skip
        return None, crate.name
    return None, None


def with_crate_name(expression: str, name: str | None) -> str:
    """``crate::settings::get().k`` read from another target: ``name::settings::get().k``."""
    if name is None or not expression.lstrip().startswith("crate::"):
        return expression
    return expression.lstrip().replace("crate::", f"{name}::", 1)


def prefix_of(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").upper() or "SETTINGS"


def _module(root: Path, crate: Crate, configured: Sequence[str]) -> str:
    """The crate's configured module: a glob that matches its default place, or a path that
    lies in this crate (not in a crate nested in its folder); else ``src/settings.rs``."""
    inside = crate.folder + "/" if crate.folder else ""
    default = f"{inside}src/settings.rs"
    for entry in configured:
        if any(c in entry for c in "*?["):
            if fnmatch.fnmatchcase(default, entry):
                return default
            continue
        owner = crate_of(root, entry)
        if owner is not None and owner.folder == crate.folder:
            return entry
    return default


def settings_targets(
    root: Path, sites: Sequence[str], configured: Sequence[str]
) -> dict[str, SettingsTarget]:
    """Each file of ``sites`` in a crate, with its crate's target (module docstring)."""
    found: dict[str, SettingsTarget] = {}
    for path in dict.fromkeys(sites):
        crate = crate_of(root, path)
        if crate is None:
            continue
        found[path] = SettingsTarget(
            language="rust",
            unit=crate.folder,
            name=crate.name,
            module=_module(root, crate, configured),
            template=TEMPLATE,
            imports=(),
            env_prefix=prefix_of(crate.name),
        )
    return found
