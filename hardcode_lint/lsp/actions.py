"""Code actions on a finding: replace it, map it with a new rule, ignore it, or fix the file.

"Replace with" and "Fix all" run ``fix`` on the buffer, which costs a parse: when the client
can resolve an action's edit later (``codeAction/resolve``), the list carries only titles and
the edit is computed for the one action the user picks; otherwise it is computed at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lsprotocol import types

from hardcode_lint.lang import frontend
from hardcode_lint.lsp.buffer import Buffer, Site
from hardcode_lint.lsp.capabilities import FIX_ALL, QUICKFIX, Client
from hardcode_lint.lsp.diagnostics import to_range
from hardcode_lint.lsp.edits import (
    Reader,
    document_edit,
    fixed,
    ignore_change,
    rule_stub,
    text_edits,
)
from hardcode_lint.lsp.text import TextIndex
from hardcode_lint.model import Status

FIX_ALL_TITLE = "Fix all pending in this file"


@dataclass(frozen=True)
class Request:
    """One code-action request: the buffer, where the user is, and what the client takes."""

    buffer: Buffer
    uri: str
    version: int | None
    client: Client
    read: Reader
    diagnostics: Sequence[types.Diagnostic] = ()


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    return only is None or any(kind == o or kind.startswith(o + ".") for o in only)


def _linked(request: Request, site: Site) -> list[types.Diagnostic]:
    """The request's diagnostics that are this site's (the client shows the fix under them)."""
    where = to_range(request.buffer.index, *site.span)
    return [d for d in request.diagnostics if d.range == where and d.source == "hardcode-lint"]


def _fix_action(request: Request, title: str, kind: str, sites: list[Site]) -> types.CodeAction:
    """A "Replace with" or "Fix all" action, its edit deferred when the client can resolve."""
    action = types.CodeAction(title=title, kind=kind)
    spans = [list(site.span) for site in sites]
    if request.client.resolve:
        action.data = {"uri": request.uri, "version": request.version, "spans": spans}
        return action
    return resolve_fix(request, action, sites)


def resolve_fix(request: Request, action: types.CodeAction, sites: list[Site]) -> types.CodeAction:
    """Fill in the action's edit: what ``fix`` makes of the buffer for ``sites``."""
    result = fixed(request.buffer, sites)
    if not result.changes:
        if request.client.disabled:
            action.disabled = types.CodeActionDisabled("; ".join(result.refused))
        return action
    edits = text_edits(request.buffer.index, result.changes)
    action.edit = document_edit(request.uri, request.version, edits, request.client.versioned)
    return action


def sites_of(buffer: Buffer, data: Any) -> list[Site]:
    """The sites an action's ``data`` names by their character spans."""
    spans = {(int(span[0]), int(span[1])) for span in data.get("spans", [])}
    return [site for site in buffer.sites if site.span in spans]


def _replace(request: Request, site: Site) -> types.CodeAction:
    """Apply the site's rule: every pending site of that rule in the buffer, as
    ``fix --rule ID`` does for the file (most rules have one)."""
    rule = site.rule
    assert rule is not None
    written = frontend(site.finding.language).replacement_text(rule.replace)
    title = "Replace with `" + re.sub(r"\s*\n\s*", " ", written) + "`"
    sites = [s for s in request.buffer.pending() if s.rule is not None and s.rule.id == rule.id]
    if len(sites) > 1:
        title += f" ({len(sites)} sites of rule `{rule.id}`)"
    action = _fix_action(request, title, QUICKFIX, sites)
    action.is_preferred = True
    action.diagnostics = _linked(request, site)
    return action


def _add_rule(request: Request, site: Site) -> types.CodeAction | None:
    stub = rule_stub(request.buffer.snapshot, site.finding, request.read)
    if stub.create and not request.client.create:
        return None  # the client cannot create the rule file
    uri = stub.path.as_uri()
    current = None if stub.create else request.read(stub.path)
    text, version = current if current else ("", None)
    end = to_range(TextIndex(text, request.buffer.index.encoding), len(text), len(text)).end
    edits = [types.TextEdit(types.Range(end, end), stub.text)]
    if not request.client.versioned:
        edit = types.WorkspaceEdit(changes={uri: edits})
    else:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        changes: list[Any] = [types.TextDocumentEdit(document, edits)]
        if stub.create:
            options = types.CreateFileOptions(ignore_if_exists=True)
            changes.insert(0, types.CreateFile(uri=uri, options=options))
        edit = types.WorkspaceEdit(document_changes=changes)
    title = f"Add a rule for this hardcode (`{stub.rule_id}` in {stub.path.name})"
    return types.CodeAction(title=title, kind=QUICKFIX, edit=edit,
                            diagnostics=_linked(request, site))  # fmt: skip


def _ignore(request: Request, site: Site) -> types.CodeAction | None:
    change = ignore_change(request.buffer, site)
    if change is None:
        return None
    edits = text_edits(request.buffer.index, [change])
    edit = document_edit(request.uri, request.version, edits, request.client.versioned)
    return types.CodeAction(title="Ignore this line", kind=QUICKFIX, edit=edit,
                            diagnostics=_linked(request, site))  # fmt: skip


def code_actions(
    request: Request, start: int, end: int, only: Sequence[str] | None
) -> list[types.CodeAction]:
    """The actions for the sites touching ``start:end``, and "Fix all" for the file."""
    found: list[types.CodeAction | None] = []
    here = request.buffer.at(start, end)
    if _wanted(QUICKFIX, only):
        rules: set[str] = set()
        for site in here:
            if site.status is Status.PENDING and site.rule and site.rule.id not in rules:
                rules.add(site.rule.id)
                found.append(_replace(request, site))
            if site.rule is None:
                found.append(_add_rule(request, site))
            found.append(_ignore(request, site))
    pending = request.buffer.pending()
    if pending and any(s.status is Status.PENDING for s in here) and _wanted(QUICKFIX, only):
        found.append(_fix_action(request, FIX_ALL_TITLE, QUICKFIX, pending))
    elif pending and only is not None and _wanted(FIX_ALL, only):
        found.append(_fix_action(request, FIX_ALL_TITLE, FIX_ALL, pending))
    # an action `fix` refused, for a client that cannot show why, would do nothing: leave it out
    return [a for a in found if a is not None and (a.edit or a.data or a.disabled)]
