"""Dangling settings reads: code that reads a key the generated settings module does not define.

A rule deleted or renamed, the settings regenerated, and code still reading ``settings.a.b``:
every other check passes while the program fails at run time (Python) or does not build
(Rust).  The generated module is the one ``settings-module`` (or the language's default) names,
or a file with the generated marker; each front end reads its keys and the reads of them, and
only files that mention the module's name are parsed.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path, PurePosixPath

from hardcode_lint.api import Analysis
from hardcode_lint.config import Config
from hardcode_lint.gate.failure import Failure, FailureKind
from hardcode_lint.lang import frontend, language_of
from hardcode_lint.lang.base import Frontend, SettingsTarget
from hardcode_lint.parse.source import SourceError, file_is_generated


def defines(keys: Collection[str], read: str) -> bool:
    """Whether ``read`` (``a.b`` or ``a.b.as_secs``) reads a key or a section of ``keys``."""
    parts = read.split(".")
    if any(".".join(parts[:n]) in keys for n in range(1, len(parts) + 1)):
        return True
    return any(key.startswith(read + ".") for key in keys)


def _targets(analysis: Analysis, language: str, paths: list[str]) -> dict[str, SettingsTarget]:
    """Each file's target: the configured modules, else the generated ones the scan saw, else
    the language's default place."""
    from hardcode_lint.defaults.targets import configured_for

    config, front = analysis.config, frontend(language)
    configured = configured_for(config, language)
    if not configured:
        scanned = [p for p in analysis.scan.scanned if language_of(p) == language]
        configured = tuple(p for p in scanned if file_is_generated(config.root / p))
    return front.settings_targets(config.root, paths, configured)


class _Modules:
    """The keys of each generated module, read once."""

    def __init__(self, root: Path, front: Frontend) -> None:
        self.root, self.front = root, front
        self.keys: dict[str, set[str] | None] = {}

    def of(self, module: str) -> set[str] | None:
        """The module's keys; None when there is nothing to judge by (not generated, empty);
        an empty set when it does not exist at all (every read of it dangles)."""
        if module not in self.keys:
            path = self.root / module
            found = None
            if not path.exists():
                self.keys[module] = set()
                return self.keys[module]
            if path.is_file() and file_is_generated(path):
                found = set(self.front.settings_keys(path.read_text("utf-8", errors="replace")))
            self.keys[module] = found or None  # unreadable or empty: nothing to judge by
        return self.keys[module]


def _reads(front: Frontend, root: Path, path: str, target: SettingsTarget) -> list[tuple[str, int]]:
    file = root / path
    try:
        data = file.read_bytes()
        if PurePosixPath(target.module).stem.encode() not in data:
            return []
        source = front.decode(data, file.name, path)
    except (OSError, SourceError):
        return []  # the scan lists it among the files not checked
    return [
        (key, source.position(offset)[0]) for key, offset in front.settings_reads(source, target)
    ]


def _by_language(paths: Iterable[str], languages: tuple[str, ...]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in paths:
        language = language_of(path, languages)
        if language is not None:
            found.setdefault(language, []).append(path)
    return found


def dangling_failures(analysis: Analysis, files: Collection[str] | None = None) -> list[Failure]:
    """Every read of a settings key its generated module does not define (in ``files`` only,
    when given)."""
    config = analysis.config
    failures = []
    judged = [p for p in analysis.scan.scanned if files is None or p in files]
    for language, paths in _by_language(judged, config.languages).items():
        front = frontend(language)
        modules = _Modules(config.root, front)
        for path, target in sorted(_targets(analysis, language, paths).items()):
            keys = modules.of(target.module)
            if keys is None or path == target.module:
                continue
            for read, line in _reads(front, config.root, path, target):
                if not defines(keys, read):
                    failures.append(_failure(path, line, read, target, not keys, config))
    return failures


def _failure(path: str, line: int, read: str, target: SettingsTarget, missing: bool,
             config: Config) -> Failure:  # fmt: skip
    from hardcode_lint.hints import settings_command

    command = settings_command(config, target.language, target.module)
    if missing:
        return Failure(FailureKind.DANGLING, path, line,
                       f"reads settings key `{read}`, but the settings module {target.module} "
                       "does not exist", f"write it: `{command}`", code="HCL903")  # fmt: skip
    return Failure(FailureKind.DANGLING, path, line,
                   f"reads settings key `{read}`, which {target.module} does not define (its "
                   "rule was deleted or renamed and the settings regenerated)",
                   f"put back a rule with key `{read}` and regenerate the settings (`{command}`), "
                   "or read a key that exists", code="HCL903")  # fmt: skip
