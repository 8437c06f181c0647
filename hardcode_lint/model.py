"""The shared vocabulary: what a finding is, what went wrong with a file, what a scan returns.

Every stage of the pipeline (discover -> parse -> detect -> match -> report) speaks in these
frozen dataclasses, so no stage passes stringly-keyed dicts to another; dicts appear only at the
JSON boundary (see ``hardcode_lint.output``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

Number = int | float


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


class Status(StrEnum):
    """Where a site stands in the migration (contract section 2)."""

    MIGRATED = "migrated"
    PENDING = "pending"
    STALE = "stale"
    AMBIGUOUS = "ambiguous"
    UNMAPPED = "unmapped"


@dataclass(frozen=True, slots=True)
class Finding:
    """One hardcoded numeric literal, located and explained.

    ``line``/``column`` are 1-based and count characters; ``end_column`` is exclusive, so a
    one-character literal at column 40 ends at 41.  ``path`` is relative to the project root,
    with forward slashes.
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


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be read or parsed; the scan goes on without it."""

    path: str
    line: int | None
    message: str


@dataclass(frozen=True, slots=True)
class RuleModule:
    """One rule file's ``[module]`` table: a group of rules in the report."""

    name: str
    file: str  # the rule file, relative to the root
    priority: str = ""
    paths: tuple[str, ...] = ()  # unmapped findings under these globs count in this module


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
    count: int | None = 1
    imports: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Replacement:
    """An expression equal to a rule's ``replace`` standing where a literal could stand.

    It is how a migrated site is recognised: same call, same argument, the config expression
    instead of the literal.
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


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file yielded: its findings and replacements, or the reason it yielded none."""

    path: str
    findings: tuple[Finding, ...] = ()
    replacements: tuple[Replacement, ...] = ()
    error: FileError | None = None


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
