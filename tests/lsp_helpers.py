"""An editor for tests: pygls' LanguageClient driving ``hardcode-lint lsp`` over stdio.

The client runs on an event loop in a background thread, so tests stay plain synchronous
functions (no pytest-asyncio) and one server can serve several tests.  Workspace edits are
applied here independently of the server's own text code (UTF-16 columns counted afresh), so a
wrong range cannot cancel out against the same mistake in the server.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.client import LanguageClient

T = TypeVar("T")
REPO = Path(__file__).resolve().parent.parent
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def child_env() -> dict[str, str]:
    """The environment for a child ``python -m hardcode_lint``: this checkout's package first,
    whatever copy the environment has installed."""
    paths = [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def capabilities(
    resolve: bool = False, encoding: str = "utf-16", watch: bool = True, modern: bool = False
) -> types.ClientCapabilities:
    """A modern editor's capabilities: versioned edits, file creation, watched files; with
    ``modern``, also pull diagnostics, progress and ``workspace/configuration`` (VS Code)."""
    action = types.CodeActionClientCapabilities(
        code_action_literal_support=types.ClientCodeActionLiteralOptions(
            types.ClientCodeActionKindOptions(value_set=["quickfix", "source.fixAll"])
        ),
        disabled_support=True,
        resolve_support=types.ClientCodeActionResolveOptions(["edit"]) if resolve else None,
    )
    return types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(
                document_changes=True, resource_operations=[types.ResourceOperationKind.Create]
            ),
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=watch
            ),
            configuration=modern,
            diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=modern),
        ),
        text_document=types.TextDocumentClientCapabilities(
            code_action=action,
            diagnostic=types.DiagnosticClientCapabilities(dynamic_registration=modern),
        ),
        window=types.WindowClientCapabilities(work_done_progress=modern),
        general=types.GeneralClientCapabilities(position_encodings=[encoding]),
    )


def width(char: str, encoding: str) -> int:
    """How many code units of ``encoding`` (``utf-16`` or ``utf-8``) a character takes."""
    if encoding == "utf-8":
        return len(char.encode("utf-8"))
    return len(char.encode("utf-16-le")) // 2


def _offset(text: str, position: types.Position, encoding: str) -> int:
    """The character offset of an LSP position, computed independently of the server."""
    lines = _LINES.findall(text) or [""]
    if position.line >= len(lines):
        return len(text)
    start = sum(len(line) for line in lines[: position.line])
    line = lines[position.line].rstrip("\r\n")
    seen = 0
    for index, char in enumerate(line):
        if seen >= position.character:
            return start + index
        seen += width(char, encoding)
    return start + len(line)


def apply_text_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    spans = [(_offset(text, e.range.start, encoding), _offset(text, e.range.end, encoding),
              e.new_text) for e in edits]  # fmt: skip
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def apply_workspace_edit(
    edit: types.WorkspaceEdit, files: dict[str, str], encoding: str = "utf-16"
) -> dict[str, str]:
    """``files`` (uri -> text; a created file starts empty) after ``edit``."""
    files = dict(files)
    for uri, edits in (edit.changes or {}).items():
        files[uri] = apply_text_edits(files[uri], list(edits), encoding)
    for change in edit.document_changes or []:
        if isinstance(change, types.CreateFile):
            files.setdefault(change.uri, "")
        elif isinstance(change, types.TextDocumentEdit):
            uri = change.text_document.uri
            edits = [e for e in change.edits if isinstance(e, types.TextEdit)]
            files[uri] = apply_text_edits(files[uri], edits, encoding)
    return files


# -- the command line, to compare with --------------------------------------------------


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "hardcode_lint", *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, check=False,
                          env=child_env())  # fmt: skip


def scan_positions(root: Path, rel: str) -> set[tuple[int, int, int, int, str]]:
    """(line, character, end line, end character, code) of ``rel``'s findings, 0-based as
    LSP counts (the files used here are ASCII, where code points and UTF-16 agree)."""
    data = json.loads(run_cli(root, "scan", "--format", "json", "--no-cache").stdout)
    return {(f["line"] - 1, f["column"] - 1, f["end_line"] - 1, f["end_column"] - 1, f["code"])
            for f in data["findings"] if f["path"] == rel}  # fmt: skip


def fixed_copy(root: Path, tmp: Path, rel: str, *args: str) -> str:
    """``rel`` as ``fix --write ARGS`` leaves it, in a fresh copy of the project."""
    copy = tmp / "fixed"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".hardcode-lint-cache"))
    result = run_cli(copy, "fix", "--write", "--no-cache", *args)
    assert result.returncode == 0, result.stderr
    return (copy / rel).read_text("utf-8")


def positions(diagnostics: list[types.Diagnostic]) -> set[tuple[int, int, int, int, str]]:
    return {(d.range.start.line, d.range.start.character, d.range.end.line,
             d.range.end.character, str(d.code)) for d in diagnostics}  # fmt: skip


def action(actions: list[types.CodeAction], title: str) -> types.CodeAction:
    found = [a for a in actions if a.title.startswith(title)]
    assert found, [a.title for a in actions]
    return found[0]


def on_line(diagnostics: list[types.Diagnostic], line: int) -> types.Diagnostic:
    return next(d for d in diagnostics if d.range.start.line == line - 1)


# -- the editor ----------------------------------------------------------------------------


class Editor:
    """One server process and the documents open in it."""

    def __init__(
        self,
        root: Path,
        resolve: bool = False,
        encoding: str = "utf-16",
        watch: bool = True,
        modern: bool = False,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.root = root
        self.options = options  # initializationOptions
        self.settings: dict[str, Any] = {}  # what workspace/configuration answers
        self.progress: list[Any] = []  # $/progress values, in order
        self.refreshes = 0  # workspace/diagnostic/refresh requests
        self.encoding = encoding
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.client = LanguageClient("hardcode-lint-tests", "1")
        self.published: dict[str, list[tuple[int | None, list[types.Diagnostic]]]] = {}
        self.changed = asyncio.Condition()
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self.registrations: list[types.Registration] = []
        self._hooks()
        self.call(self._start(capabilities(resolve, encoding, watch, modern)))

    def _hooks(self) -> None:
        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            async with self.changed:
                self.published.setdefault(params.uri, []).append(
                    (params.version, list(params.diagnostics))
                )
                self.changed.notify_all()

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def log(params: types.LogMessageParams) -> None:
            pass

        @self.client.feature(types.WORKSPACE_CONFIGURATION)
        def configuration(params: types.ConfigurationParams) -> list[Any]:
            return [self.settings for _ in params.items]

        @self.client.feature(types.WINDOW_WORK_DONE_PROGRESS_CREATE)
        def create(params: types.WorkDoneProgressCreateParams) -> None:
            pass

        @self.client.feature(types.PROGRESS)
        def progress(params: types.ProgressParams) -> None:
            self.progress.append(params.value)

        @self.client.feature(types.WORKSPACE_DIAGNOSTIC_REFRESH)
        def refresh(params: None) -> None:
            self.refreshes += 1

    def call(self, coroutine: Coroutine[Any, Any, T], timeout: float = 20) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    async def _start(self, offered: types.ClientCapabilities) -> None:
        args = ["-m", "hardcode_lint", "lsp"]
        await self.client.start_io(sys.executable, *args, cwd=str(self.root), env=child_env())
        params = types.InitializeParams(
            capabilities=offered,
            initialization_options=self.options,
            root_uri=self.root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(self.root.as_uri(), self.root.name)],
        )
        self.initialized = await self.client.initialize_async(params)
        self.client.initialized(types.InitializedParams())

    def uri(self, rel: str) -> str:
        return (self.root / rel).as_uri()

    def open(self, rel: str, text: str | None = None, language: str = "python") -> str:
        uri = self.uri(rel)
        self.texts[uri] = (self.root / rel).read_text("utf-8") if text is None else text
        self.versions[uri] = self.versions.get(uri, 0) + 1  # a reopened file counts on
        item = types.TextDocumentItem(uri, language, self.versions[uri], self.texts[uri])
        self.loop.call_soon_threadsafe(
            self.client.text_document_did_open, types.DidOpenTextDocumentParams(item)
        )
        return uri

    def change(self, uri: str, text: str) -> int:
        """Replace the buffer's whole text (unsaved); the new version."""
        self.versions[uri] += 1
        self.texts[uri] = text
        document = types.VersionedTextDocumentIdentifier(self.versions[uri], uri)
        change = types.TextDocumentContentChangeWholeDocument(text)
        params = types.DidChangeTextDocumentParams(document, [change])
        self.loop.call_soon_threadsafe(self.client.text_document_did_change, params)
        return self.versions[uri]

    def close_document(self, uri: str) -> None:
        """Close the buffer: diagnostics published for it now carry no version."""
        self.versions.pop(uri, None)
        self.texts.pop(uri, None)
        params = types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        self.notify(self.client.text_document_did_close, params)

    def notify(self, send: Callable[[Any], None], params: Any) -> None:
        self.loop.call_soon_threadsafe(send, params)

    def diagnostics(
        self,
        uri: str,
        version: int | None = None,
        until: Callable[[list[types.Diagnostic]], bool] | None = None,
        timeout: float = 10,
    ) -> list[types.Diagnostic]:
        """The first diagnostics published for ``uri`` at ``version`` (default: the buffer's
        current one) that satisfy ``until``, after any seen so far."""
        seen = len(self.published.get(uri, [])) if until is not None else 0
        version = self.versions.get(uri) if version is None else version

        async def wait() -> list[types.Diagnostic]:
            async with self.changed:
                while True:
                    for found_version, found in self.published.get(uri, [])[seen:]:
                        if version is not None and found_version != version:
                            continue
                        if until is None or until(found):
                            return found
                    await self.changed.wait()

        return self.call(asyncio.wait_for(wait(), timeout))

    def code_actions(
        self, uri: str, diagnostic: types.Diagnostic, only: list[str] | None = None
    ) -> list[types.CodeAction]:
        params = types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            diagnostic.range,
            types.CodeActionContext([diagnostic], only=only),
        )
        found = self.call(self.client.text_document_code_action_async(params)) or []
        return [a for a in found if isinstance(a, types.CodeAction)]

    def resolve(self, action: types.CodeAction) -> types.CodeAction:
        return self.call(self.client.code_action_resolve_async(action))

    def pull(self, uri: str, previous: str | None = None) -> Any:
        params = types.DocumentDiagnosticParams(types.TextDocumentIdentifier(uri),
                                                previous_result_id=previous)  # fmt: skip
        return self.call(self.client.text_document_diagnostic_async(params))

    def definition(self, uri: str, position: types.Position) -> Any:
        params = types.DefinitionParams(types.TextDocumentIdentifier(uri), position)
        return self.call(self.client.text_document_definition_async(params))

    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        params = types.HoverParams(types.TextDocumentIdentifier(uri), position)
        return self.call(self.client.text_document_hover_async(params))

    def close(self) -> tuple[int | None, str]:
        """Shut the server down as an editor does; (its exit code, what it wrote on stderr)."""

        async def stop() -> tuple[int | None, str]:
            await self.client.shutdown_async(None)
            self.client.exit(None)
            server = self.client._server
            assert server is not None and server.stderr is not None
            code = await asyncio.wait_for(server.wait(), 10)
            errors = (await server.stderr.read()).decode("utf-8", "replace")
            await self.client.stop()
            return code, errors

        try:
            return self.call(stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)
