"""The codemod: replace each pending literal node with its rule's ``replace`` expression.

Only the literal node changes; libcst keeps every other byte (comments, quotes, trailing commas,
line endings, the BOM and the coding cookie).  The sites are found by the same detector that
reported them, so a fix touches exactly the literal the report showed.
"""

from __future__ import annotations

import builtins
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor

from hardcode_lint.detect.calls import Detection, dotted_parts
from hardcode_lint.detect.scopes import Scope, ScopeKind, lookup
from hardcode_lint.engine import Settings, detect_module, line_columns, parse_cst
from hardcode_lint.fix.imports import ImportRequest, parse_imports
from hardcode_lint.model import Finding, Rule
from hardcode_lint.parse.prepass import parse_ast, prepass
from hardcode_lint.parse.source import SourceError, decode


@dataclass(frozen=True)
class Edit:
    finding: Finding
    rule: Rule


@dataclass
class FileFix:
    """The outcome for one file: its new bytes (None: unchanged) and the edits made or refused."""

    path: str
    before: bytes
    after: bytes | None = None
    applied: list[Edit] = field(default_factory=list)
    refused: list[tuple[Edit, str]] = field(default_factory=list)


class _Swap(cst.CSTTransformer):
    """Replaces nodes by identity, keeping each literal's own parentheses."""

    def __init__(self, swaps: dict[int, cst.BaseExpression]) -> None:
        super().__init__()
        self.swaps = swaps

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> cst.CSTNode:  # type: ignore[override]
        new = self.swaps.get(id(original_node))
        if new is None or not isinstance(original_node, cst.BaseExpression):
            return updated_node
        return new.with_changes(lpar=original_node.lpar, rpar=original_node.rpar)


def _shadowing(root: str, where: Scope | None, provided: dict[str, ImportRequest]) -> str | None:
    """Why ``root`` (the replacement's first name) would not mean what the rule intends here."""
    if where is None:
        return None
    found = lookup(root, where)
    if root in provided:
        if found is None:
            return None
        binding, owner = found
        if owner.kind is not ScopeKind.MODULE:
            return f"`{root}` is a local name in `{owner.qualname}`; the replacement would use it"
        if binding.imported not in (None, provided[root].qualname):
            return f"`{root}` is already bound to `{binding.imported}` in this module"
        if binding.imported is None:
            return f"`{root}` is already defined in this module, not by the rule's import"
        return None
    if found is None and not hasattr(builtins, root):
        return f"`{root}` is not defined at the site; add the import to the rule's `imports`"
    return None


def _root_name(expression: cst.BaseExpression) -> str | None:
    node = expression
    while isinstance(node, cst.Call | cst.Subscript):
        node = node.func if isinstance(node, cst.Call) else node.value
    parts = dotted_parts(node)
    return parts[0] if parts else None


def _sites(
    data: bytes, text: str, settings: Settings
) -> tuple[cst.Module, dict[tuple[int, int], Detection]]:
    """The module and its detections keyed by the (line, column) the findings report."""
    module = parse_cst(data)  # bytes: libcst keeps the encoding, BOM and line endings
    pre = prepass(parse_ast(text), settings.catalog.words, settings.catalog.callee_names())
    visitor = detect_module(module, settings, len(pre.spans))
    columns = line_columns(text)
    by_position = {}
    for detection in visitor.detections:
        line, col, _, _ = pre.spans[visitor.ordinals[id(detection.node)]]
        by_position[(line, columns.column(line, col))] = detection
    return module, by_position


def _plan(edit: Edit, detection: Detection | None, swaps: dict[int, cst.BaseExpression],
          requests: list[ImportRequest]) -> str | None:  # fmt: skip
    """Record the swap for one edit, or return why it cannot be made."""
    if detection is None:
        return "the literal is no longer where the scan found it"
    replacement = cst.parse_expression(edit.rule.replace)
    provided = {r.bound_name: r for r in parse_imports(edit.rule.imports)}
    root = _root_name(replacement)
    reason = _shadowing(root, detection.where, provided) if root else None
    if reason:
        return reason
    swaps[id(detection.node)] = replacement
    requests.extend(provided.values())
    return None


def _with_imports(module: cst.Module, requests: list[ImportRequest]) -> cst.Module:
    if not requests:
        return module
    context = CodemodContext()
    for r in dict.fromkeys(requests):
        AddImportsVisitor.add_needed_import(context, r.module, r.obj, r.asname, r.relative)
    return AddImportsVisitor(context).transform_module(module)


def fix_file(path: str, data: bytes, edits: Sequence[Edit], settings: Settings) -> FileFix:
    """Apply ``edits`` to the source ``data``; the result is checked to parse before it counts."""
    result = FileFix(path, data)
    try:
        text = decode(data, path)
        module, sites = _sites(data, text, settings)
    except SourceError as exc:
        result.refused = [(e, f"cannot parse the file: {exc.message}") for e in edits]
        return result
    swaps: dict[int, cst.BaseExpression] = {}
    requests: list[ImportRequest] = []
    for edit in edits:
        reason = _plan(edit, sites.get((edit.finding.line, edit.finding.column)), swaps, requests)
        if reason:
            result.refused.append((edit, reason))
        else:
            result.applied.append(edit)
    if not swaps:
        return result
    new = _with_imports(module.visit(_Swap(swaps)), requests)
    after = new.bytes
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(decode(after, path), path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, SourceError) as exc:
        result.refused += [(e, f"the result would not parse: {exc}") for e in result.applied]
        result.applied = []
        return result
    result.after = after if after != data else None
    return result
