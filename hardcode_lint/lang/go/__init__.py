"""The Go front end: tree-sitter-go queries, durations by unit multiplication, imports added
to the import block by the fix (see ``frontend.py``)."""

from __future__ import annotations

from hardcode_lint.lang.base import Frontend
from hardcode_lint.lang.go.frontend import GoFrontend

FRONTEND: Frontend = GoFrontend()
