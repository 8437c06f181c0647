"""The fast pre-pass (:mod:`.fastpass`) of an edited file, read by top-level statement.

An editor sends the whole file again after each keystroke, and the pre-pass's query and its
climb from every number cost a dense file's keystroke tens of milliseconds for the one
statement that changed.  What the query and the climb find in a top-level statement depends on
that statement's text alone (a number climbs at most to its statement; a name is classified by
itself), so each statement's findings are kept here as plain data, lines counted from its first
line, under its text: an edit reads again only the statements it changed.  What reaches across
statements (which calls are catalogued through which aliases, the receivers of candidate calls)
is decided afterwards over all of them, as :meth:`.fastpass._Matches.finish` does from nodes.

``tests/test_units.py`` checks that edits give the findings of a whole analysis (which reads
the file in one query, :func:`.fastpass.fast_prepass`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from threading import Lock

from hardcode_lint.detect.words import NameWords
from hardcode_lint.lang.python import sitter
from hardcode_lint.lang.python.fastpass import (
    _CALLS,
    _CANDIDATES,
    FastPrepass,
    _aliased_name,
    _aliased_root,
    _Matches,
    readable,
)
from hardcode_lint.lang.python.sitter import Node, parse_edited, text
from hardcode_lint.lang.python.ts_names import (
    chained_targets,
    last_name,
    line_of,
    receiver_member,
    root_name,
)
from hardcode_lint.parse.source import SourceFile

_Call = tuple[int, str | None, str | None, str | None, bool]  # row, name, root, member, tunable
_FEW = 16  # statements to read again one by one; more, and the whole file is queried once
_KEPT = 50_000  # statements kept; more, and the store starts again


@dataclass(frozen=True, slots=True)
class Part:
    """What the pre-pass found in one top-level statement; rows count from its first line."""

    lines: tuple[int, ...]
    keep: tuple[int, ...]
    roots: frozenset[str]
    calls: tuple[_Call, ...]  # calls with a literal argument
    aliases: tuple[tuple[str, str | None, str | None], ...]  # (bound, aliased name, root)
    constructions: tuple[tuple[int, str | None, str], ...]  # `x = C(...)`: (row, x, root of C)
    entries: bool
    legacy: bool
    call_roots: frozenset[str]  # the roots and receivers of every call (for entries)
    call_members: frozenset[str]


class _Store:
    """The parts of the statements read lately, by their text, under one vocabulary."""

    def __init__(self) -> None:
        self.key: tuple[NameWords, frozenset[str]] | None = None
        self.parts: dict[bytes, Part] = {}
        self.lock = Lock()

    def known(self, key: tuple[NameWords, frozenset[str]]) -> dict[bytes, Part]:
        with self.lock:
            if self.key is None or self.key[0] is not key[0] or self.key[1] != key[1]:
                self.key, self.parts = key, {}
            if len(self.parts) > _KEPT:
                self.parts = {}
            return self.parts


_store = _Store()


def _part(statement: Node, found: Iterable[tuple[int, dict[str, list[Node]]]],
          calls: Iterable[Node], words: NameWords, fallback: frozenset[str]) -> Part:  # fmt: skip
    """The part of ``statement`` from its query matches and the functions of its calls."""
    matches = _Matches(words, fallback)
    readers = matches.readers()
    for index, captures in found:
        readers[index](captures)
    base = statement.start_point.row + 1
    made: list[_Call] = []
    for call in matches.calls:
        function = call.child_by_field_name("function")
        if function is not None:
            name = last_name(function)
            tunable = name in fallback and matches.names_a_tunable(call)
            made.append((line_of(call) - base, name, root_name(function),
                         receiver_member(function), tunable))  # fmt: skip
    built: list[tuple[int, str | None, str]] = []
    for assignment, function in matches.constructions:
        root = root_name(function)
        if root is not None:
            built += [(line_of(t) - base, last_name(t), root) for t in chained_targets(assignment)]
    roots = {r for f in calls if (r := root_name(f)) is not None}
    members = {m for f in calls if (m := receiver_member(f)) is not None}
    result = matches.result
    return Part(
        tuple(line - base for line in result.lines), tuple(line - base for line in result.keep),
        frozenset(result.roots), tuple(made),
        tuple((text(c["bound"][0]), _aliased_name(c), _aliased_root(c))
              for c in matches.alias_captures),
        tuple(built), matches.entries, matches.legacy, frozenset(roots), frozenset(members),
    )  # fmt: skip


def _by_statement(
    root: Node, statements: Sequence[Node], query: str
) -> list[list[tuple[int, dict[str, list[Node]]]]]:
    """The matches of ``query`` over the whole file, by the top-level statement holding them."""
    starts = [statement.start_byte for statement in statements]
    grouped: list[list[tuple[int, dict[str, list[Node]]]]] = [[] for _ in statements]
    for index, captures in sitter.matches(query, root):
        first = next(iter(captures.values()))[0]
        at = bisect_right(starts, first.start_byte) - 1
        if at >= 0:
            grouped[at].append((index, captures))
    return grouped


def _parts(root: Node, words: NameWords, fallback: frozenset[str]) -> list[tuple[int, Part]]:
    """Each top-level statement's part, with its first line: those not known, read now."""
    known = _store.known((words, fallback))
    statements = root.children
    texts = [statement.text or b"" for statement in statements]
    missing = [i for i, data in enumerate(texts) if data not in known]
    if len(missing) > _FEW:
        found, calls = _by_statement(root, statements, _CANDIDATES), _by_statement(
            root, statements, _CALLS)  # fmt: skip
        for i in missing:
            functions = [c["function"][0] for _, c in calls[i]]
            known[texts[i]] = _part(statements[i], found[i], functions, words, fallback)
    else:
        for i in missing:
            statement = statements[i]
            functions = sitter.captures(_CALLS, statement).get("function", [])
            matched = sitter.matches(_CANDIDATES, statement)
            known[texts[i]] = _part(statement, matched, functions, words, fallback)
    return [(s.start_point.row + 1, known[t]) for s, t in zip(statements, texts, strict=True)]


class _Aliases:
    """The aliases of all the statements, by the name they bind."""

    def __init__(self, parts: list[tuple[int, Part]]) -> None:
        self.bound: dict[str, list[tuple[str | None, str | None]]] = {}
        for _, part in parts:
            for name, aliased, root in part.aliases:
                self.bound.setdefault(name, []).append((aliased, root))

    def catalogued(self, name: str, callee_names: frozenset[str]) -> bool:
        """:meth:`.fastpass._Matches.aliases_catalogued`."""
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in callee_names:
                return True
            if current not in seen:
                seen.add(current)
                todo += [a for a, _ in self.bound.get(current, []) if a is not None]
        return False

    def resolved_through(self, roots: set[str]) -> set[str]:
        """:meth:`.fastpass._Matches.resolved_through`."""
        names, todo = set(roots), list(roots)
        while todo:
            for _, root in self.bound.get(todo.pop(), []):
                if root is not None and root not in names:
                    names.add(root)
                    todo.append(root)
        return names


def _finish(parts: list[tuple[int, Part]], callee_names: frozenset[str],
            fallback: frozenset[str]) -> FastPrepass:  # fmt: skip
    """:meth:`.fastpass._Matches.finish` over the statements' parts."""
    result, aliases = FastPrepass(), _Aliases(parts)
    entries = any(part.entries for _, part in parts)
    members = {m for _, part in parts for m in part.call_members} if entries else set()
    verdicts: dict[str, bool] = {}
    for base, part in parts:
        result.lines += [base + row for row in part.lines]
        result.keep += [base + row for row in part.keep]
        result.roots |= part.roots
        for row, name, root, member, tunable in part.calls:
            if name is None:
                continue
            if name not in verdicts:
                verdicts[name] = aliases.catalogued(name, callee_names)
            if verdicts[name] or (name in fallback and tunable):
                result.lines.append(base + row)
                result.roots |= {root} if root is not None else set()
                members |= {member} if member is not None else set()
    for base, part in parts if members else []:
        for row, target, root in part.constructions:
            if target in members:
                result.keep.append(base + row)
                result.roots.add(root)
    if entries:
        result.roots |= {r for _, part in parts for r in part.call_roots}
    if result.roots and result.lines:
        result.roots = aliases.resolved_through(result.roots)
    result.lines.sort()
    result.keep.sort()
    return result


def fast_prepass_edited(
    source: SourceFile,
    words: NameWords,
    callee_names: frozenset[str],
    fallback_names: frozenset[str] = frozenset(),
) -> tuple[FastPrepass, Node] | None:
    """:func:`.fastpass.fast_prepass` of a file seen before in this process (an editor's),
    its statements read again only where their text changed."""
    if (data := readable(source)) is None:
        return None
    tree = parse_edited(data)
    if tree.root_node.has_error:
        return None
    parts = _parts(tree.root_node, words, fallback_names)
    if any(part.legacy for _, part in parts):
        return None
    return _finish(parts, callee_names, fallback_names), tree.root_node
