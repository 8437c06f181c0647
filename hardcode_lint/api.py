"""The public Python API: ``scan(paths)`` returns typed findings.

The CLI is a thin layer over this, and so are the report, fix and check commands: one engine,
walked once per run.  Example::

    from hardcode_lint import scan
    result = scan(["src"])
    for finding in result.findings:
        print(finding.path, finding.line, finding.kind, finding.value)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from hardcode_lint.config import Config, find_root, load_config
from hardcode_lint.discover.files import discover, relative
from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.engine import FileTask, Settings, analyze_file
from hardcode_lint.model import FileResult, ScanResult

Progress = Callable[[int, int], None]  # (files done, files in all)
_PARALLEL_THRESHOLD = 16  # fewer files than this: a process pool costs more than it saves


def settings_for(config: Config, *, prefilter: bool = True) -> Settings:
    from hardcode_lint.detect.catalog import build_catalog

    return Settings(
        catalog=build_catalog(config.catalog),
        select=config.select,
        ignore=config.ignore,
        prefilter=prefilter,
    )


def resolve_config(paths: Sequence[str | Path], config_file: str | Path | None = None) -> Config:
    """The configuration a run over ``paths`` uses (root from the first PATH, contract §3)."""
    first = Path(paths[0]) if paths else Path(".")
    root = find_root(first if first.exists() else Path("."))
    return load_config(root, Path(config_file) if config_file is not None else None)


def tasks_for(paths: Sequence[str | Path], config: Config) -> list[FileTask]:
    files = discover([Path(p) for p in paths] or [Path(".")], config.root, config.exclude)
    tests = compile_globs(config.test_paths)
    tasks = []
    for path in files:
        rel = relative(path, config.root)
        tasks.append(FileTask(path=path, rel=rel, test=tests.match_file(rel)))
    return tasks


def _analyze_all(tasks: list[FileTask], settings: Settings, jobs: int) -> Iterator[FileResult]:
    if jobs <= 1 or len(tasks) < _PARALLEL_THRESHOLD:
        for task in tasks:
            yield analyze_file(task, settings)
        return
    import libcst  # noqa: F401  (warm the parser once, before the workers fork)

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, min(32, len(tasks) // (jobs * 8)))
        yield from pool.map(analyze_file, tasks, [settings] * len(tasks), chunksize=chunk)


def scan(
    paths: Iterable[str | Path] = (".",),
    config: Config | None = None,
    *,
    jobs: int | None = None,
    prefilter: bool = True,
    progress: Progress | None = None,
) -> ScanResult:
    """Find every hardcoded duration, clamp bound and limit under ``paths``.

    ``config`` defaults to the one found from the first path.  ``jobs`` is the number of worker
    processes (default: the CPU count).  Raises :class:`~hardcode_lint.errors.UsageError` for a
    missing path or a bad configuration; unreadable or unparsable files go to ``errors``.
    """
    path_list = list(paths) or ["."]
    config = config or resolve_config(path_list)
    settings = settings_for(config, prefilter=prefilter)
    tasks = tasks_for(path_list, config)
    result = ScanResult(root=config.root, files=len(tasks))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    for done, file_result in enumerate(_analyze_all(tasks, settings, workers), start=1):
        result.findings.extend(file_result.findings)
        if file_result.error is not None:
            result.errors.append(file_result.error)
        if progress is not None:
            progress(done, len(tasks))
    return result
