"""Why a rule is not migrated, so that the report shows what is left for hand work instead of
a silent "pending".

The report plans the fix itself, writing nothing: a site the front end would refuse (a
constant whose use needs a compile-time value, a name clash, a result that would not parse)
gets the refusal's reason, as ``fix`` prints it; a stale or ambiguous rule gets why ``fix``
cannot touch it; a rule the last ``fix --verify`` rolled back gets CMD's complaint, while the
rule and the code at its sites are unchanged since (``fix.memory``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from hardcode_lint import __version__
from hardcode_lint.api import Analysis
from hardcode_lint.atomic import WriteRefused, replace_file
from hardcode_lint.cache import CACHE_DIR, code_fingerprint, digest_of
from hardcode_lint.fix.memory import load_rolled_back, remembered_reason
from hardcode_lint.fix.plan import FixPlan, plan_fixes
from hardcode_lint.fix.run import compute_fixes, refused_edits
from hardcode_lint.model import Status

#: The refusals of the last planned fix, by the plan's key (in the cache folder).
REFUSALS_FILE = "refusals.json"


def _plan_key(plan: FixPlan, root: Path) -> str:
    """What the refusals depend on: the tool, the planned edits and their files' bytes."""
    parts: list[object] = [__version__, code_fingerprint()]
    for path, edits in sorted(plan.edits.items()):
        try:
            parts.append([path, digest_of((root / path).read_bytes())])
        except OSError:
            parts.append([path, None])
        parts += [[e.rule.id, e.rule.replace, list(e.rule.imports), e.finding.start,
                   e.finding.end] for e in edits]  # fmt: skip
    return hashlib.sha256(json.dumps(parts).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _refusals(plan: FixPlan, root: Path) -> dict[str, list[str]]:
    """Rule id -> each refused site's reason; remembered in the cache folder by the plan's key,
    so that a warm report parses nothing (the front ends' parsers are the slow part)."""
    store = root / CACHE_DIR / REFUSALS_FILE
    key = _plan_key(plan, root)
    try:
        kept = json.loads(store.read_text("utf-8"))
        if kept.get("key") == key and isinstance(kept.get("refused"), dict):
            return {str(k): [str(r) for r in v] for k, v in kept["refused"].items()}
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    refused: dict[str, list[str]] = {}
    for edit, why in refused_edits(compute_fixes(plan, root)):
        where = f"{edit.finding.path}:{edit.finding.line}"
        refused.setdefault(edit.rule.id, []).append(f"refused at {where}: {why}")
    if store.parent.is_dir():  # the scan's cache made it; no cache (--no-cache), no file
        with contextlib.suppress(OSError, WriteRefused):
            data = json.dumps({"key": key, "refused": refused}).encode()
            replace_file(store, data, durable=False)
    return refused


def rule_reasons(analysis: Analysis, root: Path) -> dict[str, str]:
    """Rule id -> why it is not (fully) migrated, for the rules where something says why."""
    plan = plan_fixes(analysis)
    reasons = {rule.id: reason for rule, reason in plan.blocked}
    refused = _refusals(plan, root)
    for rule, found in refused.items():
        more = f" (and {len(found) - 1} more site(s))" if len(found) > 1 else ""
        reasons[rule] = found[0] + more
    memory = load_rolled_back(root)
    for outcome in analysis.matching.outcomes:
        if outcome.status is not Status.PENDING or outcome.rule.id in reasons:
            continue
        remembered = remembered_reason(memory, outcome.rule, outcome.findings)
        if remembered:
            reasons[outcome.rule.id] = remembered
    return reasons
