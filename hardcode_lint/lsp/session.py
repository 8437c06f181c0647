"""The server's state and timing: which projects are loaded, which buffers analysed, and when.

Everything heavy runs in daemon threads (a daemon never delays the editor's ``exit``) and comes
back to the event loop, which alone talks to the client.  Changes are debounced: while the
user types (changes less than half a second apart) a buffer is analysed after 150 ms of quiet,
so a burst of keystrokes costs one analysis; the first change after a pause is analysed after
30 ms (time for the rest of a multi-part edit to arrive), so a single edit is answered at once.
Open and save are analysed at once.  An answer is published only if the buffer has not
changed meanwhile.  A project's whole-tree view is
refreshed after a save or a watched-file change, one refresh at a time, coalescing bursts
(a ``git checkout`` changes hundreds of files).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from lsprotocol import types

from hardcode_lint.lsp.analyses import Analyses, Job, Settled
from hardcode_lint.lsp.buffer import Buffer, ResultCache, analyze_buffer, moved
from hardcode_lint.lsp.capabilities import Client
from hardcode_lint.lsp.diagnostics import project_diagnostics
from hardcode_lint.lsp.loop import in_background, keep_what_lives, outlive, uri_path
from hardcode_lint.lsp.project import Project, project_root
from hardcode_lint.lsp.wire import Wire

DEBOUNCE = 0.15  # seconds of quiet after a change, while typing, before analysing
SETTLE = 0.03  # seconds after the first change following a pause
TYPING = 0.5  # changes closer than this are one burst of typing
REFRESH_DELAY = 0.5  # seconds to gather watched-file events before a refresh
POLL = 1.0  # seconds between looks at the rule files, when the client does not watch them
ANSWERS_FIRST = 0.005  # seconds the diagnostics of an analysis wait for the requests it serves
HOVER_WAIT = 0.1  # seconds a hover waits for a running analysis before using the last one


class Documents(Protocol):
    """What the session needs of pygls: the open documents, and ways to talk to the client."""

    def uris(self) -> list[str]: ...

    def text(self, uri: str) -> tuple[str, int | None] | None: ...  # (text, version) if open

    def publish(
        self, uri: str, diagnostics: list[types.Diagnostic], version: int | None
    ) -> None: ...

    def publish_encoded(self, uri: str, diagnostics: str, version: int | None) -> None: ...

    def unstructure(self, value: object) -> object: ...  # an lsprotocol value as JSON data

    def log(self, message: str) -> None: ...

    def refresh_diagnostics(self) -> None: ...  # a pulling client: pull again

    def working(self, title: str) -> contextlib.AbstractAsyncContextManager[None]: ...


class Session:
    def __init__(self, documents: Documents) -> None:
        self.documents = documents
        self.projects: dict[Path, Project] = {}
        self.folders: list[Path] = []
        self.client = Client()
        self.encoding = "utf-16"
        self.cache = ResultCache()
        self.wire = Wire(documents.unstructure)
        self.analyses = Analyses(self._job, in_background, self._stale, self._quiet)
        self.linted: set[str] = set()  # uris that have buffer diagnostics published
        self.timers: dict[str, asyncio.Task[None]] = {}
        self.last_change: dict[str, float] = {}
        self.refreshes: dict[Path, asyncio.Task[None]] = {}
        self.tasks: list[asyncio.Task[None]] = []  # the poller, when there is one
        self.dirty: set[Path] = set()
        self.published: dict[Path, set[Path]] = {}  # project root -> files with diagnostics
        self.project_files: dict[Path, dict[Path, list[types.Diagnostic]]] = {}  # by root
        self.options: dict[str, tuple[str, ...]] = {}  # the editor's settings
        self.pull = False  # the client pulls diagnostics: push none

    # -- projects ---------------------------------------------------------------------------

    def project_for(self, path: Path) -> Project:
        root = project_root(path, self.folders)
        project = self.projects.get(root)
        if project is None:
            project = self.projects[root] = Project(root, self.options)
            self.publish_project(project)
            self.request_refresh(project)
        return project

    def publish_project(self, project: Project) -> None:
        """Settings and rule-file problems, and stale or ambiguous rules, on those files."""
        snapshot = project.snapshot
        files = list(snapshot.rules.files)
        if snapshot.config.source is not None:
            files.append(snapshot.config.source.relative_to(project.root).as_posix())
        found = project_diagnostics(project.root, files, snapshot.source_problems(), project.view)
        self.project_files[project.root] = found
        if self.pull:
            self.documents.refresh_diagnostics()
            return
        for path in self.published.get(project.root, set()) - set(found):
            self.documents.publish(path.as_uri(), [], None)
        for path, diagnostics in found.items():
            self.documents.publish(path.as_uri(), diagnostics, None)
        self.published[project.root] = set(found)

    def request_refresh(self, project: Project, delay: float = 0.0) -> None:
        task = self.refreshes.get(project.root)
        if task is not None and not task.done():
            self.dirty.add(project.root)
            return
        self.refreshes[project.root] = asyncio.ensure_future(self._refresh(project, delay))

    async def _refresh(self, project: Project, delay: float) -> None:
        while True:
            await asyncio.sleep(delay)
            self.dirty.discard(project.root)
            try:
                async with self.documents.working(f"hardcode-lint: {project.root.name}"):
                    await in_background(project.refresh)
            except Exception as exc:  # a bug of ours: say so, keep serving the buffers
                self.documents.log(f"analysing {project.root} failed: {exc!r}")
                return
            if project.root not in self.dirty:
                break
        self.publish_project(project)
        self.relint(project)  # a rule's site count elsewhere may have changed

    async def settled(self, uri: str, timeout: float = 2.0) -> None:
        """Give the first whole-project view of ``uri``'s project a moment to finish: until
        it has, a rule's sites in other files are unknown, and an action could rewrite a
        literal of a rule that ``fix`` would leave alone as ambiguous."""
        path = uri_path(uri)
        project = self.projects.get(project_root(path, self.folders)) if path else None
        task = self.refreshes.get(project.root) if project else None
        if project is not None and project.view is None and task is not None:
            await outlive(task, timeout)

    async def views(self) -> None:
        """Wait for every project's whole-tree view (the first, or one being made)."""
        for project in list(self.projects.values()):
            task = self.refreshes.get(project.root)
            if project.view is None and (task is None or task.done()):
                self.request_refresh(project)
                task = self.refreshes.get(project.root)
            if task is not None and not task.done():
                await outlive(task, None)

    async def reload(self, project: Project) -> None:
        """Settings or rules changed: load them again and judge every open buffer anew."""
        await in_background(project.reload)
        self.publish_project(project)
        self.relint(project)
        self.request_refresh(project)

    def relint_all(self) -> None:
        for project in list(self.projects.values()):
            self.relint(project)

    def relint(self, project: Project) -> None:
        if self.pull:
            self.documents.refresh_diagnostics()
            return
        for uri in self.documents.uris():
            path = uri_path(uri)
            if path is not None and project_root(path, self.folders) == project.root:
                self.schedule(uri, 0.0)

    # -- buffers ----------------------------------------------------------------------------

    def changed(self, uri: str) -> None:
        """The buffer changed (unsaved): analyse it once the change has settled; a rule or
        settings file's buffer: judge the project's files by its unsaved text."""
        path, current = uri_path(uri), self.documents.text(uri)
        project = self.project_for(path) if path is not None else None
        if project is not None and path is not None and project.watches(path):
            if current is not None and path.suffix == ".toml":
                project.texts[path] = current[0]
            self.schedule_reload(project)
            return
        now = asyncio.get_running_loop().time()
        typing = now - self.last_change.get(uri, -TYPING) < TYPING
        self.last_change[uri] = now
        self.schedule(uri, DEBOUNCE if typing else SETTLE)

    def _quiet(self, uri: str) -> float:
        """Seconds until ``uri`` has had :data:`DEBOUNCE` seconds without a change."""
        last = self.last_change.get(uri)
        if last is None:
            return 0.0
        return max(0.0, last + DEBOUNCE - asyncio.get_running_loop().time())

    def schedule(self, uri: str, delay: float) -> None:
        """Analyse ``uri`` after ``delay`` seconds of quiet (a newer call restarts the wait)."""
        old = self.timers.pop(uri, None)
        if old is not None:
            old.cancel()
        self.timers[uri] = asyncio.ensure_future(self._lint(uri, delay))

    async def _lint(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            found = await self.analysis(uri)
        except Exception as exc:  # a bug of ours must cost this buffer's diagnostics only
            self.documents.log(f"analysing {uri} failed: {exc!r}")
            return
        if found is not None:
            # a hover or action waiting for this analysis answers first: writing a dense
            # file's diagnostics, and the client's reading them, would delay its answer
            await asyncio.sleep(ANSWERS_FIRST)
            self._publish(uri, found[1], found[0])
            keep_what_lives()  # once the diagnostics are on their way
        # else closed, or changed meanwhile: a newer analysis is on its way

    def _publish(self, uri: str, buffer: Buffer | None, version: int | None) -> None:
        if self.pull:
            return  # the client asks for them (textDocument/diagnostic)
        if buffer is not None:
            self.linted.add(uri)
            self.documents.publish_encoded(uri, self.wire.diagnostics(buffer), version)
        elif uri in self.linted:  # e.g. the file became excluded
            self.linted.discard(uri)
            self.documents.publish(uri, [], None)

    def _stale(self, uri: str, settled: Settled) -> None:
        """An analysis settled for a version the user has typed past: show its findings,
        moved to the current text, while the newest text is analysed (no version: they are
        not that version's analysis)."""
        current = self.documents.text(uri)
        if settled.buffer is None or current is None:
            return
        error = settled.buffer.error
        self._publish(uri, moved(settled.buffer, current[0], self.encoding, error), None)

    def _job(self, uri: str) -> Job | None:
        current = self.documents.text(uri)
        path = uri_path(uri)
        if current is None or path is None:
            return None
        text, version = current
        project = self.project_for(path)
        key = (version, hash(text), id(project.snapshot), id(project.view))
        encoding, cache = self.encoding, self.cache

        def run(good: Buffer | None) -> Buffer | None:
            buffer = analyze_buffer(project, path, text, encoding, cache)
            if buffer is None or buffer.error is None or good is None:
                return buffer
            return moved(good, text, encoding, buffer.error)  # keep the last good findings

        return Job(key, version, text, run)

    async def buffer(self, uri: str) -> tuple[int | None, Buffer] | None:
        """The analysis of open document ``uri`` as it is now, or None when there is none."""
        found = await self.analysis(uri)
        if found is None or found[1] is None:
            return None
        return found[0], found[1]

    async def quick(
        self, uri: str, line: int | None = None, wait: float = HOVER_WAIT
    ) -> Buffer | None:
        """The analysis of ``uri`` if it comes within ``wait`` seconds, else the last settled
        one moved to the current text (a hover must not wait for a whole analysis)."""
        task = asyncio.ensure_future(self.buffer(uri))
        done, _ = await asyncio.wait({task}, timeout=wait)
        if task in done:
            found = task.result()
            return None if found is None else found[1]
        task.cancel()  # the analysis itself goes on: it is shielded
        recent, current = self.analyses.recent(uri), self.documents.text(uri)
        if recent is None or recent.buffer is None or current is None:
            return None
        return moved(recent.buffer, current[0], self.encoding, recent.buffer.error, line)

    async def analysis(self, uri: str) -> tuple[int | None, Buffer | None] | None:
        """(version, analysis) of the current text of open document ``uri`` (the analysis is
        None for a file ``scan`` would not read), or None when the document is not open or
        changed while it was being analysed."""
        settled = await self.analyses.get(uri)
        if settled is None:
            return None
        latest = self.documents.text(uri)
        if latest is None or latest[1] != settled.version:
            return None
        return settled.version, settled.buffer

    def schedule_reload(self, project: Project, delay: float = DEBOUNCE) -> None:
        """Reload ``project`` after ``delay`` seconds without another call for it."""
        key = f"reload:{project.root}"
        old = self.timers.pop(key, None)
        if old is not None:
            old.cancel()

        async def later() -> None:
            await asyncio.sleep(delay)
            await self.reload(project)

        self.timers[key] = asyncio.ensure_future(later())

    def forget_buffer(self, path: Path) -> bool:
        """A rule file's buffer was closed or saved: the disk's copy counts again."""
        project = self.projects.get(project_root(path, self.folders))
        if project is None or project.texts.pop(path, None) is None:
            return False
        self.schedule_reload(project, 0.0)
        return True

    async def configure(self, options: dict[str, tuple[str, ...]]) -> None:
        """The editor's settings changed: every project is judged by the new ones."""
        if options == self.options:
            return
        self.options = options
        for project in list(self.projects.values()):
            project.options = options
            await self.reload(project)

    def close(self, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.analyses.forget(uri)
        self.last_change.pop(uri, None)
        if uri in self.linted:
            self.linted.discard(uri)
            self.documents.publish(uri, [], None)

    async def watched(self, paths: list[Path]) -> None:
        """Files changed on disk: reload the projects whose settings or rules they are, and
        refresh the view of those whose sources they are."""
        reload, refresh = [], []
        for project in list(self.projects.values()):
            if any(project.watches(path) for path in paths):
                reload.append(project)
            elif any(project.root in path.parents for path in paths):
                refresh.append(project)
        for project in reload:
            await self.reload(project)
        for project in refresh:
            self.request_refresh(project, REFRESH_DELAY)

    async def poll(self, every: float = POLL) -> None:
        """Reload a project whose settings or rule files changed on disk: for clients that
        do not watch files (Neovim on Linux), checked every ``every`` seconds."""
        while True:
            await asyncio.sleep(every)
            for project in list(self.projects.values()):
                try:
                    if await in_background(project.stamp) != project.stamped:
                        await self.reload(project)
                except Exception as exc:  # a bug of ours must not end the polling
                    self.documents.log(f"reloading {project.root} failed: {exc!r}")

    def read(self) -> Callable[[Path], tuple[str, int | None] | None]:
        """A reader of files as the editor has them (open buffers first, else the disk),
        over a copy of the open documents, safe to call from another thread."""
        open_texts = {uri_path(uri): self.documents.text(uri) for uri in self.documents.uris()}

        def read(path: Path) -> tuple[str, int | None] | None:
            if path in open_texts:
                return open_texts[path]
            if path.is_file():
                return path.read_text("utf-8", errors="replace"), None
            return None

        return read

    def stop(self) -> None:
        for task in [*self.timers.values(), *self.refreshes.values(), *self.tasks]:
            task.cancel()
