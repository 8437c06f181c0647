"""A fallback judged by the name of the value it stands in for (session 11's fresh labels:
nats' `timeout(this.options.timeout || 20000)`, tsc's compiled optional chain in
`backoff([(... ? void 0 : _b.expires) || 30000])`): contract section 1's "fallback of a
duration- or limit-named value", wherever the fallback stands, and the pre-filter agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, analyze_file
from hardcode_lint.model import Finding

SOURCE = """\
timer = (0, util_1.timeout)(this.options.timeout || 20000);
const bo = backoff([((_b = this.opts) === null || _b === void 0 ? void 0 : _b.expires) || 30000]);
const size = this._maxResponseSize ?? 200000000;
return opts.reconnectionDelayMax || 5000;
const retryDelay = opts.delay || 100;
const name = opts.label || 3;
const n = count || 1;
const w = settings.maxPercentage || 0.85;
"""


def scan(tmp_path: Path, source: str, prefilter: bool) -> list[Finding]:
    path = tmp_path / "snippet.js"
    path.write_text(source, encoding="utf-8")
    settings = settings_for(Config(root=tmp_path), prefilter=prefilter)
    result = analyze_file(FileTask(path, "snippet.js", False, "javascript"), settings)
    assert result.error is None, result.error
    return list(result.findings)


@pytest.mark.parametrize("prefilter", [True, False])
def test_a_fallback_is_judged_by_the_value_it_stands_in_for(tmp_path, prefilter):
    found = scan(tmp_path, SOURCE, prefilter=prefilter)
    assert [(f.arg, f.value, f.kind.value, f.unit) for f in found] == [
        ("timeout", "20000", "duration", "ms"),
        ("expires", "30000", "duration", "ms"),
        ("_maxResponseSize", "200000000", "limit", None),
        ("reconnectionDelayMax", "5000", "duration", "ms"),
        ("retryDelay", "100", "duration", "ms"),  # its own binding's name judges it first
    ]
