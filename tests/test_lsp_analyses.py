"""While the user types, no analysis starts for a version the next key will replace.

An analysis cannot be stopped half-way; one started for a version typed past holds up the
analysis of the last key's text, which is what the editor waits for.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from hardcode_lint.lsp.analyses import Analyses, Job


def _run(quiet: Callable[[str], float]) -> list[int]:
    """Versions analysed: 1 is analysed; 2 and 3 are typed during it, 3 while 2 waits."""
    state = {"version": 1}
    analysed: list[int] = []

    def job(uri: str) -> Job:
        version = state["version"]

        def run(good: Any) -> Any:
            analysed.append(version)
            return None

        return Job(version, version, f"v{version}", run)

    async def background(work: Callable[[], Any]) -> Any:
        result = work()
        await asyncio.sleep(0.05)  # the analysis takes a while
        return result

    async def typing() -> None:
        analyses = Analyses(job, background, lambda uri, settled: None, quiet)
        first = asyncio.ensure_future(analyses.get("file:///a.py"))
        await asyncio.sleep(0.02)
        state["version"] = 2  # typed while 1 is analysed
        await asyncio.sleep(0.05)
        state["version"] = 3  # typed while 2 waits for the typing to pause
        await first
        last = await analyses.get("file:///a.py")
        assert last is not None and last.version == 3

    asyncio.run(typing())
    return analysed


def test_a_version_typed_past_while_typing_goes_on_is_never_analysed():
    calls = {"n": 0}

    def quiet(uri: str) -> float:  # typing: the first look finds a change 10 ms old
        calls["n"] += 1
        return 0.08 if calls["n"] == 1 else 0.0

    assert _run(quiet) == [1, 3]


def test_without_typing_every_settled_version_is_analysed_at_once():
    assert _run(lambda uri: 0.0) == [1, 2, 3]
