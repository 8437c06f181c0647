"""The event loop's helpers: work in daemon threads, waiting without cancelling, file URIs."""

from __future__ import annotations

import asyncio
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
