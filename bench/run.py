#!/usr/bin/env python3
"""Benchmark hardcode-lint against its peers on the standard library, side by side in one run.

    python bench/run.py [--extra DIR] [--reps 3] [--skip-fixit] [--site DIR] [--rust DIR]
                        [--go DIR] [--ts DIR] [--write]

Builds a corpus from the running interpreter's standard library (plus --extra), then times, with
medians over --reps runs and peak memory from GNU time: hardcode-lint cold (no cache), warm
(cache filled), a one-file `check` as pre-commit runs it, and the peers found on PATH or next to
this interpreter (semgrep, ast-grep, fixit) running the four equivalent rules in bench/peers/.
It prints the ratios hardcode-lint / peer and every tool's finding count, so the ratios compare
like with like, and checks that the pre-filters change no finding.  hardcode-lint cold and
ast-grep run alternately (a busy moment costs both alike).  --site DIR (a large folder such as
a site-packages) times both cold on it, with lines per second.  --rust DIR (a vendored Rust
corpus) times the Rust front end cold against ast-grep with the equivalent rules of
bench/peers/ast-grep-rust.yml, alternating, and checks its pre-filter too.  --go DIR and --ts DIR
(bench/go_corpus.sh, bench/npm_corpus.sh) add bench/langs.py's tables: Go against ast-grep,
TypeScript/JavaScript against ast-grep, ESLint and Biome.  --write saves the
tables to bench/RESULTS.md.  Nothing here is a test: speed is never asserted in the test suite.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEERS = HERE / "peers"
JOBS = str(os.cpu_count() or 1)


@dataclass
class Timing:
    name: str
    wall: list[float]
    peak_mb: float
    findings: int | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.wall)


def compile_tool() -> None:
    """Byte-compile hardcode-lint's modules, as ``pip install`` does: an editable install run
    under PYTHONDONTWRITEBYTECODE would compile them again in every timed run."""
    import hardcode_lint

    compileall.compile_dir(Path(hardcode_lint.__file__).parent, quiet=1)


def tool(name: str) -> str | None:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of one run, measured by GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        full = ["/usr/bin/time", "-f", "%e %M", "-o", report.name, *cmd]
        done = subprocess.run(
            full, capture_output=True, text=True, env={**os.environ, **(env or {})}
        )
        wall, peak_kb = report.read().split()[-2:]
    return float(wall), int(peak_kb) / 1024, done.stdout


def repeat(
    name: str,
    cmd: list[str],
    reps: int,
    count: object = None,
    env: dict[str, str] | None = None,
    before: object = None,
) -> Timing:
    walls, peaks, out = [], [], ""
    for _ in range(reps):
        if callable(before):
            before()
        wall, peak, out = timed(cmd, env)
        walls.append(wall)
        peaks.append(peak)
    findings = count(out) if callable(count) else None
    print(f"  {name}: median {statistics.median(walls):.2f} s, peak {max(peaks):.0f} MB, "
          f"findings {findings}", flush=True)  # fmt: skip
    return Timing(name, walls, max(peaks), findings)


def alternate(runs: list[tuple[str, list[str], object]], reps: int) -> list[Timing]:
    """Each command once per round, round after round: a busy moment of the machine costs
    every tool alike, so the ratios hold even when the absolute times do not."""
    timings = [Timing(name, [], 0.0) for name, _, _ in runs]
    for _ in range(reps):
        for timing, (_, cmd, count) in zip(timings, runs, strict=True):
            wall, peak, out = timed(cmd)
            timing.wall.append(wall)
            timing.peak_mb = max(timing.peak_mb, peak)
            timing.findings = count(out) if callable(count) else None
            print(f"  {timing.name}: {wall:.2f} s, peak {peak:.0f} MB", flush=True)
    return timings


def ast_grep_cmd(rules: str, corpus: Path) -> list[str] | None:
    exe = tool("ast-grep")
    return [exe, "scan", "-r", str(PEERS / rules), "--json=compact", "-j", JOBS, str(corpus)] \
        if exe else None  # fmt: skip


def ast_grep_count(out: str) -> int:
    return len(json.loads(out or "[]"))


def same_without_fast_pass(scan: list[str], out: Path) -> bool:
    """The tree-sitter pre-pass against the ``ast`` one (``HARDCODE_LINT_FASTPASS=0``), which
    the stdlib run checks against no pre-filter at all."""
    subprocess.run([*scan, "--no-cache"], capture_output=True)
    fast = json.loads(out.read_text())
    env = {**os.environ, "HARDCODE_LINT_FASTPASS": "0"}
    subprocess.run([*scan, "--no-cache"], capture_output=True, env=env)
    reference = json.loads(out.read_text())
    return bool(fast["findings"] == reference["findings"] and fast["errors"] == reference["errors"])


def build_corpus(extra: list[Path]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="hcl-bench-"))
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    shutil.copytree(
        stdlib, root / "stdlib", ignore=shutil.ignore_patterns("site-packages", "__pycache__")
    )
    for folder in extra:
        shutil.copytree(folder, root / folder.name, ignore=shutil.ignore_patterns("__pycache__"))
    (root / ".semgrepignore").write_text("")  # else semgrep silently skips test folders
    (root / "pyproject.toml").write_text("")  # the corpus is its own hardcode-lint project
    return root


def like_for_like(findings: list[dict[str, object]]) -> int:
    """hardcode-lint's findings that the four peer rules also look for."""

    def peer_rule(f: dict[str, object]) -> bool:
        api, arg = str(f["api"]), f["arg"]
        return (api in ("time.sleep", "asyncio.sleep", "datetime.timedelta", "max", "min")
                or arg == "timeout")  # fmt: skip

    return sum(1 for f in findings if peer_rule(f))


def hardcode_lint_runs(
    corpus: Path, reps: int
) -> tuple[list[Timing], list[Timing], dict[str, int]]:
    exe = tool("hardcode-lint") or "hardcode-lint"
    out = corpus / "findings.json"
    scan = [exe, "scan", str(corpus), "--format", "json", "-j", JOBS, "-o", str(out)]

    def count(_: str) -> int:
        return like_for_like(json.loads(out.read_text())["findings"])

    pair: list[tuple[str, list[str], object]] = [
        ("hardcode-lint cold", [*scan, "--no-cache"], None)
    ]
    peer = ast_grep_cmd("ast-grep.yml", corpus)
    if peer:
        pair.append(("ast-grep", peer, ast_grep_count))
    cold, *against = alternate(pair, reps)
    cold.findings = count("")
    findings = json.loads(out.read_text())["findings"]
    subprocess.run([*scan], capture_output=True)  # fill the cache
    warm = repeat("hardcode-lint warm", scan, reps, count)
    target = corpus / "stdlib" / "asyncio" / "tasks.py"
    original = target.read_text()

    def touch() -> None:  # a changed file, as in a pre-commit run
        target.write_text(original + f"\n# edit {os.urandom(4).hex()}\n")

    check = repeat("hardcode-lint one-file check", [exe, "check", str(target)], reps, before=touch)
    unfiltered = [exe, "scan", str(corpus), "--format", "json", "--no-cache", "--no-prefilter",
                  "-j", JOBS, "-o", str(corpus / "unfiltered.json")]  # fmt: skip
    target.write_text(original)
    subprocess.run([*scan, "--no-cache"], capture_output=True)
    subprocess.run(unfiltered, capture_output=True)
    filtered = json.loads(out.read_text())["findings"]
    same = filtered == json.loads((corpus / "unfiltered.json").read_text())["findings"]
    facts = {"findings": len(findings), "like_for_like": like_for_like(findings),
             "prefilter_sound": int(same),
             "fast_sound": int(same_without_fast_pass(scan, out))}  # fmt: skip
    return [cold, warm, check], against, facts


def peer_runs(corpus: Path, reps: int, skip_fixit: bool) -> list[Timing]:
    runs = []
    semgrep = tool("semgrep")
    if semgrep:
        cmd = [semgrep, "--metrics=off", "--config", str(PEERS / "semgrep.yaml"), "--json", "-q",
               "--max-target-bytes=0", "-j", JOBS, str(corpus)]  # fmt: skip
        runs.append(repeat("semgrep", cmd, reps, lambda out: len(json.loads(out)["results"]),
                           env={"SEMGREP_ENABLE_VERSION_CHECK": "0"}))  # fmt: skip
    fixit = tool("fixit")
    if fixit and not skip_fixit:
        cmd = [fixit, "--rules", "fixit_rules", "lint", str(corpus)]
        runs.append(repeat("fixit", cmd, 1, lambda out: out.count(": hardcoded "),
                           env={"PYTHONPATH": str(PEERS)}))  # fmt: skip
    return runs


def rust_runs(corpus: Path, reps: int) -> tuple[list[Timing], dict[str, int]]:
    """hardcode-lint and ast-grep cold on a Rust corpus, alternating."""
    exe = tool("hardcode-lint") or "hardcode-lint"
    work = Path(tempfile.mkdtemp(prefix="hcl-rust-"))
    out = work / "findings.json"
    scan = [exe, "scan", str(corpus), "--language", "rust", "--format", "json", "--no-cache",
            "-j", JOBS, "-o", str(out)]  # fmt: skip
    pair: list[tuple[str, list[str], object]] = [("hardcode-lint cold (Rust)", scan, None)]
    peer = ast_grep_cmd("ast-grep-rust.yml", corpus)
    if peer:
        pair.append(("ast-grep (Rust)", peer, ast_grep_count))
    runs = alternate(pair, reps)
    filtered = json.loads(out.read_text())["findings"]
    runs[0].findings = sum(f["context"] == "call" for f in filtered)
    subprocess.run([*scan, "--no-prefilter"], capture_output=True)
    same = filtered == json.loads(out.read_text())["findings"]
    shutil.rmtree(work, ignore_errors=True)
    return runs, {"findings": len(filtered), "prefilter_sound": int(same)}


def ratio_table(
    title: str, runs: list[Timing], column: str, value: Callable[[Timing], str]
) -> list[str]:
    """A markdown table of ``runs``, each with its ratio to the first (hardcode-lint)."""
    rows = [title, "", f"| run | median wall (s) | peak memory (MB) | {column} | "
            "hardcode-lint / this |", "|---|---|---|---|---|"]  # fmt: skip
    for timing in runs:
        ratio = f"{runs[0].median / timing.median:.2f}" if timing is not runs[0] else ""
        rows.append(f"| {timing.name} | {timing.median:.2f} | {timing.peak_mb:.0f} | "
                    f"{value(timing)} | {ratio} |")  # fmt: skip
    return rows


def rounds(ours: Timing, peer: Timing) -> list[str]:
    """The ratio of each alternating round: a machine that slows down mid-run moves both runs
    of a round alike, which the ratio of the two medians does not always show."""
    if len(ours.wall) != len(peer.wall) or peer is ours:
        return []
    ratios = [a / b for a, b in zip(ours.wall, peer.wall, strict=True)]
    listed = ", ".join(f"{r:.2f}" for r in ratios)
    return ["", f"Round by round, {ours.name} / {peer.name}: {listed} "
            f"(median {statistics.median(ratios):.2f})."]  # fmt: skip


def rust_table(runs: list[Timing], facts: dict[str, int], corpus: Path) -> str:
    files = list(corpus.rglob("*.rs"))
    lines = sum(p.read_bytes().count(b"\n") for p in files)
    title = f"Rust corpus: {len(files)} files, {lines} lines ({corpus.name})"
    out = ["", *ratio_table(title, runs, "call-site findings", lambda t: str(t.findings))]
    out += rounds(runs[0], runs[-1])
    out += ["", f"hardcode-lint Rust findings in all: {facts['findings']}; pre-filter sound: "
            f"{'yes' if facts['prefilter_sound'] else 'NO'}."]  # fmt: skip
    return "\n".join(out) + "\n"


def lines_of(files: list[Path]) -> int:
    return sum(p.read_bytes().count(b"\n") for p in files)


def site_runs(corpus: Path, reps: int) -> str:
    """Cold hardcode-lint against ast-grep on a large folder (a site-packages), alternating,
    with lines per second for both (linear cost shows as the stdlib's rate kept)."""
    exe = tool("hardcode-lint") or "hardcode-lint"
    work = Path(tempfile.mkdtemp(prefix="hcl-site-"))
    out = work / "findings.json"
    scan = [exe, "scan", str(corpus), "--format", "json", "-j", JOBS, "-o", str(out)]
    pair: list[tuple[str, list[str], object]] = [
        ("hardcode-lint cold", [*scan, "--no-cache"], None)
    ]
    peer = ast_grep_cmd("ast-grep.yml", corpus)
    if peer:
        pair.append(("ast-grep", peer, ast_grep_count))
    runs = alternate(pair, reps)
    sound = same_without_fast_pass(scan, out)
    checks = site_checks(corpus, [*scan[:-2], "-o", os.devnull], out, reps)
    shutil.rmtree(work, ignore_errors=True)
    files = [p for p in corpus.rglob("*.py") if "__pycache__" not in p.parts]
    lines = lines_of(files)
    title = f"Large corpus: {len(files)} files, {lines} lines ({corpus})"
    table = ratio_table(title, runs, "lines per second", lambda t: f"{lines / t.median:,.0f}")
    table += rounds(runs[0], runs[-1])
    table += ["", "Tree-sitter pre-pass sound on this corpus (same findings and errors as the "
              f"ast pre-pass): {'yes' if sound else 'NO'}.", "",
              "| pre-commit run on this corpus (its cache filled) | median wall (s) | "
              "peak memory (MB) |", "|---|---|---|"]  # fmt: skip
    table += [f"| {t.name} | {t.median:.2f} | {t.peak_mb:.0f} |" for t in checks]
    return "\n".join(["", *table]) + "\n"


def site_checks(corpus: Path, fill: list[str], found: Path, reps: int) -> list[Timing]:
    """``check FILE`` of a file with findings, just edited (a comment appended, as in the
    stdlib run) and unchanged, with the corpus's own cache filled first; the file is restored."""
    exe = tool("hardcode-lint") or "hardcode-lint"
    findings = json.loads(found.read_text())["findings"]
    target = corpus / findings[len(findings) // 2]["path"]
    subprocess.run(fill, capture_output=True)
    original = target.read_bytes()

    def touch() -> None:
        target.write_bytes(original + f"\n# edit {os.urandom(4).hex()}\n".encode())

    command = [exe, "check", str(target)]
    try:
        edited = repeat("hardcode-lint check after an edit", command, reps, before=touch)
    finally:
        target.write_bytes(original)
    return [edited, repeat("hardcode-lint check, file unchanged", command, reps)]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"
    )


def table(ours: list[Timing], peers: list[Timing], facts: dict[str, int], files: int,
          lines: int) -> str:  # fmt: skip
    cold = ours[0]
    out = [f"Machine: {machine()}", f"Corpus: {files} files, {lines} lines (standard library)", "",
           "| run | median wall (s) | peak memory (MB) | findings (peer-rule equivalents) | "
           "hardcode-lint cold / this |", "|---|---|---|---|---|"]  # fmt: skip
    for timing in [*ours, *peers]:
        ratio = f"{cold.median / timing.median:.2f}" if timing in peers else ""
        found = "" if timing.findings is None else str(timing.findings)
        out.append(
            f"| {timing.name} | {timing.median:.2f} | {timing.peak_mb:.0f} | {found} | {ratio} |"
        )
    out += ["", f"hardcode-lint findings in all: {facts['findings']} "
            f"({facts['like_for_like']} of the kinds the peer rules look for).",
            "Pre-filter sound on this corpus (same findings with --no-prefilter): "
            f"{'yes' if facts['prefilter_sound'] else 'NO'}; tree-sitter pre-pass sound (same "
            f"findings and errors as the ast pre-pass): {'yes' if facts['fast_sound'] else 'NO'}.",
            f"hardcode-lint cold: {lines / cold.median:,.0f} lines per second."]  # fmt: skip
    alternated = [peer for peer in peers if peer.name == "ast-grep"]
    out += rounds(cold, alternated[0]) if alternated else []
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--extra", type=Path, action="append", default=[], help="another folder to scan"
    )
    parser.add_argument("--reps", type=int, default=3, help="repetitions per timing (median)")
    parser.add_argument("--skip-fixit", action="store_true", help="fixit takes minutes")
    parser.add_argument(
        "--site", type=Path, help="a large folder (site-packages), against ast-grep"
    )
    parser.add_argument("--rust", type=Path, help="a vendored Rust corpus, against ast-grep")
    parser.add_argument("--go", type=Path, help="a Go corpus, against ast-grep (bench/langs.py)")
    parser.add_argument("--ts", type=Path, help="an npm corpus, against ast-grep, ESLint, Biome")
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS.md")
    args = parser.parse_args()
    compile_tool()
    corpus = build_corpus(args.extra)
    py_files = [p for p in corpus.rglob("*.py")]
    lines = sum(p.read_bytes().count(b"\n") for p in py_files)
    print(f"corpus {corpus}: {len(py_files)} files, {lines} lines", flush=True)
    try:
        ours, against, facts = hardcode_lint_runs(corpus, args.reps)
        peers = [*against, *peer_runs(corpus, args.reps, args.skip_fixit)]
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
    text = table(ours, peers, facts, len(py_files), lines)
    if args.site:
        text += site_runs(args.site, args.reps)
    if args.rust:
        rust, rust_facts = rust_runs(args.rust, args.reps)
        text += rust_table(rust, rust_facts, args.rust)
    if args.go or args.ts:
        from langs import go_section, ts_section  # the Go and TS/JS tables

        text += go_section(args.go, args.reps) if args.go else ""
        text += ts_section(args.ts, args.reps) if args.ts else ""
    print(text)
    if args.write:
        command = " ".join(["python bench/run.py", *sys.argv[1:]])
        (HERE / "RESULTS.md").write_text(f"# Benchmark results\n\nGenerated by `{command}` (medians"
                                         f" of {args.reps}).\n\n" + text)  # fmt: skip


if __name__ == "__main__":
    main()
