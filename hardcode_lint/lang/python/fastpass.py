"""The fast pre-pass: the ``ast`` pre-pass's questions answered by one tree-sitter query.

Parsing every file with ``ast`` and walking it in Python was most of a cold scan; most files
hold nothing. Here every file is parsed by tree-sitter-python and queried once in C for the
numbers that stand where a literal can (an argument, a keyword's value, the value of an
assignment, a default or a dict entry) or inside a literal expression (``-(5 * 60)``,
``1.0 if x else 2``), for a keyword's tuples (``timeout=(3.05, 27)``), and for the aliases
and ``global``s the ``ast`` pre-pass also collects. Python climbs from each such number to
where its expression stands (once per expression: ``1 + 2 + ... + n`` is climbed once) and
judges it with the same name rules (:mod:`.prepass`); the numbers of plain lists, which data
arrays are full of, are never even matched. The blanker (:mod:`.regions`) then cuts the file
down to the candidates' statements, which the ``ast`` pre-pass and libcst read as before.

Sound by construction: every test is a superset of the ``ast`` pre-pass's (``a + 1`` counts as
literal here, a class's keywords as a call's); ``tests/test_fastpass.py`` and ``bench/run.py``
check identical findings with and without it. What tree-sitter cannot read the way CPython
does (another encoding, CR-only line ends, a parse error, a line so long it is generated or
nested deeper than CPython allows) is left to the ``ast`` path: :func:`fast_prepass` returns
None."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from hardcode_lint.detect.names import classify_name
from hardcode_lint.detect.words import NameWords
from hardcode_lint.lang.python import sitter
from hardcode_lint.lang.python.bound_names import class_fields, default_verdict
from hardcode_lint.lang.python.literals import DATA_TABLE_ENTRIES
from hardcode_lint.lang.python.sitter import Node, parse, text
from hardcode_lint.lang.python.ts_climb import (
    SEQUENCES,
    climbs,
)
from hardcode_lint.lang.python.ts_names import (
    chained_targets,
    enclosing_class,
    field_text,
    holds_one_literal,
    key_name,
    last_name,
    line_of,
    operand_name,
    receiver_member,
    root_name,
    string_key,
    subscript_key,
)
from hardcode_lint.parse.source import SourceFile

_DEFAULTS = frozenset({"default_parameter", "typed_default_parameter"})
_NAMES = "(identifier) (attribute) (parenthesized_expression)"
_OPERANDS = f"{_NAMES} (subscript)"  # what a product multiplies: `delay[key] * backoff`
# Each pattern with the reader of its matches (:class:`_Matches`), dispatched by index.
_PATTERNS = (
    *((f"({place} [(integer) (float)] @number)", "number") for place in (
        "argument_list", "keyword_argument", "assignment", "default_parameter",
        "typed_default_parameter", "pair", "unary_operator", "binary_operator",
        "conditional_expression", "parenthesized_expression", "boolean_operator")),
    ("(keyword_argument value: [(tuple) (list)] @sequence)", "sequence"),
    ('(pair key: (string) @key value: [(tuple) (list)] @sequence)', "entry_sequence"),
    ('(tuple . (string) @key . (_) @sequence .)', "entry_sequence"),  # `("delay", 0.1)`
    ("(assignment right: (list . [(integer) (float)] @number .))", "number"),  # `_limit = [10]`
    (f"(assignment left: (identifier) @bound right: [{_NAMES}] @source)", "alias"),
    (f"(default_parameter name: (identifier) @bound value: [{_NAMES}] @source)", "alias"),
    (f"(typed_default_parameter name: (identifier) @bound value: [{_NAMES}] @source)", "alias"),
    ("(assignment left: (identifier) @bound right: (call function: (_) @constructor))", "alias"),
    ("(default_parameter name: (identifier) @bound value: (call function: (_) @constructor))",
     "alias"),
    ("(typed_default_parameter name: (identifier) @bound"
     " value: (call function: (_) @constructor))", "alias"),
    ("(assignment left: [(identifier) (attribute)] right: (call function: (_) @class))"
     " @constructed", "construction"),
    ("(aliased_import name: (dotted_name) @imported alias: (identifier) @bound)", "alias"),
    ("[(global_statement) (nonlocal_statement)] @keep", "keep"),
    ('(augmented_assignment left: (identifier) @counted operator: "+=")', "counted"),
    ('(augmented_assignment operator: "*=" right: [(identifier) (attribute)] @counted)',
     "counted"),  # `delay *= backoff`: a factor
    (f'(binary_operator left: [{_OPERANDS}] @counted operator: "*" right: [{_NAMES}] @counted)',
     "counted"),  # `sleep_time * backoff`, `(delay[key] or 0.1) * backoff`
    ("[(print_statement) (exec_statement)] @legacy", "legacy"),
)  # fmt: skip
_CANDIDATES = "\n".join(pattern for pattern, _ in _PATTERNS)
_CALLS = "(call function: (_) @function)"
_UTF8 = frozenset({"utf-8", "utf8", "utf_8"})
_LONG_LINE = 10_000  # bytes; no hand-written line is this long
_DEEP_LINE = 400  # bytes: a line that could hold 200 nested brackets
_DEEP_BRACKETS = re.compile(rb"[(\[{](?:\s*[(\[{]){49}")
_DIGIT = re.compile(rb"[0-9]")


@dataclass(slots=True)
class FastPrepass:
    """What the blanker needs: the candidates' lines, lines to keep, and the roots."""

    lines: list[int] = field(default_factory=list)
    keep: list[int] = field(default_factory=list)
    roots: set[str] = field(default_factory=set)


class _Matches:
    """The query's matches, read into the ``ast`` pre-pass's vocabulary."""

    def __init__(self, words: NameWords, fallback_names: frozenset[str] = frozenset()) -> None:
        self.words = words
        self.fallback_names = fallback_names  # `get`, `getattr`: lookups with a default
        self.result = FastPrepass()
        # Read only when :meth:`finish` needs them (`x = f(...)`, `x = a.b` are everywhere).
        self.calls: list[Node] = []  # calls with a literal argument
        self.alias_captures: list[dict[str, list[Node]]] = []
        self.constructions: list[tuple[Node, Node]] = []  # (`x = C(...)`, `C`)
        self.by_bound: dict[str, list[dict[str, list[Node]]]] | None = None
        self.entries = False  # a dict entry is a candidate: its api is the call around it
        self.legacy = False  # Python 2 that tree-sitter's grammar still reads: ast reports it
        self.placed: set[int] = set()  # where a number was already placed (node ids)
        self.climbed: set[int] = set()  # the parts of literal expressions already climbed
        self.call_roots: set[str] = set()  # with entries: the root of every call ...
        self.call_members: set[str] = set()  # ... and the `x` of every `name.x.method(...)`

    def named(self, name: str | None, line: int, *, as_keyword: bool) -> None:
        if name and classify_name(name, self.words, as_keyword=as_keyword):
            self.result.lines.append(line)

    def readers(self) -> list[Callable[[dict[str, list[Node]]], None]]:
        """The reader of each pattern's matches, in the query's order."""
        return [getattr(self, f"read_{kind}") for _, kind in _PATTERNS]

    def read_entry_sequence(self, captures: dict[str, list[Node]]) -> None:
        """``"read_timeout": (3.05, 27)``, botocore's ``"metadata_service_timeout": ("...",
        "...", 1, int)``: an entry's tuple, judged by its key as a keyword's is; and a pair of
        a table of pairs (``("initial_delay", 0.1)``: ``entries.pair_entries``)."""
        value = captures["sequence"][0]
        if _DIGIT.search(value.text or b""):
            self.entry(string_key(captures["key"][0]), value)

    def read_sequence(self, captures: dict[str, list[Node]]) -> None:
        """``timeout=(3.05, 27)``: a keyword's tuple or list of numbers (the query matches no
        number of a plain list, which data arrays are full of)."""
        value = captures["sequence"][0]
        argument = value.parent
        if (
            argument is not None
            and _DIGIT.search(value.text or b"")
            and argument.id not in self.placed
        ):
            self.placed.add(argument.id)
            self.keyword(argument, value)

    def read_number(self, captures: dict[str, list[Node]]) -> None:
        """A number in a literal's place, or in a part of a literal expression (``-(5 * 60)``):
        where does the whole expression stand?"""
        value = captures["number"][0]
        place, in_sequence = value.parent, False
        while place is not None and climbs(place, value):
            if place.type == "keyword_argument" and place.parent is not None:
                value, place = place, place.parent  # `Field(default=5)`: the call stands for it
            if place.id in self.climbed:
                return  # another number of this expression went this way (`1 + 2 + ... + n`)
            in_sequence = in_sequence or place.type in SEQUENCES
            if not in_sequence:  # `(1, 2) if c else 3`: the 3 must still climb on its own
                self.climbed.add(place.id)
            if place.type == "argument_list":  # `pow(2, 29)`: the call is the expression
                place = place.parent
                assert place is not None
            value, place = place, place.parent
        if place is None or place.id in self.placed:
            return
        kind = place.type
        if in_sequence and kind != "keyword_argument" and not holds_one_literal(value, kind):
            return  # `f((1, 2))`: no literal argument (`f((1, 2), 5)` still has one)
        self.placed.add(place.id)  # the other numbers of `f(1, 2)` or `5 * 60` say the same
        if kind == "keyword_argument":
            self.keyword(place, value)
        elif kind == "argument_list":
            self.call(place.parent)
        elif kind == "assignment" and place.child_by_field_name("right") == value:
            for target in chained_targets(place):
                name = last_name(target) or subscript_key(target)
                self.named(name, line_of(value), as_keyword=False)
                if target.type == "identifier" and name in class_fields():
                    self.named(enclosing_class(place), line_of(value), as_keyword=False)
        elif kind in _DEFAULTS and place.child_by_field_name("value") == value:
            name = field_text(place, "name")
            if name and default_verdict(name, self.words):
                self.result.lines.append(line_of(value))
        elif kind == "pair" and place.child_by_field_name("value") == value:
            key, table = place.child_by_field_name("key"), place.parent
            if table is not None and table.named_child_count > DATA_TABLE_ENTRIES:
                return  # a data table's entries are no settings
            name = key_name(key) if key is not None else None
            if name is not None:
                self.entry(name, value)
            bound = table.parent if table is not None else None  # `TIMEOUTS = {"read": 30}`
            if bound is not None and bound.type == "assignment":
                for target in chained_targets(bound):
                    self.named(last_name(target), line_of(value), as_keyword=False)

    def read_construction(self, captures: dict[str, list[Node]]) -> None:
        self.constructions.append((captures["constructed"][0], captures["class"][0]))

    def read_alias(self, captures: dict[str, list[Node]]) -> None:
        self.alias_captures.append(captures)

    def read_keep(self, captures: dict[str, list[Node]]) -> None:
        self.result.keep.append(line_of(captures["keep"][0]))

    def read_counted(self, captures: dict[str, list[Node]]) -> None:
        """``attempts += 1``, ``delay *= b``, ``delay * b``: kept as the ``ast`` pre-pass does."""
        for name in captures["counted"]:  # a product's two names: kept if either is named so
            if classify_name(operand_name(name) or "", self.words, as_keyword=False):
                self.result.keep.append(line_of(name))
                return

    def read_legacy(self, captures: dict[str, list[Node]]) -> None:
        self.legacy = True

    def call(self, call: Node | None) -> None:
        """A call with a literal argument (positional or keyword): a candidate if its callee
        turns out to be catalogued (:meth:`finish`, once every alias is known)."""
        if call is not None and call.type == "call":
            self.calls.append(call)

    def keyword(self, argument: Node, value: Node) -> None:
        """``name=value`` (a keyword_argument, in an argument_list, in a call)."""
        arguments = argument.parent
        call = arguments.parent if arguments is not None else None
        self.call(call)
        name = field_text(argument, "name")
        if not name or not classify_name(name, self.words, as_keyword=True):
            return
        self.result.lines.append(line_of(value))
        function = call.child_by_field_name("function") if call is not None else None
        root = root_name(function) if function is not None else None
        if root is not None:
            self.result.roots.add(root)

    def entry(self, key: str | None, value: Node) -> None:
        """``{"timeout": 5}``: keys are judged as names, or as keywords when unpacked."""
        words = self.words
        if key and any(classify_name(key, words, as_keyword=k) for k in (True, False)):
            self.result.lines.append(line_of(value))
            self.entries = True

    def every_call(self, root: Node) -> None:
        """A candidate entry's ``api`` is whatever call holds it, so (as the ``ast`` pre-pass
        does) every call's root and ``self.x`` receiver is kept: read by a second query, run
        only in the few files with such an entry."""
        for function in sitter.captures(_CALLS, root).get("function", []):
            name, member = root_name(function), receiver_member(function)
            if name is not None:
                self.call_roots.add(name)
            if member is not None:
                self.call_members.add(member)

    def constructed(self, members: set[str]) -> Iterable[tuple[int, str]]:
        """(line, root of ``C``) of every ``x = C(...)`` / ``self.x = C(...)``, ``x`` a member."""
        for assignment, function in self.constructions:
            root = root_name(function)
            for target in chained_targets(assignment) if root is not None else []:
                if root is not None and last_name(target) in members:
                    yield line_of(target), root

    def names_a_tunable(self, call: Node) -> bool:
        """``opts.get("delay", 3)``: a string argument that is a duration or limit name."""
        arguments = call.child_by_field_name("arguments")
        for argument in arguments.named_children if arguments is not None else []:
            key = string_key(argument) if argument.type == "string" else None
            if key and classify_name(key, self.words, as_keyword=False) is not None:
                return True
        return False

    def _bindings(self) -> dict[str, list[dict[str, list[Node]]]]:
        """The alias matches by the name they bind: of the thousands in a file (``x = a.b`` and
        ``x = f(...)`` are everywhere), only those binding a name a candidate resolves through
        are ever read further."""
        if self.by_bound is None:
            self.by_bound = {}
            for captures in self.alias_captures:
                self.by_bound.setdefault(text(captures["bound"][0]), []).append(captures)
        return self.by_bound

    def aliases_catalogued(self, name: str, callee_names: frozenset[str]) -> bool:
        """Whether ``name`` is, through a chain of aliases (``nap = time.sleep``, ``from x
        import sleep as nap``), a catalogued callee's last name."""
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in callee_names:
                return True
            if current in seen:
                continue
            seen.add(current)
            todo += [source for captures in self._bindings().get(current, [])
                     if (source := _aliased_name(captures)) is not None]  # fmt: skip
        return False

    def resolved_through(self, roots: set[str]) -> set[str]:
        """``roots`` and every root they are bound from (``loop = asyncio.get_event_loop()``
        adds ``asyncio`` to ``loop``; ``lc = LoopingCall(f)`` adds ``LoopingCall``)."""
        names, todo = set(roots), list(roots)
        while todo:
            for captures in self._bindings().get(todo.pop(), []):
                root = _aliased_root(captures)
                if root is not None and root not in names:
                    names.add(root)
                    todo.append(root)
        return names

    def finish(self, callee_names: frozenset[str]) -> FastPrepass:
        """The ``ast`` pre-pass's ``_finish``: candidate calls once every alias is known; a
        candidate call on ``self.x`` keeps every ``x = C(...)`` and the root of ``C``."""
        result, members = self.result, set(self.call_members)
        named = [(call, function) for call in self.calls
                 if (function := call.child_by_field_name("function")) is not None]  # fmt: skip
        callees = [(call, function, last_name(function)) for call, function in named]
        verdicts: dict[str, bool] = {}
        for call, function, name in callees:
            if name is None:
                continue
            if name not in verdicts:  # an unknown callee may alias a catalogued one
                verdicts[name] = self.aliases_catalogued(name, callee_names)
            if verdicts[name] or (name in self.fallback_names and self.names_a_tunable(call)):
                result.lines.append(line_of(call))
                root, member = root_name(function), receiver_member(function)
                if root is not None:
                    result.roots.add(root)
                if member is not None:
                    members.add(member)
        for line, root in self.constructed(members) if members else []:
            result.keep.append(line)
            result.roots.add(root)
        result.roots |= self.call_roots
        if result.roots and result.lines:
            result.roots = self.resolved_through(result.roots)
        result.lines.sort()
        result.keep.sort()
        return result


def _aliased_name(captures: dict[str, list[Node]]) -> str | None:
    """The last name an alias match binds its name to (``sleep`` for ``nap = time.sleep``);
    None for ``x = C(...)``, which binds an instance, not the callee."""
    if "constructor" in captures:
        return None
    if "imported" in captures:
        return text(captures["imported"][0]).rsplit(".", 1)[-1]
    return last_name(captures["source"][0])


def _aliased_root(captures: dict[str, list[Node]]) -> str | None:
    """The root an alias match's name resolves through (``time`` for ``nap = time.sleep``,
    ``LoopingCall`` for ``lc = LoopingCall(f)``); None for an import."""
    if "constructor" in captures:
        return root_name(captures["constructor"][0])
    if "imported" in captures:
        return None
    source = captures["source"][0]
    return root_name(source) if last_name(source) is not None else None


def readable(source: SourceFile) -> bytes | None:
    """The bytes tree-sitter reads as CPython does: UTF-8 without CR-only line ends."""
    if source.encoding.lower() not in _UTF8:
        return None
    data = source.data[len(source.bom) :]
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None
    longest = max(map(len, data.split(b"\n"))) if len(data) > _DEEP_LINE else 0
    if longest > _LONG_LINE:
        return None  # generated data, or nesting CPython refuses (tree-sitter does not)
    if longest > _DEEP_LINE and _DEEP_BRACKETS.search(data):
        return None  # CPython stops at 200 nested brackets
    return data


def fast_prepass(
    source: SourceFile,
    words: NameWords,
    callee_names: frozenset[str],
    fallback_names: frozenset[str] = frozenset(),
) -> tuple[FastPrepass, Node] | None:
    """The candidates of ``source`` and its tree, or None when the ``ast`` path must decide
    (a batch scan's file: parsed fresh; an editor's goes through ``fastparts``)."""
    if (data := readable(source)) is None:
        return None
    tree = parse(data)
    if tree.root_node.has_error:
        return None  # the ast path reports the syntax error (or finds what tree-sitter missed)
    matches = _Matches(words, fallback_names)
    readers = matches.readers()
    for index, found in sitter.matches(_CANDIDATES, tree.root_node):
        readers[index](found)
    if matches.legacy:
        return None
    if matches.entries:
        matches.every_call(tree.root_node)
    return matches.finish(callee_names), tree.root_node
