"""The cheap ``ast`` pre-pass: can this file hold a finding, and where is every literal?

``ast.parse`` is about ten times faster than ``libcst.parse_module``, and most files hold no
literal in a place where it could be a finding.  This pass answers two questions in one walk:

* ``candidate``: is there a literal expression that is an argument of a call whose last name is
  catalogued (or aliased to one), a keyword argument or assignment or default whose name is a
  duration or limit name?  If not, the libcst detector cannot find anything and is skipped.  The
  test is a superset of the detector's, which ``tests/test_prefilter.py`` checks.
* ``spans``: the position of every literal expression, in source order.  The detector numbers
  the same expressions in the same order and borrows these positions instead of running libcst's
  (whole-module, costly) position pass.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

from hardcode_lint.detect.catalog import NameWords
from hardcode_lint.detect.literals import is_ast_literal
from hardcode_lint.detect.names import classify_name
from hardcode_lint.parse.source import SourceError

Span = tuple[int, int, int, int]  # line, byte column, end line, end byte column (ast's own)


@dataclass(slots=True)
class Prepass:
    candidate: bool = False
    spans: list[Span] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # where candidates are, sorted
    keep: list[int] = field(default_factory=list)  # global/nonlocal: their function must stay


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


class _Walk:
    """One iterative walk; see the module docstring for what it collects."""

    def __init__(self, words: NameWords) -> None:
        self.words = words
        self.result = Prepass()
        self.calls: list[tuple[str, int]] = []  # (callee's last name, line of a literal arg)
        self.aliases: list[tuple[str, str]] = []  # (bound name, last name of what it aliases)

    def named(self, name: str | None, line: int, *, as_keyword: bool) -> None:
        if name is not None and classify_name(name, self.words, as_keyword=as_keyword):
            self.result.lines.append(line)

    def alias(self, bound: str | None, value: ast.AST | None) -> None:
        source = _last_name(value) if value is not None else None
        if bound is not None and source is not None:
            self.aliases.append((bound, source))

    def call(self, node: ast.Call) -> None:
        literals: list[ast.expr] = [
            a for a in node.args if not isinstance(a, ast.Starred) and is_ast_literal(a)
        ]
        for keyword in node.keywords:
            if keyword.arg is not None and is_ast_literal(keyword.value):
                literals.append(keyword.value)
                self.named(keyword.arg, keyword.value.lineno, as_keyword=True)
        callee = _last_name(node.func)
        if callee is not None:
            self.calls += [(callee, literal.lineno) for literal in literals]

    def assign(self, targets: Iterable[ast.AST], value: ast.expr | None) -> None:
        targets = list(targets)
        if value is not None and is_ast_literal(value):
            for target in targets:
                self.named(_last_name(target), value.lineno, as_keyword=False)
        if len(targets) == 1 and isinstance(targets[0], ast.Name):
            self.alias(targets[0].id, value)

    def arguments(self, node: ast.arguments) -> None:
        positional = [*node.posonlyargs, *node.args]
        with_defaults = positional[len(positional) - len(node.defaults) :]
        pairs = list(zip(with_defaults, node.defaults, strict=True))
        keyword_only = zip(node.kwonlyargs, node.kw_defaults, strict=True)
        pairs += [(a, d) for a, d in keyword_only if d is not None]
        for arg, default in pairs:
            if is_ast_literal(default):
                self.named(arg.arg, default.lineno, as_keyword=False)
            self.alias(arg.arg, default)

    def imports(self, node: ast.Import | ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.asname is not None:
                self.aliases.append((alias.asname, alias.name.rsplit(".", 1)[-1]))

    def visit(self, node: ast.AST) -> bool:
        """Handle ``node``; False when its children must not be walked."""
        if isinstance(node, ast.JoinedStr):
            return False
        if isinstance(node, ast.Constant | ast.UnaryOp | ast.BinOp) and is_ast_literal(node):
            end = (node.end_lineno or node.lineno, node.end_col_offset or node.col_offset)
            self.result.spans.append((node.lineno, node.col_offset, *end))
            return False
        if isinstance(node, ast.Call):
            self.call(node)
        elif isinstance(node, ast.Assign):
            self.assign(node.targets, node.value)
        elif isinstance(node, ast.AnnAssign):
            self.assign([node.target], node.value)
        elif isinstance(node, ast.arguments):
            self.arguments(node)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            self.imports(node)
        elif isinstance(node, ast.Global | ast.Nonlocal):
            self.result.keep.append(node.lineno)  # it rebinds names outside its function
        return True


def _closure(seeds: frozenset[str], aliases: list[tuple[str, str]]) -> set[str]:
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


def prepass(tree: ast.Module, words: NameWords, callee_names: frozenset[str]) -> Prepass:
    """Walk ``tree`` once; see the module docstring."""
    walk = _Walk(words)
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if walk.visit(node):
            stack.extend(ast.iter_child_nodes(node))
    result = walk.result
    if walk.calls:
        wanted = _closure(callee_names, walk.aliases)
        result.lines += [line for callee, line in walk.calls if callee in wanted]
    result.lines.sort()
    result.candidate = bool(result.lines)
    result.spans.sort()
    return result
