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

import orjson

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


_STDLIB_MARK = b'{"codec":"json",'  # written by the standard library: read back by it too


def _loads(raw: bytes) -> Any:
    """orjson, but not for a document the standard library wrote: orjson would read an
    integer beyond 64 bits back as a float (a literal's value must stay exact)."""
    if raw.startswith(_STDLIB_MARK):
        return json.loads(raw)
    return orjson.loads(raw)


def _dumps(data: dict[str, Any]) -> bytes:
    """orjson, or the standard library for what orjson refuses: a file name that is not
    UTF-8 (a lone surrogate) or an integer literal beyond 64 bits."""
    try:
        return orjson.dumps(data)
    except TypeError:
        marked = {"codec": "json", **data}
        return json.dumps(marked, separators=(",", ":")).encode("utf-8")


class ResultCache:
    """The cached results of one project under one set of settings.

    Entries stay as the rows they were read as until one is asked for: a pre-commit ``check``
    of one file decodes one entry, not the project's thousands, and writes the others back as
    they came (orjson reads and writes the document in milliseconds).
    """

    def __init__(self, root: Path, settings_key: str) -> None:
        self.folder = root / CACHE_DIR
        raw = f"{__version__}|{code_fingerprint()}|{settings_key}"
        self.key = hashlib.sha256(raw.encode()).hexdigest()[:20]
        self.file = self.folder / f"results-{self.key}.json"
        self._rows: dict[str, list[Any]] = {}
        self._entries: dict[str, Entry] = {}
        self.dirty = False

    def load(self) -> ResultCache:
        try:
            data = _loads(self.file.read_bytes())
            if data.get("magic") != _MAGIC or data.get("key") != self.key:
                return self
            rows = data["files"]
            if not isinstance(rows, dict) or not all(isinstance(r, list) for r in rows.values()):
                return self
            self._rows = rows
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self._rows = {}  # missing, corrupted or foreign: rebuilt by this run
        return self

    def get(self, rel: str) -> Entry | None:
        entry = self._entries.get(rel)
        if entry is None and rel in self._rows:
            try:
                entry = self._entries[rel] = _decode(rel, self._rows[rel])
            except (ValueError, TypeError, KeyError):
                del self._rows[rel]  # a damaged row: that file is analysed again
        return entry

    def fresh(self, rel: str, path: Path, test: bool) -> Entry | None:
        """The cached entry if the file's size and mtime say it has not changed."""
        row = self._rows.get(rel)
        if rel not in self._entries and (not row or len(row) < 4 or row[3] != test):
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        entry = self.get(rel)
        if entry is None or entry.test != test:
            return None
        return entry if (stat.st_size, stat.st_mtime_ns) == (entry.size, entry.mtime_ns) else None

    def put(self, rel: str, entry: Entry) -> None:
        self._entries[rel] = entry
        self._rows.pop(rel, None)
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        files = {**self._rows, **{rel: _encode(e) for rel, e in self._entries.items()}}
        data = {"magic": _MAGIC, "key": self.key, "version": __version__,
                "files": dict(sorted(files.items()))}  # fmt: skip
        try:
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by hardcode-lint\n*\n")
            replace_file(self.file, _dumps(data))
        except (OSError, WriteRefused):
            pass  # a read-only checkout (or a full disk) still scans; it just does not cache


def clean_cache(root: Path) -> bool:
    """Remove the project's cache folder; whether there was one."""
    folder = root / CACHE_DIR
    if not folder.exists():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True
