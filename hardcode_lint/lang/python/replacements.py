"""Recognising migrated sites: a rule's ``replace`` expression standing where a literal stood.

Comparison is on normalised source text (parentheses around the whole expression and all
whitespace dropped), so ``config.a.b`` split over lines or wrapped in parentheses still matches.
Computing that text for every argument of every call would be costly, so each expression has an
*anchor* (its last name: ``b`` for ``config.a.b``, ``get`` for ``settings.get("x")``) and only
nodes with a watched anchor are rendered and compared.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import libcst as cst

from hardcode_lint.lang.python.tokens import normalise_text, token_text


def anchor_of(node: cst.BaseExpression) -> str | None:
    """The last name of an expression, the cheap key under which it is watched."""
    while True:
        if isinstance(node, cst.Name):
            return node.value
        if isinstance(node, cst.Attribute):
            return node.attr.value
        if isinstance(node, cst.Call):
            node = node.func
        elif isinstance(node, cst.Subscript):
            node = node.value
        else:
            return None


def normalise(node: cst.BaseExpression) -> str:
    """Source text of ``node`` as tokens only: no outer parentheses, whitespace or comments."""
    bare = node.with_changes(lpar=(), rpar=()) if node.lpar else node
    return token_text(cst.Module(body=[]).code_for_node(bare))


@dataclass(frozen=True)
class Watchlist:
    """The replace expressions of all rules, keyed by anchor."""

    expressions: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()
    unanchored: bool = False  # some expression has no anchor: every node must be compared
    roots: frozenset[str] = frozenset()  # first names; ``pkg_<root>`` reads the same object

    @classmethod
    def from_expressions(cls, expressions: Iterable[str]) -> Watchlist:
        normalised, anchors, unanchored, roots = set(), set(), False, set()
        for expression in expressions:
            try:
                node = cst.parse_expression(expression.strip())
            except cst.ParserSyntaxError:
                continue
            text = normalise_text(expression) or normalise(node)
            normalised.add(text)
            roots.add(text.split(".", 1)[0])
            anchor = anchor_of(node)
            if anchor is None:
                unanchored = True
            else:
                anchors.add(anchor)
        return cls(frozenset(normalised), frozenset(anchors), unanchored, frozenset(roots))

    def __bool__(self) -> bool:
        return bool(self.expressions)

    def mentioned_in(self, text: str) -> bool:
        """Whether ``text`` may hold a watched expression (a sound, cheap text test)."""
        return bool(self.expressions) and (
            self.unanchored or any(anchor in text for anchor in self.anchors)
        )

    def match(self, node: cst.BaseExpression) -> str | None:
        """The normalised expression ``node`` equals, if it is watched."""
        if not self.expressions:
            return None
        if not self.unanchored and anchor_of(node) not in self.anchors:
            return None
        text = normalise(node)
        return text if text in self.expressions else self._unaliased(text)

    def watched_in(self, node: cst.BaseExpression) -> list[tuple[cst.BaseExpression, str]]:
        """The watched expressions ``node`` is or holds where a literal stood: a branch of a
        conditional (``timeout if ok else settings.a.b``), an ``or`` fallback (``timeout or
        settings.a.b``) or a margin (``time.monotonic() + settings.a.b``)."""
        found = self.match(node)
        if found is not None:
            return [(node, found)]
        if isinstance(node, cst.IfExp):
            return self.watched_in(node.body) + self.watched_in(node.orelse)
        if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or):
            return self.watched_in(node.right)
        if isinstance(node, cst.BinaryOperation) and isinstance(
            node.operator, cst.Add | cst.Subtract
        ):
            return self.watched_in(node.left) + self.watched_in(node.right)
        return []

    def _unaliased(self, text: str) -> str | None:
        """``pkg_settings.a.b`` as ``settings.a.b`` when that is watched: ``fix`` reads the
        settings under ``pkg_settings`` in a file where ``settings`` is taken."""
        first, dot, rest = text.partition(".")
        for root in self.roots:
            if dot and first.endswith(f"_{root}") and f"{root}.{rest}" in self.expressions:
                return f"{root}.{rest}"
        return None
