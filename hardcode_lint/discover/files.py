"""Which files a run looks at: the PATHs given, walked, minus what git and the user ignore.

``.gitignore`` files are honoured inside and outside git repositories (from the repository top,
or the project root, down to each folder), so a scan sees what a developer sees in their editor.
Hidden folders, virtual environments, build output (a folder holding ``CACHEDIR.TAG``, as cargo's
``target/`` does) and each language's own skipped folders (``__pycache__``) are never walked into.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec

from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.errors import UsageError

_SKIPPED_DIRS = frozenset({"node_modules"})


@dataclass(frozen=True, slots=True)
class FileKinds:
    """What the enabled languages look for: file extensions, and folders never walked into
    (on top of hidden ones, virtual environments and build output)."""

    extensions: tuple[str, ...] = ()
    skip_dirs: frozenset[str] = frozenset()
    # the extensions of languages that are known but not enabled: their files are counted,
    # not scanned, so that a run can say what it passed over
    others: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Ignore:
    base: Path
    spec: pathspec.GitIgnoreSpec


def relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes (``..`` when outside it)."""
    text, base = str(path), str(root)
    if os.path.isabs(text) and text.startswith(base) and text[len(base) : len(base) + 1] == os.sep:
        rest = text[len(base) + 1 :]  # the common case, without relpath's normalising
        framed, sep = f"{os.sep}{rest}{os.sep}", os.sep
        if not any(odd in framed for odd in (f"{sep}..{sep}", f"{sep}.{sep}", sep * 2)):
            return rest.replace(os.sep, "/")
    return Path(os.path.relpath(path, root)).as_posix()


def _read_ignore(folder: Path, file: str = ".gitignore") -> list[_Ignore]:
    """The rules of ``folder/file`` (patterns relative to ``folder``); none if unreadable."""
    try:
        lines = (folder / file).read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [_Ignore(folder, pathspec.GitIgnoreSpec.from_lines(lines))]


def git_top(folder: Path) -> Path | None:
    """The git work tree ``folder`` is in (a ``.git`` folder or file above it), else None."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _ancestor_ignores(folder: Path, root: Path) -> list[_Ignore]:
    """The ignore files that apply to ``folder`` from above it (git top or root downwards).

    A folder the user names explicitly is scanned even if those rules ignore the folder itself
    (scanning ``~/.pyenv/versions/3.11/lib`` must work although ``.pyenv`` ignores
    ``/versions``); then the rules from above are dropped and only those inside it apply.
    """
    top = git_top(folder)
    if top is None:
        top = root if folder.is_relative_to(root) else folder
    rules = _read_ignore(top, ".git/info/exclude") if (top / ".git").is_dir() else []
    for ancestor in reversed(folder.parents):
        if ancestor.is_relative_to(top):
            rules += _read_ignore(ancestor)
    return [] if _ignored(folder, True, rules) else rules


def _ignored(path: Path, is_dir: bool, rules: list[_Ignore]) -> bool:
    verdict = False
    for rule in rules:
        rel = path.relative_to(rule.base).as_posix() + ("/" if is_dir else "")
        result = rule.spec.check_file(rel).include
        if result is not None:
            verdict = result
    return verdict


def _skipped_dir(entry: os.DirEntry[str], kinds: FileKinds) -> bool:
    name = entry.name
    if name.startswith(".") or name in _SKIPPED_DIRS or name in kinds.skip_dirs:
        return True
    if name.endswith(".egg-info"):
        return True
    if os.path.exists(os.path.join(entry.path, "pyvenv.cfg")):  # a virtual environment
        return True
    return os.path.exists(os.path.join(entry.path, "CACHEDIR.TAG"))  # build output (cargo)


def _is_source(entry: os.DirEntry[str], kinds: FileKinds) -> bool:
    name = entry.name
    return name.endswith(kinds.extensions) and not name.startswith(".") and entry.is_file()


def _is_other(entry: os.DirEntry[str], kinds: FileKinds) -> bool:
    """A file of a known language that is not enabled."""
    name = entry.name
    return (
        bool(kinds.others)
        and name.endswith(kinds.others)
        and not name.startswith(".")
        and (entry.is_file())
    )


def _walk(folder: Path, rules: list[_Ignore], kinds: FileKinds,
          passed: list[Path]) -> Iterator[Path]:  # fmt: skip
    rules = rules + _read_ignore(folder)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            if not _skipped_dir(entry, kinds) and not _ignored(path, True, rules):
                yield from _walk(path, rules, kinds, passed)
        elif _is_source(entry, kinds) and not _ignored(path, False, rules):
            yield path
        elif _is_other(entry, kinds) and not _ignored(path, False, rules):
            passed.append(path)


def discover(
    paths: list[Path],
    root: Path,
    exclude: tuple[str, ...],
    kinds: FileKinds = FileKinds(),
    passed: list[Path] | None = None,
) -> list[Path]:
    """Absolute paths of the files to scan, sorted by their root-relative path, no repeats.

    Folders are walked for files of the ``kinds`` the enabled languages give; files of the
    other known languages go to ``passed`` (when given), unless ``exclude`` covers them.

    A PATH that does not exist is a usage error.  A file named explicitly is scanned whatever
    its name (pre-commit passes exactly the files it wants), unless ``exclude`` covers it.
    """
    excluded = compile_globs(exclude)
    found: dict[str, Path] = {}
    others: list[Path] = []
    for given in paths:
        path = given.resolve()
        if not path.exists():
            raise UsageError(f"{given}: no such file or directory")
        if path.is_dir():
            candidates: Iterator[Path] = _walk(path, _ancestor_ignores(path, root), kinds, others)
        else:
            candidates = iter([path])
        for candidate in candidates:
            rel = relative(candidate, root)
            if not excluded.match_file(rel):
                found.setdefault(rel, candidate)
    if passed is not None:
        passed.extend(p for p in others if not excluded.match_file(relative(p, root)))
    return [found[rel] for rel in sorted(found)]
