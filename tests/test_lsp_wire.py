"""The diagnostics' JSON written by :mod:`hardcode_lint.lsp.wire` is what pygls would send of
:func:`buffer_diagnostics`: the same data for every finding (mapped, unmapped, ambiguous), in
every position encoding, for a first version and for the next one, whose bodies come from the
cache and whose ranges moved."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lsprotocol import types

from hardcode_lint.lsp.buffer import Buffer, ResultCache, analyze_buffer
from hardcode_lint.lsp.diagnostics import buffer_diagnostics
from hardcode_lint.lsp.project import Project
from hardcode_lint.lsp.server import create_server
from hardcode_lint.lsp.wire import Wire, framed, notification

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REL = "src/phase2/streams.py"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("wire") / "scheduler"
    shutil.copytree(FIXTURES / "scheduler", root)
    project = Project(root)
    project.refresh()
    return project


def _buffer(project: Project, text: str, encoding: str, cache: ResultCache) -> Buffer:
    buffer = analyze_buffer(project, project.root / REL, text, encoding, cache)
    assert buffer is not None and buffer.error is None
    return buffer


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_the_json_is_what_pygls_sends_of_the_diagnostics(project: Project, encoding: str) -> None:
    converter = create_server().protocol._converter
    wire, cache = Wire(converter.unstructure), ResultCache()
    text = (project.root / REL).read_text()
    # a line above the findings that moves them, and one whose columns differ by encoding
    edited = "# \U0001f600 é\nimport time\ntime.sleep(3)  # \U0001f600\n" + text
    for version in (text, edited, text):
        buffer = _buffer(project, version, encoding, cache)
        expected = converter.unstructure(buffer_diagnostics(buffer))
        assert json.loads(wire.diagnostics(buffer)) == expected
        assert len(expected) == len(buffer.sites) > 5
    statuses = {site.status.value for site in buffer.sites}
    assert {"pending", "unmapped"} <= statuses
    assert wire.bodies  # the second and third versions were written from the cache


def test_the_notification_is_pygls_own(project: Project) -> None:
    converter = create_server().protocol._converter
    buffer = _buffer(project, (project.root / REL).read_text(), "utf-16", ResultCache())
    uri = (project.root / REL).as_uri()
    for version in (7, None):
        sent = notification(uri, Wire(converter.unstructure).diagnostics(buffer), version)
        params = types.PublishDiagnosticsParams(uri, buffer_diagnostics(buffer), version)
        expected = converter.unstructure(types.PublishDiagnosticsNotification(params))
        assert json.loads(sent) == expected
    server = create_server()
    message = framed((uri, "[]", 3), server.protocol)
    header, body = message.split(b"\r\n\r\n", 1)
    assert header.split(b"\r\n")[0] == b"Content-Length: %d" % len(body)
    assert json.loads(body)["params"] == {"uri": uri, "diagnostics": [], "version": 3}
