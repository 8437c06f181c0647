#!/usr/bin/env python3
"""Time the language server as an editor feels it: start-up and time-to-diagnostics.

    python bench/lsp_bench.py [--lines 2000] [--edits 10] [--dense]

Generates a project (settings, two rule files, a Python and a Rust file of --lines lines each,
written like ordinary service code: a hardcode every 17 lines or so; --dense puts one on
almost every line), starts ``hardcode-lint lsp`` over stdio with pygls' client, and reports:

- start-up: from spawning the server to its answer to ``initialize``;
- open: from ``didOpen`` to the first diagnostics;
- edit: from a ``didChange`` (an incremental edit of a literal, unsaved, after a pause) to the
  diagnostics of that version, one edit at a time (the server waits 30 ms for a first change);
  diagnostics count from when their text is read (see ``_Read``);
- burst: 13 changes 60 ms apart (typing), from the last one to its diagnostics (the server
  waits for 150 ms of quiet while the user types);
- hover: a hover sent 0.1 s after a change, while that change is being analysed.

The issue's targets (issue 25): `initialize` answered within 0.6 s; on a dense 5,000-line file
an edit median within 500 ms, the burst's last key within 1 s, a hover during an analysis within
200 ms; a 2,000-line file's edit median within 100 ms.
Nothing here is a test: speed is never asserted in the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pygls.io_
from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parent.parent
RULES = """[module]
name = "{name}"
paths = ["src/**"]

[[rule]]
id = "{name}-first-sleep"
path = "src/service.{ext}"
scope = "{scope}"
value = 2
key = "service.first_sleep_seconds"
replace = "{replace}"
"""


PYTHON_UNIT = """class Worker{i}:
    def __init__(self, client, items):
        self.client = client
        self.items = list(items)

    async def run(self):
        {sleep}
        for item in self.items:
            if item.ready:
                self.client.send(item.payload, retries=self.retries)
            else:
                self.pending.append(item)
        return {{k: v for k, v in self.client.stats().items()}}

    def bounded(self, n):
        {bound}

"""
PYTHON_DENSE = """async def job_{i}(client):
    await asyncio.sleep({s})
    client.fetch(timeout={t}, limit=50)
    return timedelta(seconds={i})

"""
RUST_UNIT = """pub struct Worker{i} {{
    items: Vec<u64>,
    offset: u64,
}}

impl Worker{i} {{
    pub fn run(&mut self) -> Duration {{
        let total: u64 = self.items.iter().map(|x| x * 2).sum();
        if total > self.offset {{
            self.items.clear();
        }}
        {sleep}
    }}

    pub fn bounded(&self, n: u64) -> u64 {{
        {bound}
    }}
}}

"""
RUST_DENSE = """pub fn job_{i}(n: u64) -> Duration {{
    let timeout_ms = {t};
    let n = n.max({b});
    Duration::from_secs({s}) + Duration::from_millis(timeout_ms)
}}

"""


def _unit(template: str, dense: bool, i: int, python: bool) -> str:
    """One block of generated code: a hardcode in every other method (or every line)."""
    s, b = i % 7 + 1, i % 5
    if dense:
        return template.format(i=i, s=s, t=i % 30 + 1, b=b)
    if python:
        sleep = f"await asyncio.sleep({s})" if i % 2 else "await self.ping()"
        bound = f"return max(n, {b})" if i % 3 == 0 else "return n + 1"
    else:
        sleep = f"Duration::from_secs({s})" if i % 2 else "Duration::ZERO"
        bound = f"n.max({b})" if i % 3 == 0 else "n + self.offset"
    return template.format(i=i, sleep=sleep, bound=bound)


def source(lines: int, dense: bool, python: bool) -> str:
    """A file of exactly ``lines`` lines, ending where a block ends or just before."""
    if python:
        head, template = "import asyncio\nfrom datetime import timedelta\n\n", PYTHON_UNIT
        template = PYTHON_DENSE if dense else template
    else:
        head, template = "use std::time::Duration;\n\n", RUST_DENSE if dense else RUST_UNIT
    parts, count, i = [head], head.count("\n"), 0
    while True:
        i += 1
        block = _unit(template, dense, i, python)
        if count + block.count("\n") > lines:
            break
        parts.append(block)
        count += block.count("\n")
    return "".join(parts) + "\n" * (lines - count)


def make_project(root: Path, lines: int, dense: bool) -> dict[str, str]:
    (root / "src").mkdir(parents=True)
    (root / "rules").mkdir()
    (root / "hardcode-lint.toml").write_text('rules = ["rules"]\n')
    sources = {"src/service.py": source(lines, dense, python=True),
               "src/service.rs": source(lines, dense, python=False)}  # fmt: skip
    for rel, text in sources.items():
        (root / rel).write_text(text)
    python = {"name": "python", "ext": "py", "scope": "Worker1.run",
              "replace": "settings.first_sleep_seconds"}  # fmt: skip
    rust = {"name": "rust", "ext": "rs", "scope": "Worker1::run",
            "replace": "settings().first_sleep_secs"}  # fmt: skip
    (root / "rules" / "python.toml").write_text(RULES.format(**python))
    (root / "rules" / "rust.toml").write_text(RULES.format(**rust))
    return sources


class _Read:
    """pygls' reader's ``json``, noting when each message's text was read: pygls' client
    decodes JSON into lsprotocol objects with cattrs, which for a dense file's 4,000
    diagnostics takes longer than Neovim's decoder; the edit times are from the text's
    arrival, and how long this client took to decode it is reported beside them."""

    def __init__(self) -> None:
        self.read = 0.0

    def loads(self, body: str | bytes, **options: object) -> object:
        self.read = time.perf_counter()
        return json.loads(body, **options)  # type: ignore[arg-type]


class Bench:
    def __init__(self) -> None:
        self.client = LanguageClient("lsp-bench", "1")
        self.arrived: dict[tuple[str, int | None], float] = {}
        self.decoding: list[float] = []  # how long the client took to decode each message
        self.counts: dict[tuple[str, int | None], int] = {}
        self.event = asyncio.Event()
        reader = _Read()
        pygls.io_.json = reader  # type: ignore[assignment]

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            if len(params.diagnostics) > 100:
                self.decoding.append(time.perf_counter() - reader.read)
            self.arrived.setdefault((params.uri, params.version), reader.read)
            self.counts[(params.uri, params.version)] = len(params.diagnostics)
            self.event.set()

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            return None

    async def diagnostics_at(self, uri: str, version: int, timeout: float = 30) -> float:
        deadline = time.perf_counter() + timeout
        while (uri, version) not in self.arrived:
            self.event.clear()
            await asyncio.wait_for(self.event.wait(), max(0.01, deadline - time.perf_counter()))
        return self.arrived[(uri, version)]


def _edit(uri: str, version: int, line: int, column: int, width: int,
          text: str) -> types.DidChangeTextDocumentParams:  # fmt: skip
    """Replace ``width`` characters at (line, column) with ``text``, as an editor sends it."""
    where = types.Range(types.Position(line, column), types.Position(line, column + width))
    change = types.TextDocumentContentChangePartial(range=where, text=text)
    return types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version, uri), [change]
    )


def _edit_site(text: str) -> tuple[int, int]:
    """(line, column) of a digit in a hardcode near the middle of the file."""
    lines = text.splitlines()
    for number in range(len(lines) // 2, len(lines)):
        line = lines[number]
        for marker in ("sleep(", "from_secs("):
            if marker in line:
                return number, line.index(marker) + len(marker)
    raise SystemExit("no hardcode to edit in the generated file")


@dataclass
class Measured:
    open: float
    edits: list[float]
    burst: float
    findings: int
    hover: float = 0.0


async def measure_file(bench: Bench, root: Path, rel: str, text: str, edits: int) -> Measured:
    uri, language = (root / rel).as_uri(), "python" if rel.endswith(".py") else "rust"
    sent = time.perf_counter()
    item = types.TextDocumentItem(uri, language, 1, text)
    bench.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    opened = await bench.diagnostics_at(uri, 1) - sent
    line, column = _edit_site(text)
    version, width, latencies = 1, 1, []
    # every edit makes a text never analysed before, and changes the length, as typing
    # does: what follows the edit moves (a same-width edit would leave it where it was)
    numbers = iter(n if n % 2 else n * 10 for n in range(100, 1000))

    def change() -> None:
        nonlocal version, width
        version, new = version + 1, str(next(numbers))
        bench.client.text_document_did_change(_edit(uri, version, line, column, width, new))
        width = len(new)

    await asyncio.sleep(1.0)  # past the start-up work, and a pause before the first edit
    for _ in range(edits):
        sent = time.perf_counter()
        change()
        latencies.append(await bench.diagnostics_at(uri, version) - sent)
        await asyncio.sleep(0.8)  # a pause: the next edit is not part of a burst
    for _ in range(13):  # the burst: 13 keystrokes 60 ms apart
        change()
        sent = time.perf_counter()
        await asyncio.sleep(0.06)
    burst = await bench.diagnostics_at(uri, version) - sent
    await asyncio.sleep(0.8)
    change()  # then a hover while that edit is being analysed
    await asyncio.sleep(0.1)
    asked = time.perf_counter()
    where = types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, column))
    await bench.client.text_document_hover_async(where)
    hovered = time.perf_counter() - asked
    await bench.diagnostics_at(uri, version)
    return Measured(opened, latencies, burst, bench.counts[(uri, 1)], hovered)


async def run(lines: int, edits: int, dense: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        sources = make_project(root, lines, dense)
        bench = Bench()
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        started = time.perf_counter()
        await bench.client.start_io(sys.executable, "-m", "hardcode_lint", "lsp", cwd=str(root),
                                    env=env)  # fmt: skip
        params = types.InitializeParams(capabilities=types.ClientCapabilities(),
                                        root_uri=root.as_uri())  # fmt: skip
        await bench.client.initialize_async(params)
        startup = time.perf_counter() - started
        bench.client.initialized(types.InitializedParams())
        print(f"start-up (spawn -> initialize answered): {startup * 1000:.0f} ms")
        for rel, text in sources.items():
            found = await measure_file(bench, root, rel, text, edits)
            report(rel, text.count("\n"), found)
            decoded = sorted(bench.decoding)
            if decoded:
                print(
                    f"  (this client decoded each: median "
                    f"{statistics.median(decoded) * 1000:.0f} ms, not counted above)"
                )
            bench.decoding.clear()
        await bench.client.shutdown_async(None)
        bench.client.exit(None)
        await bench.client.stop()


def report(rel: str, lines: int, found: Measured) -> None:
    edits = sorted(found.edits)
    every = ", ".join(f"{value * 1000:.0f}" for value in edits)
    print(f"{rel} ({lines} lines, {found.findings} findings):")
    print(f"  open -> diagnostics: {found.open * 1000:.0f} ms")
    print(f"  edit -> diagnostics: median {statistics.median(edits) * 1000:.0f} ms, "
          f"max {edits[-1] * 1000:.0f} ms (all: {every})")  # fmt: skip
    print(f"  typing burst, last key -> diagnostics: {found.burst * 1000:.0f} ms")
    print(f"  hover during an analysis: {found.hover * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--dense", action="store_true", help="a hardcode on almost every line")
    args = parser.parse_args()
    asyncio.run(run(args.lines, args.edits, args.dense))


if __name__ == "__main__":
    main()
