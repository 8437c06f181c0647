"""The commands the tool tells a user to run, spelled so that they work as written.

A hint is followed by copying it into a shell in the project's folder (the root), so every
path in it comes from the configuration (the rules folder, the baseline, the defaults-file), a
``--config FILE`` is carried along when the settings were not found by themselves, and a
suppression comment is written in the file's own language (``#`` or ``//``, from its front
end).  "write it with `defaults --write FILE`" once wrote TOML into ``pkg/settings.py``.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from hardcode_lint.config import Config, settings_file
from hardcode_lint.detect.suppress import IGNORE_COMMENT
from hardcode_lint.lang import frontend

PROGRAM = "hardcode-lint"


def shown_path(config: Config, path: str | Path) -> str:
    """``path`` as a command run at the root names it: root-relative where it can be."""
    path = Path(path)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(config.root).as_posix()
    except ValueError:
        return path.as_posix()


def command(config: Config, *words: str) -> str:
    """``hardcode-lint WORDS...``, quoted for a POSIX shell, with ``--config FILE`` when the
    settings came from a file the root's own lookup would not find."""
    found = settings_file(config.root)
    source = config.source
    if source is not None and (found is None or found.resolve() != source.resolve()):
        words = (*words, "--config", shown_path(config, source.resolve()))
    return " ".join([PROGRAM, *(shlex.quote(word) for word in words)])


def rules_destination(config: Config) -> str:
    """Where ``rules suggest --output`` writes for this project: its first rules location (a
    folder ends with ``/``, so that suggest fills it with one file per module)."""
    first = config.rules[0] if config.rules else "rules"
    return first if first.endswith(".toml") else first.rstrip("/") + "/"


def suggest_command(config: Config) -> str:
    return command(config, "rules", "suggest", "--output", rules_destination(config))


def baseline_command(config: Config, baseline: str | Path | None = None) -> str:
    """``hardcode-lint baseline``, with ``--output`` when the baseline is not the configured
    one (``check --baseline FILE``)."""
    if baseline is None or shown_path(config, baseline) == shown_path(config, config.baseline):
        return command(config, "baseline")
    return command(config, "baseline", "--output", shown_path(config, baseline))


def ignore_comment(language: str) -> str:
    """The comment that silences a finding on its line, in ``language``'s syntax."""
    return f"{frontend(language).comment} {IGNORE_COMMENT}"


def settings_command(config: Config, language: str | None, path: str) -> str:
    """The command that writes the defaults-file or settings module ``path``: a language's
    settings module for its source file, the merged TOML/JSON/YAML defaults otherwise."""
    shown = shown_path(config, path)
    if language is not None:
        return command(config, "defaults", "--format", language, "--output", shown)
    return command(config, "defaults", "--write", shown)
