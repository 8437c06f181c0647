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
    (Kind.DURATION, Context.EXPRESSION): Code(
        "HCL101", "duration-call", "Hardcoded duration passed to a time API"
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


#: Why each finding code is reported: what ``hardcode-lint explain CODE`` says first.  Its
#: examples are each front end's (``Frontend.code_examples``), and they are tests.
EXPLANATIONS: dict[str, str] = {
    "HCL101": "A literal passed to a catalogued time API (its unit is the API's): tuning it "
    "means a rebuild and a redeploy, and the same interval is often hardcoded in several places.",
    "HCL102": "A literal passed to a keyword, option or field whose name says it is a duration "
    "(`timeout=`, `retry_delay=`, `*_ms=`): a setting in disguise.",
    "HCL103": "A literal bound to a duration-named variable, attribute, parameter default, "
    "constant or struct field: the name says it is configuration.",
    "HCL201": "A literal bound of a min/max clamp (`max(ttl, 1)`, `ttl_seconds.max(1)`): a floor "
    "or a ceiling that operations will want to tune.",
    "HCL301": "A literal size or count limit passed by name (`maxlen=`, `max_retries=`, "
    "`batch_size=`): capacity is configuration.",
    "HCL302": "A literal bound to a limit-named variable, constant, default or struct field "
    "(`MAX_RETRIES = 3`, `max_size: 10`): capacity is configuration.",
}


@dataclass(frozen=True, slots=True)
class GateCode:
    """A problem ``check`` (and ``fix``, the editor) reports about the project rather than a
    literal: what ``explain`` prints for it, with an example of the situation and its output."""

    code: str
    name: str
    summary: str
    why: str
    example: str = ""  # the situation when it is no language's; else each front end shows its own


GATE_CODES: dict[str, GateCode] = {
    gate.code: gate
    for gate in (
        GateCode(
            "HCL900", "rule-problem",
            "A rule is stale or ambiguous, a migrated rule's literal is back, or the progress is "
            "below --min-progress",
            "A rule that finds nothing guards nothing (the code moved, or the rule is wrong); one "
            "that finds more sites than its `count` may migrate the wrong one; a literal a "
            "migrated rule replaced that comes back is a regression.",
            "rules/tasks.toml:3: HCL900 rule `poll` is stale: neither its literal nor its "
            "replacement is found\n    fix: the code moved or the rule is wrong: fix its "
            "fields, or delete it\n",
        ),
        GateCode(
            "HCL901", "settings-differ",
            "A generated settings module or defaults-file holds a default that is not its "
            "rule's literal",
            "The generated defaults are the literals the code held, so that migrating changes "
            "nothing; a default edited by hand (or a key added or dropped) changes behaviour "
            "without review.  Override values at run time (PREFIX__KEY__PATH, the settings "
            "file) instead, and regenerate the module.",
        ),
        GateCode(
            "HCL902", "key-clash",
            "One config key is given two different literals",
            "Two sites that read one key after `fix` share one value: a 30 s timeout that reads "
            "a key whose default is another site's 15 s silently becomes 15 s.  Literals agree "
            "when their numbers are equal and, for durations, their units too (5 s and 5000 ms "
            "are two values).",
        ),
        GateCode(
            "HCL903", "dangling-settings-read",
            "The code reads a settings key the generated settings module does not define",
            "A rule deleted or renamed and the settings regenerated leave code reading a key "
            "that no longer exists: an error at start-up or a build error waiting "
            "to happen.",
        ),
        GateCode(
            "HCL904", "file-not-checked",
            "A file could not be read or parsed, so the gate cannot vouch for it",
            "A file the scan cannot parse may hold any hardcode (a new `time.sleep(3)` in a "
            "file with a syntax error would pass unseen).  Fix the file, or accept a "
            "deliberately broken one with `hardcode-lint baseline`.",
        ),
    )
}  # fmt: skip


def known_codes() -> list[str]:
    """Every code the tool prints: the findings' and the gate's."""
    return sorted({code.code for code in CODES.values()} | set(GATE_CODES))
