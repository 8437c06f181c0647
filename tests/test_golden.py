"""Golden findings for the per-detector fixtures (reviewed by eye once).

Regenerate after an intended change, then review the diff::

    HARDCODE_LINT_UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hardcode_lint.api import scan
from hardcode_lint.config import Config
from hardcode_lint.output.json_format import finding_to_json

DETECTORS = Path(__file__).resolve().parent.parent / "fixtures" / "detectors"
CASES = sorted(p.stem for p in DETECTORS.glob("*.py"))


@pytest.mark.parametrize("name", CASES)
def test_findings_match_the_golden_file(name):
    result = scan([DETECTORS / f"{name}.py"], Config(root=DETECTORS), jobs=1)
    assert result.errors == []
    actual = [finding_to_json(f) for f in result.findings]
    golden = DETECTORS / "expected" / f"{name}.json"
    if os.environ.get("HARDCODE_LINT_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert actual == json.loads(golden.read_text("utf-8"))
