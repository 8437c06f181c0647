"""Contract section 1, "Not findings": a zero is no tunable (it yields, cancels, polls, floors
or means "unbounded"), in every language, unless ``include-zero = true``; a rule still matches
a zero literal whatever the setting."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hardcode_lint.api import analyze, settings_for
from hardcode_lint.config import Config, load_config
from hardcode_lint.errors import ConfigError
from tests.helpers import summary
from tests.test_rust_detect import detect_rust

ZEROS = [
    "import time\ntime.sleep(0)\n",  # yield
    "import asyncio\nasyncio.sleep(0)\n",
    "sock.settimeout(0.0)\n",  # non-blocking
    "import signal\nsignal.alarm(0)\n",  # cancel
    "import signal\nsignal.setitimer(signal.ITIMER_REAL, 0)\n",
    "self.wait(0)\n",  # poll
    "event.wait(0)\n",
    "remaining = max(0, deadline - now)\n",  # a non-negativity floor
    "import queue\nq = queue.Queue(maxsize=0)\n",  # unbounded
    "import time\ntime.sleep(0 * 60)\n",  # a constant expression evaluating to zero
    "RETRY_DELAY = 0\n",
    "def f(timeout=0.0):\n    pass\n",
    "x.clip(lower=-0)\n",
]


@pytest.mark.parametrize("source", ZEROS)
def test_a_zero_is_no_finding(detect, source):
    assert detect(source) == []


@pytest.mark.parametrize("source", ZEROS)
def test_include_zero_makes_zeros_findings_again(detect, source):
    found = detect(source, include_zero=True)
    assert found and all(f.number == 0 for f in found)


def test_only_the_zeros_are_dropped(detect):
    found = detect("import numpy\nnumpy.clip(x, 0, 10)\ntimeout = 5.0 if busy else 0\n")
    assert summary(found) == [
        ("clamp", "numpy.clip", "10", 2),
        ("duration", "timeout", "5.0", "timeout"),
    ]


def test_rust_zero_durations_are_no_findings(tmp_path):
    source = (
        "use std::time::Duration;\nfn f() { Duration::from_secs(0); Duration::new(0, 0); "
        "Duration::new(2, 0); Duration::from_millis(0u64); }\n"
    )
    found = detect_rust(tmp_path, source)
    assert [(f.api, f.value) for f in found] == [("std::time::Duration::new", "2")]
    assert len(detect_rust(tmp_path, source, include_zero=True)) == 6


def test_the_setting_is_read_and_checked(tmp_path):
    (tmp_path / "hardcode-lint.toml").write_text("include-zero = true\n")
    assert load_config(tmp_path).include_zero is True
    (tmp_path / "hardcode-lint.toml").write_text('include-zero = "yes"\n')
    with pytest.raises(ConfigError, match="include-zero: must be true or false"):
        load_config(tmp_path)


def test_the_cache_key_holds_the_setting(tmp_path):
    plain = settings_for(Config(root=tmp_path)).cache_key()
    assert settings_for(Config(root=tmp_path, include_zero=True)).cache_key() != plain


def _project(root: Path, source: str, rules: str, settings: str = "") -> None:
    (root / "hardcode-lint.toml").write_text(settings)
    (root / "rules").mkdir()
    (root / "rules" / "r.toml").write_text(textwrap.dedent(rules))
    (root / "app.py").write_text(textwrap.dedent(source))


RULE = """
[[rule]]
id = "poll-yield"
api = "time.sleep"
value = 0
key = "poll.yield_seconds"
replace = "settings.poll.yield_seconds"
"""


def test_a_rule_still_matches_a_zero_and_other_zeros_stay_dropped(tmp_path):
    _project(tmp_path, "import time\ntime.sleep(0)\nmax(0, x)\ntime.sleep(5)\n", RULE)
    analysis = analyze([tmp_path], use_cache=False, jobs=1)
    found = [(f.value, f.rule) for f in analysis.scan.findings]
    assert found == [("0", "poll-yield"), ("5", None)]
    (outcome,) = analysis.matching.outcomes
    assert outcome.status.value == "pending"


def test_with_include_zero_the_unclaimed_zeros_are_findings_too(tmp_path):
    _project(tmp_path, "import time\ntime.sleep(0)\nmax(0, x)\n", RULE, "include-zero = true\n")
    analysis = analyze([tmp_path], use_cache=False, jobs=1)
    assert [(f.value, f.rule) for f in analysis.scan.findings] == [
        ("0", "poll-yield"),
        ("0", None),
    ]
