"""Merging ``report --format json`` outputs: the shards of a repository, and many repositories.

A shard's rule entries carry the counts a status is judged from (``literal_sites``,
``kept_literals``, ``replacement_sites``, ``max_count``), so the merge judges each rule on the
whole repository exactly as :class:`~hardcode_lint.rules.match.RuleOutcome` does on one
machine; every tally is recounted from the sites, which the shards partition by file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hardcode_lint.report.progress import UNASSIGNED, _natural, percent
from hardcode_lint.report.stamped import STALE_WHY

STALE = "stale: neither its literal nor its replacement is found"
REFUSED = "refused at "  # a site the front end refuses (reasons.py)
MORE = re.compile(r" \(and (\d+) more site\(s\)\)$")


@dataclass
class Output:
    """One file given to ``merge``: its name and its JSON."""

    name: str
    data: dict[str, Any]

    @property
    def shard(self) -> tuple[int, int] | None:
        text = self.data.get("shard")
        if not text:
            return None
        index, _, count = str(text).partition("/")
        return int(index), int(count)


@dataclass
class Repository:
    """The outputs of one repository (its ``url`` or ``name``, and ``commit``)."""

    key: tuple[str, str | None]
    outputs: list[Output] = field(default_factory=list)

    @property
    def info(self) -> dict[str, Any]:
        return dict(self.outputs[0].data.get("repository") or {})

    def missing(self) -> list[str]:
        """The shards of N that no output holds, as ``K/N``."""
        shards = [o.shard for o in self.outputs]
        if any(s is None for s in shards):
            return []
        count = shards[0][1] if shards[0] else 1
        have = {s[0] for s in shards if s}
        return [f"{k}/{count}" for k in range(1, count + 1) if k not in have]


def _tally(rows: Iterable[dict[str, Any]]) -> dict[str, int]:
    counts = {"sites": 0, "migrated": 0, "pending": 0, "unmapped": 0, "kept": 0}
    for row in rows:
        counts["sites"] += 1
        counts[row["status"] if row["status"] in counts else "pending"] += 1
    return counts


def _tally_json(counts: dict[str, int], *, full: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"sites": counts["sites"], "migrated": counts["migrated"]}
    if full:
        data.update(pending=counts["pending"], unmapped=counts["unmapped"])
    data["kept"] = counts["kept"]
    data["progress"] = percent(counts["migrated"], counts["sites"] - counts["kept"])
    return data


def _status(literals: int, kept: int, replacements: int, count: int | None) -> str:
    """:attr:`RuleOutcome.status` from the whole repository's counts."""
    sites = literals + kept + (1 if replacements else 0)
    if sites == 0:
        return "stale"
    if count is not None and sites > count:
        return "ambiguous"
    if literals:
        return "pending"
    return "migrated" if replacements else "kept"


def _by_path(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of several shards in file and line order; rows of one file come from one shard,
    whose order among them stands (a stable sort)."""
    return sorted(rows, key=lambda row: (row["path"], row["line"]))


def _reason(status: str, entries: list[dict[str, Any]], sites: int, count: int | None) -> Any:
    """The rule's reason as one machine would give it: a stale or ambiguous rule's from the
    merged counts, a pending rule's from the first shard that saw it pending."""
    if status == "stale":
        whys = {e.get(STALE_WHY, "") for e in entries}
        why = whys.pop() if len(whys) == 1 else ""
        return STALE + (f" ({why})" if why else "")
    if status == "ambiguous":
        return f"ambiguous: matches {sites} sites, count allows {count}; narrow the rule first"
    if status != "pending":
        return None
    pending = [e for e in entries if e["status"] == "pending" and e.get("reason")]
    pending.sort(key=lambda e: (e["path"] or "", e["line"] or 0))
    if not pending:
        return None
    reason = str(pending[0]["reason"])
    if not reason.startswith(REFUSED):
        return reason
    refusals = [
        _refusals(str(e["reason"])) for e in pending if str(e["reason"]).startswith(REFUSED)
    ]
    total = sum(n for _, n in refusals)
    return refusals[0][0] + (f" (and {total - 1} more site(s))" if total > 1 else "")


def _refusals(reason: str) -> tuple[str, int]:
    """A shard's refusal reason (``reasons.rule_reasons``): its first site's, and how many
    sites it stands for, so the merge counts the sites of every shard."""
    found = MORE.search(reason)
    if found is None:
        return reason, 1
    return reason[: found.start()], int(found.group(1)) + 1


def merge_rule(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """One rule's entries of every shard, judged on the whole repository."""
    first = entries[0]
    literals = sum(e["literal_sites"] for e in entries)
    kept = sum(e["kept_literals"] for e in entries)
    own = [e for e in entries if not e["adopted"]]
    replacements = sum(e["replacement_sites"] for e in own)
    sites = [row for e in own for row in e["sites"]]
    adopted = False
    if literals == 0 and replacements == 0:
        moved = _by_path([row for e in entries if e["adopted"] for row in e["sites"]])
        if moved:  # the first moved site in file order, as one machine adopts it
            sites, replacements, adopted = moved[:1], 1, True
    sites = _by_path(sites)
    count = first["max_count"]
    status = _status(literals, kept, replacements, count)
    top = sites[0] if sites else None
    merged = {key: value for key, value in first.items() if key != STALE_WHY}
    merged.update(
        path=top["path"] if top else first["path"],
        line=top["line"] if top else None,
        old=top["old"] if top else None,
        new=top["new"] if top else None,
        status=status,
        reason=_reason(status, entries, literals + kept + (1 if replacements else 0), count),
        count=len(sites),
        sites=sites,
        literal_sites=literals,
        kept_literals=kept,
        replacement_sites=replacements,
        adopted=adopted,
        literals=_by_path([row for e in entries for row in e.get("literals", [])]),
    )
    return merged


def _module_rows(module: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [row for rule in module["rules"] for row in rule["sites"]]
    return [*rows, *module["unmapped_sites"], *module["kept_sites"]]


def merge_module(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """One module's entries of every shard: rules merged by id, sites put together."""
    rules: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        for rule in entry["rules"]:
            rules.setdefault(rule["id"], []).append(rule)
    first = entries[0]
    module: dict[str, Any] = {"name": first["name"], "priority": first["priority"],
                              "scope": first["scope"]}  # fmt: skip
    module["rules"] = [merge_rule(found) for found in rules.values()]
    unmapped = [row for e in entries for row in e["unmapped_sites"]]
    module["unmapped_sites"] = sorted(unmapped, key=lambda row: row["path"])
    module["kept_sites"] = _by_path([row for e in entries for row in e["kept_sites"]])
    rows = _module_rows(module)
    statuses = [rule["status"] for rule in module["rules"]]
    module.update(files=len({row["path"] for row in rows}), **_tally_json(_tally(rows), full=True),
                  stale=statuses.count("stale"), ambiguous=statuses.count("ambiguous"))  # fmt: skip
    return module


def module_order(module: dict[str, Any]) -> tuple[Any, ...]:
    """The report's order: by priority (naturally), then name; ``Unassigned`` last."""
    name = module["name"]
    return (name == UNASSIGNED, _natural(module["priority"] or "~"), name.lower())


def totals_of(modules: list[dict[str, Any]], errors: int) -> dict[str, Any]:
    """``totals``, ``production``, ``tests`` and ``errors`` recounted from the modules' sites."""
    rows = [row for module in modules for row in _module_rows(module)]
    return {
        "totals": {
            **_tally_json(_tally(rows), full=True),
            "stale": sum(m["stale"] for m in modules),
            "ambiguous": sum(m["ambiguous"] for m in modules),
        },
        "production": _tally_json(_tally(r for r in rows if not r["test"]), full=False),
        "tests": _tally_json(_tally(r for r in rows if r["test"]), full=False),
        "errors": errors,
    }


def merge_repository(repository: Repository) -> dict[str, Any]:
    """The shards of one repository as its unsharded ``report --format json``."""
    datas = [output.data for output in repository.outputs]
    if len(datas) == 1 and repository.outputs[0].shard is None:
        return dict(datas[0])  # one machine's report already judged the whole repository
    modules: dict[str, list[dict[str, Any]]] = {}
    for data in datas:
        for module in data["modules"]:
            modules.setdefault(module["name"], []).append(module)
    merged = sorted((merge_module(found) for found in modules.values()), key=module_order)
    first = datas[0]
    return {
        "version": first["version"],
        "generated": max(data["generated"] for data in datas),
        **totals_of(merged, sum(data["errors"] for data in datas)),
        "modules": merged,
        "tool": first["tool"],
        "settings": first["settings"],
        "repository": first["repository"],
        "shard": None,
    }
