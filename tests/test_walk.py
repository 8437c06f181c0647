"""The read-only walk visits what libcst's own visit does, in the same order, trivia aside.

The detector numbers literals in visiting order and borrows their positions from the pre-pass
by that number, so an order that drifted from libcst's (a new libcst visiting a node type's
fields otherwise) would misplace findings: this test is what notices.
"""

from __future__ import annotations

import sysconfig
from pathlib import Path

import libcst as cst
import pytest

from hardcode_lint.lang.python.walk import TRIVIA, child_fields, walk

STDLIB = Path(sysconfig.get_paths()["stdlib"])
REPO = Path(__file__).resolve().parent.parent
SAMPLES = ["asyncio/base_events.py", "dataclasses.py", "typing.py", "argparse.py", "pdb.py",
           "test/test_patma.py", "test/test_grammar.py", "test/datetimetester.py"]  # fmt: skip


class _Order(cst.CSTVisitor):
    """Every visit and leave, by node identity; nodes under trivia are left out."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, int]] = []
        self._in_trivia = 0

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self._in_trivia or isinstance(node, TRIVIA):
            self._in_trivia += 1
        else:
            self.events.append(("visit", id(node)))
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        if self._in_trivia:
            self._in_trivia -= 1
        else:
            self.events.append(("leave", id(original_node)))


def _sources() -> list[Path]:
    found = [STDLIB / name for name in SAMPLES if (STDLIB / name).exists()]
    return found + sorted((REPO / "fixtures").rglob("*.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.name)
def test_the_walk_visits_as_libcst_does(path):
    try:
        module = cst.parse_module(path.read_bytes())
    except cst.ParserSyntaxError:
        pytest.skip(f"libcst cannot parse {path.name}")
    reference, ours = _Order(), _Order()
    module.visit(reference)
    walk(module, ours)
    assert ours.events == reference.events


def test_a_visitor_that_declines_children_still_leaves():
    module = cst.parse_module("f(1, g(2))\n")
    seen: list[str] = []

    class Shallow(cst.CSTVisitor):
        def on_visit(self, node: cst.CSTNode) -> bool:
            seen.append(f"+{type(node).__name__}")
            return not isinstance(node, cst.Call)

        def on_leave(self, original_node: cst.CSTNode) -> None:
            seen.append(f"-{type(original_node).__name__}")

    walk(module, Shallow())
    assert seen.count("+Call") == 1  # g(2) is under the declined call
    assert seen[-5:] == ["+Call", "-Call", "-Expr", "-SimpleStatementLine", "-Module"]


def test_field_order_is_source_order_not_declaration_order():
    assert child_fields(cst.IfExp).index("body") < child_fields(cst.IfExp).index("test")
    assert child_fields(cst.Call).index("func") < child_fields(cst.Call).index("args")
