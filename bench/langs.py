#!/usr/bin/env python3
"""The Go and TypeScript/JavaScript parts of the benchmark: hardcode-lint cold against its peers.

    python bench/langs.py [--go DIR] [--ts DIR] [--reps 3]
    (or python bench/run.py ... --go DIR --ts DIR, which adds these tables to its own)

--go DIR (bench/go_corpus.sh) times the Go front end cold against ast-grep with the equivalent
rules of bench/peers/ast-grep-go.yml.  --ts DIR (bench/npm_corpus.sh) times the TypeScript and
JavaScript front ends cold against ast-grep (bench/peers/ast-grep-ts.yml), ESLint's
`no-magic-numbers` (typescript-eslint's for TypeScript; bench/peers/eslint.config.mjs) and Biome's
`noMagicNumbers` (bench/peers/biome.json).  ESLint and Biome come from npm into bench/.peers
(`npm install --prefix bench/.peers eslint @biomejs/biome typescript-eslint`, gitignored; or the
folder HCL_BENCH_NODE_TOOLS names); a peer that is absent is skipped with its reason.  The tools
run alternately, round after round, each on every core (a busy moment costs all of them alike),
and beside the ratios a second table shows what each finds: its findings, the lines they are on,
and how many of those lines hardcode-lint flags too.  Nothing here is a test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from run import JOBS, PEERS, alternate, ast_grep_cmd, ratio_table, rounds, tool

HERE = Path(__file__).resolve().parent
GO = (".go",)
TS = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")
Sites = set[tuple[str, int]]
Run = tuple[str, list[str], Callable[[str], Sites]]


def node_tools() -> Path:
    return Path(os.environ.get("HCL_BENCH_NODE_TOOLS") or HERE / ".peers")


def here(path: str) -> str:
    """A reported path relative to the corpus (every tool runs from its root)."""
    return os.path.relpath(path) if os.path.isabs(path) else os.path.normpath(path)


def ours_sites(out: Path) -> Callable[[str], Sites]:
    def read(_: str) -> Sites:
        found = json.loads(out.read_text())["findings"]
        return {(here(f["path"]), int(f["line"])) for f in found}

    return read


def ast_grep_sites(out: str) -> Sites:
    return {(here(m["file"]), m["range"]["start"]["line"] + 1) for m in json.loads(out or "[]")}


def eslint_sites(out: str) -> Sites:
    return {(here(f["filePath"]), m["line"]) for f in json.loads(out or "[]")
            for m in f["messages"] if not m.get("fatal")}  # fmt: skip


def biome_cmd(biome: Path) -> list[str]:
    """Biome on the whole corpus.  Beware: on the 1.5M-line npm corpus it peaks at about 22 GB
    (23 GB machine), whether run at once or package by package, so a single package does it."""
    config = str(PEERS / "biome.json")
    return [str(biome), "lint", "--config-path", config, "--only=style/noMagicNumbers",
            "--reporter=json", "--max-diagnostics=none", "."]  # fmt: skip


def biome_sites(out: str) -> Sites:
    reports = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    rule = "lint/style/noMagicNumbers"
    return {(here(d["location"]["path"]), d["location"]["start"]["line"]) for r in reports
            for d in r.get("diagnostics", []) if d["category"] == rule}  # fmt: skip


def node_peers() -> tuple[list[Run], list[str]]:
    """ESLint and Biome from the node tools folder, or the reason each is skipped."""
    bin_dir = node_tools() / "node_modules" / ".bin"
    runs: list[Run] = []
    skipped: list[str] = []
    eslint, biome = bin_dir / "eslint", bin_dir / "biome"
    if not shutil.which("node"):
        return [], ["ESLint and Biome skipped: no `node` on PATH"]
    if eslint.exists() and (node_tools() / "node_modules" / "typescript-eslint").exists():
        os.environ["HCL_BENCH_NODE_TOOLS"] = str(node_tools())  # read by eslint.config.mjs
        runs.append(("ESLint no-magic-numbers", [str(eslint), "--no-config-lookup", "-c",
                     str(PEERS / "eslint.config.mjs"), "-f", "json", "--concurrency", JOBS, "."],
                     eslint_sites))  # fmt: skip
    else:
        skipped.append(f"ESLint skipped: no eslint and typescript-eslint under {node_tools()}")
    if biome.exists():
        runs.append(("Biome noMagicNumbers", biome_cmd(biome), biome_sites))
    else:
        skipped.append(f"Biome skipped: no biome under {node_tools()}")
    return runs, skipped


def section(corpus: Path, languages: list[str], peers: list[Run], reps: int) -> list[str]:
    """Time hardcode-lint cold and ``peers`` alternately in ``corpus``; the two tables."""
    exe = tool("hardcode-lint") or "hardcode-lint"
    out = corpus.parent / f".hcl-bench-{corpus.name}.json"
    scan = [exe, "scan", ".", "--format", "json", "--no-cache", "-j", JOBS, "-o", str(out),
            *(a for lang in languages for a in ("--language", lang))]  # fmt: skip
    name = f"hardcode-lint cold ({'/'.join(languages)})"
    runs: list[Run] = [(name, scan, ours_sites(out)), *peers]
    found: dict[str, Sites] = {}

    def keep(label: str, sites: Callable[[str], Sites]) -> Callable[[str], int]:
        def count(stdout: str) -> int:  # the last round's findings, read after it
            found[label] = sites(stdout)
            return len(found[label])

        return count

    with contextlib.chdir(corpus):
        timings = alternate([(n, cmd, keep(n, sites)) for n, cmd, sites in runs], reps)
        ours_sound = prefilter_sound(scan, out)
    out.unlink(missing_ok=True)
    files = [p for p in corpus.rglob("*") if p.suffix in (GO if "go" in languages else TS)]
    lines = sum(p.read_bytes().count(b"\n") for p in files if p.is_file())
    title = f"{'/'.join(languages)} corpus: {len(files)} files, {lines} lines ({corpus.name})"
    table = ratio_table(title, timings, "lines per second", lambda t: f"{lines / t.median:,.0f}")
    table += [""] + [f"- {line}" for t in timings[1:] for line in rounds(timings[0], t)[1:]]
    table += ["", f"Pre-filter sound (same findings with --no-prefilter): "
              f"{'yes' if ours_sound else 'NO'}.", "", "| tool | lines with a finding | "
              "of them, lines hardcode-lint flags too |", "|---|---|---|"]  # fmt: skip
    ours = found[name]
    table += [f"| {n} | {len(found[n])} | {len(found[n] & ours) if n != name else ''} |"
              for n, _, _ in runs]  # fmt: skip
    return ["", *table]


def prefilter_sound(scan: list[str], out: Path) -> bool:
    before = json.loads(out.read_text())["findings"]
    subprocess.run([*scan, "--no-prefilter"], capture_output=True)
    return bool(before == json.loads(out.read_text())["findings"])


def go_section(corpus: Path, reps: int) -> str:
    peer = ast_grep_cmd("ast-grep-go.yml", Path("."))
    peers: list[Run] = [("ast-grep (Go)", peer, ast_grep_sites)] if peer else []
    notes = [] if peer else ["", "ast-grep skipped: not installed (`pip install ast-grep-cli`)."]
    return "\n".join([*section(corpus.resolve(), ["go"], peers, reps), *notes]) + "\n"


def ts_section(corpus: Path, reps: int) -> str:
    peer = ast_grep_cmd("ast-grep-ts.yml", Path("."))
    peers: list[Run] = [("ast-grep (TS/JS)", peer, ast_grep_sites)] if peer else []
    notes = [] if peer else ["ast-grep skipped: not installed (`pip install ast-grep-cli`)."]
    node, skipped = node_peers()
    notes = [*notes, *skipped]
    lines = section(corpus.resolve(), ["typescript", "javascript"], [*peers, *node], reps)
    return "\n".join([*lines, *(["", *notes] if notes else [])]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--go", type=Path, help="a Go corpus (bench/go_corpus.sh)")
    parser.add_argument("--ts", type=Path, help="an npm corpus (bench/npm_corpus.sh)")
    parser.add_argument("--reps", type=int, default=3, help="rounds (median)")
    args = parser.parse_args()
    text = (go_section(args.go, args.reps) if args.go else "") + (
        ts_section(args.ts, args.reps) if args.ts else ""
    )
    print(text)


if __name__ == "__main__":
    main()
