"""A module's top-level statements as units of reuse between two versions of a file.

An editor analyses a file again after every keystroke; in a dense file libcst's parse of all
the candidate statements is seconds.  The verdicts on one top-level statement's literals depend
on that statement's text and on few facts from the rest of the module, the same facts the
region pre-filter (:mod:`.regions`) relies on when it blanks a statement:

* the names candidate calls resolve through (the *roots*), and the statements that bind them
  (an import, ``nap = time.sleep``, a ``def`` named like a root: its header);
* what reaches across statements: a ``global``/``nonlocal``, and a name multiplied by a duration
  (``delay *= backoff`` makes ``backoff = 1.5`` a factor anywhere in the module); a statement
  that may hold one is *cross*, its text a fact and its verdicts never reused.

Every other statement can be blanked without changing any other statement's verdicts (what
``tests/test_prefilter.py`` checks).  So when a new version has the same facts as the last
one, a statement whose text (and candidate lines) did not change has the verdicts it had; only
the changed ones are judged again, with the facts around them.  ``tests/test_units.py`` checks
that random edits give the same findings this way as from scratch.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from threading import Lock

from hardcode_lint.lang.python.sitter import Node
from hardcode_lint.lang.python.ts_statements import TreeSitterStatements

# A name times a name (`delay * backoff`, `delay *= self.backoff`, `(a) * b`), never `*args`,
# `**kwargs`, `2 ** n` nor `delay * 2`; and the statements that bind names elsewhere.
_CROSS = re.compile(r"[\w.)\]]\s*\*=?\s*\(*[A-Za-z_]|\b(?:global|nonlocal)\b")


@dataclass(frozen=True, slots=True)
class Unit:
    """One top-level statement: its lines (1-based, inclusive) and what identifies its verdicts."""

    first: int
    last: int
    key: str  # its text and the offsets of its candidate lines
    candidate: bool  # holds a candidate (or kept) line: without one it has no verdicts
    cross: bool  # may change other statements' verdicts: judged every time


@dataclass(frozen=True, slots=True)
class Split:
    units: list[Unit]
    facts: str  # what other statements' verdicts depend on
    firsts: list[int]

    def at(self, line: int) -> Unit | None:
        """The unit holding ``line``."""
        index = bisect_right(self.firsts, line) - 1
        unit = self.units[index] if index >= 0 else None
        return unit if unit is not None and line <= unit.last else None


def _digest(parts: Sequence[str]) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


# A statement's unit but for its lines, and the fact it adds: a function of its text, its
# candidate offsets and the roots.
_Made = tuple[str, bool, bool, str | None]


class _Known:
    """The units of an editor's statements, by text and offsets, under one set of roots: the
    next keystroke leaves all statements but one as they were."""

    def __init__(self) -> None:
        self.roots: set[str] | None = None
        self.made: dict[tuple[str, str], _Made] = {}
        self.lock = Lock()

    def under(self, roots: set[str]) -> dict[tuple[str, str], _Made]:
        with self.lock:
            if self.roots != roots or len(self.made) > _KEPT:
                self.roots, self.made = set(roots), {}
            return self.made


_KEPT = 50_000
_known = _Known()


class _Splitter:
    def __init__(self, tree: TreeSitterStatements, lines: list[str], keep: list[int],
                 roots: set[str], known: dict[tuple[str, str], _Made]) -> None:  # fmt: skip
        self.tree, self.lines, self.keep, self.roots = tree, lines, keep, roots
        self.facts: list[str] = [",".join(sorted(roots))]
        self.known = known

    def text(self, first: int, last: int) -> str:
        return "".join(self.lines[first - 1 : last])

    def unit(self, statement: Node) -> Unit:
        first, last = self.tree.first_line(statement), self.tree.last_line(statement)
        text = self.text(first, last)
        start, end = bisect_right(self.keep, first - 1), bisect_right(self.keep, last)
        offsets = ",".join(str(line - first) for line in self.keep[start:end])
        made = self.known.get((text, offsets))
        if made is None:
            made = self.known[text, offsets] = self._made(statement, first, text, offsets)
        key, candidate, cross, fact = made
        if fact is not None:
            self.facts.append(fact)
        return Unit(first, last, key, candidate, cross)

    def _made(self, statement: Node, first: int, text: str, offsets: str) -> _Made:
        cross = self.tree.always_kept(statement) or _CROSS.search(text) is not None
        fact = f"X{text}" if cross else self._binding(statement, first, text)
        return _digest((text, offsets)), bool(offsets), cross, fact

    def _binding(self, statement: Node, first: int, text: str) -> str | None:
        """The statement as a fact if it binds a root: a def's or class's header, else all."""
        if not any(root in text for root in self.roots):
            return None  # cheap: a name it does not mention, it cannot bind
        inner = self.tree.definition_body(statement)
        if inner is None:
            return f"B{text}" if self.tree.bound_names(statement) & self.roots else None
        body = self.tree.first_line(inner[0])
        header = self.text(first, body - 1) if body > first else text
        return f"H{header}" if self.tree.header_bound_names(statement) & self.roots else None


def split(tree: TreeSitterStatements, lines: list[str], keep: list[int], roots: set[str],
          edited: bool = False) -> Split:  # fmt: skip
    """The module's units; ``keep`` is the sorted candidate and kept lines of the pre-pass;
    ``edited``: an editor's file, whose unchanged statements' units are known."""
    splitter = _Splitter(tree, lines, keep, roots, _known.under(roots) if edited else {})
    units = [splitter.unit(statement) for statement in tree.module_body()]
    return Split(units, _digest(splitter.facts), [unit.first for unit in units])
