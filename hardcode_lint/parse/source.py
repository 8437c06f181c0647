"""Reading a source file into text, with every way that can fail turned into a message.

A scan must go on past a bad file, so nothing here raises anything but :class:`SourceError`,
whose message says what is wrong in words a user can act on.
"""

from __future__ import annotations

import codecs
import io
import re
import tokenize
from pathlib import Path


class SourceError(Exception):
    """A file that cannot be turned into source text (or parsed); ``line`` when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError("file vanished during the scan") from None
    except IsADirectoryError:
        raise SourceError("is a directory, not a file") from None
    except PermissionError:
        raise SourceError("cannot read the file: permission denied") from None
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror or exc}") from None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _cookie_line(data: bytes) -> int:
    """The line (1 or 2, PEP 263) that holds the coding declaration."""
    first = data.split(b"\n", 1)[0]
    return 1 if b"coding" in first else 2


def decode(data: bytes, name: str) -> str:
    """Bytes to text by the file's coding cookie (default UTF-8), BOM removed."""
    if not data.strip() and name != "__init__.py":
        raise SourceError("file is empty")
    if b"\0" in data:
        raise SourceError("binary file (contains NUL bytes), not Python source")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        raise SourceError(f"bad encoding declaration: {exc.msg}", _cookie_line(data)) from None
    try:
        codecs.lookup(encoding)
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        shown = "UTF-8" if encoding.startswith("utf-8") else encoding
        raise SourceError(
            f"not valid {shown} (byte 0x{data[exc.start]:02x}); declare its encoding (PEP 263)",
            line,
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def split_lines(text: str) -> list[str]:
    """Lines as ``ast`` counts them, endings kept (``str.splitlines`` also breaks on form feeds)."""
    return _LINES.findall(text)
