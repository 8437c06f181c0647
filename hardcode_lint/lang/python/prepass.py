"""The cheap ``ast`` pre-pass: can this file hold a finding, and where is every literal?

``ast.parse`` is about ten times faster than ``libcst.parse_module``, and most files hold no
literal in a place where it could be a finding.  This pass answers two questions in one walk:

* ``candidate``: is there a literal expression that is an argument of a call whose last name is
  catalogued (or aliased to one), a keyword argument (or an element of a tuple or list passed by
  keyword: ``timeout=(3.05, 27)``) or assignment or default whose name is a duration or limit
  name, or the value of a dict entry whose string key is such a name (``{"TIMEOUT": 300}``)?
  If not, the libcst detector cannot find anything and is skipped.  The test is a superset of
  the detector's, which ``tests/test_prefilter.py`` checks.
* ``spans``: the position of every literal expression, in source order.  The detector numbers
  the same expressions in the same order and borrows these positions instead of running libcst's
  (whole-module, costly) position pass.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hardcode_lint.detect.names import classify_name
from hardcode_lint.detect.words import NameWords
from hardcode_lint.lang.python.bound_names import class_fields, default_verdict
from hardcode_lint.lang.python.literals import (
    DATA_TABLE_ENTRIES,
    POW,
    ast_element_values,
    ast_literal_leaves,
    ast_margin_leaves,
    ast_scaled_leaves,
    is_ast_literal,
)
from hardcode_lint.parse.source import SourceError

Span = tuple[int, int, int, int]  # line, byte column, end line, end byte column (ast's own)


@dataclass(slots=True)
class Prepass:
    candidate: bool = False
    spans: list[Span] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # where candidates are, sorted
    keep: list[int] = field(default_factory=list)  # global/nonlocal: their function must stay
    roots: set[str] = field(default_factory=set)  # names candidate calls resolve through
    call_roots: set[str] = field(default_factory=set)  # names any call resolves through


def parse_ast(text: str) -> ast.Module:
    """``ast.parse`` with syntax errors as :class:`SourceError` and warnings silenced."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except SyntaxError as exc:
        raise SourceError(f"syntax error: {exc.msg}", exc.lineno) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise SourceError(f"cannot parse: {exc}") from None


def _last_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _subscript_key(node: ast.AST) -> str | None:
    """``"expires_days"`` of ``cookie_kwargs["expires_days"] = 30``: an entry set by its key."""
    return _key_name(node.slice) if isinstance(node, ast.Subscript) else None


def _key_name(node: ast.AST) -> str | None:
    """What a key names: a string's text, or a name's or an attribute's last name
    (``cst_literals.key_name``)."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    return _last_name(node)


def _operand_name(node: ast.AST) -> str | None:
    """What a product multiplies: ``delay`` of ``delay[key]`` and ``(delay[key] or 0.1)``."""
    while isinstance(node, ast.Subscript | ast.BoolOp):
        node = node.value if isinstance(node, ast.Subscript) else node.values[0]
    return _last_name(node)


class _Walk:
    """One iterative walk; see the module docstring for what it collects."""

    def __init__(self, words: NameWords, fallback_names: frozenset[str] = frozenset()) -> None:
        self.words = words
        self.fallback_names = fallback_names  # `get`, `getattr`: lookups with a default
        self.result = Prepass()
        # (callee's last name, root, line, `x` when the callee is `name.x.method`)
        self.calls: list[tuple[str, str | None, int, str | None]] = []
        self.aliases: list[tuple[str, str]] = []  # (bound name, last name of what it aliases)
        self.root_aliases: list[tuple[str, str]] = []  # (bound name, root of what it aliases)
        # `x = C(...)` / `self.x = C(...)`: (x, line, root of C); kept when a candidate call's
        # receiver is `self.x` (see ``scopes.constructed_type``)
        self.constructed: list[tuple[str, int, str]] = []
        self.unpacked: set[int] = set()  # ids of dicts passed as `**{...}`
        self.members: set[str] = set()  # `x` of every call `name.x.method(...)`
        self.entries = False  # a dict entry is a candidate

    def named(self, name: str | None, line: int, *, as_keyword: bool) -> None:
        if name is not None and classify_name(name, self.words, as_keyword=as_keyword):
            self.result.lines.append(line)

    def alias(self, bound: str | None, value: ast.AST | None) -> None:
        source = _last_name(value) if value is not None else None
        if bound is not None and source is not None and value is not None:
            self.aliases.append((bound, source))
            root = _root_name(value)
            if root is not None:
                self.root_aliases.append((bound, root))
        elif bound is not None and isinstance(value, ast.Call):  # `lc = LoopingCall(f)`
            root = _root_name(value.func)
            if root is not None:
                self.root_aliases.append((bound, root))

    def call(self, node: ast.Call) -> None:
        literals = [
            leaf
            for a in node.args
            if not isinstance(a, ast.Starred)
            for leaf in ast_literal_leaves(a) or ast_margin_leaves(a)
        ]
        root = _root_name(node.func)
        if root is not None:
            self.result.call_roots.add(root)
        for keyword in node.keywords:
            value = keyword.value
            leaves: list[ast.expr] = []
            if keyword.arg is not None:  # `timeout=(3.05, 27)`: each element by the keyword
                leaves = [*(ast_literal_leaves(value) or ast_margin_leaves(value))]
                elements = ast_element_values(value)
                leaves += [leaf for e in elements for leaf in ast_literal_leaves(e)]
            literals += leaves
            if leaves and classify_name(keyword.arg or "", self.words, as_keyword=True):
                self.result.lines += [leaf.lineno for leaf in leaves]
                if root is not None:
                    self.result.roots.add(root)
        self.unpacked.update(id(k.value) for k in node.keywords if k.arg is None)
        callee, member = _last_name(node.func), _member(node.func)
        if member is not None:
            self.members.add(member)
        if literals and callee in self.fallback_names and self._names_a_tunable(node):
            self.result.lines += [literal.lineno for literal in literals]
            if root is not None:
                self.result.roots.add(root)
        if callee is not None:
            self.calls += [(callee, root, literal.lineno, member) for literal in literals]

    def _names_a_tunable(self, node: ast.Call) -> bool:
        """``opts.get("delay", 3)``: a string argument that is a duration or limit name."""
        return any(
            isinstance(a, ast.Constant) and isinstance(a.value, str)
            and classify_name(a.value, self.words, as_keyword=False) is not None
            for a in node.args
        )  # fmt: skip

    def mapping(self, node: ast.Dict) -> None:
        """Entries with a string key judged like names (keywords when unpacked with ``**``)."""
        as_keyword = id(node) in self.unpacked
        if len(node.keys) > DATA_TABLE_ENTRIES:
            return  # a data table (``literals.DATA_TABLE_ENTRIES``)
        for key, value in zip(node.keys, node.values, strict=True):
            name = _key_name(key) if key is not None else None
            if name is None:
                continue
            leaves = ast_literal_leaves(value)
            leaves += [leaf for e in ast_element_values(value) for leaf in ast_literal_leaves(e)]
            if leaves and classify_name(name, self.words, as_keyword=as_keyword):
                self.result.lines += [leaf.lineno for leaf in leaves]
                self.entries = True

    def pair(self, node: ast.Tuple) -> None:
        """``("initial_delay", 0.1)``: a pair of a table of pairs (``entries.pair_entries``)."""
        key = node.elts[0] if len(node.elts) == 2 else None
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            leaves = ast_literal_leaves(node.elts[1])
            if leaves and classify_name(key.value, self.words, as_keyword=False):
                self.result.lines += [leaf.lineno for leaf in leaves]

    def assign(self, targets: Iterable[ast.AST], value: ast.expr | None) -> None:
        targets = list(targets)
        if type(value) is ast.List and len(value.elts) == 1:  # `_limit = [10]`: one held value
            value = value.elts[0]
        leaves = (
            (ast_literal_leaves(value) or ast_scaled_leaves(value)) if value is not None else []
        )
        if isinstance(value, ast.Dict) and len(value.keys) <= DATA_TABLE_ENTRIES:
            leaves += [leaf for v in value.values for leaf in ast_literal_leaves(v)]  # by name
        for leaf in leaves:
            for target in targets:
                name = _last_name(target) or _subscript_key(target)
                self.named(name, leaf.lineno, as_keyword=False)
        if len(targets) == 1 and isinstance(targets[0], ast.Name):
            self.alias(targets[0].id, value)
        root = _root_name(value.func) if isinstance(value, ast.Call) else None
        for target in targets if root is not None else []:
            name = _last_name(target)
            if name is not None and root is not None and isinstance(target, ast.expr):
                self.constructed.append((name, target.lineno, root))

    def arguments(self, node: ast.arguments) -> None:
        positional = [*node.posonlyargs, *node.args]
        with_defaults = positional[len(positional) - len(node.defaults) :]
        pairs = list(zip(with_defaults, node.defaults, strict=True))
        keyword_only = zip(node.kwonlyargs, node.kw_defaults, strict=True)
        pairs += [(a, d) for a, d in keyword_only if d is not None]
        for arg, default in pairs:
            for leaf in ast_literal_leaves(default) or ast_scaled_leaves(default):
                if default_verdict(arg.arg, self.words):
                    self.result.lines.append(leaf.lineno)
            self.alias(arg.arg, default)

    def klass(self, node: ast.ClassDef) -> None:
        """``class Timeout(Setting): default = 30``: a settings field, judged by the class."""
        fields = class_fields()
        for statement in node.body:
            if type(statement) is ast.Assign:
                targets, value = statement.targets, statement.value
            elif type(statement) is ast.AnnAssign and statement.value is not None:
                targets, value = [statement.target], statement.value
            else:
                continue
            if any(type(t) is ast.Name and t.id in fields for t in targets):
                for leaf in ast_literal_leaves(value):
                    self.named(node.name, leaf.lineno, as_keyword=False)

    def imports(self, node: ast.Import | ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.asname is not None:
                self.aliases.append((alias.asname, alias.name.rsplit(".", 1)[-1]))

    def span(self, node: ast.expr) -> None:
        end = (node.end_lineno or node.lineno, node.end_col_offset or node.col_offset)
        self.result.spans.append((node.lineno, node.col_offset, *end))

    def scoping(self, node: ast.Global | ast.Nonlocal) -> None:
        self.result.keep.append(node.lineno)  # it rebinds names outside its function

    def counted(self, node: ast.AugAssign) -> None:
        """``attempts += 1``: kept, so the detector sees that ``attempts = 1`` starts a counter;
        ``delay *= backoff`` too, so that it sees ``backoff`` is a factor."""
        target, words = node.target, self.words
        name = target.id if isinstance(target, ast.Name) and isinstance(node.op, ast.Add) else None
        if type(node.op) is ast.Mult:
            name = _last_name(node.value)
        if name is not None and classify_name(name, words, as_keyword=False):
            self.result.keep.append(node.lineno)

    def product(self, node: ast.BinOp) -> None:
        """``sleep_time * self.backoff``: kept, so that the detector sees ``backoff`` is a
        factor of a duration (a name times a duration-named name)."""
        if type(node.op) is ast.Mult:
            names = (_operand_name(node.left), _last_name(node.right))
            if None not in names and any(
                classify_name(name or "", self.words, as_keyword=False) for name in names
            ):
                self.result.keep.append(node.lineno)

    def handlers(self) -> dict[type, Any]:
        """What to do per node type; a dict lookup is cheaper than a chain of isinstance."""
        return {
            ast.Call: self.call,
            ast.Dict: self.mapping,
            ast.Tuple: self.pair,
            ast.Assign: lambda n: self.assign(n.targets, n.value),
            ast.AnnAssign: lambda n: self.assign([n.target], n.value),
            ast.arguments: self.arguments,
            ast.ClassDef: self.klass,
            ast.Import: self.imports,
            ast.ImportFrom: self.imports,
            ast.Global: self.scoping,
            ast.Nonlocal: self.scoping,
            ast.AugAssign: self.counted,
            ast.BinOp: self.product,
        }


def _root_name(node: ast.AST) -> str | None:
    """The first name of ``a.b().c``: the binding every callee's resolution starts from."""
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _member(func: ast.AST) -> str | None:
    """``_loop`` for a method called on ``self._loop`` (any ``name.x.method``)."""
    if not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Attribute):
        return None
    return func.value.attr if isinstance(func.value.value, ast.Name) else None


def closure(seeds: frozenset[str], aliases: list[tuple[str, str]]) -> set[str]:
    """Every name that is, through any chain of aliases, one of ``seeds``."""
    names = set(seeds)
    grew = True
    while grew:
        grew = False
        for bound, source in aliases:
            if source in names and bound not in names:
                names.add(bound)
                grew = True
    return names


def _names_pow(func: ast.expr, name: type) -> bool:
    """Whether a callee is the name ``pow`` (checked before the costlier literal test)."""
    return type(func) is name and func.id == POW  # type: ignore[attr-defined]


def prepass(
    tree: ast.Module,
    words: NameWords,
    callee_names: frozenset[str],
    fallback_names: frozenset[str] = frozenset(),
) -> Prepass:
    """Walk ``tree`` once; see the module docstring.  ``fallback_names`` are the lookups with a
    default (``get``): a call of one is a candidate when it looks up a tunable's name."""
    walk = _Walk(words, fallback_names)
    handlers = walk.handlers()
    children, constant, joined = ast.iter_child_nodes, ast.Constant, ast.JoinedStr
    operators, call, name = (ast.UnaryOp, ast.BinOp), ast.Call, ast.Name
    stack: list[ast.AST] = [tree]
    pop, push = stack.pop, stack.extend
    while stack:
        node = pop()
        kind = type(node)
        if kind is constant:
            if type(node.value) in (int, float):  # type: ignore[attr-defined]
                walk.span(node)  # type: ignore[arg-type]
            continue
        if kind is joined:
            continue  # libcst's walk does not enter f-strings either
        if kind in operators and is_ast_literal(node):
            walk.span(node)  # type: ignore[arg-type]
            continue
        if kind is call and _names_pow(node.func, name) and is_ast_literal(node):  # type: ignore[attr-defined]
            walk.span(node)  # type: ignore[arg-type]
            continue  # `pow(2, 29)`
        handler = handlers.get(kind)
        if handler is not None:
            handler(node)
        push(children(node))
    return _finish(walk, callee_names)


def _finish(walk: _Walk, callee_names: frozenset[str]) -> Prepass:
    """The candidate calls, now that every alias is known, and the names they resolve through.

    A candidate call on ``self.x`` (``self._loop.start(30)``) keeps every ``x = C(...)`` /
    ``self.x = C(...)`` and the root of ``C``: the detector reads the receiver's class there.
    A candidate dict entry keeps the root and the ``self.x`` receiver of every call: its
    ``api`` is the call around it.
    """
    result = walk.result
    members: set[str] = set(walk.members) if walk.entries else set()
    if walk.calls:
        wanted = closure(callee_names, walk.aliases)
        for callee, root, line, member in walk.calls:
            if callee in wanted:
                result.lines.append(line)
                if root is not None:
                    result.roots.add(root)
                if member is not None:
                    members.add(member)
    for name, line, root in walk.constructed if members else []:
        if name in members:
            result.keep.append(line)
            result.roots.add(root)
    if walk.entries:
        result.roots |= result.call_roots
    if result.roots:
        result.roots = closure(frozenset(result.roots), [(s, b) for b, s in walk.root_aliases])
    result.lines.sort()
    result.candidate = bool(result.lines)
    result.spans.sort()
    return result
