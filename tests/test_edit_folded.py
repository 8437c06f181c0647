"""The edits a front end returns for a fix whose imports a whole-file step adds: their splice
is the step's output, whatever the step changed (tests of ``edit.folded``)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from hardcode_lint.edit import TextEdit, changed_range, folded, splice
from hardcode_lint.fix.run import FileFix
from hardcode_lint.lsp.edits import char_changes

TEXT = st.text(alphabet="ab\n", max_size=30)


@st.composite
def spliced_twice(draw: st.DrawFn) -> tuple[str, list[TextEdit[str]], str]:
    """A text, non-overlapping edits of it, and their splice changed once more in one range."""
    data = draw(TEXT)
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=6)))
    edits = [TextEdit(a, b, draw(st.text(alphabet="xy", max_size=3)))
             for a, b in zip(cuts[::2], cuts[1::2], strict=False)]  # fmt: skip
    spliced = splice(data, edits)
    low = draw(st.integers(0, len(spliced)))
    high = draw(st.integers(low, len(spliced)))
    return data, edits, spliced[:low] + draw(st.text(alphabet="iz\n", max_size=6)) + spliced[high:]


@given(spliced_twice())
def test_the_folded_edits_splice_to_the_steps_output(case: tuple[str, list[TextEdit[str]], str]):
    data, edits, after = case
    found = folded(data, edits, after)
    assert splice(data, found) == after
    assert all(a.end <= b.start for a, b in pairwise(found))  # none skipped


def test_an_import_far_from_the_literal_stays_its_own_edit() -> None:
    data = "import a\n\nx = f(5)\n"
    literal = TextEdit(data.index("5"), data.index("5") + 1, "cfg.x")
    after = "import a\nfrom c import cfg\n\nx = f(cfg.x)\n"
    assert folded(data, [literal], after) == [TextEdit(9, 9, "from c import cfg\n"), literal]


def test_a_step_that_rewrites_a_replacement_absorbs_it() -> None:
    data = "f(5)"
    literal = TextEdit(2, 3, "cfg.x")
    assert folded(data, [literal], "f(cfg.y)") == [TextEdit(2, 3, "cfg.y")]
    assert changed_range("abc", "abc") is None


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
