"""A bound number whose own comment says it is a time (issue 20: pymongo's
``KILL_CURSOR_FREQUENCY = 1`` under "..., in seconds", celery's ``sync_every = 3 * 60`` under
"(3 minutes by default)"): a duration in the unit the comment gives, and nothing else."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hardcode_lint.detect.documented import comment_unit
from hardcode_lint.engine import analyze_data, analyze_with_memo
from tests.test_units import _settings, _task

UNITS = {"seconds": "s", "second": "s", "ms": "ms", "minutes": "min", "minute": "min"}


@pytest.mark.parametrize(
    ("comment", "value", "unit"),
    [
        ("Frequency to clean up unclosed cursors, in seconds.", 1, "s"),
        ("in ms", 250, "ms"),
        ("Minimum seconds between cleaning up inactive channels.", 30, "s"),
        ("2 minutes", 2, "min"),  # the number the comment counts
        ("How often to sync the schedule (3 minutes by default)", 180, "s"),  # 3 min in s
        ("2 minutes", 120000, "ms"),
        ("requests per second", 5, None),  # a rate
        ("10/s", 10, None),
        ("retry 3 times, 5 seconds apart", 3, None),  # a count that is not the number
        ("in seconds", -1, None),  # a sentinel
        ("the port", 8080, None),
        # a unit named in prose says nothing of the number (mypy, pygments, _markupbase)
        ("Second phase of semantic will replace this", 3, None),
        ("as TypeScript is far more common these days", 0.5, None),
        ("Override this to handle MS-word extension syntax", 1, None),
        ("Display progress every second if the loop is still running.", 1.0, "s"),
        ("check every minute", 60, "s"),
        ("seconds between polls", 5, "s"),
    ],
)
def test_what_a_comment_says_of_its_number(comment, value, unit):
    assert comment_unit(comment, value, UNITS) == unit


SOURCE = """\
# Frequency to clean up unclosed cursors, in seconds.
# See MongoClient._process_kill_cursors.
KILL_CURSOR_FREQUENCY = 1

#: How often to sync the schedule (3 minutes by default)
sync_every = 3 * 60
duplicate_window = 2 * 60  # 2 minutes
POLL_TIMEOUT_MULT = 1  # if the poller uses MS override with 1000
RATE = 5  # requests per second
PORT = 8080  # seconds
HAS_DELAY = 1  # seconds
ERROR_CODE = 7  # seconds
MINUTE = 60  # seconds
shown = "# seconds"; later = 4
# The probability that a draw targets a tricky value, and the half-widths of
# the windows we draw them from: tight enough to hit the boundary
# microseconds, wide enough to reach e.g. the far side of a DST gap.
_TRICKY_P = 0.05


def purge(olderthan=30,  # in minutes
          other=4):
    pass
"""


@pytest.mark.parametrize("prefilter", [True, False])
def test_a_name_no_word_judges_takes_its_comments_unit(detect, prefilter):
    found = detect(SOURCE, prefilter=prefilter)
    assert [(f.arg, f.kind.value, f.unit, f.seconds, f.context.value) for f in found] == [
        ("KILL_CURSOR_FREQUENCY", "duration", "s", 1, "assignment"),
        ("sync_every", "duration", "s", 180, "assignment"),
        ("duplicate_window", "duration", "s", 120, "assignment"),
        ("olderthan", "duration", "min", 1800, "default"),
    ]
    assert found[0].code == "HCL103"


def test_a_word_still_wins_over_the_comment(detect):
    (found,) = detect("connect_timeout_ms = 500  # in seconds, on the wire\n")
    assert (found.unit, found.seconds) == ("ms", 0.5)
    assert detect("max_retries = 3  # 3 seconds apart\n")[0].kind.value == "limit"


def test_an_editor_sees_a_comment_change_its_statement(tmp_path):
    """The comment is outside the statement whose verdicts the editor keeps: when it says
    another unit, or none, the kept verdict must go."""
    task, config = _task(tmp_path), _settings(tmp_path)
    text = "import time\n\n# in seconds\nPOLL = 5\n\ntime.sleep(1)\n"
    first, memo = analyze_with_memo(task, text.encode(), config)
    assert [f.arg for f in first.findings] == ["POLL", 0]
    edited = text.replace("# in seconds", "# in ms")
    result, memo = analyze_with_memo(replace(task, known_memo=memo), edited.encode(), config)
    assert result == analyze_data(task, edited.encode(), config)
    assert [f.unit for f in result.findings] == ["ms", "s"]
    edited = text.replace("# in seconds", "# the poll's name")
    result = analyze_with_memo(replace(task, known_memo=memo), edited.encode(), config)[0]
    assert result == analyze_data(task, edited.encode(), config)
    assert [f.arg for f in result.findings] == [0]


ATTRIBUTE_DOCS = '''\
class Cluster:
    schema_event_coalesce = 2
    """
    Window, in seconds, within which a schema component will be refreshed.
    """

    protocol_version = 4
    """The protocol version, in the seconds era."""

    other = 5
    """Some count of things."""

    def __init__(self, schema_event_coalesce=2, other=5):
        pass

    def connect(self,
                schema_event_coalesce=2,
                other=5):
        pass
'''


@pytest.mark.parametrize("prefilter", [True, False])
def test_an_attribute_docstring_documents_its_name_in_the_file(detect, prefilter):
    """cassandra-driver's Sphinx attribute docstrings (session 12's labels18py): the binding
    under the docstring, and the same name bound alone on a line elsewhere (a default)."""
    found = detect(ATTRIBUTE_DOCS, prefilter=prefilter)
    assert [(f.line, f.arg, f.unit, f.number) for f in found] == [
        (2, "schema_event_coalesce", "s", 2),
        (17, "schema_event_coalesce", "s", 2),
    ]
