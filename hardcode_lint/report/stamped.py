"""``report --format json`` as a job writes it: the report, and what it is a report of (the
tool, the settings, the repository and the shard; contract section 7)."""

from __future__ import annotations

from typing import Any

from hardcode_lint.api import Analysis, stale_reason
from hardcode_lint.report.json_report import report_to_json
from hardcode_lint.report.progress import Report
from hardcode_lint.report.provenance import identity
from hardcode_lint.shard import Shard

#: The key of a shard's rule entry that only ``merge`` reads (why a rule may be stale that
#: is not the code's doing, as this shard's files see it).
STALE_WHY = "stale_why"


def stamped_report(report: Report, analysis: Analysis, shard: Shard | None) -> dict[str, Any]:
    """The report's JSON with :func:`identity`; a shard's rules also carry ``stale_why``, as
    a stale rule's reason names files no shard alone can vouch for."""
    data = {**report_to_json(report), **identity(analysis, shard)}
    if shard is not None:
        rules = {rule.id: rule for rule in analysis.rules.rules}
        for module in data["modules"]:
            for entry in module["rules"]:
                rule = rules.get(entry["id"])
                entry[STALE_WHY] = stale_reason(analysis, rule) if rule is not None else ""
    return data
