"""``hardcode-lint lsp`` driven by a real LSP client over stdio (pygls' LanguageClient).

Each project gets one server for all its tests (start-up is the slow part); the last test of
each shuts it down and checks that it exits 0 with nothing on stderr.  Positions are checked
against ``scan --format json`` and action results against what ``fix --write`` writes.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from hardcode_lint.api import analyze, resolve_config
from hardcode_lint.edit import splice
from hardcode_lint.fix.plan import plan_fixes
from hardcode_lint.fix.run import compute_fixes
from hardcode_lint.lsp.text import Position, TextIndex, apply_changes, changes
from tests.lsp_helpers import (
    Editor,
    action,
    apply_workspace_edit,
    fixed_copy,
    on_line,
    positions,
    run_cli,
    scan_positions,
    width,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
WARNING, INFORMATION, ERROR = (types.DiagnosticSeverity.Warning,
                               types.DiagnosticSeverity.Information,
                               types.DiagnosticSeverity.Error)  # fmt: skip


@pytest.fixture(scope="module")
def python_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lsp") / "scheduler"
    shutil.copytree(FIXTURES / "scheduler", root)
    assert run_cli(root, "baseline", "--no-cache").returncode == 0  # check's gate is on
    return root


@pytest.fixture(scope="module")
def editor(python_project: Path) -> Iterator[Editor]:
    editor = Editor(python_project)
    yield editor
    if editor.thread.is_alive():
        editor.close()


def test_initialize_announces_what_the_server_does(editor: Editor) -> None:
    capabilities = editor.initialized.capabilities
    assert capabilities.hover_provider
    options = capabilities.code_action_provider
    assert isinstance(options, types.CodeActionOptions)
    assert "quickfix" in (options.code_action_kinds or [])
    assert editor.initialized.server_info and editor.initialized.server_info.name == "hardcode-lint"


@pytest.mark.parametrize("rel", ["src/phase2/streams.py", "src/job_management.py",
                                 "tests/conftest.py", "src/websocket/preview.py"])  # fmt: skip
def test_diagnostic_ranges_are_scans_positions(editor: Editor, rel: str) -> None:
    uri = editor.open(rel)
    assert positions(editor.diagnostics(uri)) == scan_positions(editor.root, rel)


def test_severity_and_message_follow_the_status(editor: Editor) -> None:
    found = editor.diagnostics(editor.open("src/phase2/streams.py"))
    pending = on_line(found, 29)  # asyncio.sleep(2): rule streams-group-create-retry-delay
    assert pending.severity == WARNING
    assert pending.code == "HCL101" and pending.source == "hardcode-lint"
    for part in ("duration", "`2`", "2 seconds", "streams.group_create_retry_delay_seconds",
                 "streams-group-create-retry-delay"):  # fmt: skip
        assert part in pending.message
    assert pending.code_description is not None
    assert pending.code_description.href.endswith("docs/codes.md#hcl101")  # its own section
    unmapped = on_line(found, 44)  # 60_000 ms, accepted by the baseline
    assert unmapped.severity == INFORMATION
    assert "60 seconds" in unmapped.message and "baseline" in unmapped.message


def test_an_unsaved_edit_updates_the_diagnostics(editor: Editor) -> None:
    rel = "src/pubsub.py"
    uri = editor.open(rel)
    before = editor.diagnostics(uri)
    disk = (editor.root / rel).read_text("utf-8")
    text = disk + "\n\nasync def nap():\n    await asyncio.sleep(7)\n"
    version = editor.change(uri, text)
    after = editor.diagnostics(uri, version=version)
    added = on_line(after, text.count("\n"))
    assert len(after) == len(before) + 1
    assert added.severity == ERROR  # unmapped and not in the baseline: `check` would fail
    assert "`7`" in added.message
    assert (editor.root / rel).read_text("utf-8") == disk  # nothing written
    editor.change(uri, disk)


def test_replace_with_writes_what_fix_writes(editor: Editor, tmp_path: Path) -> None:
    rel = "src/node_cache.py"
    uri = editor.open(rel)
    target = on_line(editor.diagnostics(uri), 18)  # wait_for(..., timeout=0.25)
    replace = action(editor.code_actions(uri, target), "Replace with `config.node_cache")
    assert replace.kind == "quickfix" and replace.is_preferred and replace.edit is not None
    after = apply_workspace_edit(replace.edit, {uri: editor.texts[uri]})[uri]
    assert "from app.config import config" in after
    rule = "node-cache-version-check-timeout"
    assert after == fixed_copy(editor.root, tmp_path, rel, "--rule", rule)


def test_fix_all_writes_what_fix_writes_for_the_file(editor: Editor, tmp_path: Path) -> None:
    rel = "src/phase2/streams.py"
    uri = editor.open(rel)
    target = on_line(editor.diagnostics(uri), 29)
    fix_all = action(editor.code_actions(uri, target), "Fix all pending in this file")
    assert fix_all.edit is not None
    after = apply_workspace_edit(fix_all.edit, {uri: editor.texts[uri]})[uri]
    assert after == fixed_copy(editor.root, tmp_path, rel, "--module", "Phase2 Streams")
    only = editor.code_actions(uri, target, only=["source.fixAll"])
    assert [a.kind for a in only] == ["source.fixAll.hardcode-lint"]


def test_ignore_this_line_silences_the_finding(editor: Editor) -> None:
    uri = editor.open("src/phase2/streams.py")
    found = editor.diagnostics(uri)
    target = on_line(found, 54)
    ignore = action(editor.code_actions(uri, target), "Ignore this line")
    assert ignore.edit is not None
    after = apply_workspace_edit(ignore.edit, {uri: editor.texts[uri]})[uri]
    assert after.splitlines()[53].endswith(")  # hardcode-lint: ignore")
    version = editor.change(uri, after)
    assert len(editor.diagnostics(uri, version=version)) == len(found) - 1
    editor.change(uri, editor.texts[uri].replace("  # hardcode-lint: ignore", ""))


def test_hover_shows_rule_module_progress_and_default(editor: Editor) -> None:
    uri = editor.open("src/pubsub.py")
    target = on_line(editor.diagnostics(uri), 22)  # asyncio.sleep(1.5)
    hover = editor.hover(uri, target.range.start)
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    text = hover.contents.value
    assert "pubsub-reconnect-delay" in text and "Pub/Sub" in text
    assert "0/2 migrated" in text
    assert "`pubsub.reconnect_delay_seconds = 1.5` (seconds)" in text


def _watched(editor: Editor, path: Path, kind: types.FileChangeType) -> None:
    params = types.DidChangeWatchedFilesParams([types.FileEvent(path.as_uri(), kind)])
    editor.notify(editor.client.workspace_did_change_watched_files, params)


def test_add_a_rule_then_the_finding_is_pending(editor: Editor) -> None:
    rel = "src/phase2/streams.py"
    uri = editor.open(rel)
    target = on_line(editor.diagnostics(uri), 35)  # count=50: unmapped
    add = action(editor.code_actions(uri, target), "Add a rule for this hardcode")
    rule_file = editor.root / "rules" / "streams.toml"
    rule_uri = rule_file.as_uri()
    assert add.edit is not None
    before = rule_file.read_text("utf-8")
    after = apply_workspace_edit(add.edit, {rule_uri: before})[rule_uri]
    assert after.startswith(before) and "[[rule]]" in after[len(before) :]
    assert run_cli(editor.root, "rules", "validate").returncode == 0
    rule_file.write_text(after, "utf-8")  # the editor saves the rule file
    _watched(editor, rule_file, types.FileChangeType.Changed)
    now = editor.diagnostics(uri, until=lambda d: on_line(d, 35).severity == WARNING)
    assert "rule `phase2-streams-" in on_line(now, 35).message
    rule_file.write_text(before, "utf-8")
    _watched(editor, rule_file, types.FileChangeType.Changed)
    editor.diagnostics(uri, until=lambda d: on_line(d, 35).severity != WARNING)


def test_add_a_rule_creates_the_rule_file_when_needed(editor: Editor) -> None:
    rel = "src/extra/retry.py"
    (editor.root / rel).parent.mkdir(parents=True, exist_ok=True)
    (editor.root / rel).write_text("import time\n\ntime.sleep(4)\n", "utf-8")
    uri = editor.open(rel)
    target = editor.diagnostics(uri)[0]
    add = action(editor.code_actions(uri, target), "Add a rule for this hardcode")
    assert add.edit is not None and add.edit.document_changes
    create = add.edit.document_changes[0]
    assert isinstance(create, types.CreateFile)
    assert create.uri == (editor.root / "rules" / "src_extra.toml").as_uri()
    text = apply_workspace_edit(add.edit, {})[create.uri]
    assert text.startswith("# Suggested by `hardcode-lint rules suggest`")
    assert 'path = "src/extra/retry.py"' in text


def test_rule_file_problems_are_shown_on_the_rule_file(editor: Editor) -> None:
    bad = editor.root / "rules" / "broken.toml"
    bad.write_text('[module]\nname = "Broken"\n\n[[rule]]\nid = "x"\nkey = "a.b"\ncolour = 1\n')
    _watched(editor, bad, types.FileChangeType.Created)
    found = editor.diagnostics(bad.as_uri(), until=bool)
    assert [(d.range.start.line, d.severity) for d in found] == [(6, ERROR)]
    assert "unknown field `colour`" in found[0].message
    bad.unlink()
    _watched(editor, bad, types.FileChangeType.Deleted)
    assert editor.diagnostics(bad.as_uri(), until=lambda d: not d) == []


def test_columns_are_utf16_code_units(editor: Editor) -> None:
    rel = "src/emoji.py"
    text = 'import time\n\nprint("\U0001f600 \u00e9"); time.sleep(5)\n'
    (editor.root / rel).write_text(text, "utf-8")
    ((line, column, _, end, _),) = scan_positions(editor.root, rel)
    (found,) = editor.diagnostics(editor.open(rel))
    assert (found.range.start.line, found.range.start.character) == (line, column + 1)
    assert found.range.end.character == end + 1  # the emoji is two UTF-16 units


# -- the actions send the front end's edits ------------------------------------------------


def _action_edits(edit: types.WorkspaceEdit) -> list[tuple[int, int, int, int, str]]:
    found = [e for es in (edit.changes or {}).values() for e in es]
    found += [e for c in edit.document_changes or [] if isinstance(c, types.TextDocumentEdit)
              for e in c.edits if isinstance(e, types.TextEdit)]  # fmt: skip
    return sorted((e.range.start.line, e.range.start.character, e.range.end.line,
                   e.range.end.character, e.new_text) for e in found)  # fmt: skip


def _lsp_position(data: bytes, offset: int, encoding: str) -> tuple[int, int]:
    """The LSP position of byte ``offset``, counted afresh (not by the server's code)."""
    lines = re.split(r"\r\n|\r|\n", data[:offset].decode("utf-8"))
    return len(lines) - 1, sum(width(char, encoding) for char in lines[-1])


def _front_end_fix(root: Path, rel: str, rule: str, encoding: str) -> tuple[str, list[Any]]:
    """``rel`` spliced with the front end's edits of ``fix --rule RULE`` (no formatter), and
    those edits as LSP ranges."""
    config = resolve_config([str(root)])
    plan = plan_fixes(analyze([str(root)], config, jobs=1, use_cache=False), [rule])
    (fix,) = [f for f in compute_fixes(plan, root).changed if f.path == rel]
    ranges = sorted((*_lsp_position(fix.before, e.start, encoding),
                     *_lsp_position(fix.before, e.end, encoding), e.text.decode("utf-8"))
                    for e in fix.edits)  # fmt: skip
    return splice(fix.before, fix.edits).decode("utf-8"), ranges


def test_python_action_sends_the_front_ends_edits(editor: Editor, tmp_path: Path) -> None:
    rel, rule = "src/node_cache.py", "node-cache-version-check-timeout"
    uri = editor.open(rel)
    replace = action(editor.code_actions(uri, on_line(editor.diagnostics(uri), 18)),
                     "Replace with `config.node_cache")  # fmt: skip
    assert replace.edit is not None
    spliced, ranges = _front_end_fix(editor.root, rel, rule, "utf-16")
    assert len(ranges) == 2  # the literal and the import, two edits
    assert _action_edits(replace.edit) == ranges
    assert fixed_copy(editor.root, tmp_path, rel, "--rule", rule) == spliced


def test_python_server_shuts_down_cleanly(editor: Editor) -> None:
    assert editor.close() == (0, "")


@pytest.fixture(scope="module")
def rust_editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    root = tmp_path_factory.mktemp("lsp") / "rust_scheduler"
    shutil.copytree(FIXTURES / "rust_scheduler", root)
    # this client resolves actions' edits lazily, and counts columns in UTF-8 bytes
    editor = Editor(root, resolve=True, encoding="utf-8")
    yield editor
    if editor.thread.is_alive():
        editor.close()


@pytest.mark.parametrize("rel", ["src/phase2/runtime_streams.rs", "tests/integration.rs"])
def test_rust_diagnostic_ranges_are_scans_positions(rust_editor: Editor, rel: str) -> None:
    uri = rust_editor.open(rel, language="rust")
    assert positions(rust_editor.diagnostics(uri)) == scan_positions(rust_editor.root, rel)


def test_rust_replace_with_resolves_to_what_fix_writes(rust_editor: Editor, tmp_path: Path) -> None:
    rel = "src/phase2/runtime_streams.rs"
    uri = rust_editor.open(rel, language="rust")
    target = on_line(rust_editor.diagnostics(uri), 69)  # Duration::from_secs(30)
    replace = action(rust_editor.code_actions(uri, target), "Replace with `global()")
    assert replace.edit is None and replace.data  # computed on resolve
    resolved = rust_editor.resolve(replace)
    assert resolved.edit is not None
    after = apply_workspace_edit(resolved.edit, {uri: rust_editor.texts[uri]}, "utf-8")[uri]
    assert after == fixed_copy(
        rust_editor.root, tmp_path, rel, "--rule", "streams-reclaim-interval"
    )


def test_rust_ignore_uses_the_rust_comment(rust_editor: Editor) -> None:
    uri = rust_editor.open("tests/integration.rs", language="rust")
    target = on_line(rust_editor.diagnostics(uri), 9)
    ignore = action(rust_editor.code_actions(uri, target), "Ignore this line")
    assert ignore.edit is not None
    after = apply_workspace_edit(ignore.edit, {uri: rust_editor.texts[uri]}, "utf-8")[uri]
    assert after.splitlines()[8].endswith(" // hardcode-lint: ignore")


def test_rust_columns_follow_the_negotiated_encoding(rust_editor: Editor) -> None:
    rel = "src/unicode.rs"
    text = 'use std::time::Duration;\n\npub fn f() -> Duration { let _s = "\u00e9\U0001f600"; Duration::from_secs(7) }\n'
    (rust_editor.root / rel).write_text(text, "utf-8")
    ((line, column, _, end, _),) = scan_positions(rust_editor.root, rel)
    (found,) = rust_editor.diagnostics(rust_editor.open(rel, language="rust"))
    assert rust_editor.initialized.capabilities.position_encoding == "utf-8"
    # é is 2 UTF-8 bytes and the emoji 4: two and three more than their one code point each
    assert (found.range.start.line, found.range.start.character) == (line, column + 4)
    assert found.range.end.character == end + 4


def test_rust_action_sends_the_front_ends_edits(rust_editor: Editor, tmp_path: Path) -> None:
    rel, rule = "src/phase2/runtime_streams.rs", "streams-reclaim-interval"
    uri = rust_editor.open(rel, language="rust")
    target = on_line(rust_editor.diagnostics(uri), 69)
    resolved = rust_editor.resolve(action(rust_editor.code_actions(uri, target), "Replace with"))
    assert resolved.edit is not None
    spliced, ranges = _front_end_fix(rust_editor.root, rel, rule, "utf-8")
    assert _action_edits(resolved.edit) == ranges
    assert fixed_copy(rust_editor.root, tmp_path, rel, "--rule", rule) == spliced


def test_rust_server_shuts_down_cleanly(rust_editor: Editor) -> None:
    assert rust_editor.close() == (0, "")


# -- the text helpers, without a server ----------------------------------------------------

LINES = st.lists(st.sampled_from(["x = 1\n", "import a\n", "\n", "y = f(2)\r\n", "é😀\n", "z"]))


@given(LINES, LINES)
def test_changes_turn_the_old_text_into_the_new(old: list[str], new: list[str]) -> None:
    before, after = "".join(old), "".join(new)
    assert apply_changes(before, changes(before, after)) == after


def test_changes_are_small_edits_not_one_block() -> None:
    before = "import a\n\nx = f(5)\ny = 2\nz = g(7)\n"
    after = "import a\nfrom c import cfg\n\nx = f(cfg.x)\ny = 2\nz = g(7)\n"
    assert [(c.start, c.end, c.text) for c in changes(before, after)] == [
        (9, 9, "from c import cfg\n"), (16, 17, "cfg.x")]  # fmt: skip


@pytest.mark.parametrize(("encoding", "column"), [("utf-16", 4), ("utf-8", 9), ("utf-32", 3)])
def test_positions_count_code_units_of_the_encoding(encoding: str, column: int) -> None:
    index = TextIndex("a\n\ufeffé😀x = 1\n", encoding)
    offset = index.text.index("x")
    assert index.position(offset) == Position(1, column)
    assert index.offset(Position(1, column)) == offset
    assert TextIndex("\ufeffx = 5\n").finding_offset(1, 5) == 5  # the engine skips the BOM


def test_rust_actions_fit_the_target_and_leave_a_crate_wide_move_to_fix(tmp_path: Path) -> None:
    """A site in `tests/` reads `PKG::settings`, as `fix` writes it; a constant used in another
    file is not half-moved by an action on one buffer: the action names the command instead."""
    root = tmp_path / "demo"
    (root / "src").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "rules").mkdir()
    (root / "Cargo.toml").write_text(
        '[package]\nname = "demo-x"\nversion = "0.1.0"\nedition = "2021"\n'
    )
    (root / "src" / "lib.rs").write_text("pub mod other;\npub const MAX_ITEMS: usize = 64;\n")
    (root / "src" / "other.rs").write_text("pub fn n() -> usize {\n    crate::MAX_ITEMS\n}\n")
    (root / "tests" / "t.rs").write_text(
        "#[test]\nfn t() {\n    std::thread::sleep(std::time::Duration::from_millis(10));\n}\n"
    )
    (root / "rules" / "m.toml").write_text(
        '[module]\nname = "m"\nreplace = "crate::settings::get().{key}"\n\n'
        '[[rule]]\nid = "wait"\npath = "tests/t.rs"\nkey = "t.wait_ms"\n\n'
        '[[rule]]\nid = "items"\npath = "src/lib.rs"\nkey = "lib.max_items"\n'
    )
    (root / "src" / "settings.rs").write_text("// hardcode-lint: generated settings\n")
    editor = Editor(root, resolve=False, encoding="utf-8")
    try:
        uri = editor.open("tests/t.rs", language="rust")
        target = on_line(editor.diagnostics(uri), 3)
        replace = action(
            editor.code_actions(uri, target), "Replace with `crate::settings::get().t.wait_ms`"
        )
        assert replace.edit is not None
        after = apply_workspace_edit(replace.edit, {uri: editor.texts[uri]}, "utf-8")[uri]
        flat = "".join(after.split())  # laid out by rustfmt, as `fix` lays it out
        assert "Duration::from_millis(demo_x::settings::get().t.wait_ms,)" in flat
        uri = editor.open("src/lib.rs", language="rust")
        target = on_line(editor.diagnostics(uri), 2)
        moved = action(editor.code_actions(uri, target), "Replace with `crate::settings::get()")
        assert moved.edit is None  # nothing half-done in this buffer
        assert moved.disabled is not None and "changes src/other.rs too" in moved.disabled.reason
    finally:
        editor.close()
