"""The pygls wiring: LSP messages in, :class:`Session` calls, diagnostics and edits out.

Each handler is a few lines; what the server knows lives in the other modules of this package.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from hardcode_lint import __version__
from hardcode_lint.lang import frontend, names
from hardcode_lint.lsp.capabilities import KINDS, Client, client_of, editor_options, pulls
from hardcode_lint.lsp.loop import in_background, uri_path
from hardcode_lint.lsp.text import Position

if TYPE_CHECKING:  # imported once `initialize` is answered (see HardcodeServer.session)
    from hardcode_lint.lsp import pull
    from hardcode_lint.lsp.actions import Request
    from hardcode_lint.lsp.session import Session


def watched_globs() -> list[str]:
    """Settings, rule files, the baseline, and the sources of every registered language."""
    sources = sorted({f"**/*{ext}" for name in names() for ext in frontend(name).extensions})
    return ["**/*.toml", "**/.hardcode-lint-baseline.json", *sources]


@dataclass
class Start:
    """What ``initialize`` said, kept until the session exists."""

    folders: list[Path] = field(default_factory=list)
    client: Client = field(default_factory=Client)
    encoding: str = "utf-16"
    options: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pull: bool = False


class HardcodeServer(LanguageServer):
    """A pygls server holding one :class:`Session`."""

    def __init__(self) -> None:
        sync = types.TextDocumentSyncKind.Incremental
        super().__init__("hardcode-lint", __version__, text_document_sync_kind=sync)
        self.start = Start()
        self._session: Session | None = None
        self.watch_dynamically = False
        self.progress_supported = False
        self.configurable = False  # the client answers workspace/configuration
        self.writes: set[asyncio.Future[Any]] = set()

    @property
    def session(self) -> Session:
        """Made at its first use, once ``initialize`` is answered: importing the engine, the
        rules and the project view is most of a start-up, and the editor waits for that answer
        before it sends anything else."""
        if self._session is None:
            from hardcode_lint.lsp.session import Session

            session = self._session = Session(self)
            start = self.start
            session.folders, session.client, session.encoding = (start.folders, start.client,
                                                                  start.encoding)  # fmt: skip
            session.options, session.pull = start.options, start.pull
        return self._session

    def uris(self) -> list[str]:
        return list(self.workspace.text_documents)

    def text(self, uri: str) -> tuple[str, int | None] | None:
        document = self.workspace.text_documents.get(uri)
        return None if document is None else (document.source, document.version)

    def log(self, message: str) -> None:
        with contextlib.suppress(*GONE):
            self.window_log_message(types.LogMessageParams(types.MessageType.Warning, message))

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        params = types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        with contextlib.suppress(*GONE):  # the client left without waiting: nobody to tell
            self.text_document_publish_diagnostics(params)

    def publish_encoded(self, uri: str, diagnostics: str, version: int | None) -> None:
        """:meth:`publish` of diagnostics already in JSON (:mod:`.wire`)."""
        from hardcode_lint.lsp.wire import framed

        if self.protocol.writer is None:
            return
        message = framed(notification_of=(uri, diagnostics, version), protocol=self.protocol)
        with contextlib.suppress(*GONE):  # the client left without waiting: nobody to tell
            sent = self.protocol.writer.write(message)
            if inspect.isawaitable(sent):  # an asynchronous transport: keep it until written
                self.writes.add(task := asyncio.ensure_future(sent))
                task.add_done_callback(self.writes.discard)

    def unstructure(self, value: object) -> object:
        """``value`` (an lsprotocol type) as the JSON data pygls would send of it."""
        return self.protocol._converter.unstructure(value)

    def refresh_diagnostics(self) -> None:
        with contextlib.suppress(*GONE):
            self.workspace_diagnostic_refresh(None)

    @contextlib.asynccontextmanager
    async def working(self, title: str) -> AsyncIterator[None]:
        """Work-done progress around the project analysis, for clients that show it."""
        token = f"hardcode-lint-{uuid.uuid4()}" if self.progress_supported else None
        if token is not None:
            try:
                await self.work_done_progress.create_async(token)
                self.work_done_progress.begin(token, types.WorkDoneProgressBegin(title=title))
            except Exception:  # the client refused, or has gone: analyse without it
                token = None
        try:
            yield
        finally:
            if token is not None:
                with contextlib.suppress(*GONE):
                    self.work_done_progress.end(token, types.WorkDoneProgressEnd(message="done"))


GONE = (BrokenPipeError, ConnectionResetError)


def _encoding(server: HardcodeServer) -> str:
    chosen = server.workspace.position_encoding or "utf-16"
    encoding = str(getattr(chosen, "value", chosen)).lower()
    return encoding if encoding in ("utf-8", "utf-16", "utf-32") else "utf-16"


def _folders(params: types.InitializeParams) -> list[Path]:
    uris = [f.uri for f in params.workspace_folders or []]
    if not uris and params.root_uri:
        uris = [params.root_uri]
    folders = [uri_path(uri) for uri in uris]
    if not folders and params.root_path:
        folders = [Path(params.root_path).resolve()]
    return [folder for folder in folders if folder is not None]


async def _configuration(server: HardcodeServer, session: Session) -> None:
    """The ``hardcode-lint`` section of the client's settings (replacing the
    ``initializationOptions``, when the client has one)."""
    params = types.ConfigurationParams([types.ConfigurationItem(section="hardcode-lint")])
    try:
        found = await server.workspace_configuration_async(params)
    except Exception as exc:  # the client could not answer: keep what we have
        server.log(f"no settings from the client: {exc}")
        return
    if found and isinstance(found[0], dict):
        await session.configure(editor_options(found[0]))


def _pull_features(server: HardcodeServer, session: Session) -> None:
    """Pull diagnostics, offered by registration (see :mod:`.pull`) once the client has said
    it pulls: handlers added after ``initialize`` are not advertised statically."""
    from hardcode_lint.lsp import pull

    @server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC)
    async def on_pull(params: types.DocumentDiagnosticParams) -> pull.Report:
        return await pull.document_report(session, params.text_document.uri,
                                          params.previous_result_id)  # fmt: skip

    @server.feature(types.WORKSPACE_DIAGNOSTIC)
    async def on_workspace(params: types.WorkspaceDiagnosticParams) -> Any:
        return await pull.workspace_report(session, list(params.previous_result_ids))

    async def register() -> None:
        try:
            params = types.RegistrationParams([pull.registration()])
            await server.client_register_capability_async(params)
        except Exception as exc:  # refused: push after all
            session.pull = False
            server.log(f"pull diagnostics refused: {exc}")
            session.relint_all()

    session.tasks.append(asyncio.ensure_future(register()))


async def _register_watchers(server: HardcodeServer) -> None:
    """Ask the client to report changes to settings, rule and source files."""
    watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in watched_globs()]
    options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
    registration = types.Registration(
        id="hardcode-lint-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=options,
    )  # fmt: skip
    try:
        await server.client_register_capability_async(types.RegistrationParams([registration]))
    except Exception as exc:  # the client said no: saves still reload
        server.window_log_message(types.LogMessageParams(types.MessageType.Info,
                                                         f"no file watching: {exc}"))  # fmt: skip


def _warm() -> None:
    """Import the parsers before the first buffer needs them (start-up stays fast), then
    exempt everything imported so far from garbage collection: the full collections that
    libcst's many small objects trigger would otherwise walk every module, every time."""
    import gc

    from hardcode_lint.lang import frontend, names

    for name in names():
        frontend(name).warm()
    gc.freeze()


def _lifecycle(server: HardcodeServer) -> None:
    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        start = server.start
        start.folders = _folders(params)
        start.client = client_of(params.capabilities)
        start.encoding = _encoding(server)  # pygls has chosen it from the client's offer
        workspace = params.capabilities.workspace
        files = workspace.did_change_watched_files if workspace else None
        server.watch_dynamically = bool(files and files.dynamic_registration)
        server.configurable = bool(workspace and workspace.configuration)
        window = params.capabilities.window
        server.progress_supported = bool(window and window.work_done_progress)
        start.options = editor_options(params.initialization_options)
        start.pull = pulls(params.capabilities)

    @server.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        session = server.session
        in_background(_warm)
        if session.pull:
            _pull_features(server, session)
        if server.configurable:
            await _configuration(server, session)
        for folder in session.folders:
            session.project_for(folder / "-")  # a file in the folder: loads it, starts its view
        if server.watch_dynamically:
            await _register_watchers(server)
        else:  # no file events will come: look at the rule files from time to time
            session.tasks.append(asyncio.ensure_future(session.poll()))

    @server.feature(types.SHUTDOWN)
    def shutdown(params: Any) -> None:
        if server._session is not None:
            server._session.stop()


def _documents(server: HardcodeServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.session.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.session.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = uri_path(uri)
        if path is None:
            return
        project = server.session.project_for(path)
        if project.watches(path):
            project.texts.pop(path, None)  # saved: the disk has the buffer's text
            await server.session.reload(project)
        else:
            server.session.schedule(uri, 0.0)
            server.session.request_refresh(project)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        path = uri_path(params.text_document.uri)
        if path is not None:
            server.session.forget_buffer(path)  # a rule file's unsaved text no longer counts
        server.session.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def configuration(params: types.DidChangeConfigurationParams) -> None:
        if server.configurable:
            await _configuration(server, server.session)
        elif isinstance(params.settings, dict):
            await server.session.configure(editor_options(params.settings.get("hardcode-lint")))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched(params: types.DidChangeWatchedFilesParams) -> None:
        paths = [uri_path(change.uri) for change in params.changes]
        await server.session.watched([path for path in paths if path is not None])


def _requests(server: HardcodeServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(params: types.HoverParams) -> types.Hover | None:
        from hardcode_lint.lsp.hover import hover

        buffer = await server.session.quick(params.text_document.uri, params.position.line)
        if buffer is None:
            return None
        where = params.position
        offset = buffer.index.offset(Position(where.line, where.character))
        return hover(buffer, offset, server.session.project_for(buffer.path).view)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def on_definition(params: types.DefinitionParams) -> list[types.Location] | None:
        from hardcode_lint.lsp.links import definition

        buffer = await server.session.quick(params.text_document.uri, params.position.line)
        if buffer is None:
            return None
        where = params.position
        return definition(buffer, buffer.index.offset(Position(where.line, where.character)))

    options = types.CodeActionOptions(code_action_kinds=KINDS, resolve_provider=True)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)
    async def on_code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        from hardcode_lint.lsp.actions import code_actions

        uri = params.text_document.uri
        request = await _request(server.session, uri, params.context.diagnostics)
        if request is None:
            return None
        index, span = request.buffer.index, params.range
        start = index.offset(Position(span.start.line, span.start.character))
        end = index.offset(Position(span.end.line, span.end.character))
        only = [str(getattr(k, "value", k)) for k in params.context.only or []] or None
        return await in_background(lambda: code_actions(request, start, end, only))

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def on_resolve(action: types.CodeAction) -> types.CodeAction:
        from hardcode_lint.lsp.actions import resolve_fix, sites_of

        data: Any = action.data
        if not isinstance(data, dict) or "uri" not in data:
            return action
        request = await _request(server.session, data["uri"], ())
        if request is None or request.version != data.get("version"):
            return action  # the buffer changed: no edit rather than a wrong one
        sites = sites_of(request.buffer, data)
        return await in_background(lambda: resolve_fix(request, action, sites))


def create_server() -> HardcodeServer:
    server = HardcodeServer()
    for register in (_lifecycle, _documents, _requests):
        register(server)
    return server


async def _request(session: Session, uri: str, diagnostics: Any) -> Request | None:
    from hardcode_lint.lsp.actions import Request

    await session.settled(uri)
    found = await session.buffer(uri)
    if found is None:
        return None
    version, buffer = found
    return Request(buffer, uri, version, session.client, session.read(), tuple(diagnostics))
