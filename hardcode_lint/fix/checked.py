"""Putting a fix on disk the way ``fix`` promises: formatted as the project formats, and with
``--verify CMD`` built (or rolled back rule by rule until it builds).

This is the glue between the plan (which rules, which sites), the splice (``run``), the
formatter (``formatting``), the bisection (``verify``) and the memory the report reads
(``memory``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from hardcode_lint.fix.formatting import Formatting
from hardcode_lint.fix.memory import fingerprint, save_rolled_back
from hardcode_lint.fix.plan import Edit, FixPlan
from hardcode_lint.fix.run import FixRun, compute_fixes
from hardcode_lint.fix.verify import CommandRun, RolledBack, Verified, Verifier, verify
from hardcode_lint.parse.source import read_bytes


def narrowed(plan: FixPlan, keep: Collection[str]) -> FixPlan:
    """``plan`` with the edits of the ``keep`` rules only."""
    edits = {path: [e for e in found if e.rule.id in keep] for path, found in plan.edits.items()}
    return dataclasses.replace(plan, edits={p: e for p, e in edits.items() if e})


def formatted_fixes(plan: FixPlan, root: Path, formatting: Formatting,
                    read: Callable[[str], bytes] | None = None) -> FixRun:  # fmt: skip
    """The fix of ``plan``, each changed file formatted as the project's formatter wants."""
    return formatting.run(compute_fixes(plan, root, read))


def blame_line(head: tuple[str, ...]) -> str:
    return head[0] if head else "no output"


def rollback_reason(command: str, rolled: RolledBack) -> str:
    """The reason ``fix`` and the report give for a rolled-back rule."""
    return f"rolled back: `{command}` fails with it: {blame_line(rolled.head)}"


def _edits_of(plan: FixPlan) -> dict[str, list[Edit]]:
    found: dict[str, list[Edit]] = {}
    for path in sorted(plan.edits):
        for edit in plan.edits[path]:
            found.setdefault(edit.rule.id, []).append(edit)
    return found


def verify_written(
    plan: FixPlan,
    run: FixRun,
    root: Path,
    command: str,
    failing: CommandRun,
    formatting: Formatting,
    progress: Callable[[str], None],
) -> Verified:
    """Roll back the written rules that make ``command`` fail (it failed with ``failing``)."""
    written = {f.path: f for f in run.changed if f.path in run.written}
    originals = {path: fix.before for path, fix in written.items()}
    rules: dict[str, str] = {}  # rule -> the file of its first edit
    for path in sorted(written):
        for edit in written[path].applied:
            rules.setdefault(edit.rule.id, path)

    def read(rel: str) -> bytes:
        return originals[rel] if rel in originals else read_bytes(root / rel)

    def build(keep: frozenset[str]) -> Mapping[str, bytes]:
        state = dict(originals)
        for fix in formatted_fixes(narrowed(plan, keep), root, formatting, read).changed:
            if fix.path in state and fix.after is not None:
                state[fix.path] = fix.after
        return state

    on_disk = {path: fix.after for path, fix in written.items() if fix.after is not None}
    verifier = Verifier(command, root, on_disk, build, progress)
    verified = verify(verifier, rules, failing)
    verified.changed = sorted(p for p, data in verifier.on_disk.items() if data != originals[p])
    return verified


def remember(plan: FixPlan, root: Path, command: str, verified: Verified) -> str | None:
    """Record the rolled-back rules for the report (and forget the kept ones); why it could
    not be recorded, or None."""
    edits = _edits_of(plan)
    rolled = {
        r.rule: (fingerprint(edits[r.rule][0].rule, [e.finding for e in edits[r.rule]]),
                 rollback_reason(command, r))
        for r in verified.rolled_back
    }  # fmt: skip
    return save_rolled_back(root, rolled, verified.kept)
