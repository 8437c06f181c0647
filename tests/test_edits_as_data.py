"""A fix is its edits: the editor's code action sends the front end's byte edits as they are
(character ranges of the buffer), and only a file a formatter rewrote is no longer them."""

from __future__ import annotations

from hardcode_lint.edit import TextEdit
from hardcode_lint.fix.run import FileFix
from hardcode_lint.lsp.edits import char_changes


def test_byte_edits_become_the_buffers_character_edits_whole() -> None:
    """The action replaces the literal's whole range, as ``fix`` does, even where the new text
    ends as the old did (a text comparison would keep the shared ``10``)."""
    data = "é = f(10)\n".encode()
    at = data.index(b"10")
    (change,) = char_changes(data, [TextEdit(at, at + 2, b"cfg.t10")], "utf-8")
    assert (change.start, change.end, change.text) == (6, 8, "cfg.t10")


def test_a_formatted_fix_is_no_longer_its_edits_alone() -> None:
    fix = FileFix("a.py", b"f(5)\n", b"f(cfg.x)\n", (TextEdit(2, 3, b"cfg.x"),))
    assert fix.spliced_as_is()
    fix.after = b"f(\n    cfg.x\n)\n"  # what a formatter might make of it
    assert not fix.spliced_as_is()
