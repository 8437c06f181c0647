"""Field checks for rule files: each returns an error message, or None when the value is fine."""

from __future__ import annotations

import re
from typing import Any

from hardcode_lint.model import Kind

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*(\.[A-Za-z_][A-Za-z0-9_\-]*)*$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def check_glob(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be a non-empty glob string"
    if value.startswith("/") or re.match(r"^[A-Za-z]:[\\/]", value):
        return f"bad glob {value!r}: globs are relative to the project root"
    if ".." in value.split("/"):
        return f"bad glob {value!r}: `..` cannot leave the project root"
    depth = 0
    for char in value:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth < 0 or depth > 1:
            break
    if depth != 0:
        return f"bad glob {value!r}: unbalanced `[`/`]`"
    return None


def check_globs(value: Any) -> str | None:
    if not isinstance(value, list):
        return "must be a list of glob strings"
    for item in value:
        problem = check_glob(item)
        if problem:
            return problem
    return None


def check_string(value: Any) -> str | None:
    return None if isinstance(value, str) else "must be a string"


def check_id(value: Any) -> str | None:
    if not isinstance(value, str) or not _ID.match(value):
        return "must be a string of letters, digits, `-`, `_` and `.`"
    return None


def check_key(value: Any) -> str | None:
    if not isinstance(value, str) or not _KEY.match(value):
        return f"bad config key {value!r}: expected dotted names such as `scheduler.poll_seconds`"
    return None


def check_expression(value: Any) -> str | None:
    """The type only: whether it is an expression is for the rule's language to say."""
    if not isinstance(value, str) or not value.strip():
        return "must be a string holding an expression"
    return None


def check_imports(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return "must be a list of import statements"
    return None


def check_language(value: Any) -> str | None:
    from hardcode_lint.lang import names

    if value not in names():
        return f"must be one of {', '.join(names())}"
    return None


def check_arg(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return "must be a keyword name or a 0-based position"
    if isinstance(value, int) and value < 0:
        return "positions start at 0"
    return None


def check_value(value: Any) -> str | None:
    """A number, or a string the rule's language reads as a duration (checked once the
    language is known: :func:`duration_value`)."""
    if isinstance(value, str) and value.strip():
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "must be a number (the literal's value)"
    return None


def duration_value(value: Any, language: str | None) -> tuple[float | None, str | None]:
    """A string ``value``'s seconds as ``language`` writes durations (Go's ``"1m30s"``), and
    the problem when it is not one; (None, None) for a number."""
    from hardcode_lint.lang import frontend

    if not isinstance(value, str):
        return None, None
    parsed = frontend(language).duration_value(value) if language else None
    if parsed is not None:
        return parsed[0], None
    example = frontend(language).duration_text(90, "s", None) if language else None
    if example is None:
        return None, "must be a number (the literal's value)"
    title = frontend(language).title if language else ""
    return None, (f"must be a number, or a duration as {title} writes one "
                  f'("{example}", "1m30s"): {value!r} is neither')  # fmt: skip


def check_count(value: Any) -> str | None:
    if value == "*":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return 'must be a positive integer or "*"'
    return None


def check_unit(value: Any) -> str | None:
    """A duration's unit as the findings give it (``s``, ``ms``, ``min``, ...)."""
    from hardcode_lint.detect.catalog import UNIT_NAMES

    return None if value in UNIT_NAMES else f"must be one of {', '.join(UNIT_NAMES)}"


def check_kind(value: Any) -> str | None:
    kinds = [k.value for k in Kind]
    return None if value in kinds else f"must be one of {', '.join(kinds)}"


def check_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def check_reason(value: Any) -> str | None:
    """Why a site stays a literal: the next reader's question, so it must say something."""
    if not isinstance(value, str) or not value.strip():
        return "must be a non-empty string saying why the literal stays"
    return None


def check_scope(value: Any) -> str | None:
    """A module's migration scope: ``"out"`` for a module the team does not migrate."""
    return None if value in ("in", "out") else 'must be "in" or "out"'
