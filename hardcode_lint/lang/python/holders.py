"""Calls whose result is the value they hold: pydantic's ``Field(5.0)``, dataclasses'
``field(default=2.0)``, attrs' ``attr.ib(default=3)``, celery's ``Option(4, type="float")``,
``float(3)``.

``timeout: float = Field(5.0)`` and ``connection_timeout=Option(4)`` are the settings the
contract's names judge, one call deeper: the held literal is judged by the name the call is
bound to, as if it stood there itself.  Which argument holds the value is data
(``[value-holders]`` of this front end's ``catalog.toml``, by the callee's last name), read by
the three passes alike: the tree-sitter and ``ast`` pre-passes and the libcst detector.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from hardcode_lint.detect.catalog import shipped_data

PACKAGE = "hardcode_lint.lang.python"


@lru_cache(maxsize=1)
def holders() -> Mapping[str, frozenset[int | str]]:
    """Callee's last name -> the positions and keywords that hold its value."""
    table = shipped_data(PACKAGE, "catalog.toml")[1].get("value-holders", {})
    return {name: frozenset(entry["arg"]) for name, entry in table.items()}


def holds(callee: str | None, position: int | None, keyword: str | None) -> bool:
    """Whether the argument at ``position`` (or named ``keyword``) holds ``callee``'s value."""
    slots = holders().get(callee or "")
    return slots is not None and (keyword if keyword is not None else position) in slots
