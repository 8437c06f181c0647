"""A fix's edits made to fit their Cargo target and their item (see :meth:`Frontend.expand`).

- A site in ``build.rs`` is refused: the build script is compiled before the crate and cannot
  read its settings.
- A site in another target of the crate (``tests/``, ``examples/``, ``benches/``, or a binary
  of a crate with a library) reads ``PKG::settings::get()``: the replacement's ``crate::``
  becomes the crate's name (``-`` -> ``_``); without a library, those targets cannot reach the
  settings at all, which is refused.
- A literal that initialises a ``const`` or ``static`` cannot read a setting there (E0015): the
  constant's uses read it instead (``consts.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from hardcode_lint.lang.base import Expanded, SiteEdit
from hardcode_lint.lang.rust.consts import ConstMigration
from hardcode_lint.lang.rust.targets import crate_of, target_problem, with_crate_name


def expand_rust(root: Path, edits: Mapping[str, Sequence[SiteEdit]]) -> Expanded:
    result = Expanded()
    consts = ConstMigration(root, result, edits)
    for path, found in edits.items():
        crate = crate_of(root, path)
        problem, name = target_problem(crate, path)
        for edit in found:
            if problem is not None:
                result.refused[edit.label] = problem
                continue
            edit = replace(edit, replace=with_crate_name(edit.replace, name))
            if crate is not None and consts.takes(path, edit, crate):
                continue
            result.edits.setdefault(path, []).append(edit)
    return result
