"""Output formats for findings: each is one module with a ``render(result, stream)`` function.

Adding a format touches one file and this table; commands look formats up by name.  A format
that prints more than the findings (text's summary line) also has ``render_quiet``, for ``-q``;
the machine formats are nothing but the result, so ``-q`` leaves them as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TextIO

from hardcode_lint.model import ScanResult

Renderer = Callable[[ScanResult, TextIO], None]

#: format name -> module under hardcode_lint.output that renders it
SCAN_FORMATS = {
    "text": "text",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
}


def renderer(name: str, *, quiet: bool = False) -> Renderer:
    """The ``render`` function of format ``name`` (imported only when used); with ``quiet``, its
    ``render_quiet`` if it has one."""
    module = import_module(f"hardcode_lint.output.{SCAN_FORMATS[name]}")
    render: Renderer = getattr(module, "render_quiet", module.render) if quiet else module.render
    return render
