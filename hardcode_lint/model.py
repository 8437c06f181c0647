"""The shared vocabulary: what a finding is, what went wrong with a file, what a scan returns.

Every stage of the pipeline (discover -> parse -> detect -> match -> report) speaks in these
frozen dataclasses, so no stage passes stringly-keyed dicts to another; dicts appear only at the
JSON boundary (see ``hardcode_lint.output``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

Number = int | float


def by_fields(value: Any) -> tuple[type, tuple[Any, ...]]:
    """``__reduce__`` for a slotted frozen dataclass whose fields are all arguments: pickled
    as its class called with its fields.  Its own pickling goes through ``dataclasses.fields``
    for each value, a third of the cost of sending a worker's results back; a scan sends
    thousands."""
    return type(value), tuple(getattr(value, name) for name in value.__slots__)


class Kind(StrEnum):
    """What a hardcoded literal stands for."""

    DURATION = "duration"
    CLAMP = "clamp"
    LIMIT = "limit"


class Context(StrEnum):
    """Where the literal sits: why the detector believes it is a hardcode."""

    CALL = "call"  # an argument of a catalogued API (time.sleep, max, numpy.clip, ...)
    KEYWORD = "keyword"  # a keyword argument whose name says what it is (timeout=, maxlen=)
    ASSIGNMENT = "assignment"  # `POLL_INTERVAL = 5`, `self.ttl = 60`
    DEFAULT = "default"  # `def connect(timeout=30)`
    EXPRESSION = "expression"  # Go: anywhere else (`return 2 * time.Minute`, a comparison)


class Status(StrEnum):
    """Where a site stands in the migration (contract section 2)."""

    MIGRATED = "migrated"
    PENDING = "pending"
    STALE = "stale"
    AMBIGUOUS = "ambiguous"
    UNMAPPED = "unmapped"
    KEPT = "kept"  # a site the team keeps as a literal: a keep rule, noqa, the baseline, ...


@dataclass(frozen=True, slots=True)
class Finding:
    """One hardcoded numeric literal, located and explained.

    ``line``/``column`` are 1-based and count characters; ``end_column`` is exclusive, so a
    one-character literal at column 40 ends at 41.  ``path`` is relative to the project root,
    with forward slashes.  ``start``/``end`` are the literal's byte range in the file: the one
    locator that ``fix``, the report's "new code" column and the editor all splice at.
    ``snippet_start``/``snippet_end`` are the literal's character range inside ``snippet``.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    kind: Kind
    code: str
    context: Context
    value: str  # the literal exactly as written: "5", "60 * 5", "-1"
    number: Number
    unit: str | None  # "s", "ms", "us", "min", "h", "d", "w"; None for clamps and limits
    seconds: Number | None
    api: str | None  # qualified callee, as-written callee, or the assigned/parameter name
    arg: str | int | None  # keyword name or 0-based position
    scope: str | None  # dotted qualname of the enclosing class/def; None at module level
    snippet: str
    test: bool
    rule: str | None = None
    key: str | None = None
    status: Status = Status.UNMAPPED
    arg_alias: str | int | None = None  # `arg`'s other spelling (0 <-> "delay"); not in JSON
    language: str = ""  # the front end's name (lang registry); "" only in hand-made values
    start: int = -1
    end: int = -1
    snippet_start: int = -1
    snippet_end: int = -1
    value_type: str | None = None  # the site's type in its language (Hit.value_type); JSON "type"
    reason: str | None = None  # why a kept finding stays a literal (status KEPT only)
    api_alias: str | None = None  # `api` as the file writes it (Go's `r.Options`); not in JSON

    __reduce__ = by_fields


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be read or parsed; the scan goes on without it."""

    path: str
    line: int | None
    message: str

    __reduce__ = by_fields


@dataclass(frozen=True, slots=True)
class RuleModule:
    """One rule file's ``[module]`` table: a group of rules in the report."""

    name: str
    file: str  # the rule file, relative to the root
    priority: str = ""
    paths: tuple[str, ...] = ()  # unmapped findings under these globs count in this module
    scope: str = "in"  # "out": a module the team does not migrate; its findings are kept


@dataclass(frozen=True, slots=True)
class Rule:
    """A mapping from matching literals to one config key (contract section 2).

    Every field that is not None narrows the match; none of them is a line number, because
    lines drift while the migration is under way.  ``count`` None means "any number >= 1".
    """

    id: str
    module: str
    file: str
    line: int
    key: str
    replace: str
    path: str | None = None
    scope: str | None = None
    api: str | None = None
    arg: str | int | None = None
    value: Number | None = None
    kind: Kind | None = None
    unit: str | None = None  # a duration's unit: tells `every(2).second` from `.minute`
    # a `value` spelled as the language writes a duration (Go's "1m30s"): its seconds and text
    seconds: float | None = None
    spelled: str | None = None
    count: int | None = 1
    imports: tuple[str, ...] = ()
    language: str | None = None  # None: any language (no suffix in `path`, none given)
    # the code at the site before the migration, as written (`rules suggest` records it): the
    # report shows it for migrated sites, which cannot be rebuilt from the new code faithfully
    old: str | None = None
    keep: str | None = None  # why its sites stay literals (`keep = true`, `[[keep]]`); no key


@dataclass(frozen=True, slots=True)
class Replacement:
    """An expression equal to a rule's ``replace`` standing where a literal could stand.

    It is how a migrated site is recognised: same call, same argument, the config expression
    instead of the literal.  Ranges as in :class:`Finding`.
    """

    path: str
    line: int
    column: int
    expression: str  # the normalised replace expression it equals
    context: Context
    api: str | None
    arg: str | int | None
    scope: str | None
    snippet: str
    test: bool
    arg_alias: str | int | None = None
    language: str = ""  # the front end's name (lang registry); "" only in hand-made values
    start: int = -1
    end: int = -1
    snippet_start: int = -1
    snippet_end: int = -1
    api_alias: str | None = None

    __reduce__ = by_fields


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file yielded: its findings and replacements, or the reason it yielded none."""

    path: str
    findings: tuple[Finding, ...] = ()
    replacements: tuple[Replacement, ...] = ()
    error: FileError | None = None
    modules: tuple[tuple[str, bool], ...] = ()  # files it declares, and whether as test code
    kept: tuple[Finding, ...] = ()  # silenced by a comment or per-file-ignores: status KEPT

    __reduce__ = by_fields


@dataclass(frozen=True, order=True)
class BaselineEntry:
    """A finding's line-free identity: what the baseline stores and SARIF fingerprints.

    Keyed by path, scope, api, arg, kind and value, plus its occurrence index among the
    findings of that key in the file (the betterer / Semgrep ``match_based_id`` idea).
    """

    path: str
    scope: str
    api: str
    arg: str
    kind: str
    value: str
    index: int

    def fingerprint(self) -> str:
        raw = "|".join(
            [self.path, self.scope, self.api, self.arg, self.kind, self.value, str(self.index)]
        )
        return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _number_text(number: Number) -> str:
    if isinstance(number, float) and not number.is_integer():
        return repr(float(number))
    return str(int(number))


def baseline_entries(findings: Iterable[Finding]) -> list[tuple[BaselineEntry, Finding]]:
    """Each finding with its line-free key; occurrences counted in source order per key."""
    seen: dict[tuple[str, ...], int] = {}
    keyed = []
    for finding in sorted(findings, key=lambda f: (f.path, f.line, f.column)):
        key = (finding.path, finding.scope or "", finding.api or "", str(finding.arg),
               finding.kind.value, _number_text(finding.number))  # fmt: skip
        index = seen.get(key, 0)
        seen[key] = index + 1
        keyed.append((BaselineEntry(*key, index=index), finding))
    return keyed


@dataclass(slots=True)
class ScanResult:
    """The findings and errors of one run, in a stable order (path, line, column)."""

    root: Path
    findings: list[Finding] = field(default_factory=list)
    replacements: list[Replacement] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0
    scanned: list[str] = field(default_factory=list)  # root-relative paths, in scan order
    fixes: dict[str, str] = field(default_factory=dict)  # rule id -> its replace expression
    kept: list[Finding] = field(default_factory=list)  # silenced findings: counted, not listed
    # files of known languages that `languages` (defaulted from the root's manifests) left out,
    # by language: a run says what it passed over
    passed_over: dict[str, int] = field(default_factory=dict)
