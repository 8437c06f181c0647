"""The event loop's helpers: work in daemon threads, waiting without cancelling, file URIs."""

from __future__ import annotations

import asyncio
import gc
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlparse

T = TypeVar("T")


def in_background(work: Callable[[], T]) -> asyncio.Future[T]:
    """``work()`` in a daemon thread, its result (or exception) delivered on the loop."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: Any, failed: bool) -> None:
        if not future.done():
            future.set_exception(result) if failed else future.set_result(result)

    def run() -> None:
        try:
            result: Any = work()
        except BaseException as exc:  # delivered to the awaiting handler, which reports it
            loop.call_soon_threadsafe(settle, exc, True)
        else:
            loop.call_soon_threadsafe(settle, result, False)

    threading.Thread(target=run, name="hardcode-lint-work", daemon=True).start()
    return future


async def outlive(task: asyncio.Task[None], timeout: float | None) -> None:
    """Wait for ``task`` (at most ``timeout`` seconds) without cancelling it; its own end,
    cancelled or not, is not the waiter's concern, but the waiter's cancellation (a client's
    ``$/cancelRequest``) goes on up."""
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout)
    except TimeoutError:
        pass
    except asyncio.CancelledError:
        if not task.cancelled():
            raise


def keep_what_lives() -> None:
    """Collect the garbage an analysis left, then exempt what is still alive (the cached
    results, the memos, the published buffers) from later collections.

    A dense file's analysis makes a hundred thousand objects that live on; the full
    collections they trigger would otherwise walk every finding of every cached version,
    during the next analysis, every time (a fifth of an edit's time on a dense file).
    Objects exempted are still freed when their last reference goes; only a cycle through
    one is never collected, and the results here hold none."""
    gc.collect()
    gc.freeze()


def uri_path(uri: str) -> Path | None:
    """The file a ``file:`` URI names (None for other schemes: unsaved or remote buffers)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and re.match(r"^/[A-Za-z]:", path):
        path = path[1:]
    if parsed.netloc:
        path = f"//{parsed.netloc}{path}"
    return Path(path).resolve()
