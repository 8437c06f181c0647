"""A generated settings module that no longer holds the rules' literals, said key by key.

The generated defaults are the literals the code held, so that migrating changes nothing; a
default edited by hand changes behaviour without review.  The failure names the key, the line of
the module that defines it, the rule's literal, and the exact command that regenerates the file
at its configured path.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from hardcode_lint.gate.failure import Failure, FailureKind

if TYPE_CHECKING:
    from hardcode_lint.defaults.values import Default

_COMMENT = re.compile(r"\s*(#|//).*$")


def _changed_lines(actual: str, expected: str) -> list[tuple[int, str]]:
    """(1-based line in ``actual``, the line's text) where the values differ; a line missing
    from ``actual`` is reported with the expected text, at the line where it should stand."""
    ours = [_COMMENT.sub("", line).strip() for line in actual.splitlines()]
    theirs = [_COMMENT.sub("", line).strip() for line in expected.splitlines()]
    found = []
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "delete"):
            found += [(i + 1, ours[i]) for i in range(i1, i2) if ours[i]]
        if op in ("replace", "insert"):
            found += [(i1 + 1, theirs[j]) for j in range(j1, j2) if theirs[j]]
    return found


def _keys_on(line: str, keys: Iterable[str]) -> list[str]:
    return [k for k in keys if re.search(rf"\b{re.escape(k.rsplit('.', 1)[-1])}\b", line)]


def mismatch_failures(
    path: str, regenerate: str, actual: str, expected: str, defaults: list[Default], extra: set[str]
) -> list[Failure]:
    """One failure per key whose line differs from the regenerated module (``extra``: keys the
    module defines that no rule gives; ``regenerate``: the command that rewrites it)."""
    hint = f"regenerate it: `{regenerate}`"
    by_key = {d.key: d for d in defaults if d.value is not None}
    failures: dict[str, Failure] = {}
    for line, text in _changed_lines(actual, expected):
        for key in _keys_on(text, [*by_key, *extra]):
            if key in failures:
                continue
            if key in extra:
                message = f"defines key `{key}`, which no rule gives"
            else:
                rule, value = by_key[key].rule, by_key[key].value
                message = (f"the default of key `{key}` is not the literal `{value!r}` of rule "
                           f"`{rule.id}` ({rule.file}:{rule.line})")  # fmt: skip
            failures[key] = Failure(FailureKind.DEFAULTS, path, line, message, hint, "HCL901")
    if failures:
        return list(failures.values())
    first = next(iter(_changed_lines(actual, expected)), (None, ""))[0]
    return [Failure(FailureKind.DEFAULTS, path, first, "the settings module does not hold "
                    "exactly the rules' literals (a default differs, or a key is missing or "
                    "extra)", hint, "HCL901")]  # fmt: skip
