"""An edited file re-parsed from its last tree (:func:`sitter.parse_edited`) has the tree a
parse from scratch gives: same nodes, same byte ranges and rows, same errors, whatever the
edit (inserted lines, a deleted block, a half-typed call, a change at either end)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hardcode_lint.lang.python import sitter

BASE = b"".join(
    b"async def job_%d(client):\n    await asyncio.sleep(%d)\n    return max(n, %d)\n\n"
    % (i, i % 7 + 1, i % 5)
    for i in range(60)
)
PIECES = st.sampled_from([b"", b"1", b"\n", b"time.sleep(", b")\n", b"x = 5\n", b"\xc3\xa9", b"(["])


def _shape(tree: object) -> list[tuple[str, int, int, tuple[int, int], tuple[int, int], bool]]:
    found, todo = [], [tree.root_node]  # type: ignore[attr-defined]
    while todo:
        node = todo.pop()
        found.append((node.type, node.start_byte, node.end_byte, node.start_point,
                      node.end_point, node.has_error))  # fmt: skip
        todo.extend(node.children)
    return found


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(BASE)), st.integers(0, 40), PIECES), max_size=5))
def test_a_reparsed_edit_has_the_tree_of_a_fresh_parse(edits):
    data = BASE
    sitter.parse_edited(data)
    for where, width, piece in edits:
        where = min(where, len(data))
        data = data[:where] + piece + data[where + width :]
        assert _shape(sitter.parse_edited(data)) == _shape(sitter.parse(data))


def test_an_edit_reuses_the_last_tree(monkeypatch):
    sitter.parse_edited(BASE)
    edited = BASE.replace(b"sleep(3)", b"sleep(300)", 1)
    assert edited != BASE
    reparsed: list[bytes] = []
    real = sitter._reparse
    monkeypatch.setattr(
        sitter, "_reparse", lambda data, *a: reparsed.append(data) or real(data, *a)
    )
    assert _shape(sitter.parse_edited(edited)) == _shape(sitter.parse(edited))
    assert reparsed == [edited]
    assert _shape(sitter.parse_edited(b"x = 1\n")) == _shape(sitter.parse(b"x = 1\n"))
    assert reparsed == [edited]  # another file: parsed from scratch
