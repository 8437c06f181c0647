"""Why a rule is left for hand work: the refusals of a planned fix, and the rules the last
``fix --verify`` rolled back.

The rolled-back rules are kept in ``.hardcode-lint-cache/rolled-back.json`` (the tool's cache
folder at the project root, ignored by git, removed by ``hardcode-lint --clean``), one entry per
rule: the reason and a fingerprint of the rule and of the code at its pending sites.  The
report shows the reason while the fingerprint still holds, so a rule whose code or whose
replacement changed since (perhaps mended by hand) is no longer said to break the build.  A
later ``fix --verify`` that keeps a rule forgets its entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from hardcode_lint.atomic import WriteRefused, replace_file
from hardcode_lint.cache import CACHE_DIR
from hardcode_lint.model import Finding, Rule

MEMORY_FILE = "rolled-back.json"


def fingerprint(rule: Rule, findings: Iterable[Finding]) -> str:
    """What must stay the same for a rolled-back rule's reason to hold: the rule's rewrite and
    the code of its pending sites (not their lines, which drift)."""
    sites = sorted((f.path, f.scope or "", f.snippet, f.value) for f in findings)
    text = json.dumps([rule.id, rule.replace, list(rule.imports), rule.key, sites])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _path(root: Path) -> Path:
    return root / CACHE_DIR / MEMORY_FILE


def load_rolled_back(root: Path) -> dict[str, tuple[str, str]]:
    """Rule id -> (fingerprint, reason); empty when there is no memory or it is damaged."""
    try:
        data = json.loads(_path(root).read_text("utf-8"))
        rules = data["rules"] if data.get("version") == 1 else {}
        return {str(k): (str(v["fingerprint"]), str(v["reason"])) for k, v in rules.items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def save_rolled_back(root: Path, rolled_back: Mapping[str, tuple[str, str]],
                     kept: Iterable[str]) -> str | None:  # fmt: skip
    """Record ``rolled_back`` (id -> (fingerprint, reason)) and forget the ``kept`` rules;
    why it could not be saved, or None."""
    rules = load_rolled_back(root)
    for rule in kept:
        rules.pop(rule, None)
    rules.update(rolled_back)
    data = {"version": 1, "rules": {k: {"fingerprint": f, "reason": r}
                                    for k, (f, r) in sorted(rules.items())}}  # fmt: skip
    folder = _path(root).parent
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# created by hardcode-lint\n*\n")
        replace_file(_path(root), (json.dumps(data, indent=1) + "\n").encode())
    except (OSError, WriteRefused) as exc:
        return str(exc)
    return None


def remembered_reason(memory: Mapping[str, tuple[str, str]], rule: Rule,
                      findings: Iterable[Finding]) -> str | None:  # fmt: skip
    """The remembered rollback reason of ``rule``, if its code has not changed since."""
    entry = memory.get(rule.id)
    if entry is None or entry[0] != fingerprint(rule, findings):
        return None
    return entry[1]
