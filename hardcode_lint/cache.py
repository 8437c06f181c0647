"""The persistent cache: per-file results keyed by content, tool version and settings.

One JSON document per settings key under ``.hardcode-lint-cache/`` (which ignores itself in
git).  JSON, not pickle: a repository someone else wrote must not be able to run code through a
crafted cache file.  A corrupted, foreign or stale document is ignored and rebuilt; documents
are replaced atomically, so two runs at once never leave a half-written one (the last one wins).

A file is a hit when its size and mtime are unchanged; otherwise the worker that reads it
compares its content digest with the cached one before parsing anything.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from hardcode_lint import __version__
from hardcode_lint.atomic import WriteRefused, replace_file
from hardcode_lint.model import (
    Context,
    FileError,
    FileResult,
    Finding,
    Kind,
    Replacement,
    Status,
)

CACHE_DIR = ".hardcode-lint-cache"
_MAGIC = "hardcode-lint-cache"


@dataclass(frozen=True, slots=True)
class Entry:
    size: int
    mtime_ns: int
    digest: str
    test: bool
    result: FileResult


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The tool's own files (size and mtime), so an edited detector never reads old results."""
    package = Path(__file__).resolve().parent
    parts = []
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".toml"):
            stat = path.stat()
            parts.append(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def digest_of(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _finding_from(row: dict[str, Any]) -> Finding:
    row = {**row, "kind": Kind(row["kind"]), "context": Context(row["context"]),
           "status": Status(row["status"])}  # fmt: skip
    return Finding(**row)


def _replacement_from(row: dict[str, Any]) -> Replacement:
    return Replacement(**{**row, "context": Context(row["context"])})


def _plain(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _encode(entry: Entry) -> list[Any]:
    result = entry.result
    error = _plain(result.error) if result.error else None
    return [entry.size, entry.mtime_ns, entry.digest, entry.test,
            [_plain(f) for f in result.findings], [_plain(r) for r in result.replacements],
            error, [list(m) for m in result.modules]]  # fmt: skip


def _decode(path: str, row: list[Any]) -> Entry:
    size, mtime_ns, digest, test, findings, replacements, error, modules = row
    result = FileResult(
        path,
        tuple(_finding_from(f) for f in findings),
        tuple(_replacement_from(r) for r in replacements),
        FileError(**error) if error else None,
        tuple((str(p), bool(t)) for p, t in modules),
    )
    return Entry(size, mtime_ns, digest, test, result)


class ResultCache:
    """The cached results of one project under one set of settings."""

    def __init__(self, root: Path, settings_key: str) -> None:
        self.folder = root / CACHE_DIR
        raw = f"{__version__}|{code_fingerprint()}|{settings_key}"
        self.key = hashlib.sha256(raw.encode()).hexdigest()[:20]
        self.file = self.folder / f"results-{self.key}.json"
        self.entries: dict[str, Entry] = {}
        self.dirty = False

    def load(self) -> ResultCache:
        try:
            data = json.loads(self.file.read_text("utf-8"))
            if data.get("magic") != _MAGIC or data.get("key") != self.key:
                return self
            self.entries = {path: _decode(path, row) for path, row in data["files"].items()}
        except (OSError, ValueError, TypeError, KeyError):
            self.entries = {}  # missing, corrupted or foreign: rebuilt by this run
        return self

    def fresh(self, rel: str, path: Path, test: bool) -> Entry | None:
        """The cached entry if the file's size and mtime say it has not changed."""
        entry = self.entries.get(rel)
        if entry is None or entry.test != test:
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        return entry if (stat.st_size, stat.st_mtime_ns) == (entry.size, entry.mtime_ns) else None

    def put(self, rel: str, entry: Entry) -> None:
        self.entries[rel] = entry
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        data = {"magic": _MAGIC, "key": self.key, "version": __version__,
                "files": {rel: _encode(e) for rel, e in sorted(self.entries.items())}}  # fmt: skip
        try:
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by hardcode-lint\n*\n")
            replace_file(self.file, json.dumps(data, separators=(",", ":")).encode("utf-8"))
        except (OSError, WriteRefused):
            pass  # a read-only checkout (or a full disk) still scans; it just does not cache


def clean_cache(root: Path) -> bool:
    """Remove the project's cache folder; whether there was one."""
    folder = root / CACHE_DIR
    if not folder.exists():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True
