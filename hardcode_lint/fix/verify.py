"""``fix --write --verify CMD``: the written fix must pass the project's own build command.

CMD runs on the unfixed tree first (a command that fails there cannot judge the fix).  After
the fix is written, a failing CMD is answered by finding the rules whose edits break it and
rolling them back: rules are grouped by the file of their first edit and the groups bisected,
then the rules of each guilty group, so that k breaking rules among n cost about
``k * log2(n)`` runs of CMD instead of n (a cargo build is slow).  A trial is always a *set of
kept rules*: its files are made again from the original bytes with those rules' edits only, so
one rule's edits, imports and rewritten uses in other files come and go together, and a file
that keeps no rule gets its exact original bytes back.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hardcode_lint.atomic import WriteRefused, replace_checked

#: How many lines of CMD's output are kept to show why it failed.
HEAD_LINES = 8
#: A line that reports an error ("error[E0308]: ...", "SyntaxError: ...", "ERROR ..."), not one
#: that merely names a type (`error::Error`).
_ERROR = re.compile(r"^\s*(error|ERROR|FAILED)\b|\b\w*(error|Error)(\[\w+\])?:(?!:)")


@dataclass(frozen=True)
class CommandRun:
    """One run of CMD: whether it passed and the first lines of its output (stdout+stderr)."""

    ok: bool
    head: tuple[str, ...]


def run_command(command: str, root: Path) -> CommandRun:
    """Run ``command`` through the shell in ``root``; a command that cannot start fails."""
    try:
        done = subprocess.run(
            command,
            shell=True,
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except OSError as exc:
        return CommandRun(False, (f"cannot run it: {exc.strerror or exc}",))
    text = done.stdout.decode("utf-8", errors="replace")
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    # from the first line that says "error", when one does: build tools print progress first
    errors = [n for n, line in enumerate(lines) if _ERROR.search(line)]
    lines = lines[errors[0] :] if errors and done.returncode != 0 else lines
    if done.returncode != 0 and not lines:
        lines = [f"exit status {done.returncode}, no output"]
    return CommandRun(done.returncode == 0, tuple(lines[:HEAD_LINES]))


@dataclass(frozen=True)
class RolledBack:
    """A rule taken back out of the fix, with CMD's first output lines that blamed it."""

    rule: str
    head: tuple[str, ...]


@dataclass
class Verified:
    """What verifying found: the rules rolled back, the files they restored, the runs of CMD."""

    rolled_back: list[RolledBack] = field(default_factory=list)
    kept: frozenset[str] = frozenset()
    changed: list[str] = field(default_factory=list)  # files left different from the original
    runs: int = 0
    unwritable: list[tuple[str, str]] = field(default_factory=list)  # (path, why)


#: The bytes every changed file gets when only the given rules are applied (original bytes for
#: a file none of them touches).
Build = Callable[[frozenset[str]], Mapping[str, bytes]]


class Verifier:
    """Writes trial states to disk and runs CMD on them; remembers what is on disk."""

    def __init__(self, command: str, root: Path, written: Mapping[str, bytes], build: Build,
                 progress: Callable[[str], None]) -> None:  # fmt: skip
        self.command, self.root, self.build, self.progress = command, root, build, progress
        self.on_disk = dict(written)  # what each changed file holds now
        self.result = Verified()
        self.seen: dict[frozenset[str], CommandRun] = {}  # CMD's verdict on each state tried

    def _write(self, state: Mapping[str, bytes]) -> None:
        for rel, data in sorted(state.items()):
            current = self.on_disk.get(rel)
            if current is None or current == data:
                continue
            try:
                replace_checked(self.root / rel, current, data)
                self.on_disk[rel] = data
            except WriteRefused as exc:
                self.result.unwritable.append((rel, str(exc)))
                raise

    def trial(self, kept: frozenset[str], total: int) -> CommandRun:
        """Put the state with only ``kept`` rules applied on disk, and run CMD on it (once per
        state: CMD is taken to be deterministic)."""
        self._write(self.build(kept))
        if kept not in self.seen:
            self.result.runs += 1
            self.progress(f"verify: run {self.result.runs}: {len(kept)} of {total} rule(s) kept")
            self.seen[kept] = run_command(self.command, self.root)
        return self.seen[kept]


def _halves(items: Sequence[frozenset[str]]) -> tuple[list[frozenset[str]], ...]:
    middle = len(items) // 2
    return list(items[:middle]), list(items[middle:])


def _union(groups: Sequence[frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*groups)


@dataclass
class _Search:
    """Bisection over groups of rules: which groups break CMD on top of a set known good."""

    verifier: Verifier
    total: int
    blamed: dict[frozenset[str], tuple[str, ...]] = field(default_factory=dict)

    def passes(self, kept: frozenset[str]) -> CommandRun:
        return self.verifier.trial(kept, self.total)

    def bad(self, groups: list[frozenset[str]], good: frozenset[str],
            failing: tuple[str, ...]) -> list[frozenset[str]]:  # fmt: skip
        """The guilty groups among ``groups``, given that ``good`` passes and ``good`` with
        every group fails (with output ``failing``)."""
        if len(groups) == 1:
            self.blamed[groups[0]] = failing
            return groups
        first, second = _halves(groups)
        with_first = self.passes(good | _union(first))
        if with_first.ok:
            return self.bad(second, good | _union(first), failing)
        guilty = self.bad(first, good, with_first.head)
        innocent = _union([g for g in first if g not in guilty])
        rest = self.passes(good | innocent | _union(second))
        if rest.ok:
            return guilty
        return guilty + self.bad(second, good | innocent, rest.head)


def _by_file(rules: Mapping[str, str]) -> list[frozenset[str]]:
    """The rules (id -> path of its first edit) grouped by file, in path order."""
    files: dict[str, set[str]] = {}
    for rule, path in rules.items():
        files.setdefault(path, set()).add(rule)
    return [frozenset(files[path]) for path in sorted(files)]


def _round(search: _Search, rules: Mapping[str, str], failing: tuple[str, ...]) -> set[str]:
    """One round: guilty files, then guilty rules within each; the rules to roll back."""
    kept_all = frozenset(rules)
    files = search.bad(_by_file(rules), frozenset(), failing)
    good = kept_all - _union(files)
    guilty: set[str] = set()
    for group in files:
        singles = [frozenset({rule}) for rule in sorted(group)]
        if len(singles) > 1:
            probe = search.passes(good | group)
            if probe.ok:
                good |= group  # broke only together with another file's rules: judged there
                continue
            singles = search.bad(singles, good, probe.head)
        else:
            search.blamed[singles[0]] = search.blamed.get(group, failing)
        guilty |= _union(singles)
        good |= group - _union(singles)
    return guilty or set(kept_all)


def verify(verifier: Verifier, rules: Mapping[str, str], failing: CommandRun) -> Verified:
    """Roll back the rules (id -> path of their first edit) that make CMD fail, until it
    passes; ``failing`` is CMD's run on the fully written fix."""
    search = _Search(verifier, len(rules))
    verifier.seen[frozenset(rules)] = failing  # the fix as written: known to fail
    remaining = dict(rules)
    head = failing.head
    while True:
        guilty = _round(search, remaining, head)
        for rule in sorted(guilty):
            blame = search.blamed.get(frozenset({rule}), head)
            verifier.result.rolled_back.append(RolledBack(rule, blame))
            del remaining[rule]
        final = search.passes(frozenset(remaining))
        if final.ok or not remaining:
            break
        head = final.head  # rules that broke only in combination: another round
    verifier.result.kept = frozenset(remaining)
    return verifier.result
