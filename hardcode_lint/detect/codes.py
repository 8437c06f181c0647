"""Stable finding codes: one per (kind, context) family, listed in one table.

Codes never change meaning once released; ``select``/``ignore`` and ``# noqa: HCL101`` refer to
them, and SARIF rule descriptors are generated from this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardcode_lint.model import Context, Kind


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    summary: str


CODES: dict[tuple[Kind, Context], Code] = {
    (Kind.DURATION, Context.CALL): Code(
        "HCL101", "duration-call", "Hardcoded duration passed to a time API"
    ),
    (Kind.DURATION, Context.KEYWORD): Code(
        "HCL102", "duration-keyword", "Hardcoded duration passed to a duration-named keyword"
    ),
    (Kind.DURATION, Context.ASSIGNMENT): Code(
        "HCL103", "duration-name", "Hardcoded duration bound to a duration-named variable"
    ),
    (Kind.DURATION, Context.DEFAULT): Code(
        "HCL103", "duration-name", "Hardcoded duration bound to a duration-named variable"
    ),
    (Kind.CLAMP, Context.CALL): Code("HCL201", "clamp-bound", "Hardcoded bound of a min/max clamp"),
    (Kind.LIMIT, Context.CALL): Code(
        "HCL301", "limit-keyword", "Hardcoded size/count limit passed by name"
    ),
    (Kind.LIMIT, Context.KEYWORD): Code(
        "HCL301", "limit-keyword", "Hardcoded size/count limit passed by name"
    ),
    (Kind.LIMIT, Context.ASSIGNMENT): Code(
        "HCL302", "limit-name", "Hardcoded size/count limit bound to a limit-named variable"
    ),
    (Kind.LIMIT, Context.DEFAULT): Code(
        "HCL302", "limit-name", "Hardcoded size/count limit bound to a limit-named variable"
    ),
}


def code_for(kind: Kind, context: Context) -> Code:
    """The code of a finding of ``kind`` found in ``context``."""
    return CODES[(kind, context)]


def selected(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Ruff's rule: a code runs if a ``select`` prefix covers it and no ``ignore`` prefix does."""
    return any(code.startswith(p) for p in select) and not any(code.startswith(p) for p in ignore)
