"""The server as the user types and as the rule files change under it (issue 25), through a
real client whose capabilities are Neovim's on Linux: no file watching offered."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp_helpers import Editor, action, child_env, on_line, positions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
WARNING, ERROR = types.DiagnosticSeverity.Warning, types.DiagnosticSeverity.Error


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    root = tmp_path_factory.mktemp("lsp25") / "scheduler"
    shutil.copytree(FIXTURES / "scheduler", root)
    editor = Editor(root, watch=False)
    yield editor
    if editor.thread.is_alive():
        editor.close()


def _findings(found: list[types.Diagnostic]) -> list[types.Diagnostic]:
    """The findings' diagnostics (not the file's syntax error, nor a rule problem)."""
    return [d for d in found if d.code is not None and d.code != "HCL900"]


def test_a_half_typed_call_keeps_the_other_diagnostics_moved(editor: Editor) -> None:
    rel = "src/phase2/streams.py"
    uri = editor.open(rel)
    before = _findings(editor.diagnostics(uri))
    text = editor.texts[uri]
    lines = text.splitlines(keepends=True)
    broken = "".join([*lines[:10], "\n", "\n", "time.sleep(\n", *lines[10:]])
    found = editor.diagnostics(uri, version=editor.change(uri, broken))
    kept = _findings(found)
    assert len(kept) == len(before)  # every finding is on a line the edit left alone
    shift = {(a + 3, b, c + 3, d, code) if a >= 10 else (a, b, c, d, code)
             for a, b, c, d, code in positions(before)}  # fmt: skip
    assert positions(kept) == shift
    others = [d for d in found if d not in kept]
    assert len(others) == 1, [d.message for d in others]
    error = others[0]
    assert error.range.start.line in (12, 13) and "cannot analyse" in error.message
    hover = editor.hover(uri, on_line(kept, 29 + 3).range.start)  # asyncio.sleep(2), moved
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "streams-group-create-retry-delay" in hover.contents.value
    ignore = action(editor.code_actions(uri, on_line(kept, 54 + 3)), "Ignore this line")
    assert ignore.edit is not None and ignore.edit.document_changes
    (change,) = ignore.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    assert change.edits[0].range.start.line == 53 + 3  # the moved line, not the old one
    fixed = editor.change(uri, text)
    assert positions(_findings(editor.diagnostics(uri, version=fixed))) == positions(before)


def test_a_rule_file_rewritten_on_disk_is_noticed_without_file_events(editor: Editor) -> None:
    uri = editor.open("src/pubsub.py")
    assert on_line(editor.diagnostics(uri), 22).severity == WARNING  # asyncio.sleep(1.5)
    rule_file = editor.root / "rules" / "pubsub.toml"
    before = rule_file.read_text("utf-8")
    rule_file.write_text(before.replace("value = 1.5", "value = 2.5"), "utf-8")
    after = editor.diagnostics(uri, until=lambda d: on_line(d, 22).severity != WARNING)
    assert "no rule maps it" in on_line(after, 22).message
    rule_file.write_text(before, "utf-8")
    editor.diagnostics(uri, until=lambda d: on_line(d, 22).severity == WARNING)


def test_an_unsaved_rule_file_buffer_counts_until_it_is_closed(editor: Editor) -> None:
    uri = editor.open("src/pubsub.py")
    assert on_line(editor.diagnostics(uri), 22).severity == WARNING  # asyncio.sleep(1.5)
    rules = editor.open("rules/pubsub.toml", language="toml")
    disk = editor.texts[rules]
    editor.change(rules, disk.replace("value = 1.5", "value = 2.5"))  # typed, not saved
    after = editor.diagnostics(uri, until=lambda d: on_line(d, 22).severity != WARNING)
    assert "no rule maps it" in on_line(after, 22).message
    assert (editor.root / "rules" / "pubsub.toml").read_text("utf-8") == disk
    editor.close_document(rules)
    editor.diagnostics(uri, until=lambda d: on_line(d, 22).severity == WARNING)


def test_a_broken_rule_file_is_an_error_on_the_rule_file_and_the_source(editor: Editor) -> None:
    uri = editor.open("src/pubsub.py")
    editor.diagnostics(uri)
    rule_file = editor.root / "rules" / "pubsub.toml"
    before = rule_file.read_text("utf-8")
    rule_file.write_text(before.replace("value = 1.5\n", 'value = 1.5\nvalue = "x"\n'))
    found = editor.diagnostics(uri, until=lambda d: any(x.severity == ERROR for x in d))
    (error,) = [d for d in found if d.severity == ERROR]
    assert "rules/pubsub.toml:" in error.message and "exit 2" in error.message
    assert error.related_information
    assert error.related_information[0].location.uri == rule_file.as_uri()
    on_rules = editor.diagnostics(rule_file.as_uri(), until=bool)
    assert [d.severity for d in on_rules] == [ERROR]
    assert error.related_information[0].location.range == on_rules[0].range
    rule_file.write_text(before, "utf-8")
    editor.diagnostics(uri, until=lambda d: not any(x.severity == ERROR for x in d))


def test_server_shuts_down_cleanly(editor: Editor) -> None:
    assert editor.close() == (0, "")


def _message(payload: dict[str, object]) -> bytes:
    body = json.dumps(payload).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_a_client_that_leaves_without_waiting_gets_no_tracebacks(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "scheduler", root)
    log = tmp_path / "server.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "hardcode_lint", "lsp", "--log-file", str(log)], cwd=root,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(),
    )  # fmt: skip
    assert server.stdin is not None and server.stdout is not None
    item = {"uri": (root / "src/pubsub.py").as_uri(), "languageId": "python", "version": 1,
            "text": (root / "src/pubsub.py").read_text("utf-8")}  # fmt: skip
    for payload in (
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"capabilities": {}, "rootUri": root.as_uri()}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": item}},
    ):  # fmt: skip
        server.stdin.write(_message(payload))
    server.stdin.flush()
    server.stdout.read(10)  # the answer to initialize has begun
    server.stdout.close()  # the client stops reading, says goodbye and leaves
    server.stdin.write(_message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    server.stdin.write(_message({"jsonrpc": "2.0", "method": "exit"}))
    server.stdin.close()
    server.wait(20)
    assert server.stderr is not None
    assert server.stderr.read().decode() == ""
    assert "Traceback" not in log.read_text("utf-8")


def test_a_hover_moves_only_the_findings_of_its_line(tmp_path: Path) -> None:
    """The hover of a dense file during an analysis moves the last findings of its own line
    only; they must be exactly those the whole move puts there."""
    from hardcode_lint.lsp.buffer import ResultCache, analyze_buffer, moved
    from hardcode_lint.lsp.project import Project

    root = tmp_path / "scheduler"
    shutil.copytree(FIXTURES / "scheduler", root)
    path = root / "src" / "phase2" / "streams.py"
    text = path.read_text("utf-8")
    old = analyze_buffer(Project(root), path, text, "utf-16", ResultCache())
    assert old is not None and len(old.sites) > 3
    lines = text.splitlines(keepends=True)
    new = "".join([*lines[:20], "\n\n", *lines[20:]])  # two lines inserted mid-file
    whole = moved(old, new, "utf-16", None)
    for line in range(len(new.splitlines())):
        only = moved(old, new, "utf-16", None, line)
        there = [s for s in whole.sites if s.finding.line - 1 <= line <= s.finding.end_line - 1]
        assert only.sites == tuple(there)
