"""Diagnostics the client asks for (LSP 3.17's pull model), of a document and of the workspace.

A client pulls instead of being pushed to only when the server can tell it to pull again
(``workspace/diagnostic/refresh``): rule files change on disk and the findings of every open
file with them, and a client that cannot be told so (Neovim 0.11) would keep stale ones.  Such
clients get the diagnostics pushed; the others are offered the pull provider by dynamic
registration, and then nothing is pushed.

The workspace report is the project's whole-tree view, the analysis the server makes anyway:
each file with findings, and the settings and rule files with their problems.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from lsprotocol import types

from hardcode_lint.lsp.buffer import Buffer, buffer_bytes, judge_sites
from hardcode_lint.lsp.diagnostics import buffer_diagnostics
from hardcode_lint.lsp.loop import uri_path
from hardcode_lint.lsp.project import Project
from hardcode_lint.lsp.session import Session
from hardcode_lint.lsp.text import TextIndex
from hardcode_lint.model import FileResult, Finding, Replacement

IDENTIFIER = "hardcode-lint"
Report = types.RelatedFullDocumentDiagnosticReport | types.RelatedUnchangedDocumentDiagnosticReport


def registration() -> types.Registration:
    options = types.DiagnosticRegistrationOptions(
        inter_file_dependencies=True, workspace_diagnostics=True, identifier=IDENTIFIER,
        document_selector=[types.TextDocumentFilterScheme(scheme="file")],
    )  # fmt: skip
    return types.Registration("hardcode-lint-pull", types.TEXT_DOCUMENT_DIAGNOSTIC, options)


def report(items: list[types.Diagnostic], result_id: str, previous: str | None) -> Report:
    if previous == result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id)
    return types.RelatedFullDocumentDiagnosticReport(items, result_id=result_id)


def disk_buffers(project: Project, encoding: str, skip: set[Path]) -> list[Buffer]:
    """The files of the project's view that have findings (``skip``: the open ones, whose
    buffers are judged as typed), as buffers of their text on disk."""
    view, snapshot = project.view, project.snapshot
    if view is None:
        return []
    findings: dict[str, list[Finding]] = defaultdict(list)
    replacements: dict[str, list[Replacement]] = defaultdict(list)
    for finding in view.analysis.scan.findings:
        findings[finding.path].append(finding)
    for replacement in view.analysis.scan.replacements:
        replacements[replacement.path].append(replacement)
    found = []
    for rel, listed in sorted(findings.items()):
        path = project.root / rel
        if path in skip:
            continue
        try:
            text = path.read_text("utf-8", errors="replace")
        except OSError:
            continue
        result = FileResult(rel, tuple(listed), tuple(replacements[rel]))
        index = TextIndex(text, encoding)
        sites = judge_sites(project, snapshot, result, index)
        language = listed[0].language
        data = buffer_bytes(text, language, path.name, rel)
        found.append(Buffer(path, rel, language, data, index, tuple(sites), None, snapshot))
    return found


def workspace_items(
    project: Project, encoding: str, skip: set[Path], files: dict[Path, list[types.Diagnostic]]
) -> list[tuple[Path, list[types.Diagnostic]]]:
    """Every file of the project with diagnostics: settings and rule files (``files``, their
    problems), then the sources with findings."""
    found = [(path, items) for path, items in files.items() if path not in skip]
    found += [(b.path, buffer_diagnostics(b)) for b in disk_buffers(project, encoding, skip)]
    return found


def _key(items: list[types.Diagnostic]) -> str:
    """A result id that changes when the diagnostics do."""
    shown = tuple((d.range.start.line, d.range.start.character, d.range.end.line,
                   d.range.end.character, d.message) for d in items)  # fmt: skip
    return f"w{hash(shown)}"


async def document_report(session: Session, uri: str, previous: str | None) -> Report:
    """The diagnostics of open document ``uri`` as it is now (a settings or rule file: its
    problems)."""
    path = uri_path(uri)
    if path is None:
        return report([], "none", previous)
    project = session.project_for(path)
    files = session.project_files.get(project.root, {})
    if path in files or project.watches(path):
        return report(files.get(path, []), _key(files.get(path, [])), previous)
    while session.documents.text(uri) is not None:  # a newer version: analyse that one
        found = await session.analysis(uri)
        if found is not None:
            items = [] if found[1] is None else buffer_diagnostics(found[1])
            return report(items, _key(items), previous)
    return report([], "closed", previous)


async def workspace_report(
    session: Session, previous: list[types.PreviousResultId]
) -> types.WorkspaceDiagnosticReport:
    """Every file of every project with diagnostics, from the projects' views (waited for);
    a file reported before that has none now gets an empty report."""
    await session.views()
    skip = {path for path in map(uri_path, session.documents.uris()) if path is not None}
    prior = {p.uri: p.value for p in previous}
    found: list[types.WorkspaceDocumentDiagnosticReport] = []
    for project in list(session.projects.values()):
        files = session.project_files.get(project.root, {})
        for path, items in workspace_items(project, session.encoding, skip, files):
            uri, key = path.as_uri(), _key(items)
            if prior.pop(uri, None) == key:
                found.append(types.WorkspaceUnchangedDocumentDiagnosticReport(
                    result_id=key, uri=uri, version=None))  # fmt: skip
            else:
                found.append(types.WorkspaceFullDocumentDiagnosticReport(
                    items=items, uri=uri, version=None, result_id=key))  # fmt: skip
    for uri in prior:
        found.append(types.WorkspaceFullDocumentDiagnosticReport(items=[], uri=uri, version=None))
    return types.WorkspaceDiagnosticReport(found)
