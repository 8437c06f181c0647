"""The front-end protocol: what a language must provide for the engine, rules, fix and report.

A front end turns a file's bytes into *hits* (literals it judged to be hardcodes) and *migrated
hits* (a rule's replacement standing where a literal stood), each located by its byte range,
and turns edits at those ranges back into a file that still parses.  Everything else (codes,
selection, suppression, positions, caching, rule matching, reporting, the gate) is the engine's
and is the same for every language.  Adding a language is one folder under ``lang/`` holding a
class that satisfies :class:`Frontend`, and one line in ``lang/__init__.py``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from hardcode_lint.edit import TextEdit, splice
from hardcode_lint.model import Context, Kind, Number
from hardcode_lint.parse.source import SourceFile


@dataclass(frozen=True, slots=True)
class Hit:
    """A literal judged to be a hardcode, before the engine gives it a code and a position.

    ``start``/``end`` are the literal's byte range in the file; ``snippet_start``/``snippet_end``
    its character range inside ``snippet`` (the report splices the replacement there).
    ``test`` marks test code the front end recognises by itself (``#[cfg(test)]``).
    """

    start: int
    end: int
    kind: Kind
    context: Context
    unit: str | None
    value: str
    number: Number
    api: str | None
    arg: str | int | None
    scope: str | None
    snippet: str
    snippet_start: int
    snippet_end: int
    arg_alias: str | int | None = None
    test: bool = False
    # the type the site gives the literal in the front end's language ("usize" for a Rust
    # `const MAX: usize = 5`, "u32" for `Duration::new`'s nanos); None: nothing says
    value_type: str | None = None
    # the duration in seconds when it is not ``number`` in ``unit`` (Go's ``time.Second / 10``:
    # number 10, seconds 0.1); None: the engine converts ``number``
    seconds: Number | None = None
    # ``api`` as the file writes it when that is another name (Go's ``r.Options`` under
    # ``import r "github.com/redis/go-redis/v9"``): a rule may give either
    api_alias: str | None = None


@dataclass(frozen=True, slots=True)
class MigratedHit:
    """A watched replacement expression standing where a literal could stand."""

    start: int
    end: int
    expression: str  # the front end's normalised form of the expression
    context: Context
    api: str | None
    arg: str | int | None
    scope: str | None
    snippet: str
    snippet_start: int
    snippet_end: int
    arg_alias: str | int | None = None
    test: bool = False
    api_alias: str | None = None  # as in :class:`Hit`


@dataclass(slots=True)
class Detected:
    """What a front end found in one file.

    ``modules`` are the files this one makes part of its program, each with whether it does so
    as test code (Rust's ``#[cfg(test)] mod support;``): the engine marks those files' findings
    as test code, however their paths look.
    """

    hits: list[Hit] = field(default_factory=list)
    migrated: list[MigratedHit] = field(default_factory=list)
    modules: list[tuple[str, bool]] = field(default_factory=list)
    memo: str = ""  # opaque to the engine: given back as ``DetectOptions.memo`` next time


@dataclass(frozen=True, slots=True)
class DetectOptions:
    """What a front end needs besides the file: the user's catalog additions for its language,
    the replacement expressions of its rules, and whether cheap pre-filters may skip work."""

    catalog: str  # the user's catalog table for this language, as canonical JSON
    replacements: tuple[str, ...] = ()
    prefilter: bool = True
    # ``Detected.memo`` of this file's last analysis under the same settings (from the cache):
    # a front end may reuse what it found then for the parts of the file that did not change
    memo: str = ""
    # the file's absolute path on disk ("" for a buffer or a snippet): a front end may read
    # what stands beside it (Rust: the nearest Cargo.toml says whether it is a `*-sys` package)
    file: str = ""
    # whether a zero literal can be a finding (`include-zero`, or a rule written with a zero):
    # when not, a pre-filter may pass over a file whose only candidates are zeros
    zeros: bool = True


@dataclass(frozen=True, slots=True)
class SiteEdit:
    """One literal to replace: its byte range, the code that replaces it, what it needs.

    ``label`` tells the edits of one call apart; ``rule`` names the edit in messages.
    ``value_type`` is the site's type (the finding's); ``group`` ties edits that are applied or
    refused together (one rule's edits over several files, from :meth:`Frontend.expand`; ""
    is the edit's own label); a ``verbatim`` edit is spliced as it is (a rewritten use, a
    removed item): no parentheses, no imports.
    """

    start: int
    end: int
    replace: str
    imports: tuple[str, ...]
    label: str
    scope: str | None = None
    rule: str = ""
    value_type: str | None = None
    group: str = ""
    verbatim: bool = False

    @property
    def owner(self) -> str:
        """The label of the edit this one belongs to (its group's)."""
        return self.group or self.label


@dataclass
class Expanded:
    """What :meth:`Frontend.expand` makes of a fix's edits: the edits by root-relative path
    (new files included) and the labels refused before any splicing, with the reason."""

    edits: dict[str, list[SiteEdit]] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)


@dataclass
class Applied:
    """The outcome of :meth:`Frontend.apply`: the edits of the file's bytes (the literals'
    replacements, the imports, any other range the front end rewrites), or why each edit was
    refused.  The engine splices them (:func:`edit.splice`), so that ``fix``, its diff, the
    report and the editor's code actions all make the same file of the same edits."""

    edits: tuple[TextEdit[bytes], ...] = ()
    refused: dict[str, str] = field(default_factory=dict)  # label -> reason
    applied: list[str] = field(default_factory=list)  # labels

    def spliced(self, data: bytes) -> bytes | None:
        """The file ``data`` with the edits made; None when nothing changes."""
        after = splice(data, self.edits)
        return after if after != data else None


@dataclass(frozen=True, slots=True)
class Step:
    """One construct around a literal, read from the literal outwards: what ``rules suggest``
    names a key after (``timeout_connect: Some(Duration::from_secs(30))`` is the steps
    call ``Duration::from_secs`` arg 0, call ``Some`` arg 0, field ``timeout_connect``)."""

    how: str  # "call", "method" (a receiver's method), "binding" (a name bound), "field"
    name: str  # the callee as written, or the bound name
    arg: str | int | None = None  # a call's keyword or 0-based position holding the value
    args: int = 0  # a call's positional arguments


@dataclass(frozen=True, slots=True)
class SettingsTarget:
    """Where one unit's (a Python package's, a Rust crate's) generated settings live, and how
    its code reads a key: the default ``replace`` template and imports of ``rules suggest``,
    the file ``defaults --format LANG`` writes, the module ``check`` reads keys from.
    """

    language: str
    unit: str  # root-relative folder of the package or crate ("" for the root)
    name: str  # the package or crate name as code spells it ("pkg", "my_crate")
    module: str  # root-relative path of the generated module ("pkg/settings.py")
    template: str  # a key's read, ``{key}`` standing for it ("settings.{key}")
    imports: tuple[str, ...]  # what the template needs ("from pkg.settings import settings",)
    env_prefix: str  # the default PREFIX of PREFIX__KEY__PATH ("PKG")


@dataclass(frozen=True, slots=True)
class FormatCommand:
    """The project's formatter for one file: ``argv`` reads the file's code on stdin and
    writes it formatted on stdout, run in ``cwd`` (where it finds the project's settings).
    A file is formatted as the project wants when the output equals the input."""

    name: str  # "ruff format", "rustfmt": named in messages
    argv: tuple[str, ...]
    cwd: Path
    # why a formatter the project configures cannot run here (not installed): the fix says
    # so, loudly, since the files it changes keep the spliced layout (empty: it can run)
    missing: str = ""

    def run(self, data: bytes, timeout: float = 60) -> bytes | None:
        """``data`` through the formatter; None when it fails or is missing."""
        import subprocess

        if not self.argv:
            return None  # configured, not installed (``missing``)

        try:
            done = subprocess.run(self.argv, input=data, capture_output=True, cwd=self.cwd,
                                  timeout=timeout, check=False)  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 and done.stdout else None


@dataclass(frozen=True, slots=True)
class SettingValue:
    """One key of a generated settings module: its default (the literal's exact value), its
    type in the module's language (None: the language's type for the number), its comment."""

    key: str
    value: Number
    value_type: str | None = None
    comment: str | None = None  # the unit ("seconds"), or the comment the module had


def key_tree(values: Sequence[SettingValue]) -> dict[str, Any]:
    """``values`` nested by their keys' dotted sections (``a.b.c`` under ``a``, then ``b``):
    the shape of the records every generated settings module declares."""
    tree: dict[str, Any] = {}
    for value in values:
        *sections, name = value.key.split(".")
        node = tree
        for section in sections:
            node = node.setdefault(section, {})
        node[name] = value
    return tree


@dataclass(frozen=True, slots=True)
class SettingsRequest:
    """What ``defaults --format LANG`` asks of a front end: the module's root-relative path
    (or an absolute one outside the project), its keys in order, and the environment prefix
    of its ``PREFIX__KEY__PATH`` overrides."""

    module: str
    values: tuple[SettingValue, ...]
    env_prefix: str


@dataclass(frozen=True, slots=True)
class GeneratedSettings:
    """A generated settings module and what goes with it: ``edits`` are other files to change
    (root-relative path, the text it must still hold, its new text) so that the module is part
    of the program; ``notes`` tell the user what was decided (env only, no declaration made);
    ``problems`` are why no module could be written (a key that cannot be a name)."""

    text: str
    edits: tuple[tuple[str, str, str], ...] = ()
    notes: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


class Frontend(Protocol):
    """One language; see the module docstring.  Methods must not raise for bad input."""

    name: str  # "python"
    title: str  # the language's name in prose and headings: "Python"
    extensions: tuple[str, ...]  # (".py",)
    test_paths: tuple[str, ...]  # default globs of test code
    comment: str  # line-comment marker for suppressions: "#", "//"
    skip_dirs: frozenset[str]  # folder names never walked into (build output, environments)
    scope_separator: str  # what joins a scope's names: "." (`Worker.run`), "::" (`Type::method`)
    doc_anchor: str  # the README section saying what a finding is in this language

    def warm(self) -> None:
        """Import the parser, so that worker processes forked afterwards share it."""

    def project_manifest(self, folder: Path) -> str | None:
        """The name of the file in ``folder`` that makes it a project of this language
        (``Cargo.toml``; a ``pyproject.toml`` that declares a project), or None: ``languages``
        defaults to the languages of the root's manifests."""

    def check_catalog(self, table: Mapping[str, Any], where: str) -> None:
        """Raise ``ConfigError`` naming the bad entry of a user catalog table."""

    def decode(self, data: bytes, name: str, path: str) -> SourceFile:
        """The file's text; raise ``SourceError`` when it cannot be had."""

    def detect(self, source: SourceFile, options: DetectOptions) -> Detected:
        """Every hit and migrated hit; raise ``SourceError`` when nothing can be read."""

    def check_replacement(self, expression: str) -> str | None:
        """Why ``expression`` cannot replace a literal (not one expression), or None."""

    def check_import(self, statement: str) -> str | None:
        """Why ``statement`` is not an import of this language, or None."""

    def normalise(self, expression: str) -> str | None:
        """The form migrated hits report ``expression`` in (layout dropped); None if invalid."""

    def replacement_text(self, expression: str) -> str:
        """The code spliced in place of a literal (parenthesised where precedence needs it)."""

    def apply(self, source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
        """The byte edits that replace the literals and add their imports, kept only if the
        spliced result parses (the engine splices them)."""

    def expand(self, root: Path, edits: Mapping[str, Sequence[SiteEdit]]) -> Expanded:
        """The edits a fix really needs, by root-relative path: each may be rewritten for its
        file (Rust's tests read ``PKG::settings``), refused up front, or grow edits in other
        files of its program (a Rust ``const``'s uses), grouped under its label."""

    def settings_targets(
        self, root: Path, sites: Sequence[str], configured: Sequence[str]
    ) -> dict[str, SettingsTarget]:
        """For each root-relative file of ``sites`` (one entry per finding, so a file may
        repeat), the settings target that serves it; ``configured`` are the user's
        ``settings-module`` entries of this language (paths or globs, root-relative)."""

    def settings_reads(self, source: SourceFile, target: SettingsTarget) -> list[tuple[str, int]]:
        """(key path, byte offset) of each read of ``target``'s settings in ``source`` (the
        path may run on past the key, into a method of the value); [] when there is none."""

    def formatter(self, root: Path, path: str) -> FormatCommand | None:
        """The formatter the project uses for the root-relative ``path``, when one is
        configured (or always used, as rustfmt is) and installed; None otherwise."""

    def same_code(self, before: bytes, after: bytes) -> bool:
        """Whether ``after`` parses and is ``before`` with only its layout changed (what a
        formatter may do), so that formatting a fixed file cannot change what it means."""

    def settings_module(self, root: Path, request: SettingsRequest) -> GeneratedSettings:
        """The generated settings module holding ``request``'s keys (section 5 of the
        contract: typed records, defaults, the environment and file loader, the accessor),
        and the edits that make it part of the program (Rust's ``pub mod settings;``)."""

    def reserved_names(self) -> frozenset[str]:
        """Words a key's part cannot be in this language's generated settings (keywords):
        ``rules suggest`` writes ``async_`` for a folder named ``async``."""

    def site_steps(self, data: bytes, spans: Sequence[tuple[int, int]]) -> list[tuple[Step, ...]]:
        """For each literal's byte range in the file ``data``, the constructs around it from
        the inside out (a few, up to the statement): ``rules suggest`` names keys after them."""

    def module_of(self, unit_name: str, unit: str, path: str) -> tuple[str, str]:
        """The module the root-relative ``path`` is part of, as the language names it, and the
        glob of the files it spans: ``("r2d2::config", "src/config.rs")`` for a crate's file
        (``unit_name``/``unit``: its crate or package and folder, "" when none serves it),
        ``("pkg.contrib", "pkg/contrib/*")`` for a Python package; ``rules suggest`` writes
        one module per module of the project."""

    def settings_keys(self, text: str) -> dict[str, tuple[str | None, str | None]]:
        """The keys a generated settings module defines, each with its type and its comment
        (the unit), as written there; empty when ``text`` is no such module."""

    def duration_value(self, text: str) -> tuple[float, str] | None:
        """The seconds of a duration written as this language writes one in configuration
        (Go's ``"1m30s"``), and the unit of its last part (``"s"``): a rule's ``value`` may be
        one; None when the language has no such spelling or ``text`` is not one."""

    def duration_text(self, number: Number, unit: str, value_type: str | None) -> str | None:
        """``number`` ``unit`` as this language writes a duration in configuration, in that
        unit (Go's ``"90s"`` for ``90 * time.Second``): ``rules suggest`` writes rule values
        so; None where its settings hold plain numbers, or a site of ``value_type`` holds one
        (Go's ``timeoutMs := 500`` is an ``int``)."""

    def api_names(self, api: str) -> tuple[str, ...]:
        """Other names a rule's ``api`` may give the resolved ``api``, beyond its suffixes
        (Go's ``redis.Options`` for ``github.com/redis/go-redis/v9.Options``)."""

    def code_examples(self) -> Mapping[str, str]:
        """Code -> a short source in this language that yields it: what ``explain`` shows
        (see :func:`shipped_examples`); a code the language never reports is absent."""


def folder_module(unit_name: str, path: str, extensions: Sequence[str]) -> tuple[str, str]:
    """The module of a language whose modules are folders (a Go package, a folder of ES
    modules): ``internal/jobs`` spanning ``internal/jobs/*.go``; ``rules suggest`` writes one
    rule module per folder.  One extension narrows the glob so the folder's other languages
    stay with their own modules."""
    folder = path.rpartition("/")[0]
    files = f"*{extensions[0]}" if len(extensions) == 1 else "*"
    return (folder or unit_name or "(top level)", f"{folder}/{files}" if folder else files)


def shipped_examples(package: str, language: str) -> dict[str, str]:
    """The ``[language]`` table of ``package``'s ``examples.toml``: the examples live beside the
    catalog as data, one per code, and the test suite runs each through the engine."""
    import tomllib
    from importlib import resources

    text = resources.files(package).joinpath("examples.toml").read_text("utf-8")
    table: dict[str, str] = tomllib.loads(text).get(language, {})
    return table
