"""A constant no word judges, made a setting by where the file uses it (issue 20: "values a
reader calls settings by their use: a name passed to ``time.sleep``"): ``POLL = 0.5`` ...
``time.sleep(POLL)`` is a duration bound to a name, in the unit of the call it feeds."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from hardcode_lint.engine import analyze_data, analyze_with_memo
from tests.migrate_helpers import migrated
from tests.test_units import _settings, _task

SOURCE = """\
import time
from concurrent.futures import ThreadPoolExecutor

POLL = 0.5
WORKERS = 4
SPREAD = 9
counter = 0


class Client:
    PAUSE = 3

    def __init__(self):
        self.pause = 2
        self.hold = 7

    def run(self, sock, loop):
        n = 3
        time.sleep(POLL)
        sock.settimeout(self.pause)
        loop.call_later(self.PAUSE, self.run)
        with ThreadPoolExecutor(max_workers=WORKERS) as ex:
            ex.submit(print, SPREAD)


def other(n):
    time.sleep(n)
    time.sleep(counter)
"""


@pytest.mark.parametrize("prefilter", [True, False])
def test_a_constant_passed_where_a_time_goes_is_a_duration(detect, prefilter):
    found = detect(SOURCE, prefilter=prefilter)
    assert [(f.arg, f.kind.value, f.unit, f.number, f.context.value) for f in found] == [
        ("POLL", "duration", "s", 0.5, "assignment"),
        ("WORKERS", "limit", None, 4, "assignment"),
        ("PAUSE", "duration", "s", 3, "assignment"),
        ("pause", "duration", "s", 2, "assignment"),
    ]
    assert [f.code for f in found] == ["HCL103", "HCL302", "HCL103", "HCL103"]


def test_a_local_in_one_function_says_nothing_of_a_name_in_another(detect):
    """``n = 3`` in ``run`` is not the ``n`` that ``other`` sleeps on: text cannot see scopes,
    so only bindings that cannot be a function's local are read."""
    found = detect(SOURCE)
    assert "n" not in [f.arg for f in found]
    assert "hold" not in [f.arg for f in found]  # never used as a time


def test_the_unit_is_the_calls_or_the_keywords(detect):
    source = "import time\nBACKOFF_FACTOR = 2\nTICK = 250\n\n\ndef go(client):\n"
    source += "    time.sleep(BACKOFF_FACTOR)\n    client.poll(timeout_ms=TICK)\n"
    found = detect(source)
    # a catalogued duration argument makes a duration whatever the name's multiplier word
    assert [(f.arg, f.unit, f.seconds) for f in found] == [
        ("BACKOFF_FACTOR", "s", 2),
        ("TICK", "ms", 0.25),
    ]


def test_an_editor_sees_a_use_appear_and_go(tmp_path):
    """The use is outside the statement whose verdicts the editor keeps."""
    task, config = _task(tmp_path), _settings(tmp_path)
    text = "import time\n\nPOLL = 5\n\n\ndef f():\n    time.sleep(POLL)\n"
    first, memo = analyze_with_memo(task, text.encode(), config)
    assert [f.arg for f in first.findings] == ["POLL"]
    edited = text.replace("time.sleep(POLL)", "print(POLL)")
    result, memo = analyze_with_memo(replace(task, known_memo=memo), edited.encode(), config)
    assert result == analyze_data(task, edited.encode(), config)
    assert result.findings == ()
    result = analyze_with_memo(replace(task, known_memo=memo), text.encode(), config)[0]
    assert [f.arg for f in result.findings] == ["POLL"]


def test_fix_moves_a_used_constant_and_the_code_still_runs(tmp_path):
    files = {"poller.py": "import time\n\nPOLL = 0.01\n\n\ndef poll():\n    time.sleep(POLL)\n"
             "    return POLL\n"}  # fmt: skip
    project = migrated(tmp_path, files, "python", "settings.py")
    code = (project / "poller.py").read_text()
    assert "0.01" not in code
    ran = subprocess.run([sys.executable, "-c", "import poller; print(poller.poll())"],
                         cwd=project, capture_output=True, text=True, check=True)  # fmt: skip
    assert ran.stdout.strip() == "0.01"
