"""Which fixed files may be written: git-clean ones only (as ``cargo fix`` does).  The writing
itself (atomic, unchanged since read, permissions kept) is ``hardcode_lint.atomic``'s."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from hardcode_lint.discover.files import git_top


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
