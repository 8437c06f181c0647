"""hardcode-lint: find hardcoded durations, clamp bounds and limits, and migrate them to config.

The public API is :func:`scan` and the vocabulary in :mod:`hardcode_lint.model`; both are
imported lazily so that ``hardcode-lint --version`` does not pay for libcst.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["FileError", "Finding", "ScanResult", "__version__", "scan"]

if TYPE_CHECKING:
    from hardcode_lint.api import scan
    from hardcode_lint.model import FileError, Finding, ScanResult


def __getattr__(name: str) -> Any:
    if name == "scan":
        from hardcode_lint.api import scan

        return scan
    if name in ("Finding", "FileError", "ScanResult"):
        from hardcode_lint import model

        return getattr(model, name)
    raise AttributeError(f"module 'hardcode_lint' has no attribute {name!r}")
