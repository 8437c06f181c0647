"""``merge --check``: what ``check --shard`` cannot judge, judged on each whole repository.

A shard sees only its own files, so a rule whose sites lie in several shards, a key given two
values in files of different shards, and the repository's progress can only be judged after the
merge (contract section 7).  Each failure is one line naming the repository and the rule file or
the sites, as ``check`` would on one machine.
"""

from __future__ import annotations

from typing import Any

from hardcode_lint.rules.clashes import Given, clashes_of


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        return float(text)


def given_values(rule: dict[str, Any]) -> list[Given]:
    """The values a rule gives its key: its pending literals, else (nothing pending) the rule's
    own ``value``; as :func:`hardcode_lint.rules.clashes.key_clashes` takes them."""
    literals = rule.get("literals") or []
    if literals:
        return [Given(lit["path"], lit["line"], lit["number"], lit["unit"], lit["value"])
                for lit in literals]  # fmt: skip
    if rule.get("value") is None:
        return []
    value = str(rule["value"])
    return [Given(rule["rule_file"], rule["rule_line"], _number(value), None, value)]


def _rule_failures(name: str, rule: dict[str, Any]) -> list[str]:
    where = f"{name}: {rule['rule_file']}:{rule['rule_line']}"
    if rule["status"] == "stale":
        return [f"{where}: rule `{rule['id']}` is {rule['reason'] or 'stale'}"]
    if rule["status"] == "ambiguous":
        sites = ", ".join(f"{s['path']}:{s['line']}" for s in rule["sites"])
        return [f"{where}: rule `{rule['id']}` is ambiguous: it matches {sites} but `count` "
                f"allows {rule['max_count']}"]  # fmt: skip
    return []


def merge_failures(document: dict[str, Any], min_progress: float | None) -> list[str]:
    """One line per failure of the merged ``document``: stale and ambiguous rules, keys given
    two values within one repository, and repositories below ``min_progress``."""
    names = [entry["name"] for entry in document["repositories"]]
    rules: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for module in document["modules"]:
        rules[module.get("repository") or names[0]].extend(module["rules"])
    failures: list[str] = []
    for name in names:
        for rule in rules[name]:
            failures += _rule_failures(name, rule)
        given = [(rule["key"], item) for rule in rules[name] if rule.get("key")
                 for item in given_values(rule)]  # fmt: skip
        failures += [f"{name}: {clash}" for clash in clashes_of(given)]
    if min_progress is not None:
        for entry in document["repositories"]:
            progress = entry["totals"]["progress"]
            if progress < min_progress:
                failures.append(f"{entry['name']}: progress {progress}% is below "
                                f"--min-progress {min_progress:g}%")  # fmt: skip
    return failures
