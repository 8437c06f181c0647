"""Files never scanned (section 1T): declaration files, minified bundles, and build output
(under the ``outDir`` of the nearest ``tsconfig.json``, or a ``dist/`` / ``build/`` folder
whose file is generated: it names its source map)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_DECLARATION = re.compile(r"\.d\.[mc]?ts$|\.d\.[^./]+\.ts$")
_MINIFIED = re.compile(r"[.-]min\.[mc]?js$")
_SOURCE_MAP = re.compile(rb"^//[#@] sourceMappingURL=", re.M)
_OUTPUT_FOLDERS = frozenset({"dist", "build"})
_LONG_LINE = 1000


def skipped_name(path: str) -> bool:
    """A declaration file (``*.d.ts``) or a minified one (``*.min.js``) by its name."""
    name = path.rsplit("/", 1)[-1]
    return bool(_DECLARATION.search(name) or _MINIFIED.search(name))


def minified(data: bytes) -> bool:
    """Code squeezed onto few very long lines: a bundle, not source."""
    if len(data) < 4 * _LONG_LINE:
        return False
    lines = data.count(b"\n") + 1
    return len(data) / lines > _LONG_LINE / 4 and any(
        len(line) > _LONG_LINE for line in data.split(b"\n")
    )


@lru_cache(maxsize=256)
def _out_dir(folder: Path) -> Path | None:
    """The ``outDir`` of the nearest ``tsconfig.json`` at or above ``folder``."""
    for candidate in (folder, *folder.parents):
        config = candidate / "tsconfig.json"
        if config.is_file():
            try:
                text = config.read_text("utf-8", errors="replace")
                text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
                found = json.loads(re.sub(r",(\s*[}\]])", r"\1", text))
                out = found.get("compilerOptions", {}).get("outDir")
            except (OSError, ValueError, AttributeError):
                return None
            if not isinstance(out, str) or (candidate / out).resolve() == candidate.resolve():
                return None
            return (candidate / out).resolve()
        if (candidate / "package.json").is_file() and candidate != folder:
            return None
    return None


def build_output(file: str, data: bytes) -> bool:
    """Whether ``file`` (absolute; "" for a buffer) is compiled output, not source."""
    if not file:
        return False
    path = Path(file)
    out = _out_dir(path.parent)
    if out is not None and path.resolve().is_relative_to(out):
        return True
    if not _OUTPUT_FOLDERS & set(path.parts[:-1]):
        return False
    return bool(_SOURCE_MAP.search(data)) or Path(file + ".map").is_file()


def test_beside_manifest(file: str) -> bool:
    """A ``test.*`` file beside a ``package.json`` (a package's own test script)."""
    if not file:
        return False
    path = Path(file)
    return path.name.split(".", 1)[0] == "test" and (path.parent / "package.json").is_file()
