"""Running the engine over many files: the cache first, then worker processes, biggest first.

Results come back in the tasks' (sorted) order whatever order the workers finish in, so output
is stable; a progress callback sees each file as it is done.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from hardcode_lint.engine import FileTask, Outcome, Settings, run_task
from hardcode_lint.lang import frontend
from hardcode_lint.model import FileResult

Progress = Callable[[int, int], None]  # (files done, files in all)
_PARALLEL_THRESHOLD = 16  # fewer files than this: a process pool costs more than it saves
_COLLECT_EVERY = 64  # files a worker analyses between two collections
_done_in_worker = 0


def _size(task: FileTask) -> int:
    try:
        return os.path.getsize(task.path)
    except OSError:
        return 0


def _collecting_rarely(task: FileTask, settings: Settings, cached: bool) -> Outcome:
    """:func:`run_task` in a worker whose garbage collector is off (see :func:`_quiet_gc`):
    parse trees are freed by reference counting; what cycles remain are collected now and
    then, which keeps the peak low."""
    global _done_in_worker
    _done_in_worker += 1
    if _done_in_worker % _COLLECT_EVERY == 0:
        gc.collect()
    return run_task(task, settings, cached=cached)


def _quiet_gc() -> None:
    """A worker's initializer: the collector would otherwise walk every parse tree's millions
    of young objects again and again (about a seventh of a cold scan), finding no garbage."""
    gc.disable()


def _outcomes(tasks: list[FileTask], settings: Settings, jobs: int,
              cached: bool) -> Iterator[Outcome]:  # fmt: skip
    if jobs <= 1 or len(tasks) < _PARALLEL_THRESHOLD:
        for task in tasks:
            yield run_task(task, settings, cached=cached)
        return
    for language in sorted({task.language for task in tasks}):
        frontend(language).warm()  # load each parser once, before the workers fork
    gc.freeze()  # what is loaded now is shared with the workers and never scanned again

    biggest_first = sorted(tasks, key=_size, reverse=True)  # no 4 MB straggler at the end
    with ProcessPoolExecutor(max_workers=jobs, initializer=_quiet_gc) as pool:
        chunk = max(1, min(16, len(tasks) // (jobs * 16)))
        yield from pool.map(
            _collecting_rarely, biggest_first, [settings] * len(tasks), [cached] * len(tasks),
            chunksize=chunk,
        )  # fmt: skip


def run_files(
    tasks: list[FileTask],
    settings: Settings,
    root: Path,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> list[FileResult]:
    """One result per task, in the tasks' order."""
    from hardcode_lint.cache import Entry, ResultCache

    cache = ResultCache(root, settings.cache_key()) if use_cache else None
    results: dict[str, FileResult] = {}
    todo = []
    for task in tasks:
        entry = cache.fresh(task.rel, task.path, task.test) if cache else None
        if entry is not None:
            results[task.rel] = entry.result
            continue
        known = cache.get(task.rel) if cache else None
        if known and known.test == task.test:
            task = replace(task, known_digest=known.digest, known_memo=known.memo)
        todo.append(task)
    done = len(results)
    tests = {t.rel: t.test for t in todo}
    for outcome in _outcomes(todo, settings, jobs or os.cpu_count() or 1, cache is not None):
        result, memo = outcome.result, outcome.memo
        if result is None and cache is not None:  # same content as cached: only mtime moved
            cached = cache.get(outcome.rel)
            assert cached is not None
            result, memo = cached.result, cached.memo
        assert result is not None
        results[outcome.rel] = result
        if cache is not None and outcome.digest:
            entry = Entry(outcome.size, outcome.mtime_ns, outcome.digest, tests[outcome.rel],
                          result, memo)  # fmt: skip
            cache.put(outcome.rel, entry)
        done += 1
        if progress is not None:
            progress(done, len(tasks))
    if cache is not None:
        cache.save()
    return [results[task.rel] for task in tasks]
