"""Where a Go module's generated settings live, and how its code reads them.

One package per Go module (the folder of the nearest ``go.mod``): ``settings/settings.go`` at
the module's root, imported as ``import "MODULE/settings"`` and read as
``settings.Get().{key}`` (the key's fields spelled the Go way when spliced, ``naming.py``).
Every package of the module, its tests included, can import it.  A configured
``settings-module`` entry (a path or glob such as ``internal/config/settings.go``) that lies in
a module replaces that module's default; its package is the entry's folder.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from hardcode_lint.lang.base import SettingsTarget
from hardcode_lint.lang.go.imports import assumed_name

DEFAULT = "settings/settings.go"
_MODULE = re.compile(r"^\s*module\s+\"?([^\s\"/][^\s\"]*)\"?", re.M)
_PACKAGE = re.compile(r"^package\s+([A-Za-z_]\w*)", re.M)


@dataclass(frozen=True)
class GoModule:
    """A Go module: its folder (root-relative, "" for the root) and its module path."""

    folder: str
    path: str


@lru_cache(maxsize=256)
def _module_path(go_mod: Path) -> str | None:
    try:
        found = _MODULE.search(go_mod.read_text("utf-8", errors="replace"))
    except OSError:
        return None
    return found.group(1) if found else None


def module_of(root: Path, path: str) -> GoModule | None:
    """The module whose ``go.mod`` is nearest above ``path`` (root-relative), if any."""
    folder = PurePosixPath(path).parent
    while True:
        found = _module_path((root / folder / "go.mod").resolve())
        if found is not None:
            return GoModule("" if folder.as_posix() == "." else folder.as_posix(), found)
        if not folder.name:
            return None
        folder = folder.parent


def prefix_of(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").upper() or "SETTINGS"


def package_name(root: Path, module: str) -> str:
    """The package the settings file belongs to: what its folder's other Go files declare,
    else the folder's name as goimports would assume it."""
    file = root / module
    for sibling in sorted(file.parent.glob("*.go")) if file.parent.is_dir() else []:
        if sibling.name == file.name or sibling.name.endswith("_test.go"):
            continue
        try:
            found = _PACKAGE.search(sibling.read_text("utf-8", errors="replace"))
        except OSError:
            continue
        if found:
            return found.group(1)
    name = assumed_name(PurePosixPath(module).parent.name or "settings").lower()
    return name if name and not name[0].isdigit() else "settings"


def _module_file(root: Path, owner: GoModule, configured: Sequence[str]) -> str:
    inside = owner.folder + "/" if owner.folder else ""
    default = f"{inside}{DEFAULT}"
    for entry in configured:
        if any(c in entry for c in "*?["):
            if fnmatch.fnmatchcase(default, entry):
                return default
            continue
        found = module_of(root, entry)
        if found is not None and found.folder == owner.folder:
            return entry
    return default


def import_path(owner: GoModule, module: str) -> str:
    """``MODULE/settings`` for ``settings/settings.go`` in the module's folder."""
    folder = PurePosixPath(module).parent.as_posix()
    inside = folder[len(owner.folder) :].strip("/") if owner.folder else folder.strip(".")
    return f"{owner.path}/{inside}" if inside else owner.path


def settings_targets(
    root: Path, sites: Sequence[str], configured: Sequence[str]
) -> dict[str, SettingsTarget]:
    """Each file of ``sites`` in a Go module, with its module's target (module docstring)."""
    found: dict[str, SettingsTarget] = {}
    for path in dict.fromkeys(sites):
        owner = module_of(root, path)
        if owner is None:
            continue
        module = _module_file(root, owner, configured)
        package = package_name(root, module)
        found[path] = SettingsTarget(
            language="go",
            unit=owner.folder,
            name=owner.path,
            module=module,
            template=f"{package}.Get().{{key}}",
            imports=(f'import "{import_path(owner, module)}"',),
            env_prefix=prefix_of(assumed_name(owner.path)),
        )
    return found
