"""``report --history FILE``: one JSON line of totals per run, and the trend they draw.

JSON lines are append-only and merge-friendly: two branches that each add a line merge without
conflict more often than a JSON array would.

A point is one *run*: the project's state at a commit. Reports written in several formats from
one state (``--format html``, then ``markdown``, then ``json``) are one run, so a point replaces
the last one when both have the same commit and the same totals; outside git, where there is no
commit, the same totals within :data:`SAME_RUN` of the last point. A run whose totals differ
(work not yet committed) is a point of its own.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hardcode_lint.atomic import WriteRefused, append_line, replace_file
from hardcode_lint.errors import UsageError
from hardcode_lint.report.progress import Report

_SPARKS = "▁▂▃▄▅▆▇█"
SAME_RUN = timedelta(hours=1)  # outside git: reports of one state this close are one run


@dataclass(frozen=True)
class Point:
    generated: str
    sites: int
    migrated: int
    pending: int
    unmapped: int
    progress: float
    production: float | None = None  # progress of production code (None: an old line)
    tests: float | None = None  # progress of test code
    commit: str = ""  # the git commit the run saw ("" outside git)

    def totals(self) -> tuple[Any, ...]:
        """What tells two runs' states apart."""
        return (self.sites, self.migrated, self.pending, self.unmapped, self.progress,
                self.production, self.tests)  # fmt: skip


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
_OPTIONAL = ("production", "tests")  # lines written before they were recorded lack them
_FIELDS = {f.name for f in fields(Point)}


def _point(data: Any) -> Point:
    """A point from a line's object; fields a later version adds are ignored, not fatal."""
    if not isinstance(data, dict):
        raise TypeError("not an object")
    return _checked(Point(**{k: v for k, v in data.items() if k in _FIELDS}))


def _checked(point: Point) -> Point:
    """A point whose fields have their types (a hand-edited ``"progress": "80"`` is not one:
    the trend line would fail on it later, far from the line at fault)."""
    for name, kind in _NUMBERS.items():
        value = getattr(point, name)
        if value is None and name in _OPTIONAL:
            continue
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
            points.append(_point(json.loads(line)))
        except (ValueError, TypeError):
            warnings.append(f"{path}:{number}: not a history entry; skipped")
    return points, warnings


def append_history(path: Path, report: Report) -> tuple[list[Point], list[str]]:
    """Append this run's totals to ``path``; returns every point, oldest first.

    One point per run: a report of the state the last point recorded replaces it (see the
    module's docstring), whatever its format.
    """
    points, warnings = read_history(path)
    point = point_of(report, head_commit(path.resolve().parent))
    rerun = bool(points) and same_run(points[-1], point)
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


def _when(point: Point) -> datetime | None:
    try:
        return datetime.fromisoformat(point.generated.replace("Z", "+00:00"))
    except ValueError:
        return None


def same_run(last: Point, new: Point) -> bool:
    """Whether ``new`` records the run ``last`` did: same commit and totals (outside git: same
    totals, and close in time)."""
    if last.commit != new.commit or last.totals() != new.totals():
        return False
    if new.commit:
        return True
    before, now = _when(last), _when(new)
    return before is not None and now is not None and abs(now - before) <= SAME_RUN


def trend_lines(points: list[Point]) -> list[tuple[str, list[float]]]:
    """The trend's three lines, production first, as (words key, values); an old point without
    the production and test numbers is left out of those two lines."""
    production = [p.production for p in points if p.production is not None]
    tests = [p.tests for p in points if p.tests is not None]
    return [("production", production), ("all_code", [p.progress for p in points]),
            ("tests", tests)]  # fmt: skip


def _line(point: Point) -> str:
    return json.dumps(asdict(point), ensure_ascii=False)


def sparkline(values: list[float], low: float = 0.0, high: float = 100.0) -> str:
    """``[0, 50, 100]`` -> ``"▁▅█"`` on a fixed 0-100 scale, so lines of runs compare."""
    span = (high - low) or 1.0
    last = len(_SPARKS) - 1
    return "".join(_SPARKS[round((min(max(v, low), high) - low) / span * last)] for v in values)
