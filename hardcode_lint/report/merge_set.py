"""Which outputs belong together, what refuses a merge, and the organisation's view on top:
one entry per repository, and each config key with the values the repositories give it."""

from __future__ import annotations

from typing import Any

from hardcode_lint.errors import UsageError
from hardcode_lint.report.merge import Output, Repository, merge_repository, totals_of

NEEDED = ("version", "modules", "totals", "tool", "settings", "repository", "shard")


def check_output(output: Output) -> None:
    """A ``report --format json`` of this tool with the fields of section 7, or exit 2."""
    data = output.data
    if isinstance(data, dict) and "findings" in data:  # a `scan` output: say what to run
        raise UsageError(
            f"{output.name}: the JSON of `scan`; merge reads `report --format json`"
            " (run `hardcode-lint report --format json --shard K/N` in each job)"
        )
    if not isinstance(data, dict):
        raise UsageError(f"{output.name}: not the JSON of `report --format json`")
    missing = [key for key in NEEDED if key not in data]
    if missing:
        raise UsageError(f"{output.name}: not a report that merge can read (no "
                         f"{', '.join(missing)}; made by an older hardcode-lint?)")  # fmt: skip


def group(outputs: list[Output]) -> list[Repository]:
    """Outputs by repository (its ``url``, else its ``name``, and ``commit``); refuses (exit 2,
    naming the files) other tool versions, and shards that disagree or overlap."""
    versions = {str(o.data["tool"].get("version")): o.name for o in outputs}
    if len(versions) > 1:
        named = ", ".join(f"{name} ({version})" for version, name in versions.items())
        raise UsageError(f"outputs of different hardcode-lint versions: {named}")
    repositories: dict[tuple[str, str | None], Repository] = {}
    for output in outputs:
        info = output.data["repository"] or {}
        key = (str(info.get("url") or info.get("name") or "?"), info.get("commit"))
        repositories.setdefault(key, Repository(key)).outputs.append(output)
    for repository in repositories.values():
        _agree(repository)
    return list(repositories.values())


def _agree(repository: Repository) -> None:
    first = repository.outputs[0]
    for other in repository.outputs[1:]:
        if other.data["settings"] != first.data["settings"]:
            raise UsageError(f"{first.name} and {other.name}: made with different settings "
                             "(configuration or rules)")  # fmt: skip
        if first.shard is None or other.shard is None:
            raise UsageError(f"{first.name} and {other.name}: overlap (an unsharded output "
                             "of the same repository and commit)")  # fmt: skip
        if other.shard[1] != first.shard[1]:
            raise UsageError(f"{first.name} and {other.name}: shards of a different N "
                             f"({first.data['shard']}, {other.data['shard']})")  # fmt: skip
    seen: dict[Any, str] = {}
    for output in repository.outputs:
        if output.shard in seen:
            raise UsageError(f"{seen[output.shard]} and {output.name}: both hold shard "
                             f"{output.data['shard']}")  # fmt: skip
        seen[output.shard] = output.name


def _display(repository: Repository) -> str:
    info = repository.info
    return str(info.get("name") or info.get("url") or repository.key[0])


def keys_table(merged: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Each config key with the repositories and values that use it (the pending literals, or
    a migrated rule's ``value``); ``differs`` when one key holds different values in different
    places (the defaults kept must agree)."""
    from hardcode_lint.report.merge_check import given_values
    from hardcode_lint.rules.clashes import clashes_of

    keys: dict[str, list[tuple[dict[str, Any], Any]]] = {}
    for name, report in merged:
        for module in report["modules"]:
            for rule in module["rules"]:
                for given in given_values(rule) if rule.get("key") else []:
                    use = {"repository": name, "value": repr(given.number), "unit": given.unit,
                           "rule": rule["id"]}  # fmt: skip
                    keys.setdefault(rule["key"], []).append((use, given))
    table = []
    for key in sorted(keys):
        uses = [dict(u) for u in {tuple(u.items()): u for u, _ in keys[key]}.values()]
        repos = sorted({u["repository"] for u in uses})
        differs = bool(clashes_of((key, given) for _, given in keys[key]))
        table.append({"key": key, "repositories": repos, "uses": uses, "differs": differs})
    return table


def merge_outputs(outputs: list[Output]) -> tuple[dict[str, Any], list[str]]:
    """The merged report and what is missing (``repository: shard K/N``, empty when whole)."""
    for output in outputs:
        check_output(output)
    repositories = group(outputs)
    merged = [(_display(r), merge_repository(r)) for r in repositories]
    pairs = list(zip(merged, repositories, strict=True))
    missing = [f"{name}: shard {k} missing" for (name, _), r in pairs for k in r.missing()]
    entries = []
    for (name, report), repository in zip(merged, repositories, strict=True):
        entries.append({"name": name, **repository.info, "shards": len(repository.outputs),
                        "missing": repository.missing(), "totals": report["totals"],
                        "production": report["production"], "tests": report["tests"]})  # fmt: skip
    if len(merged) == 1:
        document = dict(merged[0][1])
    else:
        modules = [{**m, "repository": name} for name, report in merged for m in report["modules"]]
        document = {"version": 1, "generated": max(r["generated"] for _, r in merged),
                    **totals_of(modules, sum(r["errors"] for _, r in merged)),
                    "modules": modules, "tool": merged[0][1]["tool"], "settings": None,
                    "repository": None, "shard": None}  # fmt: skip
    document["repositories"] = entries
    document["keys"] = keys_table(merged)
    return document, missing
