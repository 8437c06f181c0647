"""Errors the user can fix; the CLI turns each into a one-line message and exit code 2."""

from __future__ import annotations


class UsageError(Exception):
    """Bad input from the user: a missing path, a malformed config, an unknown key.

    The message names the file (and line, when known) and says what is wrong; it never needs a
    traceback to be understood.
    """


class ConfigError(UsageError):
    """The configuration (pyproject.toml or --config) is invalid."""
