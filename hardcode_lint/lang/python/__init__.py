"""The Python front end: ast pre-pass, libcst detector and codemod (see ``frontend.py``)."""

from __future__ import annotations

from hardcode_lint.lang.base import Frontend
from hardcode_lint.lang.python.frontend import PythonFrontend

FRONTEND: Frontend = PythonFrontend()
