"""One line per finding, as ruff's default output: ``path:line:col: CODE message``.

For grep and for editors' quickfix lists (vim's ``errorformat``, Emacs' compilation mode), which
read exactly this shape; no table, no summary.  Colour (a bold path, a red code, as ruff) only
where :func:`~hardcode_lint.output.console.colour_wanted` says so: never under ``NO_COLOR`` or
into a pipe.  ``check`` writes its failures in the same shape (each message ends with its fix).
"""

from __future__ import annotations

from typing import TextIO

from hardcode_lint.model import ScanResult
from hardcode_lint.output.annotations import AnnotationRun, scan_annotations
from hardcode_lint.output.console import colour_wanted
from hardcode_lint.textsafe import visible

_BOLD, _RED, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[0m"


def _line(path: str, line: int | None, column: int | None, code: str, message: str,
          colour: bool) -> str:  # fmt: skip
    where = visible(path) + "".join(f":{n}" for n in (line, column if line else None) if n)
    one_line = " ".join(visible(message).split())
    if colour:
        return f"{_BOLD}{where}{_RESET}: {_BOLD}{_RED}{code}{_RESET} {one_line}\n"
    return f"{where}: {code} {one_line}\n"


def write_concise(run: AnnotationRun, stream: TextIO) -> None:
    """Each annotation, then each file that could not be read or parsed (code ``error``)."""
    colour = colour_wanted(stream)
    for a in run.annotations:
        stream.write(_line(a.path, a.line, a.column, a.code, a.message, colour))
    for error in run.errors:
        stream.write(_line(error.path, error.line, None, "error:", error.message, colour))


def render(result: ScanResult, stream: TextIO) -> None:
    write_concise(scan_annotations(result), stream)
