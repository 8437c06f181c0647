"""What ruff's and rust-analyzer's servers offer, offered here too (issue 25): a link from a
finding to its rule, go-to-definition on it, pull and workspace diagnostics with progress, the
editor's settings, ``$/cancelRequest``; through a real client, as a modern editor (VS Code:
pull diagnostics, progress, ``workspace/configuration``) and as a plain one."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcRequestCancelled

from tests.lsp_helpers import Editor, on_line, positions, scan_positions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
WARNING = types.DiagnosticSeverity.Warning


def _project(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    root = tmp_path_factory.mktemp(name) / "scheduler"
    shutil.copytree(FIXTURES / "scheduler", root)
    return root


@pytest.fixture(scope="module")
def modern(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    editor = Editor(_project(tmp_path_factory, "modern"), modern=True)
    yield editor
    editor.close()


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    editor = Editor(_project(tmp_path_factory, "plain"), options={"ignore": ["HCL3"]})
    yield editor
    editor.close()


def _rule_table(root: Path, rule_file: str, rule_id: str) -> int:
    """The 0-based line of the ``[[rule]]`` header of ``rule_id``'s table."""
    lines = (root / rule_file).read_text("utf-8").splitlines()
    named = next(i for i, line in enumerate(lines) if f'id = "{rule_id}"' in line)
    return max(i for i in range(named) if lines[i].strip() == "[[rule]]")


def test_a_finding_links_to_its_rule_and_goes_to_its_definition(plain: Editor) -> None:
    uri = plain.open("src/pubsub.py")
    mapped = on_line(plain.diagnostics(uri), 22)  # asyncio.sleep(1.5)
    assert mapped.related_information
    (related,) = mapped.related_information
    rule_file = plain.root / "rules" / "pubsub.toml"
    assert related.location.uri == rule_file.as_uri()
    table = _rule_table(plain.root, "rules/pubsub.toml", "pubsub-reconnect-delay")
    assert related.location.range.start.line == table
    assert "pubsub-reconnect-delay" in related.message
    found = plain.definition(uri, mapped.range.start)
    assert [(d.uri, d.range) for d in found] == [(related.location.uri, related.location.range)]
    unmapped = [d for d in plain.diagnostics(uri) if d.severity != WARNING]
    for diagnostic in unmapped:
        assert not diagnostic.related_information
        assert not plain.definition(uri, diagnostic.range.start)


def test_each_code_links_to_its_own_documentation(plain: Editor) -> None:
    uri = plain.open("src/phase2/streams.py")
    found = plain.diagnostics(uri)
    links = {str(d.code): d.code_description.href for d in found if d.code_description}
    assert len(links) > 1
    assert len(set(links.values())) == len(links)  # one page section per code
    for code, href in links.items():
        assert href.lower().endswith(code.lower())


def test_initialization_options_apply_on_top_of_the_project_settings(plain: Editor) -> None:
    uri = plain.open("src/phase2/streams.py")
    codes = {str(d.code) for d in plain.diagnostics(uri)}
    wanted = {code for *_, code in scan_positions(plain.root, "src/phase2/streams.py")}
    assert any(code.startswith("HCL3") for code in wanted)  # the file has limits
    assert codes == {code for code in wanted if not code.startswith("HCL3")}


def test_settings_sent_later_replace_them(plain: Editor) -> None:
    uri = plain.open("src/phase2/streams.py")
    plain.diagnostics(uri)
    settings = {"hardcode-lint": {"select": ["HCL3"]}}
    plain.notify(plain.client.workspace_did_change_configuration,
                 types.DidChangeConfigurationParams(settings))  # fmt: skip
    found = plain.diagnostics(uri, until=lambda d: bool(d) and all(
        str(x.code).startswith("HCL3") for x in d))  # fmt: skip
    assert found
    plain.notify(plain.client.workspace_did_change_configuration,
                 types.DidChangeConfigurationParams({"hardcode-lint": {"ignore": ["HCL3"]}}))  # fmt: skip
    plain.diagnostics(uri, until=lambda d: not any(str(x.code).startswith("HCL3") for x in d))


def test_a_request_cancelled_by_the_client_is_answered_as_cancelled(plain: Editor) -> None:
    uri = plain.open("src/phase2/streams.py")
    before = plain.diagnostics(uri)
    text = plain.texts[uri]
    slow = text + "".join(f"time.sleep({n})\n" for n in range(1, 3000))  # a long analysis
    plain.change(uri, slow)
    context = types.CodeActionContext([before[0]])
    params = types.CodeActionParams(types.TextDocumentIdentifier(uri), before[0].range, context)

    async def ask_and_cancel() -> Any:
        protocol = plain.client.protocol
        answer = protocol.send_request_async(types.TEXT_DOCUMENT_CODE_ACTION, params, "cancel-me")
        protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id="cancel-me"))
        return await answer

    with pytest.raises(JsonRpcRequestCancelled):
        plain.call(ask_and_cancel())
    plain.change(uri, text)
    assert plain.code_actions(uri, before[0])  # the next one is answered


def test_a_modern_client_pulls_the_diagnostics_and_is_pushed_none(modern: Editor) -> None:
    assert modern.call(_registered(modern, types.TEXT_DOCUMENT_DIAGNOSTIC))
    rel = "src/pubsub.py"
    uri = modern.open(rel)
    report = modern.pull(uri)
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    assert positions(report.items) == scan_positions(modern.root, rel)
    again = modern.pull(uri, report.result_id)
    assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
    lines = modern.texts[uri].splitlines(keepends=True)
    modern.change(uri, "".join(["\n", *lines]))
    moved = modern.pull(uri, report.result_id)
    assert isinstance(moved, types.RelatedFullDocumentDiagnosticReport)
    assert {p[0] for p in positions(moved.items)} == {p[0] + 1 for p in positions(report.items)}
    assert uri not in modern.published  # pulled, never pushed


def test_a_rule_change_asks_a_pulling_client_to_pull_again(modern: Editor) -> None:
    uri = modern.open("src/pubsub.py")
    assert on_line(modern.pull(uri).items, 22).severity == WARNING
    rule_file = modern.root / "rules" / "pubsub.toml"
    before, refreshes = rule_file.read_text("utf-8"), modern.refreshes
    rule_file.write_text(before.replace("value = 1.5", "value = 2.5"), "utf-8")
    change = types.FileEvent(rule_file.as_uri(), types.FileChangeType.Changed)
    modern.notify(modern.client.workspace_did_change_watched_files,
                  types.DidChangeWatchedFilesParams([change]))  # fmt: skip
    modern.call(_until(lambda: modern.refreshes > refreshes))
    assert on_line(modern.pull(uri).items, 22).severity != WARNING
    rule_file.write_text(before, "utf-8")


def test_workspace_diagnostics_cover_the_project_with_progress(modern: Editor) -> None:
    assert modern.call(_registered(modern, types.TEXT_DOCUMENT_DIAGNOSTIC))
    params = types.WorkspaceDiagnosticParams(previous_result_ids=[])
    report = modern.call(modern.client.workspace_diagnostic_async(params))
    by_uri = {item.uri: item for item in report.items}
    closed = "src/node_cache.py"  # never opened in this editor
    item = by_uri[modern.uri(closed)]
    assert isinstance(item, types.WorkspaceFullDocumentDiagnosticReport)
    assert positions(item.items) == scan_positions(modern.root, closed)
    kinds = [_field(value, "kind") for value in modern.progress]
    assert "begin" in kinds and "end" in kinds
    title = next(_field(v, "title") for v in modern.progress if _field(v, "kind") == "begin")
    assert "hardcode-lint" in title
    previous = [types.PreviousResultId(uri, i.result_id) for uri, i in by_uri.items()
                if isinstance(i, types.WorkspaceFullDocumentDiagnosticReport) and i.result_id]  # fmt: skip
    again = modern.call(modern.client.workspace_diagnostic_async(
        types.WorkspaceDiagnosticParams(previous_result_ids=previous)))  # fmt: skip
    (same,) = [i for i in again.items if i.uri == modern.uri(closed)]
    assert isinstance(same, types.WorkspaceUnchangedDocumentDiagnosticReport), (
        item.result_id,
        getattr(same, "result_id", None),
        [i.uri for i in again.items][:5],
    )


def _field(value: Any, name: str) -> Any:
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


async def _registered(editor: Editor, method: str) -> bool:
    await _until(lambda: any(r.method == method for r in editor.registrations))
    return True


async def _until(condition: Any, timeout: float = 10.0) -> None:
    import asyncio

    async def wait() -> None:
        while not condition():
            await asyncio.sleep(0.05)

    await asyncio.wait_for(wait(), timeout)


def test_the_codes_page_is_current_and_has_a_section_per_code() -> None:
    from hardcode_lint.detect.codes import known_codes
    from hardcode_lint.lsp.codes_doc import codes_markdown

    page = (FIXTURES.parent / "docs" / "codes.md").read_text("utf-8")
    assert page == codes_markdown(), "run: python -m hardcode_lint.lsp.codes_doc > docs/codes.md"
    headings = [line[3:] for line in page.splitlines() if line.startswith("## ")]
    assert headings == sorted(known_codes())


def test_a_client_with_settings_is_asked_for_them(modern: Editor) -> None:
    uri = modern.open("src/phase2/streams.py")
    assert any(str(d.code).startswith("HCL1") for d in modern.pull(uri).items)
    modern.settings = {"ignore": ["HCL1"]}  # what workspace/configuration now answers
    refreshes = modern.refreshes
    modern.notify(modern.client.workspace_did_change_configuration,
                  types.DidChangeConfigurationParams(None))  # fmt: skip
    modern.call(_until(lambda: modern.refreshes > refreshes))
    codes = {str(d.code) for d in modern.pull(uri).items}
    assert codes and not any(code.startswith("HCL1") for code in codes)
    modern.settings = {}


def test_the_server_exits_cleanly_in_the_middle_of_an_analysis(tmp_path: Path) -> None:
    root = tmp_path / "scheduler"
    shutil.copytree(FIXTURES / "scheduler", root)
    editor = Editor(root)
    uri = editor.open("src/phase2/streams.py")
    editor.diagnostics(uri)
    editor.change(uri, editor.texts[uri] + "".join(f"time.sleep({n})\n" for n in range(1, 3000)))
    assert editor.close() == (0, "")  # not killed by the analysis thread still running
