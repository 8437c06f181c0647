"""What a ``scan`` or ``report`` JSON is the output of: the tool, the settings, the repository
and the shard (contract section 7), so that ``merge`` can refuse outputs that do not belong
together and name the repository each one covers."""

from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import asdict
from pathlib import Path
from typing import Any

from hardcode_lint import __version__
from hardcode_lint.api import Analysis
from hardcode_lint.shard import Shard


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                              timeout=10, check=False)  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    out = done.stdout.strip()
    return out if done.returncode == 0 and out else None


def repository(root: Path) -> dict[str, Any]:
    """The repository a run covers: git remote ``origin``, commit, and a name (the root
    folder's)."""
    return {
        "url": _git(root, "remote", "get-url", "origin"),
        "commit": _git(root, "rev-parse", "HEAD"),
        "name": root.resolve().name,
    }


def settings_fingerprint(analysis: Analysis) -> str:
    """What makes two runs comparable: the detection settings (the cache's key, without the
    tool's own file times), the test paths and every rule and module.  Two jobs of one
    repository with the same fingerprint judge every file the same way."""
    from hardcode_lint.api import rule_settings

    config, rules = analysis.config, analysis.rules
    settings = rule_settings(config, rules)
    parts = {
        "settings": settings.cache_key(),
        "tests": list(config.test_paths),
        "languages": list(config.languages),
        "include_zero": config.include_zero,
        "rules": [repr(sorted(asdict(r).items())) for r in rules.rules],
        "modules": [repr(m) for m in rules.modules],
        "baseline": config.baseline,
    }
    raw = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def identity(analysis: Analysis, shard: Shard | None) -> dict[str, Any]:
    """The fields of contract section 7 that every ``scan``/``report`` JSON carries."""
    return {
        "tool": {"name": "hardcode-lint", "version": __version__},
        "settings": settings_fingerprint(analysis),
        "repository": repository(analysis.config.root),
        "shard": None if shard is None else str(shard),
    }
