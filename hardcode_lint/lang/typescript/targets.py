"""Where a TypeScript or JavaScript package's generated settings live, and how its code
imports them (section 5).

One module per ``package.json`` package: ``settings.ts`` (``settings.js`` for JavaScript) in the
package's source root, which is the ``rootDir`` of its ``tsconfig.json``, else its ``src/``
folder, else the folder of its ``main`` file (not build output), else the package folder
itself; read as ``settings.{key}`` after
``import { settings } from "./src/settings"``.  The specifier is written relative to the project
root and the fix rewrites it relative to each file (section 1T); it carries ``.js`` where Node's
ES module resolution needs an extension (a ``"type": "module"`` package whose TypeScript
resolves as ``node16``/``nodenext``, or plain JavaScript).  A file outside any package is served
by the project root as if it were one.  A configured ``settings-module`` entry (a path, or a
glob such as ``packages/*/src/settings.ts``) that lies in a package replaces its default.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from hardcode_lint.lang.base import SettingsTarget

TEMPLATE = "settings.{key}"
OBJECT = "settings"
_NODE_RESOLUTION = frozenset({"node16", "nodenext"})
_BUILD = frozenset({"dist", "build", "out", "output", "bundle"})


@dataclass(frozen=True)
class Package:
    """A ``package.json`` package: its folder (root-relative, "" for the root), its name, and
    what decides how its modules import each other."""

    folder: str
    name: str
    es_module: bool  # "type": "module"
    source_root: str  # root-relative folder of its sources
    node_resolution: bool  # tsconfig resolves modules as Node's ESM does (node16 / nodenext)


@lru_cache(maxsize=256)
def read_json(path: Path) -> dict[str, Any] | None:
    """A JSON object from ``path``, comments and trailing commas allowed (``tsconfig.json``);
    None when there is none."""
    try:
        raw = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for text in (raw, _without_comments(raw)):
        try:
            data = json.loads(text)
        except ValueError:
            continue
        return data if isinstance(data, dict) else None
    return None


def _without_comments(raw: str) -> str:
    """JSONC as JSON: comments outside strings dropped, trailing commas dropped."""
    pattern = r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/'
    code = re.sub(pattern, lambda m: m.group(1) or "", raw, flags=re.S)
    return re.sub(r",(\s*[}\]])", r"\1", code)


def _compiler_options(folder: Path) -> dict[str, Any]:
    config = read_json(folder / "tsconfig.json") or {}
    options = config.get("compilerOptions")
    return options if isinstance(options, dict) else {}


def _source_root(root: Path, folder: str) -> str:
    inside = PurePosixPath(folder) if folder else PurePosixPath()
    root_dir = _compiler_options(root / inside).get("rootDir")
    if isinstance(root_dir, str) and root_dir.strip() not in ("", ".", "./"):
        relative = PurePosixPath(root_dir.strip().removeprefix("./"))
        if not relative.is_absolute() and ".." not in relative.parts:
            return (inside / relative).as_posix()
    if (root / inside / "src").is_dir():
        return (inside / "src").as_posix()
    main = (read_json(root / inside / "package.json") or {}).get("main")
    if isinstance(main, str):  # a JavaScript package's `lib/index.js`, never its build output
        parent = PurePosixPath(main.removeprefix("./")).parent
        usable = parent.parts and parent.parts[0] not in _BUILD and ".." not in parent.parts
        if usable and (root / inside / parent).is_dir():
            return (inside / parent).as_posix()
    return folder


def _package(root: Path, folder: str) -> Package:
    manifest = read_json(root / folder / "package.json") if folder else None
    manifest = manifest or read_json(root / "package.json") or {}
    name = manifest.get("name")
    if not isinstance(name, str) or not name.strip():
        name = (root / folder).resolve().name
    options = _compiler_options(root / folder)
    resolution = {str(options.get("module", "")).lower(),
                  str(options.get("moduleResolution", "")).lower()}  # fmt: skip
    return Package(folder, name, manifest.get("type") == "module", _source_root(root, folder),
                   bool(resolution & _NODE_RESOLUTION))  # fmt: skip


def package_of(root: Path, path: str) -> Package:
    """The package whose ``package.json`` is nearest above the root-relative ``path`` (the
    project root when none is)."""
    folder = PurePosixPath(path).parent
    while folder.name:
        if (root / folder / "package.json").is_file():
            return _package(root, folder.as_posix())
        folder = folder.parent
    return _package(root, "")


def prefix_of(name: str) -> str:
    """``@acme/job-runner`` -> ``JOB_RUNNER``: the npm scope dropped, the rest upper-cased,
    every run of characters that are not letters or digits as ``_``."""
    bare = name.split("/", 1)[1] if name.startswith("@") and "/" in name else name
    return re.sub(r"[^A-Za-z0-9]+", "_", bare).strip("_").upper() or "SETTINGS"


def _default_module(root: Path, package: Package, language: str) -> str:
    """``settings.ts`` / ``settings.js`` in the sources' folder; for JavaScript, which ships
    as written, in a folder the package publishes when ``files`` leaves that one out
    (generic-pool's `files: ["index.js", "lib"]`: ``lib/settings.js``, or its users'
    ``require("../settings")`` fails once it is installed)."""
    extension = ".ts" if language == "typescript" else ".js"
    folder = PurePosixPath(package.source_root) if package.source_root else PurePosixPath()
    default = (folder / f"settings{extension}").as_posix()
    if language == "typescript" or published(root, package, default):
        return default
    for entry in _files(root, package) or []:
        inside = PurePosixPath(package.folder) / entry.strip("/").removeprefix("./")
        if not any(c in entry for c in "*?[!") and (root / inside).is_dir():
            return (inside / "settings.js").as_posix()
    return default


def _files(root: Path, package: Package) -> list[str] | None:
    manifest = read_json(root / package.folder / "package.json")
    files = manifest.get("files") if manifest else None
    if isinstance(files, list) and all(isinstance(f, str) for f in files):
        return files
    return None


def published(root: Path, package: Package, module: str) -> bool:
    """Whether ``npm pack`` would hold ``module`` (root-relative): its package's ``files``
    (gitignore-style patterns; a folder holds what is under it), or everything without one."""
    files = _files(root, package)
    if files is None:
        return True
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(files)
    path = PurePosixPath(module)
    relative = path.relative_to(package.folder) if package.folder else path
    return spec.match_file(relative.as_posix())


def _module(root: Path, package: Package, language: str, configured: Sequence[str]) -> str:
    """The package's configured module: a glob that matches its default place, or a path
    that lies in this package (not in one nested in its folder); else its default."""
    default = _default_module(root, package, language)
    for entry in configured:
        if any(c in entry for c in "*?["):
            if fnmatch.fnmatchcase(default, entry):
                return default
            continue
        if package_of(root, entry).folder == package.folder:
            return entry
    return default


def specifier(package: Package, module: str, language: str) -> str:
    """The root-relative import specifier of ``module``: its extension dropped, or ``.js``
    where Node's ES module resolution needs one."""
    path = PurePosixPath(module)
    stem = path.with_suffix("").as_posix()
    needs = package.es_module and (language == "javascript" or package.node_resolution)
    extension = {".mts": ".mjs", ".cts": ".cjs", ".mjs": ".mjs", ".cjs": ".cjs"}.get(path.suffix)
    ending = extension or (".js" if needs else "")
    return f"./{stem}{ending}"


def target_for(root: Path, package: Package, language: str, module: str) -> SettingsTarget:
    spec = specifier(package, module, language)
    return SettingsTarget(
        language=language,
        unit=package.folder,
        name=package.name,
        module=module,
        template=TEMPLATE,
        imports=(f'import {{ {OBJECT} }} from "{spec}";',),
        env_prefix=prefix_of(package.name),
    )


def settings_targets(
    root: Path, sites: Sequence[str], configured: Sequence[str], language: str
) -> dict[str, SettingsTarget]:
    """Each file of ``sites`` with its package's target (module docstring)."""
    found: dict[str, SettingsTarget] = {}
    for path in dict.fromkeys(sites):
        package = package_of(root, path)
        module = _module(root, package, language, configured)
        found[path] = target_for(root, package, language, module)
    return found
