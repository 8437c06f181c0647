#!/usr/bin/env python3
"""Time ``rules suggest`` against ``scan`` on a generated project of about 50,000 findings.

    python bench/suggest_bench.py [DIR] [--files 500] [--reps 1]

Writes DIR (default: a temporary folder) with --files Python and Rust files of about 100
findings each, written the way projects write them: named constants, struct fields, keywords,
builders, clamps, sleeps in loops, the same names with other values in other functions (what
key disambiguation works on), then times ``scan`` and ``rules suggest --output DIR/`` on it,
both without the cache, alternately, and prints the ratio (issue 21: at most 1.5).  Nothing
here is a test: speed is never asserted in the test suite.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY_FUNCTION = """
def job_{j}(client, n):
    backoff = {a}
    client.get("/x", timeout={b})
    client.post("/y", timeout={b}, retries={c})
    time.sleep({a})
    limit = max(n, {c})
    window = timedelta(seconds={b})
    POLL_INTERVAL_{j} = {c}
    return min(n, {d}), window, limit
"""
PY_CLASS = """
class Worker{i}:
    DEFAULT_MAX_CONNECTIONS = {d}

    def __init__(self, x):
        self.heartbeat_interval = {a}
        self.limit = max(x, 1)

    def run_loop(self):
        while True:
            time.sleep({b})
"""
RS_FUNCTION = """
pub fn job_{j}(pool: &Pool, x: f64) -> f64 {{
    let backoff = Duration::from_millis({a});
    let p = Pool::builder().connection_timeout(Duration::from_secs({b})).max_size({c}).build();
    std::thread::sleep(Duration::from_millis({d}));
    let conf = Config {{ timeout_connect: Some(Duration::from_secs({b})), retries: {c} }};
    x.clamp(0.25, {d}.0)
}}
"""


def _python(i: int) -> str:
    parts = ["import time\nfrom datetime import timedelta\n", PY_CLASS.format(i=i, a=i % 7 + 1,
             b=i % 5 + 2, d=100)]  # fmt: skip
    for j in range(10):
        parts.append(PY_FUNCTION.format(j=j, a=(i + j) % 4 + 1, b=30 + j % 3, c=j % 5 + 2, d=100))
    return "".join(parts)


def _rust(i: int) -> str:
    parts = ["use std::time::Duration;\n", f"const DEFAULT_MAX_IDLE_CONNS: usize = {i % 9 + 1};\n"]
    for j in range(12):
        parts.append(RS_FUNCTION.format(j=j, a=(i + j) % 4 + 1, b=30 + j % 3, c=j % 5 + 2, d=8))
    return "".join(parts)


def generate(root: Path, files: int) -> None:
    """About 100 findings a file: three Python packages to one Rust crate."""
    (root / "pyproject.toml").write_text("[tool.hardcode-lint]\n")
    (root / "Cargo.toml").write_text('[package]\nname = "gen"\nversion = "0.1.0"\n')
    for i in range(files):
        if i % 4 == 3:
            folder = root / "src" / f"m{i // 40}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"f{i}.rs").write_text(_rust(i))
        else:
            folder = root / "app" / f"p{i // 40}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "__init__.py").touch()
            (folder / f"f{i}.py").write_text(_python(i))


def _time(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, check=False)  # fmt: skip
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(argv)} failed: {done.stderr.strip()}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("dir", nargs="?", type=Path)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--reps", type=int, default=1)
    args = parser.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="suggest-bench-"))
    if not any(root.glob("*.toml")):
        root.mkdir(parents=True, exist_ok=True)
        generate(root, args.files)
    tool = [sys.executable, "-m", "hardcode_lint"]
    scan = [*tool, "scan", "--no-cache", "--format", "json", "-o", str(root / "scan.json")]
    scans, suggests = [], []
    for _ in range(args.reps):
        shutil.rmtree(root / "rules", ignore_errors=True)
        scans.append(_time([*scan, "."], root))
        suggests.append(_time([*tool, "rules", "suggest", "--no-cache", "-o", "rules/"], root))
    import json

    findings = len(json.loads((root / "scan.json").read_text())["findings"])
    size = sum(p.stat().st_size for p in (root / "rules").glob("*.toml"))
    a, b = statistics.median(scans), statistics.median(suggests)
    print(f"{findings} findings in {root}")
    print(f"scan            {a:7.1f} s")
    print(f"rules suggest   {b:7.1f} s   ({size / 1e6:.1f} MB of rules)")
    print(f"ratio           {b / a:7.2f}  (issue 21: at most 1.5)")


if __name__ == "__main__":
    main()
