"""Splitting one repository's files among N jobs, and what each job's output says it is.

The scale-out is the CI system's (a matrix, a Kubernetes Indexed Job): the tool only has to
split deterministically (:mod:`hardcode_lint.report.provenance` says in each output what it
covers, so that ``merge`` refuses outputs that do not belong together; section 7).  A file's
shard is a hash of its root-relative path, never its position in a listing, so two machines
that list files in a different order still agree on who scans what.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from hardcode_lint.errors import UsageError

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` (1-based) of ``count``."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def holds(self, rel: str) -> bool:
        """Whether the file at root-relative posix path ``rel`` is this shard's."""
        return shard_of(rel, self.count) == self.index


def shard_of(rel: str, count: int) -> int:
    """The 1-based shard of ``rel`` among ``count``: sha256 of the path, so any machine, any
    Python and any listing order agree."""
    digest = hashlib.sha256(rel.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def parse_shard(text: str) -> Shard:
    """``K/N`` with 1 <= K <= N; anything else is a one-line usage error."""
    index, slash, count = text.strip().partition("/")
    if not (slash and index.isdigit() and count.isdigit()):
        raise UsageError(f"--shard {text!r}: expected K/N, for example 2/4")
    shard = Shard(int(index), int(count))
    if not 1 <= shard.index <= shard.count:
        raise UsageError(f"--shard {text!r}: K must be between 1 and N")
    return shard


def _shard_callback(_: click.Context, __: click.Parameter, value: str | None) -> Shard | None:
    if value is None:
        return None
    try:
        return parse_shard(value)
    except UsageError as exc:
        raise click.BadParameter(str(exc).split(": ", 1)[1]) from None


def shard_option(func: F) -> F:
    return click.option(
        "--shard",
        metavar="K/N",
        callback=_shard_callback,
        help="Only the files of shard K of N (1-based; split by a hash of each file's path). "
        "Rule statuses are judged when `merge` puts the N outputs together.",
    )(func)
