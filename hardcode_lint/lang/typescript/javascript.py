"""The JavaScript front end: the TypeScript front end's implementation, for JavaScript's
extensions (registered as its own language, so findings say ``"javascript"``)."""

from __future__ import annotations

from hardcode_lint.lang.base import Frontend
from hardcode_lint.lang.typescript.frontend import ScriptFrontend

FRONTEND: Frontend = ScriptFrontend("javascript", "JavaScript", (".js", ".jsx", ".mjs", ".cjs"))
