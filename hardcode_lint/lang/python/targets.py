"""Where a Python project's generated settings live, and how its code imports them.

One module by default: ``settings.py`` in the top-level package that holds the most findings
(``hardcode_settings.py`` when a ``settings.py`` of the project's own already stands there, as
in a Django project), read as ``settings.{key}`` after ``from pkg.settings import settings``.
Every Python file of the project, its tests and scripts included, reads that one module: they
all import the package anyway.  A configured ``settings-module`` list serves each file from
the entry whose package folder holds it, else from the first entry.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from hardcode_lint.lang.base import SettingsTarget
from hardcode_lint.parse.source import file_is_generated

TEMPLATE = "settings.{key}"
OBJECT = "settings"


def _top_package(root: Path, path: str) -> str | None:
    """The root-relative folder of the outermost package holding ``path``, if any."""
    folder = PurePosixPath(path).parent
    top = None
    while folder.name and (root / folder / "__init__.py").is_file():
        top = folder
        folder = folder.parent
    return top.as_posix() if top is not None else None


def _is_test_folder(folder: str) -> bool:
    """A package of tests (``tests``, ``test``, ``testing``) serves nobody's production code."""
    return PurePosixPath(folder).name in ("tests", "test", "testing")


def _dotted(root: Path, module: str) -> str:
    """``src/pkg/settings.py`` -> ``pkg.settings``: the module's name from its top package."""
    file = PurePosixPath(module)
    parts = [file.stem]
    folder = file.parent
    while folder.name and (root / folder / "__init__.py").is_file():
        parts.insert(0, folder.name)
        folder = folder.parent
    return ".".join(parts)


def _default_module(root: Path, package: str | None) -> str:
    folder = PurePosixPath(package) if package else PurePosixPath()
    candidate = root / folder / "settings.py"
    if candidate.is_file() and not file_is_generated(candidate):
        return (folder / "hardcode_settings.py").as_posix()
    return (folder / "settings.py").as_posix()


def prefix_of(name: str) -> str:
    """An environment prefix from a package name: upper-cased, non-alphanumerics as ``_``."""
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").upper() or "SETTINGS"


def target_for(root: Path, module: str) -> SettingsTarget:
    """The target whose generated module is ``module`` (root-relative)."""
    dotted = _dotted(root, module)
    package = dotted.split(".")[0] if "." in dotted else PurePosixPath(module).stem
    unit = PurePosixPath(module).parent.as_posix()
    return SettingsTarget(
        language="python",
        unit="" if unit == "." else unit,
        name=package,
        module=module,
        template=TEMPLATE,
        imports=(f"from {dotted} import {OBJECT}",),
        env_prefix=prefix_of(package),
    )


def settings_targets(
    root: Path, sites: Sequence[str], configured: Sequence[str]
) -> dict[str, SettingsTarget]:
    """Each file of ``sites`` with the target that serves it (module docstring)."""
    if configured:
        targets = [target_for(root, module) for module in configured]
    else:
        targets = [target_for(root, _default_module(root, _main_package(root, sites)))]
    return {path: _serving(path, targets) for path in sites}


def _main_package(root: Path, sites: Sequence[str]) -> str | None:
    """The package the project is: the one named like the distribution (``[project] name``
    of the root's pyproject.toml, as urllib3's ``src/urllib3`` beside its test server package
    ``dummyserver``), else the one holding the most findings; never a package of tests."""
    packages: Counter[str | None] = Counter()
    for path, findings in Counter(sites).items():  # a folder walk per file, not per finding
        packages[_top_package(root, path)] += findings
    named = _distribution_name(root)
    ranked = sorted(packages.items(), key=lambda item: (
        item[0] is None or _is_test_folder(item[0]),
        named is None or PurePosixPath(item[0] or "").name.lower() != named,
        -item[1], item[0] or ""))  # fmt: skip
    return ranked[0][0] if ranked else None


def _distribution_name(root: Path) -> str | None:
    """``[project] name`` (or Poetry's) of the root's pyproject.toml, as an import name."""
    import tomllib

    try:
        data = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    project = data.get("project") or data.get("tool", {}).get("poetry") or {}
    name = project.get("name") if isinstance(project, dict) else None
    return re.sub(r"[-.]+", "_", name).lower() if isinstance(name, str) else None


def _serving(path: str, targets: list[SettingsTarget]) -> SettingsTarget:
    """The target whose package folder is the deepest one holding ``path``, else the first."""
    holding = [t for t in targets if not t.unit or path.startswith(t.unit + "/")]
    return max(holding, key=lambda t: len(t.unit)) if holding else targets[0]
