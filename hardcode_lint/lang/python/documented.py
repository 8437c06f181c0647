"""Names no word judges, made durations by the comment at their line (``comments.py`` finds
the comments, ``detect/documented.py`` judges their text): the libcst detector keeps them
aside until positions are known, then they are judged here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

import libcst as cst

from hardcode_lint.detect.documented import documented_unit
from hardcode_lint.detect.names import documented_name
from hardcode_lint.detect.words import NameWords
from hardcode_lint.lang.python.calls import Detection
from hardcode_lint.lang.python.sourcetext import marked_snippet
from hardcode_lint.model import Context, Kind

if TYPE_CHECKING:
    from hardcode_lint.lang.python.prepass import Span


def documented(
    unjudged: list[Detection],
    ordinals: Mapping[int, int],
    spans: list[Span],
    notes: Mapping[int, str],
    words: NameWords,
) -> list[Detection]:
    """The names no word judged (the detector's ``unjudged``, numbered by ``ordinals``) whose
    line's comment says they are a time."""
    from hardcode_lint.lang.python.cst_literals import fold_cst

    found = []
    for detection in unjudged:
        line = spans[ordinals[id(detection.node)]][0]
        name = detection.arg if isinstance(detection.arg, str) else ""
        unit = documented_unit(name, notes.get(line), fold_cst(detection.node), words)
        if unit is not None:
            found.append(replace(detection, unit=unit))
    return found


def pending(
    module: cst.Module,
    words: NameWords,
    value: cst.BaseExpression,
    leaves: list[cst.BaseExpression],
    context: Context,
    bound: tuple[str, str, str],
    api: str,
    qualname: str | None,
) -> list[Detection]:
    """A name no word judges, in a file whose comments name units: its literals as durations
    of no unit yet, decided by :func:`documented` once their lines are known."""
    name, written, sep = bound
    if not documented_name(name, words):
        return []
    found = []
    for leaf in leaves:
        text, start, end = marked_snippet(module, value, leaf)
        shift = len(written) + len(sep)
        where = (name, qualname, f"{written}{sep}{text}", start + shift, end + shift)
        found.append(Detection(leaf, Kind.DURATION, context, None, api, *where))
    return found
