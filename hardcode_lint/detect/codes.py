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


@dataclass(frozen=True, slots=True)
class Explanation:
    """What ``hardcode-lint explain CODE`` prints; its examples are tests (they must yield it)."""

    why: str
    python: str
    rust: str | None = None


EXPLANATIONS: dict[str, Explanation] = {
    "HCL101": Explanation(
        "A literal passed to a catalogued time API (its unit is the API's): tuning it means a "
        "rebuild and a redeploy, and the same interval is often hardcoded in several places.",
        "import time\ntime.sleep(5)\n",
        "use std::time::Duration;\nfn f() { Duration::from_secs(5); }\n",
    ),
    "HCL102": Explanation(
        "A literal passed to a keyword whose name says it is a duration (`timeout=`, "
        "`retry_delay=`, `*_ms=`): a setting in disguise.",
        "requests.get(url, timeout=10)\n",
    ),
    "HCL103": Explanation(
        "A literal bound to a duration-named variable, attribute, parameter default, `const`, "
        "`static`, `let` or struct field: the name says it is configuration.",
        "POLL_INTERVAL_SECONDS = 30\n",
        "const POLL_INTERVAL_SECS: u64 = 30;\n",
    ),
    "HCL201": Explanation(
        "A literal bound of a min/max clamp (`max(ttl, 1)`, `ttl_seconds.max(1)`): a floor or a "
        "ceiling that operations will want to tune.",
        "def f(ttl):\n    return max(ttl, 1)\n",
        "fn f(ttl: u64) -> u64 { ttl.max(1) }\n",
    ),
    "HCL301": Explanation(
        "A literal size or count limit passed by name (`maxlen=`, `max_retries=`, "
        "`batch_size=`): capacity is configuration.",
        "import collections\ncollections.deque(maxlen=1000)\n",
    ),
    "HCL302": Explanation(
        "A literal bound to a limit-named variable or default (`MAX_RETRIES = 3`), or a Rust "
        "binding or struct field (`max_size: 10`).",
        "MAX_RETRIES = 3\n",
        "fn f() -> Cfg { Cfg { max_size: 10 } }\n",
    ),
}
