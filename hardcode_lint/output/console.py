"""A rich console that behaves: no colour for NO_COLOR, pipes and files; wide enough to read."""

from __future__ import annotations

import os
from typing import TextIO

from rich.console import Console

_PLAIN_WIDTH = 200  # lines written to a pipe or file are not wrapped at 80 columns


def is_tty(stream: TextIO) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def make_console(stream: TextIO) -> Console:
    tty = is_tty(stream)
    plain = "NO_COLOR" in os.environ or not tty
    return Console(
        file=stream,
        highlight=False,
        no_color=plain,
        color_system=None if plain else "auto",
        width=None if tty else _PLAIN_WIDTH,
    )
