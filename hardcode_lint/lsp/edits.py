"""The text behind each code action, computed by the commands' own code.

"Replace with" and "Fix all" run :func:`fix.checked.formatted_fixes` on the buffer's bytes,
exactly as ``fix --write`` would on the saved file (the same splice, parentheses and merged
imports, the same formatter and the same refusals; a Rust constant moved to its uses in this
file), and send the front end's own byte edits (the literals, the imports) as text edits.
Only when the project's formatter rewrote the fixed file do the edits no longer describe it;
then, and only then, the old and new texts are compared (:func:`lsp.text.changes`).
"Add a rule" appends the stub :mod:`rules.suggest` writes, to the rule file of the module
that claims the finding's path, else to the file ``rules suggest --output rules/`` would
create.  The server returns
these as workspace edits: the editor applies them, the server writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lsprotocol import types

from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.edit import TextEdit
from hardcode_lint.fix.checked import formatted_fixes
from hardcode_lint.fix.formatting import Formatting
from hardcode_lint.fix.plan import Edit, FixPlan
from hardcode_lint.fix.run import FixRun
from hardcode_lint.lang import frontend
from hardcode_lint.lsp.buffer import Buffer, Site
from hardcode_lint.lsp.diagnostics import to_range
from hardcode_lint.lsp.project import Snapshot
from hardcode_lint.lsp.text import Change, TextIndex, changes
from hardcode_lint.model import Finding
from hardcode_lint.parse.source import read_bytes
from hardcode_lint.rules.suggest import suggest_files

Reader = Callable[[Path], "tuple[str, int | None] | None"]  # open or on-disk text, its version


@dataclass
class Fixed:
    """What ``fix`` makes of the buffer: the changes, or why nothing could be done."""

    changes: list[Change]
    refused: list[str]


def fixed(buffer: Buffer, sites: Sequence[Site]) -> Fixed:
    """The changes ``fix`` makes to the buffer for these pending sites: the whole pipeline
    (a Rust site in ``tests/`` reads ``PKG::settings``, a constant moves to its uses); a rule
    whose fix would change other files too is left to ``hardcode-lint fix``."""
    edits = [Edit(site.finding, site.rule) for site in sites if site.rule is not None]
    root = buffer.path.parents[len(PurePosixPath(buffer.rel).parts) - 1]

    def read(rel: str) -> bytes:
        return buffer.data if rel == buffer.rel else read_bytes(root / rel)

    formatting = Formatting(root)

    def run_of(chosen: list[Edit]) -> FixRun:
        return formatted_fixes(FixPlan(edits={buffer.rel: chosen}), root, formatting, read)

    run = run_of(edits)
    elsewhere: dict[str, str] = {}
    if any(f.path != buffer.rel for f in run.changed):  # find the rules that reach further
        for rule in dict.fromkeys(e.rule.id for e in edits):
            alone = run_of([e for e in edits if e.rule.id == rule]).changed
            reached = [f.path for f in alone if f.path != buffer.rel]
            if reached:
                elsewhere[rule] = reached[0]
        run = run_of([e for e in edits if e.rule.id not in elsewhere])
    result = next((f for f in run.files if f.path == buffer.rel), None)
    refused = [f"{edit.rule.id}: {why}" for edit, why in (result.refused if result else [])]
    refused += [f"{rule}: changes {path} too; run `hardcode-lint fix --rule {rule}`"
                for rule, path in sorted(elsewhere.items())]  # fmt: skip
    if result is None or result.after is None:
        return Fixed([], refused or ["nothing to change"])
    if result.spliced_as_is():
        return Fixed(char_changes(result.before, result.edits, result.encoding), refused)
    after = result.after.decode(result.encoding, errors="replace")
    return Fixed(changes(buffer.index.text, after), refused)  # the formatter rewrote it


def char_changes(data: bytes, edits: Sequence[TextEdit[bytes]], encoding: str) -> list[Change]:
    """The byte edits of ``data`` as character edits of its text (what the buffer holds)."""

    def offset(at: int) -> int:
        return len(data[:at].decode(encoding, errors="replace"))

    found = sorted(edits, key=lambda e: (e.start, e.end))
    return [Change(offset(e.start), offset(e.end), e.text.decode(encoding, errors="replace"))
            for e in found]  # fmt: skip


def text_edits(index: TextIndex, found: Sequence[Change]) -> list[types.TextEdit]:
    return [types.TextEdit(to_range(index, c.start, c.end), c.text) for c in found]


def document_edit(
    uri: str, version: int | None, edits: list[types.TextEdit], versioned: bool
) -> types.WorkspaceEdit:
    """One document's edits, pinned to its version when the client takes document changes
    (so a client refuses an edit computed for an older text)."""
    if not versioned:
        return types.WorkspaceEdit(changes={uri: edits})
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(document, edits)])


def ignore_change(buffer: Buffer, site: Site) -> Change | None:
    """The suppression comment of the buffer's language at the end of the literal's line;
    None where a comment cannot go (a Python line continued with a backslash)."""
    row = site.finding.line - 1
    if row >= len(buffer.index.lines):
        return None
    end = buffer.index.line_end(row)
    if buffer.index.text[buffer.index.starts[row] : end].rstrip().endswith("\\"):
        return None
    comment = frontend(buffer.language).comment
    space = "  " if comment == "#" else " "  # PEP 8's two spaces; rustfmt's one
    return Change(end, end, f"{space}{comment} hardcode-lint: ignore")


@dataclass(frozen=True)
class RuleStub:
    """Where a new rule goes and the text to add (the whole file when it must be created)."""

    path: Path
    text: str
    create: bool
    rule_id: str


def _claiming_file(snapshot: Snapshot, finding: Finding) -> Path | None:
    """The rule file of the first module whose ``paths`` cover the finding (where the
    report already counts it)."""
    for module in snapshot.rules.modules:
        if module.paths and compile_globs(module.paths).match_file(finding.path):
            return snapshot.config.root / module.file
    return None


def _rules_home(snapshot: Snapshot) -> Path:
    """The folder new rule files go in: the first configured location that is not a file."""
    root = snapshot.config.root
    for location in snapshot.config.rules:
        if not (root / location).is_file():
            return root / location
    return root / snapshot.config.rules[0]


def rule_stub(snapshot: Snapshot, finding: Finding, read: Reader) -> RuleStub:
    """The stub ``rules suggest`` writes for ``finding``, placed as the module docstring says."""
    rules = snapshot.rules.rules
    taken_ids, taken_keys = {r.id for r in rules}, {r.key for r in rules}
    ((name, (_, module_text)),) = suggest_files([finding], taken_ids, taken_keys).items()
    rule_text = module_text[module_text.index("[[rule]]") :]
    rule_id = rule_text.split('id = "', 1)[1].split('"', 1)[0]
    target = _claiming_file(snapshot, finding)
    if target is None:
        home = _rules_home(snapshot)
        target = home if home.suffix == ".toml" else home / name
    current = read(target)
    if current is None:
        return RuleStub(target, module_text, True, rule_id)
    text = current[0]
    joint = "" if not text else "\n" if text.endswith("\n") else "\n\n"
    return RuleStub(target, joint + rule_text, False, rule_id)
