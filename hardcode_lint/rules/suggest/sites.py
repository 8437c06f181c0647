"""What each front end says about the sites ``rules suggest`` names: the constructs around
each literal (one parse per file) and the module each file is part of."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from hardcode_lint.lang import frontend
from hardcode_lint.lang.base import SettingsTarget, Step
from hardcode_lint.model import Finding
from hardcode_lint.rules.suggest.text import ModuleOf


def site_steps(
    root: Path, findings: Iterable[Finding]
) -> dict[tuple[str, int, int], Sequence[Step]]:
    """The constructs around every site, by (path, start, end): each file read and parsed once.
    A file that cannot be read any more leaves its sites without (named by scope and api)."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.start >= 0:
            by_file[finding.path].append(finding)
    found: dict[tuple[str, int, int], Sequence[Step]] = {}
    for path, sites in by_file.items():
        try:
            data = (root / path).read_bytes()
        except OSError:
            continue
        spans = [(f.start, f.end) for f in sites]
        for site, steps in zip(
            sites, frontend(sites[0].language).site_steps(data, spans), strict=True
        ):
            found[(path, site.start, site.end)] = steps
    return found


def modules_by_target(targets: Mapping[str, SettingsTarget]) -> ModuleOf:
    """Each site's module as its front end names it, in its crate or package (``targets``:
    the settings target serving each file)."""
    memo: dict[str, tuple[str, str]] = {}

    def module_of(finding: Finding) -> tuple[str, str]:
        found = memo.get(finding.path)
        if found is None:
            target = targets.get(finding.path)
            unit_name, unit = (target.name, target.unit) if target else ("", "")
            found = frontend(finding.language).module_of(unit_name, unit, finding.path)
            memo[finding.path] = found
        return found

    return module_of
