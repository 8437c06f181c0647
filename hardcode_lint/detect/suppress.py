"""Suppression comments: ``# hardcode-lint: ignore`` and ``# noqa`` / ``# noqa: HCL101``."""

from __future__ import annotations

import re

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]*(?:[\s,]+[A-Z]+[0-9]*)*))?", re.I)
_IGNORE = re.compile(r"#\s*hardcode-lint:\s*ignore\b", re.I)


def is_suppressed(line: str, code: str) -> bool:
    """Whether the source ``line`` carries a comment that silences ``code`` on it.

    A bare ``# noqa`` silences everything, as in flake8 and ruff; ``# noqa: E501`` silences
    only the codes it lists, so it does not hide our findings.
    """
    if "#" not in line:
        return False
    if _IGNORE.search(line):
        return True
    for match in _NOQA.finditer(line):
        codes = match.group("codes")
        if codes is None:
            return True
        if any(code.startswith(c.upper()) for c in re.split(r"[\s,]+", codes) if c):
            return True
    return False
