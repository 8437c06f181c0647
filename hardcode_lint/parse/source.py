"""Source files as every language sees them: bytes, text, and the map between the two.

A scan must go on past a bad file, so nothing here raises anything but :class:`SourceError`,
whose message says what is wrong in words a user can act on.  Decoding is each front end's
(Python reads PEP 263 cookies, Rust is UTF-8); what a decoded file looks like is shared here:
byte offsets are the one locator, lines and columns are computed from them for printing.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate
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


def split_lines(text: str) -> list[str]:
    """Lines as ``ast`` counts them, endings kept (``str.splitlines`` also breaks on form feeds;
    universal newlines left untranslated break on ``\r\n``, ``\r`` and ``\n`` only)."""
    return io.StringIO(text, newline="").readlines()


@dataclass
class SourceFile:
    """One decoded file: its bytes, its text (BOM removed) and how offsets map between them.

    ``data`` is exactly what is on disk; ``text`` is ``data`` decoded with ``encoding`` after
    the ``bom``.  Lines are counted as ``ast`` counts them (``\\r\\n``, ``\\r`` or ``\\n``).
    """

    path: str
    data: bytes
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    _lines: list[str] | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    def line_text(self, lineno: int) -> str:
        """Line ``lineno`` (1-based) with its ending; empty past the end."""
        lines = self.lines
        return lines[lineno - 1] if 0 < lineno <= len(lines) else ""

    def _line_starts(self) -> list[int]:
        """The byte offset at which each line starts."""
        if self._starts is None:
            utf8 = self.encoding.replace("_", "-").lower() in ("utf-8", "utf8", "utf-8-sig")
            lines = self.lines
            if utf8 and self.text.isascii():  # most files: a line's length is its size
                sizes: Iterable[int] = map(len, lines)
            else:
                sizes = (len(line) if utf8 and line.isascii() else len(line.encode(self.encoding))
                         for line in lines)  # fmt: skip
            starts = list(accumulate(sizes, initial=len(self.bom)))
            starts.pop()  # where the text ends: no line starts there
            self._starts = starts or [len(self.bom)]
        return self._starts

    def offset(self, lineno: int, column: int) -> int:
        """The byte offset of 0-based character ``column`` on 1-based line ``lineno``."""
        starts = self._line_starts()
        if lineno > len(starts):
            return len(self.data)
        return starts[lineno - 1] + len(self.line_text(lineno)[:column].encode(self.encoding))

    def offset_utf8(self, lineno: int, utf8_column: int) -> int:
        """:meth:`offset` for a column counted in UTF-8 bytes of the line (``ast``'s own)."""
        line = self.line_text(lineno)
        if self.encoding in ("utf-8", "utf-8-sig") or line.isascii():
            return self._line_starts()[lineno - 1] + utf8_column
        prefix = line.encode("utf-8")[:utf8_column].decode("utf-8", errors="replace")
        return self.offset(lineno, len(prefix))

    def position(self, offset: int) -> tuple[int, int]:
        """(1-based line, 1-based character column) of a byte offset."""
        starts = self._line_starts()
        index = max(0, bisect_right(starts, offset) - 1)
        prefix = self.data[starts[index] : offset]
        return index + 1, len(prefix.decode(self.encoding, errors="replace")) + 1

    def slice(self, start: int, end: int) -> str:
        """The text of a byte range."""
        return self.data[start:end].decode(self.encoding, errors="replace")


#: The first line of a generated settings module (``defaults --format python|rust``) holds
#: this: such a file's literals are the defaults themselves, never findings.
GENERATED_MARKER = "hardcode-lint: generated settings"


def is_generated(text: str) -> bool:
    """Whether a file is generated settings (its first line says so)."""
    return GENERATED_MARKER in text.split("\n", 1)[0]


def file_is_generated(path: Path) -> bool:
    """Whether the file at ``path`` is generated settings (False when it cannot be read)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return is_generated(handle.readline())
    except OSError:
        return False
