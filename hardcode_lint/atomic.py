"""Writing files so that nothing is ever lost or half-written, whatever goes wrong.

Every write of the tool (``fix --write``, ``baseline``, ``defaults --write``, ``report
--history``, ``rules suggest --output``, the cache) goes through here:

* the bytes go to a temporary file in the same folder, are flushed to disk, and the file is
  renamed over the target, so a crash, a kill or a full disk leaves the old file or the new
  one, never half of either;
* the temporary file has a short random name (``.hcl-XXXXXXXX.tmp``), so it fits whatever the
  target's name, and it is locked while it is written: a later write into the folder removes
  the temporary files left by a killed process (unlocked), never those of a live one;
* :func:`replace_checked` writes only if the file still holds what was read (two runs at once:
  the second refuses, it does not undo the first), through a symlink to its target, keeping the
  file's mode, and refuses a read-only file.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
from pathlib import Path

_PREFIX, _SUFFIX = ".hcl-", ".tmp"


class WriteRefused(Exception):
    """A file that must not be written (or could not be); the message says why."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def sweep(folder: Path) -> None:
    """Remove the temporary files killed writers left in ``folder`` (unlocked ones only)."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith(_PREFIX) and n.endswith(_SUFFIX)]
    except OSError:
        return
    for name in names:
        with contextlib.suppress(OSError):
            descriptor = os.open(folder / name, os.O_RDONLY)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # no live writer holds it
                os.unlink(folder / name)
            finally:
                os.close(descriptor)


def _umask() -> int:
    """The process's umask (read without changing it where Linux tells it)."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temporary(
    folder: Path, data: bytes, mode: int | None, *, durable: bool = True
) -> tuple[Path, int]:
    """``data`` in a new, locked, flushed file of ``folder``: (its path, its open descriptor).

    ``durable=False`` skips the flush to disk: still all or nothing, but after a power cut the
    file may be empty; for what is rebuilt when damaged (the cache), never for user files."""
    sweep(folder)
    try:
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=_PREFIX, suffix=_SUFFIX)
    except OSError as exc:
        raise WriteRefused(f"cannot write next to it: {_reason(exc)}") from None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        if durable:
            os.fsync(descriptor)
        # a new file gets the mode any editor's would (mkstemp's is 0600)
        os.fchmod(descriptor, mode if mode is not None else 0o666 & ~_umask())
    except OSError as exc:
        os.close(descriptor)
        Path(name).unlink(missing_ok=True)
        raise WriteRefused(f"cannot write it: {_reason(exc)}") from None
    return Path(name), descriptor


def _commit(temporary: Path, descriptor: int, target: Path) -> None:
    """Rename the temporary file over ``target`` (then release its lock)."""
    try:
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise WriteRefused(f"cannot write it: {_reason(exc)}") from None
    finally:
        os.close(descriptor)


def replace_file(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` (created or replaced) atomically, keeping an existing mode
    (``durable``: see :func:`_temporary`)."""
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise WriteRefused(f"cannot read it: {_reason(exc)}") from None
    temporary, descriptor = _temporary(target.parent, data, mode, durable=durable)
    _commit(temporary, descriptor, target)


def replace_checked(path: Path, expected: bytes, data: bytes) -> None:
    """Replace ``path`` with ``data`` if it still holds ``expected``.

    The target is locked while it is compared and replaced, and a target renamed away in the
    meantime (another run wrote it) is refused, so concurrent runs never undo each other.
    """
    target = Path(os.path.realpath(path))
    try:
        if not os.stat(target).st_mode & stat.S_IWUSR:  # by its mode, even for root
            raise WriteRefused("it is read-only; make it writable first")
        handle = target.open("rb")
    except OSError as exc:
        raise WriteRefused(f"cannot read it again: {_reason(exc)}") from None
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        current, mode = handle.read(), stat.S_IMODE(os.fstat(handle.fileno()).st_mode)
        try:
            replaced = os.stat(target).st_ino != os.fstat(handle.fileno()).st_ino
        except OSError:
            replaced = True
        if replaced or current != expected:
            raise WriteRefused("it changed since it was read; run fix again")
        temporary, descriptor = _temporary(target.parent, data, mode)
        _commit(temporary, descriptor, target)


def write_new(path: Path, data: bytes) -> None:
    """Create ``path`` holding ``data``, atomically, never replacing a file that exists."""
    temporary, descriptor = _temporary(path.parent, data, None)
    try:
        os.link(temporary, path)  # fails if path exists: no window in which one is clobbered
    except FileExistsError:
        raise WriteRefused("it already exists; not overwritten") from None
    except OSError as exc:
        raise WriteRefused(f"cannot write it: {_reason(exc)}") from None
    finally:
        temporary.unlink(missing_ok=True)
        os.close(descriptor)


def append_line(path: Path, line: str) -> None:
    """Append one line to a text file, atomically (the whole file is rewritten)."""
    try:
        before = path.read_bytes() if path.exists() else b""
    except OSError as exc:
        raise WriteRefused(f"cannot read it: {_reason(exc)}") from None
    if before and not before.endswith(b"\n"):
        before += b"\n"
    replace_file(path, before + line.encode("utf-8") + b"\n")
