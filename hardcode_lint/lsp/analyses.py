"""One analysis per document version, shared by everything that needs it.

Diagnostics, hover and code actions all ask :meth:`Analyses.get` for the analysis of a
document's current text.  Each document has at most one analysis running (a thread that
cannot be stopped half-way); a request for a newer version waits for it and then gets the
newest text analysed, so the versions typed meanwhile are skipped, never queued, and a hover
sent during an analysis joins it instead of starting a second one on the same text.

The last *settled* analysis (of an older version, maybe) stays at hand: :meth:`recent` moves
its findings to the current text, which is what the editor shows while it waits, and what a
buffer that does not parse keeps (see :func:`buffer.moved`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from hardcode_lint.lsp.buffer import Buffer


@dataclass(frozen=True)
class Job:
    """The current text of one document and what analysing it takes."""

    key: Any  # equal keys: the same text under the same rules and view
    version: int | None
    text: str
    run: Callable[[Buffer | None], Buffer | None]  # given the last good analysis


@dataclass(frozen=True)
class Settled:
    key: Any
    version: int | None
    buffer: Buffer | None


@dataclass
class Track:
    """One document: its last settled and last good analyses, the running one, its waiters."""

    settled: Settled | None = None
    good: Buffer | None = None  # the last analysis of a text that parsed
    waiters: dict[Any, asyncio.Future[Settled | None]] = field(default_factory=dict)
    worker: asyncio.Task[None] | None = None


Runner = Callable[[Callable[[], Buffer | None]], "asyncio.Future[Buffer | None]"]


class Analyses:
    """The analyses of the open documents; ``job(uri)`` says what the current text is."""

    def __init__(
        self,
        job: Callable[[str], Job | None],
        background: Runner,
        stale: Callable[[str, Settled], None],
        quiet: Callable[[str], float] = lambda uri: 0.0,
    ) -> None:
        self.job = job
        self.background = background
        self.stale = stale  # told when an analysis settles for a version already replaced
        # seconds until the document has been left alone long enough to analyse (the user
        # is typing): an analysis cannot be stopped, and one of a version typed past would
        # hold up the analysis of the last key's
        self.quiet = quiet
        self.tracks: dict[str, Track] = {}

    async def get(self, uri: str) -> Settled | None:
        """The analysis of ``uri``'s current text (None when not open, or superseded by a
        newer version before it was done)."""
        job = self.job(uri)
        if job is None:
            return None
        track = self.tracks.setdefault(uri, Track())
        if track.settled is not None and track.settled.key == job.key:
            return track.settled
        future = track.waiters.get(job.key)
        if future is None:
            future = track.waiters[job.key] = asyncio.get_running_loop().create_future()
        if track.worker is None or track.worker.done():
            track.worker = asyncio.ensure_future(self._work(uri, track))
        return await asyncio.shield(future)

    def recent(self, uri: str) -> Settled | None:
        track = self.tracks.get(uri)
        return track.settled if track else None

    def good(self, uri: str) -> Buffer | None:
        track = self.tracks.get(uri)
        return track.good if track else None

    def forget(self, uri: str) -> None:
        track = self.tracks.pop(uri, None)
        if track is not None:
            _resolve(track, None)

    async def _work(self, uri: str, track: Track) -> None:
        """Analyse the newest text until the analysis settled is of the current text."""
        again = False  # a version typed while the last analysis ran
        try:
            while (job := self.job(uri)) is not None:
                if track.settled is not None and track.settled.key == job.key:
                    break
                if again and (wait := self.quiet(uri)) > 0:
                    await asyncio.sleep(wait)  # typing goes on: analyse once it pauses
                    continue
                again = True
                buffer = await self.background(partial(job.run, track.good))
                settled = Settled(job.key, job.version, buffer)
                if self.tracks.get(uri) is not track:
                    return  # closed meanwhile
                track.settled = settled
                if buffer is not None and buffer.error is None:
                    track.good = buffer
                waiter = track.waiters.pop(job.key, None)
                if waiter is not None and not waiter.done():
                    waiter.set_result(settled)
                latest = self.job(uri)
                if latest is not None and latest.key != job.key:
                    self.stale(uri, settled)
        except Exception as exc:  # a bug of ours: the waiters hear of it, the next call retries
            for waiter in track.waiters.values():
                if not waiter.done():
                    waiter.set_exception(exc)
            track.waiters.clear()
            return
        _resolve(track, track.settled)


def _resolve(track: Track, settled: Settled | None) -> None:
    """Answer every waiter: the current analysis for its own key, None for an older one."""
    for key, waiter in list(track.waiters.items()):
        if not waiter.done():
            waiter.set_result(settled if settled is not None and settled.key == key else None)
    track.waiters.clear()
