"""The one place rich consoles are made, so that one colour policy governs all of them.

The policy is the command line's ``--color`` (ruff's, cargo's): ``always`` and ``never`` win over
everything; ``auto`` colours a terminal only, and the environment can say otherwise: a non-empty
``NO_COLOR`` turns colour off (no-color.org), a non-empty ``FORCE_COLOR`` on (force-color.org),
``NO_COLOR`` winning when both are set (and rich's own reading of the terminal decides how
many colours, none on a ``TERM=dumb`` one).  The mode lives in a context variable because the
renderers that make consoles (scan's and report's text) take only a stream.  rich is imported
only when a console is made: the CLI sets the mode before it knows whether one will be.
"""

from __future__ import annotations

import os
from contextvars import ContextVar, Token
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

COLOR_MODES = ("auto", "always", "never")
_PLAIN_WIDTH = 200  # lines written to a pipe or file are not wrapped at 80 columns
_DUMB_TERMS = ("dumb", "unknown")
_mode: ContextVar[str] = ContextVar("hardcode_lint_color", default="auto")


def set_color_mode(mode: str) -> Token[str]:
    """Make consoles created from now on follow ``mode`` (one of :data:`COLOR_MODES`)."""
    if mode not in COLOR_MODES:
        raise ValueError(f"colour mode {mode!r} is not one of {', '.join(COLOR_MODES)}")
    return _mode.set(mode)


def reset_color_mode(token: Token[str]) -> None:
    _mode.reset(token)


def is_tty(stream: TextIO) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def colour_wanted(stream: TextIO, mode: str | None = None) -> bool:
    """Whether output to ``stream`` gets ANSI colour under ``mode`` (default: the current one)."""
    mode = mode or _mode.get()
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return is_tty(stream)


def _width(tty: bool) -> int | None:
    """A terminal's own width; off one, ``COLUMNS`` when set (``COLUMNS=120 cmd | less``, as
    rich and ruff read it), else 200 so that piped lines are not wrapped at 80 columns."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return None if tty else _PLAIN_WIDTH


def make_console(stream: TextIO) -> Console:
    """A console on ``stream``: coloured or not by :func:`colour_wanted`, never highlighting
    what it prints on its own (numbers in a user's snippet stay the snippet's), and as wide as
    :func:`_width` says."""
    from rich.console import Console

    tty = is_tty(stream)
    colour = colour_wanted(stream)
    # rich finds no colours on a dumb terminal: right for auto, not when colour was demanded
    dumb = os.environ.get("TERM", "").lower() in _DUMB_TERMS and _mode.get() == "always"
    return Console(
        file=stream,
        highlight=False,
        no_color=not colour,
        # told, not guessed: rich would read FORCE_COLOR / TTY_COMPATIBLE itself otherwise
        force_terminal=True if colour else (None if tty else False),
        color_system=("standard" if dumb else "auto") if colour else None,
        width=_width(tty),
    )
