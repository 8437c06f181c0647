"""Writing fixed files without ever losing work: git-clean files only, atomically, unchanged
since they were read, with their permissions kept (as ``cargo fix`` does)."""

from __future__ import annotations

import os
import stat
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from hardcode_lint.discover.files import git_top


class WriteRefused(Exception):
    """A file that must not be written; the message says why."""


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
    except OSError:  # git is not installed
        return None
    return done.stdout if done.returncode == 0 else None


def dirty_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(files with uncommitted changes — modified, staged or untracked —, files outside git)."""
    dirty, outside = [], []
    by_top: dict[Path, list[Path]] = {}
    for path in paths:
        top = git_top(path.parent)
        if top is None:
            outside.append(path)
        else:
            by_top.setdefault(top, []).append(path)
    for top, files in by_top.items():
        rels = [os.path.relpath(p, top) for p in files]
        status = _git(top, "status", "--porcelain", "--untracked-files=all", "--", *rels) or ""
        changed = {line[3:].strip().strip('"') for line in status.splitlines() if line}
        dirty += [p for p, rel in zip(files, rels, strict=True) if Path(rel).as_posix() in changed]
    return dirty, outside


def write_atomically(path: Path, expected: bytes, data: bytes) -> None:
    """Replace ``path`` with ``data`` if it still holds ``expected``; keep its permissions.

    The bytes go to a temporary file in the same folder, which is then renamed over the
    original, so a crash leaves either the old file or the new one, never half of either.
    """
    try:
        current = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as exc:
        raise WriteRefused(f"cannot read it again: {exc.strerror or exc}") from None
    if current != expected:
        raise WriteRefused("it changed since it was read; run fix again")
    temporary = _temporary(path.parent, data)
    try:
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise WriteRefused(f"cannot write it: {exc.strerror or exc}") from None


def _temporary(folder: Path, data: bytes) -> Path:
    """``data`` in a new file of ``folder``, flushed to disk.

    Its name is short and random (``.hcl-XXXXXXXX.tmp``), not derived from the target's, so it
    fits the file system however long the target's name is (255 bytes on most).
    """
    try:
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=".hcl-", suffix=".tmp")
    except OSError as exc:
        raise WriteRefused(f"cannot write next to it: {exc.strerror or exc}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        Path(name).unlink(missing_ok=True)
        raise WriteRefused(f"cannot write it: {exc.strerror or exc}") from None
    return Path(name)


def write_new(path: Path, data: bytes) -> None:
    """Create ``path`` holding ``data``, atomically, never replacing a file that exists
    (raises :class:`WriteRefused` if one does, or if it cannot be written)."""
    temporary = _temporary(path.parent, data)
    try:
        os.link(temporary, path)  # fails if path exists: no window in which another is clobbered
    except FileExistsError:
        raise WriteRefused("it already exists; not overwritten") from None
    except OSError as exc:
        raise WriteRefused(f"cannot write it: {exc.strerror or exc}") from None
    finally:
        temporary.unlink(missing_ok=True)
