"""Python's decoding: the PEP 263 coding cookie (default UTF-8), the BOM, binary files.

An empty file is valid Python (no finding, no error), as ruff treats it."""

from __future__ import annotations

import codecs
import io
import tokenize

from hardcode_lint.parse.source import SourceError, SourceFile


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _cookie_line(data: bytes) -> int:
    """The line (1 or 2, PEP 263) that holds the coding declaration."""
    first = data.split(b"\n", 1)[0]
    return 1 if b"coding" in first else 2


def decode(data: bytes, name: str) -> str:
    """Bytes to text by the file's coding cookie (default UTF-8), BOM removed."""
    return decode_source(data, name, name).text


def decode_source(data: bytes, name: str, path: str = "") -> SourceFile:
    """The :class:`SourceFile` of ``data`` (``name``: the file's name, ``path``: as reported)."""
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
    bom = b""
    if encoding == "utf-8-sig":  # decoding already dropped the BOM
        bom, encoding = codecs.BOM_UTF8, "utf-8"
    elif text.startswith("\ufeff"):
        text, bom = text[1:], "\ufeff".encode(encoding)
    return SourceFile(path or name, data, text, encoding, bom)
