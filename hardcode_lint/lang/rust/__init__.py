"""The Rust front end: tree-sitter-rust queries, macro token trees re-parsed, ``use`` lines
added by the fix (see ``frontend.py``)."""

from __future__ import annotations

from hardcode_lint.lang.base import Frontend
from hardcode_lint.lang.rust.frontend import RustFrontend

FRONTEND: Frontend = RustFrontend()
