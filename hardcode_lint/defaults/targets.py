"""Which generated settings module serves each file: the engine's side of
:meth:`~hardcode_lint.lang.base.Frontend.settings_targets`.

``rules suggest`` writes each site's rule with its target's ``template`` and ``imports``,
``defaults --format LANG`` writes the target's ``module`` when no ``--output`` is given, and
``check`` reads the keys a module defines from there: the three agree because they ask here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from hardcode_lint.config import Config
from hardcode_lint.lang import frontend, language_of
from hardcode_lint.lang.base import SettingsTarget


def configured_for(config: Config, language: str) -> tuple[str, ...]:
    """The ``settings-module`` entries whose suffix is ``language``'s."""
    extensions = frontend(language).extensions
    return tuple(e for e in config.settings_module if PurePosixPath(e).suffix in extensions)


def settings_targets(config: Config, sites: Iterable[str]) -> dict[str, SettingsTarget]:
    """Each root-relative file of ``sites`` (one entry per finding) with the target serving it;
    a file of a language that has none (a Rust file outside any crate) is left out."""
    by_language: dict[str, list[str]] = {}
    for path in sites:
        language = language_of(path, config.languages)
        if language is not None:
            by_language.setdefault(language, []).append(path)
    found: dict[str, SettingsTarget] = {}
    for language, paths in by_language.items():
        configured = configured_for(config, language)
        found.update(frontend(language).settings_targets(config.root, paths, configured))
    return found


def targets_of(config: Config, sites: Iterable[str]) -> list[SettingsTarget]:
    """The distinct targets serving ``sites``, in module order."""
    unique = {t.module: t for t in settings_targets(config, sites).values()}
    return [unique[module] for module in sorted(unique)]
