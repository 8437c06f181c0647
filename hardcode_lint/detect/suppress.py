"""Suppression comments: ``hardcode-lint: ignore`` and ``noqa`` / ``noqa: HCL101`` after the
language's line-comment marker (``#`` in Python, ``//`` in Rust)."""

from __future__ import annotations

import re
from functools import lru_cache

_NOQA = r"{}\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]*(?:[\s,]+[A-Z]+[0-9]*)*))?"
_IGNORE = r"{}\s*hardcode-lint:\s*ignore\b"
IGNORE_COMMENT = "hardcode-lint: ignore"  # after the language's comment marker


@lru_cache(maxsize=8)
def _patterns(comment: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    marker = re.escape(comment)
    return re.compile(_IGNORE.format(marker), re.I), re.compile(_NOQA.format(marker), re.I)


def is_suppressed(line: str, code: str, comment: str = "#") -> bool:
    """Whether the source ``line`` carries a comment that silences ``code`` on it.

    A bare ``# noqa`` silences everything, as in flake8 and ruff; ``# noqa: E501`` silences
    only the codes it lists, so it does not hide our findings.
    """
    if comment not in line:
        return False
    ignore, noqa = _patterns(comment)
    if ignore.search(line):
        return True
    for match in noqa.finditer(line):
        codes = match.group("codes")
        if codes is None:
            return True
        if any(code.startswith(c.upper()) for c in re.split(r"[\s,]+", codes) if c):
            return True
    return False
