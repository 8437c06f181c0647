"""The number tokens the TypeScript front end judges, found from the bytes (``tokens.py``):
every number a full walk of the tree finds under a parent that can hold a value, in every
spelling, and none in strings, comments, names, comparisons or keys."""

from __future__ import annotations

from hardcode_lint.lang.typescript.parser import Node, grammar
from hardcode_lint.lang.typescript.tokens import value_numbers

SOURCE = b"""\
const a = 5000, b = .5, c = 1_000, d = 1e3, e = 10n, f = 0x1F, g = 5., h = 017;
const $1 = [1, 2.5, -3, +4, (5)], s = "timeout 3000", t = `${42} ms`; // 600 seconds
if (x === 7 || y & 0xff || z < 9) { v = void 0; w = !1; }
const o = { 8: "key", wait: 9 }, p = q ? 10 : 11, r = opts.t ?? 12, u = 60 * 1000;
n += 13; m ??= 14; fn(15, a1, 16); class K { x = 17; } function k(y = 18) {}
"""


def _walk(node: Node) -> list[Node]:
    return [node, *(n for child in node.children for n in _walk(child))]


def test_every_number_a_walk_finds_under_a_value_parent_and_no_other():
    root = grammar("ts").parse(SOURCE).root_node
    numbers = list(value_numbers(root, SOURCE))
    found = [n.text for n, _ in numbers]
    assert found == [
        b"5000", b".5", b"1_000", b"1e3", b"10n", b"0x1F", b"5.", b"017",
        b"1", b"2.5", b"3", b"4", b"5",
        b"9", b"10", b"11", b"12", b"60", b"1000",
        b"14", b"15", b"16", b"17", b"18",
    ]  # fmt: skip
    every = [n for n in _walk(root) if n.type == "number"]
    starts = {n.start_byte for n, _ in numbers}
    left_out = [n.text for n in every if n.start_byte not in starts]
    # a template's number, a comparison's and a bit operation's, `void 0`, `!1`, a key, `+=`
    assert left_out == [b"42", b"7", b"0xff", b"9", b"0", b"1", b"8", b"13"]
