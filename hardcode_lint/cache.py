"""The persistent cache: per-file results keyed by content, tool version and settings.

One folder of JSON documents (shards) per settings key under ``.hardcode-lint-cache/`` (which
ignores itself in git).  JSON, not pickle: a repository someone else wrote must not be able to
run code through a crafted cache file.  A corrupted, foreign or stale document is ignored and
rebuilt; documents are replaced atomically, so two runs at once never leave a half-written one
(the last one wins).

A file is a hit when its size and mtime are unchanged; otherwise the worker that reads it
compares its content digest with the cached one before parsing anything.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import shutil
import zlib
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
_SHARDS = 64  # a project of 10,000 files: about 60 KB a shard
_MAGIC = "hardcode-lint-cache"


@dataclass(frozen=True, slots=True)
class Entry:
    size: int
    mtime_ns: int
    digest: str
    test: bool
    result: FileResult
    memo: str = ""  # the front end's (see DetectOptions.memo)


#: the tool's own source and data files (its catalogs are TOML)
_OWN_SUFFIXES = frozenset((*importlib.machinery.SOURCE_SUFFIXES, ".toml"))


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The tool's own files (size and mtime), so an edited detector never reads old results."""
    package = Path(__file__).resolve().parent
    parts = []
    for path in sorted(package.rglob("*")):
        if path.suffix in _OWN_SUFFIXES:
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
            error, [list(m) for m in result.modules], entry.memo,
            [_plain(f) for f in result.kept]]  # fmt: skip


def _decode(path: str, row: list[Any]) -> Entry:
    size, mtime_ns, digest, test, findings, replacements, error, modules, memo, kept = row
    result = FileResult(
        path,
        tuple(_finding_from(f) for f in findings),
        tuple(_replacement_from(r) for r in replacements),
        FileError(**error) if error else None,
        tuple((str(p), bool(t)) for p, t in modules),
        tuple(_finding_from(f) for f in kept),
    )
    return Entry(size, mtime_ns, digest, test, result, str(memo))


def _orjson_safe(rel: str, row: list[Any]) -> bool:
    """Whether orjson can write this row: not a file name that is not UTF-8 (a lone
    surrogate), nor an integer literal beyond 64 bits (orjson would not read it back exact)."""
    try:
        orjson.dumps([rel, row])
    except TypeError:
        return False
    return True


def _dumps(files: dict[str, list[Any]], odd: dict[str, list[Any]], key: str) -> bytes:
    """The document, written by orjson; the few rows orjson cannot write ride along inside it
    as one string the standard library wrote (and will read back), so that one such row
    never sends the whole project's cache through the standard library's slow encoder."""
    data: dict[str, Any] = {"magic": _MAGIC, "key": key, "version": __version__,
                            "files": dict(sorted(files.items()))}  # fmt: skip
    if odd:
        data["stdlib_files"] = json.dumps(odd, separators=(",", ":"))
    return orjson.dumps(data)


class ResultCache:
    """The cached results of one project under one set of settings, in shards.

    Rows are spread over :data:`_SHARDS` documents by a hash of the file's path, and a shard is
    read only when one of its files is asked for and written only when one of its rows changed:
    a pre-commit ``check`` of one file reads and writes one small document, not the project's
    whole cache.  Entries stay as the rows they were read as until one is asked for.
    """

    def __init__(self, root: Path, settings_key: str) -> None:
        self.folder = root / CACHE_DIR
        raw = f"{__version__}|{code_fingerprint()}|{settings_key}"
        self.key = hashlib.sha256(raw.encode()).hexdigest()[:20]
        self.shards = self.folder / f"results-{self.key}"
        self._rows: dict[str, list[Any]] = {}
        self._odd: dict[str, list[Any]] = {}  # rows orjson cannot write (see :func:`_dumps`)
        self._entries: dict[str, Entry] = {}
        self._read: set[int] = set()  # shards read so far
        self._dirty: set[int] = set()  # shards with a changed row

    def _shard_file(self, shard: int) -> Path:
        return self.shards / f"{shard:02x}.json"

    def _ensure(self, rel: str) -> int:
        shard = _shard_of(rel)
        if shard not in self._read:
            self._read.add(shard)
            rows, odd = self._read_shard(shard)
            for name, row in rows.items():
                self._rows.setdefault(name, row)
            for name, row in odd.items():
                self._odd.setdefault(name, row)
        return shard

    def _read_shard(self, shard: int) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
        try:
            data = orjson.loads(self._shard_file(shard).read_bytes())
            if data.get("magic") != _MAGIC or data.get("key") != self.key:
                return {}, {}
            rows, odd = data["files"], json.loads(data.get("stdlib_files", "{}"))
            if not all(isinstance(r, dict) for r in (rows, odd)) or not all(
                isinstance(r, list) for r in (*rows.values(), *odd.values())
            ):
                return {}, {}
            return rows, odd
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}, {}  # missing, corrupted or foreign: rebuilt by this run

    def _row(self, rel: str) -> list[Any] | None:
        self._ensure(rel)
        return self._rows.get(rel) or self._odd.get(rel)

    def get(self, rel: str) -> Entry | None:
        entry = self._entries.get(rel)
        row = self._row(rel) if entry is None else None
        if row is not None:
            try:
                entry = self._entries[rel] = _decode(rel, row)
            except (ValueError, TypeError, KeyError):
                self._forget(rel)  # a damaged row: that file is analysed again
        return entry

    def _forget(self, rel: str) -> None:
        self._rows.pop(rel, None)
        self._odd.pop(rel, None)

    def fresh(self, rel: str, path: Path, test: bool) -> Entry | None:
        """The cached entry if the file's size and mtime say it has not changed."""
        row = self._row(rel)
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
        self._dirty.add(self._ensure(rel))
        self._entries[rel] = entry
        self._forget(rel)

    def save(self) -> None:
        """Write the shards with a changed row (each atomically; no flush to disk, since a
        damaged shard is only rebuilt)."""
        if not self._dirty:
            return
        files: dict[int, dict[str, list[Any]]] = {shard: {} for shard in self._dirty}
        odd: dict[int, dict[str, list[Any]]] = {shard: {} for shard in self._dirty}
        for kept, into in ((self._rows, files), (self._odd, odd)):
            for rel, row in kept.items():
                if (shard := _shard_of(rel)) in into:
                    into[shard][rel] = row
        for rel, entry in self._entries.items():
            if (shard := _shard_of(rel)) in files:
                row = _encode(entry)
                (files if _orjson_safe(rel, row) else odd)[shard][rel] = row
        try:
            self.shards.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by hardcode-lint\n*\n")
            for shard in sorted(self._dirty):
                data = _dumps(files[shard], odd[shard], self.key)
                replace_file(self._shard_file(shard), data, durable=False)
        except (OSError, WriteRefused):
            pass  # a read-only checkout (or a full disk) still scans; it just does not cache
        self._dirty = set()


def _shard_of(rel: str) -> int:
    return zlib.crc32(rel.encode("utf-8", "surrogatepass")) % _SHARDS


def clean_cache(root: Path) -> bool:
    """Remove the project's cache folder; whether there was one."""
    folder = root / CACHE_DIR
    if not folder.exists():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True
