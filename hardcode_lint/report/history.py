"""``report --history FILE``: one JSON line of totals per run, and the trend they draw.

JSON lines are append-only and merge-friendly: two branches that each add a line merge without
conflict more often than a JSON array would.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from hardcode_lint.atomic import WriteRefused, append_line, replace_file
from hardcode_lint.errors import UsageError
from hardcode_lint.report.progress import Report

_SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class Point:
    generated: str
    sites: int
    migrated: int
    pending: int
    unmapped: int
    progress: float
    production: float
    tests: float
    commit: str = ""  # the git commit the run saw ("" outside git)


def point_of(report: Report, commit: str = "") -> Point:
    t = report.totals
    return Point(
        generated=report.generated.strftime("%Y-%m-%dT%H:%M:%SZ"),
        sites=t.sites,
        migrated=t.migrated,
        pending=t.pending,
        unmapped=t.unmapped,
        progress=t.progress,
        production=report.production.progress,
        tests=report.tests.progress,
        commit=commit,
    )


def head_commit(folder: Path) -> str:
    """The commit checked out in ``folder``'s git work tree, or ""."""
    import subprocess

    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=False)  # fmt: skip
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


_NUMBERS = {"sites": int, "migrated": int, "pending": int, "unmapped": int,
            "progress": float, "production": float, "tests": float}  # fmt: skip


def _checked(point: Point) -> Point:
    """A point whose fields have their types (a hand-edited ``"progress": "80"`` is not one:
    the trend line would fail on it later, far from the line at fault)."""
    for name, kind in _NUMBERS.items():
        value = getattr(point, name)
        if isinstance(value, bool) or not isinstance(value, int | float if kind is float else int):
            raise TypeError(f"{name} is not a number")
    if not isinstance(point.generated, str) or not isinstance(point.commit, str):
        raise TypeError("generated and commit are text")
    return point


def read_history(path: Path) -> tuple[list[Point], list[str]]:
    """The points recorded in ``path`` and a warning for every line that is not one."""
    if not path.exists():
        return [], []
    points, warnings = [], []
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the history file: {exc}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            points.append(_checked(Point(**json.loads(line))))
        except (ValueError, TypeError):
            warnings.append(f"{path}:{number}: not a history entry; skipped")
    return points, warnings


def append_history(path: Path, report: Report) -> tuple[list[Point], list[str]]:
    """Append this run's totals to ``path``; returns every point, oldest first.

    One point per commit: a rerun on the commit of the last point replaces it.
    """
    points, warnings = read_history(path)
    point = point_of(report, head_commit(path.resolve().parent))
    rerun = bool(points and point.commit and points[-1].commit == point.commit)
    try:
        if rerun:
            points = points[:-1]
            text = "".join(_line(p) + "\n" for p in [*points, point])
            replace_file(path, text.encode("utf-8"))
        else:
            append_line(path, _line(point))
    except WriteRefused as exc:
        raise UsageError(f"{path}: cannot write the history file: {exc}") from None
    return [*points, point], warnings


def _line(point: Point) -> str:
    return json.dumps(asdict(point), ensure_ascii=False)


def sparkline(values: list[float], low: float = 0.0, high: float = 100.0) -> str:
    """``[0, 50, 100]`` -> ``"▁▅█"`` on a fixed 0-100 scale, so lines of runs compare."""
    span = (high - low) or 1.0
    last = len(_SPARKS) - 1
    return "".join(_SPARKS[round((min(max(v, low), high) - low) / span * last)] for v in values)
