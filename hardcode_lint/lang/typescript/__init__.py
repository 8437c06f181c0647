"""The TypeScript front end (and, in ``javascript.py``, the JavaScript one: the same
implementation): tree-sitter-typescript and tree-sitter-javascript, durations in milliseconds,
clients' options from the catalog, imports added in the file's own module style by the fix
(see ``frontend.py``)."""

from __future__ import annotations

from hardcode_lint.lang.base import Frontend
from hardcode_lint.lang.typescript.frontend import ScriptFrontend

FRONTEND: Frontend = ScriptFrontend("typescript", "TypeScript", (".ts", ".tsx", ".mts", ".cts"))
