"""Which fixed files may be written: git-clean ones only (as ``cargo fix`` does).  The writing
itself (atomic, unchanged since read, permissions kept) is ``hardcode_lint.atomic``'s."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from hardcode_lint.discover.files import git_top


class GitUnanswered(Exception):
    """git could not say whether a file has uncommitted changes (not installed, or refusing a
    repository it does not trust: "dubious ownership")."""


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise GitUnanswered(f"git cannot run ({exc.strerror or exc})") from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[0]
        raise GitUnanswered(f"git status failed: {reason.removeprefix('fatal: ')}")
    return done.stdout


def dirty_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path], dict[Path, str]]:
    """(files with uncommitted changes — modified, staged or untracked —, files outside git,
    files in a work tree whose status git would not give, with git's reason): a file whose
    status is unknown is not assumed clean."""
    dirty, outside = [], []
    unknown: dict[Path, str] = {}
    by_top: dict[Path, list[Path]] = {}
    for path in paths:
        top = git_top(path.parent)
        if top is None:
            outside.append(path)
        else:
            by_top.setdefault(top, []).append(path)
    for top, files in by_top.items():
        rels = [os.path.relpath(p, top) for p in files]
        try:
            status = _git(top, "status", "--porcelain", "--untracked-files=all", "--", *rels)
        except GitUnanswered as exc:
            unknown.update((p, str(exc)) for p in files)
            continue
        changed = {line[3:].strip().strip('"') for line in status.splitlines() if line}
        dirty += [p for p, rel in zip(files, rels, strict=True) if Path(rel).as_posix() in changed]
    return dirty, outside, unknown
