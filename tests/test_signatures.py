"""A literal given by position to the file's own function, judged by the parameter it fills
(issue 20, fresh labels of asyncpg: ``self._introspect_types(oids, 10)`` against ``def
_introspect_types(self, typeoids, timeout)`` is a 10-second timeout)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from hardcode_lint.engine import analyze_data, analyze_with_memo
from tests.migrate_helpers import migrated
from tests.test_units import _settings, _task

SOURCE = """\
from elsewhere import imported


def wait_for(conn, timeout):
    return conn


def imported_too(conn, timeout):
    return conn


class Connection:
    def _introspect(self, oids, timeout):
        return oids

    def _execute(self, query, limit, timeout):
        return query

    def fetch(self, row, column):
        return row

    def run(self):
        self._introspect([1], 10)
        wait_for(self, 5)
        self._execute("q", 1, 30)
        self._execute("q", 50, None)
        self.fetch(1, 2)
        imported(self, 7)
"""


@pytest.mark.parametrize("prefilter", [True, False])
def test_a_positional_literal_is_judged_by_its_parameter(detect, prefilter):
    found = detect(SOURCE, prefilter=prefilter)
    assert [(f.api, f.arg, f.kind.value, f.number, f.code) for f in found] == [
        ("self._introspect", "timeout", "duration", 10, "HCL102"),
        ("wait_for", "timeout", "duration", 5, "HCL102"),
        ("self._execute", "timeout", "duration", 30, "HCL102"),
    ]


def test_a_limit_given_by_position_is_no_finding(detect):
    """The contract's limits are passed by name; a size given by position is mostly a
    protocol's read (websocket-client's ``self.recv_strict(2)``, paho's ``_sock_recv(1)``)."""
    assert 50 not in [f.number for f in detect(SOURCE)]


def test_one_row_an_import_and_parameters_no_word_judges_are_no_findings(detect):
    """``limit`` given 1 asks for one row; ``imported`` is not this file's function; ``row``
    and ``column`` say nothing."""
    numbers = [f.number for f in detect(SOURCE)]
    assert 1 not in numbers and 7 not in numbers and 2 not in numbers


def test_a_class_is_called_with_its_init_parameters(detect):
    """tornado's ``_HTTPConnection(client, request, ..., 104857600, 65536)``: its durations
    by position are found (its sizes are limits given by position: no findings)."""
    source = (
        "class Connection:\n"
        "    def __init__(self, request, connect_timeout, max_buffer_size, rows=None):\n"
        "        pass\n\n\n"
        "class Other:\n    def __init__(self, rows):\n        pass\n\n\n"
        "def go():\n    Connection(None, 20.0, 104857600)\n    Other(5)\n"
    )
    found = detect(source)
    assert [(f.api, f.arg, f.number) for f in found] == [("Connection", "connect_timeout", 20.0)]


def test_definitions_that_disagree_say_nothing(detect):
    source = (
        "class A:\n    def go(self, timeout):\n        pass\n"
        "class B:\n    def go(self, rows):\n        pass\n"
        "    def run(self):\n        self.go(5)\n"
    )
    assert detect(source) == []


def test_an_editor_sees_a_parameter_renamed(tmp_path):
    """The signature is outside the statement whose verdicts the editor keeps."""
    task, config = _task(tmp_path), _settings(tmp_path)
    text = "def wait(conn, timeout):\n    pass\n\n\ndef run(c):\n    wait(c, 5)\n"
    first, memo = analyze_with_memo(task, text.encode(), config)
    assert [f.arg for f in first.findings] == ["timeout"]
    edited = text.replace("conn, timeout", "conn, rows")
    result, memo = analyze_with_memo(replace(task, known_memo=memo), edited.encode(), config)
    assert result == analyze_data(task, edited.encode(), config)
    assert result.findings == ()


def test_fix_moves_the_literal_and_the_code_still_runs(tmp_path):
    files = {"client.py": "def wait(conn, timeout):\n    return timeout\n\n\n"
             "def run():\n    return wait(None, 2.5)\n"}  # fmt: skip
    project = migrated(tmp_path, files, "python", "settings.py")
    code = (project / "client.py").read_text()
    assert "2.5" not in code
    ran = subprocess.run([sys.executable, "-c", "import client; print(client.run())"],
                         cwd=project, capture_output=True, text=True, check=True)  # fmt: skip
    assert ran.stdout.strip() == "2.5"


@pytest.mark.parametrize("prefilter", [True, False])
def test_a_setter_names_the_setting_it_sets(detect, prefilter):
    """bmemcached's ``protocol.set_retry_delay(5)`` (session 12's labels21py); a setter of
    nothing the words judge says nothing."""
    source = (
        "def go(server, enable):\n    server.set_retry_delay(5)\n"
        "    server._set_max_connections(10 if enable else 20)\n"
        "    server.set_level(10)\n    server.set_retry_delay(delay)\n"
    )
    found = detect(source, prefilter=prefilter)
    assert [(f.arg, f.kind.value, f.number) for f in found] == [
        ("retry_delay", "duration", 5),
        ("max_connections", "limit", 10),
        ("max_connections", "limit", 20),
    ]
