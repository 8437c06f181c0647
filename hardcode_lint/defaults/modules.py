"""Settings modules: the code that defines the object a rule's ``replace`` reads.

``defaults --format LANG`` asks the language's front end for the module (see
:meth:`~hardcode_lint.lang.base.Frontend.settings_module`); this module decides what goes in
it: which keys (those whose sites the module's target serves, or every key of the language
for ``--output FILE``), each key's default (the literal's exact value), its type and unit
comment (the rules' sites, else what the existing module says: a migrated rule has no literal
left to tell them), and the environment prefix (``--env-prefix``, else the existing module's,
else the target's).  The first line marks the file as generated settings: its literals are
never findings; it also records the prefix, so that regenerating keeps it.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hardcode_lint.config import Config
from hardcode_lint.defaults.targets import settings_targets
from hardcode_lint.defaults.values import Default
from hardcode_lint.detect.catalog import UNIT_NAMES
from hardcode_lint.errors import UsageError
from hardcode_lint.lang import frontend, language_of
from hardcode_lint.lang.base import GeneratedSettings, SettingsRequest, SettingValue
from hardcode_lint.parse.source import GENERATED_MARKER, is_generated

MARKER = GENERATED_MARKER
_PREFIX = re.compile(r"\(env prefix ([A-Za-z_][A-Za-z0-9_]*)\)")
PREFIX_SYNTAX = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
Existing = dict[str, tuple[str | None, str | None]]


@dataclass(frozen=True)
class Plan:
    """One module to write: where (root-relative, or absolute outside the project), what it
    holds, and the text it holds now (None: no such file yet)."""

    module: str
    path: Path
    request: SettingsRequest
    existing: str | None


#: What a key's part must look like to be a record's field in every language's settings.
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def existing_prefix(text: str | None) -> str | None:
    """The environment prefix a generated module's first line records."""
    if not text or not is_generated(text):
        return None
    found = _PREFIX.search(text.split("\n", 1)[0])
    return found.group(1) if found else None


def read_text(path: Path) -> str | None:
    """The file's text with its line endings as they are, None when there is no file."""
    if not path.exists():
        return None
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read: {exc}") from None


def _site_paths(defaults: Iterable[Default]) -> dict[str, list[str]]:
    """Each key's source files, one entry per site."""
    return {d.key: [s.path for s in d.sites if s.path] for d in defaults}


def _of_language(config: Config, defaults: list[Default], language: str) -> list[Default]:
    """The keys whose sites are files of ``language`` (a key with none: its rule's language)."""
    paths = _site_paths(defaults)
    chosen = []
    for default in defaults:
        languages = {language_of(p, config.languages) for p in paths[default.key]}
        if language in languages or (not languages and default.rule.language in (language, None)):
            chosen.append(default)
    return chosen


def setting_values(defaults: Iterable[Default], existing: Existing) -> tuple[SettingValue, ...]:
    """The module's keys: each default with its type and unit comment (the sites', else the
    existing module's)."""
    values = []
    for default in defaults:
        if default.value is None:
            continue
        kind, comment = existing.get(default.key, (None, None))
        unit = UNIT_NAMES[default.unit] if default.unit else None
        values.append(SettingValue(default.key, default.value, default.value_type or kind,
                                   unit or comment))  # fmt: skip
    return tuple(values)


def _relative(config: Config, path: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(config.root.resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


def _plan(config: Config, language: str, module: str, defaults: list[Default],
          prefix: str | None, default_prefix: str) -> Plan:  # fmt: skip
    path = Path(module) if Path(module).is_absolute() else config.root / module
    existing = read_text(path)
    keys = frontend(language).settings_keys(existing) if existing else {}
    chosen = prefix or existing_prefix(existing) or default_prefix
    request = SettingsRequest(module, setting_values(defaults, keys), chosen)
    return Plan(module, path, request, existing)


def plan_output(config: Config, language: str, defaults: list[Default], output: Path,
                prefix: str | None) -> Plan:  # fmt: skip
    """``--output FILE``: every key of ``language`` in one module."""
    module = _relative(config, output)
    found = frontend(language).settings_targets(config.root, [module], [module]).get(module)
    fallback = re.sub(r"[^A-Za-z0-9]+", "_", output.stem).strip("_").upper() or "SETTINGS"
    default_prefix = found.env_prefix if found else fallback
    return _plan(config, language, module, _of_language(config, defaults, language), prefix,
                 default_prefix)  # fmt: skip


def plan_targets(config: Config, language: str, defaults: list[Default],
                 prefix: str | None) -> list[Plan]:  # fmt: skip
    """No ``--output``: one module per settings target of the keys' sites, each holding the
    keys whose sites it serves (a key with no site left: every module)."""
    chosen = _of_language(config, defaults, language)
    paths = _site_paths(chosen)
    served = settings_targets(config, [p for d in chosen for p in paths[d.key]])
    targets = {t.module: t for t in served.values() if t.language == language}
    plans = []
    for module, target in sorted(targets.items()):
        keys = [d for d in chosen if not paths[d.key] or any(
            p in served and served[p].module == module for p in paths[d.key])]  # fmt: skip
        plans.append(_plan(config, language, module, keys, prefix, target.env_prefix))
    return plans


def generate(config: Config, language: str, plan: Plan) -> GeneratedSettings:
    """The front end's module for ``plan``, laid out by the project's formatter when it has
    one (a generated file must pass the project's `ruff format --check` / `cargo fmt --check`
    like any other); a key that cannot be a name is a usage error."""
    front = frontend(language)
    reserved = front.reserved_names()
    wrong = [f"key {value.key!r}: {part!r} cannot be a name in {language} settings"
             for value in plan.request.values for part in value.key.split(".")
             if not _IDENTIFIER.fullmatch(part) or part in reserved]  # fmt: skip
    if wrong:
        raise UsageError(f"{plan.module}: " + "; ".join(wrong))
    generated = front.settings_module(config.root, plan.request)
    if generated.problems:
        raise UsageError(f"{plan.module}: " + "; ".join(generated.problems))
    command = front.formatter(config.root, plan.module)
    data = generated.text.encode("utf-8")
    formatted = command.run(data) if command is not None else None
    if formatted is not None and formatted != data and front.same_code(data, formatted):
        return dataclasses.replace(generated, text=formatted.decode("utf-8"))
    return generated


def expected_module(config: Config, path: Path, defaults: list[Default]) -> str | None:
    """What ``defaults --format LANG --output PATH`` would write at ``path`` now (the gate
    compares it with the file); None when ``path`` is no settings module of a language that
    generates them."""
    language = language_of(path.name, config.languages)
    if language is None or not hasattr(frontend(language), "settings_module"):
        return None
    module = _relative(config, path)
    targets = [p for p in plan_targets(config, language, defaults, None) if p.module == module]
    plan = targets[0] if targets else plan_output(config, language, defaults, path, None)
    return generate(config, language, plan).text


def without_comments(code: str) -> str:
    """A generated module's code with comments and layout dropped: what its values are.

    (A migrated rule's unit is no longer known from its literal, so a unit comment may be
    missing from a module regenerated later; and a formatter wraps a line differently when its
    comment comes or goes, ``x: float = (\n    5.0\n)``.  The values are what must not change.)
    """
    lines = [re.sub(r"\s*(#|//).*$", "", line) for line in code.splitlines()]
    return re.sub(r"[\s(),]", "", "".join(lines))
