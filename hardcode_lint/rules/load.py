"""Loading rule files into :class:`Rule` and :class:`RuleModule`, with every problem located.

All problems of all files are collected (not just the first), so ``rules validate`` can list
them in one run, as ``FILE:LINE: message``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hardcode_lint.discover.files import relative
from hardcode_lint.model import Kind, Rule, RuleModule
from hardcode_lint.rules import checks
from hardcode_lint.rules.locate import Locations, locate
from hardcode_lint.textsafe import visible

OUT_OF_SCOPE = "module out of scope"  # the reason a module's findings are kept

Check = Callable[[Any], str | None]

MODULE_FIELDS: Mapping[str, Check] = {
    "name": checks.check_string,
    "priority": checks.check_string,
    "paths": checks.check_globs,
    "description": checks.check_string,
    "replace": checks.check_expression,
    "imports": checks.check_imports,
    "language": checks.check_language,
    "scope": checks.check_scope,
}
RULE_FIELDS: Mapping[str, Check] = {
    "id": checks.check_id,
    "path": checks.check_glob,
    "scope": checks.check_string,
    "api": checks.check_string,
    "arg": checks.check_arg,
    "value": checks.check_value,
    "kind": checks.check_kind,
    "unit": checks.check_unit,
    "count": checks.check_count,
    "key": checks.check_key,
    "replace": checks.check_expression,
    "imports": checks.check_imports,
    "language": checks.check_language,
    "description": checks.check_string,
    "old": checks.check_string,
    "keep": checks.check_bool,
    "reason": checks.check_reason,
}
REQUIRED = ("id", "key")
#: ``[[keep]]``: the sites a team keeps as literals, matched like a rule's, with no id or key.
KEEP_FIELDS: Mapping[str, Check] = {
    name: RULE_FIELDS[name]
    for name in ("path", "scope", "api", "arg", "value", "kind", "unit", "language", "reason",
                 "description")
}  # fmt: skip


def infer_language(path: str | None, imports: tuple[str, ...]) -> str | None:
    """A rule's language from its ``path`` glob's suffix (``*.rs``), else from the language
    its ``imports`` are written in; None when neither tells (the rule then fits any)."""
    from hardcode_lint.lang import frontend, names

    if path:
        for name in names():
            if path.endswith(frontend(name).extensions):
                return name
    if imports:
        for name in names():
            if all(frontend(name).check_import(s) is None for s in imports):
                return name
    return None


def language_problems(
    language: str | None, replace: str, imports: tuple[str, ...]
) -> list[tuple[str, str]]:
    """(field, message) for what is wrong with ``replace`` and ``imports`` in the rule's
    language (any language will do for a rule of none)."""
    from hardcode_lint.lang import frontend, names

    judges = [frontend(language)] if language else [frontend(n) for n in names()]
    found = []
    verdicts = [judge.check_replacement(replace) for judge in judges]
    if None not in verdicts:
        found.append(("replace", verdicts[0] or ""))
    for statement in imports:
        verdicts = [judge.check_import(statement) for judge in judges]
        if None not in verdicts:
            found.append(("imports", verdicts[0] or ""))
    return found


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        """One line, whatever the rule file holds (a key may contain a newline)."""
        return visible(f"{self.file}:{self.line}: {self.message}")


@dataclass
class RuleSet:
    modules: list[RuleModule] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    ids: list[tuple[str, str, int]] = field(
        default_factory=list
    )  # every id written: (id, file, line)
    keeps: list[Rule] = field(default_factory=list)  # `keep = true` rules, [[keep]] entries


def rule_files(root: Path, locations: tuple[str, ...], explicit: bool) -> list[Path]:
    """The ``*.toml`` files under the configured rule folders/files, sorted.

    A rules folder may be missing, configured or not: a project that configured
    ``rules = ["rules"]`` before its first ``rules suggest --output rules/`` has no rules yet.
    A configured rule *file* (``*.toml``) that is missing is an error: that is a typo.
    """
    from hardcode_lint.errors import ConfigError

    files: list[Path] = []
    for location in locations:
        path = root / location
        if path.is_dir():
            files.extend(sorted(path.rglob("*.toml")))
        elif path.is_file():
            files.append(path)
        elif explicit and location.endswith(".toml"):
            raise ConfigError(f"rules: {location!r} does not exist under {root}")
    return files


def _position_or_keyword(arg: Any) -> str | int | None:
    """``arg = "1"`` means position 1: no keyword name starts with a digit."""
    return int(arg) if isinstance(arg, str) and arg.isdigit() else arg


def _syntax_line(exc: tomllib.TOMLDecodeError) -> int:
    match = re.search(r"line (\d+)", str(exc))
    return int(match.group(1)) if match else 1


class _FileLoader:
    """Loads one rule file into ``into``, reporting problems against its lines."""

    def __init__(self, into: RuleSet, file: str, where: Locations) -> None:
        self.into, self.file, self.where = into, file, where
        self.defaults: dict[str, Any] = {}  # the [module] table's replace/imports/language

    def problem(self, line: int, message: str) -> None:
        self.into.problems.append(Problem(self.file, line, message))

    def fields(
        self, table: dict[str, Any], name: str, index: int, allowed: Mapping[str, Check]
    ) -> bool:
        clean = True
        for key, value in table.items():
            line = self.where.key(name, index, key)
            check = allowed.get(key)
            if check is None:
                self.problem(
                    line, f"unknown field `{key}` in [{name}] (known: {', '.join(allowed)})"
                )
                clean = False
            elif (message := check(value)) is not None:
                self.problem(line, f"`{key}` {message}")
                clean = False
        return clean

    def module(self, data: dict[str, Any], stem: str) -> RuleModule:
        table = data.get("module", {})
        if not isinstance(table, dict):
            self.problem(self.where.key("", 0, "module"), "`module` must be a table")
            table = {}
        ok = self.fields(table, "module", 0, MODULE_FIELDS)
        get = table.get if ok else {}.get
        self.defaults = {k: get(k) for k in ("replace", "imports", "language") if get(k)}
        return RuleModule(
            name=get("name", stem),
            file=self.file,
            priority=get("priority", ""),
            paths=tuple(get("paths", ())),
            scope=get("scope", "in"),
        )

    def rule(self, table: Any, index: int, module: RuleModule) -> Rule | None:
        line = self.where.table("rule", index)
        if not isinstance(table, dict):
            self.problem(line, "each [[rule]] must be a table")
            return None
        if isinstance(table.get("id"), str):  # counted even if the rule has other problems
            self.into.ids.append((table["id"], self.file, line))
        keep = table.get("keep") is True
        missing = [name for name in (("id",) if keep else REQUIRED) if name not in table]
        for name in missing:
            self.problem(line, f"[[rule]] is missing `{name}`")
        if not self._keep_fields(table, index, keep):
            missing.append("reason")
        if not self.fields(table, "rule", index, RULE_FIELDS) or missing:
            return None
        if keep:
            return self._matcher(table, line, module, table["id"], table["reason"].strip())
        count = table.get("count", 1)
        replace, imports = self._replacement(table)
        language = table.get("language") or self.defaults.get("language")
        language = language or infer_language(table.get("path"), imports)
        problems = language_problems(language, replace, imports)
        seconds, wrong = checks.duration_value(table.get("value"), language)
        problems += [("value", wrong)] if wrong else []
        for key, message in problems:
            self.problem(self.where.key("rule", index, key), f"`{key}` {message}")
        if problems:
            return None
        return Rule(
            id=table["id"],
            module=module.name,
            file=self.file,
            line=line,
            key=table["key"],
            replace=replace,
            path=table.get("path"),
            scope=table.get("scope"),
            api=table.get("api"),
            arg=_position_or_keyword(table.get("arg")),
            **_value_fields(table.get("value"), seconds),
            kind=Kind(table["kind"]) if "kind" in table else None,
            unit=table.get("unit"),
            count=None if count == "*" else count,
            imports=imports,
            language=language,
            old=table.get("old"),
        )

    def _keep_fields(self, table: dict[str, Any], index: int, keep: bool) -> bool:
        """A kept rule says why (``reason``); a rule to migrate has no ``reason`` to give."""
        if keep and "reason" not in table:
            self.problem(self.where.key("rule", index, "keep"), "keep needs a reason "
                         '(`reason = "..."`: why the literal stays)')  # fmt: skip
            return False
        if not keep and "reason" in table:
            message = "`reason` is for a kept rule: add `keep = true`, or remove it"
            self.problem(self.where.key("rule", index, "reason"), message)
            return False
        return True

    def keep_entry(self, table: Any, index: int, module: RuleModule) -> Rule | None:
        """A ``[[keep]]`` entry: a ``path`` and the rule fields that narrow it, and why."""
        line = self.where.table("keep", index)
        if not isinstance(table, dict):
            self.problem(line, "each [[keep]] must be a table")
            return None
        missing = [name for name in ("path", "reason") if name not in table]
        for name in missing:
            self.problem(line, f"[[keep]] is missing `{name}`")
        if not self.fields(table, "keep", index, KEEP_FIELDS) or missing:
            return None
        return self._matcher(table, line, module, "", table["reason"].strip())

    def _matcher(
        self, table: dict[str, Any], line: int, module: RuleModule, rule_id: str, reason: str
    ) -> Rule:
        """A kept rule or ``[[keep]]`` entry: matched like a rule, with no key to migrate to."""
        language = table.get("language") or infer_language(table.get("path"), ())
        seconds, wrong = checks.duration_value(table.get("value"), language)
        if wrong:
            self.problem(line, f"`value` {wrong}")
        return Rule(
            id=rule_id, module=module.name, file=self.file, line=line, key="", replace="",
            path=table.get("path"), scope=table.get("scope"), api=table.get("api"),
            arg=_position_or_keyword(table.get("arg")),
            **_value_fields(table.get("value"), seconds),
            kind=Kind(table["kind"]) if "kind" in table else None, unit=table.get("unit"),
            count=None, language=language, keep=reason,
        )  # fmt: skip

    def _replacement(self, table: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
        """The rule's ``replace`` and ``imports``: its own, else the module's (``{key}`` in the
        module's ``replace`` template stands for the rule's key), else the key itself."""
        template = self.defaults.get("replace")
        replace = table.get("replace") or (
            template.replace("{key}", table["key"]) if template else table["key"]
        )
        imports = table.get("imports", self.defaults.get("imports", ()))
        return str(replace).strip(), tuple(s.strip() for s in imports)


def _load_file(into: RuleSet, path: Path, file: str, text: str | None = None) -> None:
    try:
        text = path.read_text("utf-8") if text is None else text
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        into.problems.append(Problem(file, _syntax_line(exc), f"invalid TOML: {exc}"))
        return
    except (OSError, UnicodeDecodeError) as exc:
        into.problems.append(Problem(file, 1, f"cannot read the rule file: {exc}"))
        return
    loader = _FileLoader(into, file, locate(text))
    for key in data:
        if key not in ("module", "rule", "keep"):
            loader.problem(
                loader.where.key("", 0, key),
                f"unknown table `{key}` (expected [module], [[rule]] and [[keep]])",
            )
    module = loader.module(data, path.stem)
    into.modules.append(module)
    rules = data.get("rule", [])
    if not isinstance(rules, list):
        loader.problem(
            loader.where.key("", 0, "rule"), "`rule` must be an array of tables: [[rule]]"
        )
        rules = []
    for index, table in enumerate(rules):
        rule = loader.rule(table, index, module)
        if rule is not None:
            (into.keeps if rule.keep else into.rules).append(rule)
    keeps = data.get("keep", [])
    if not isinstance(keeps, list):
        loader.problem(loader.where.key("", 0, "keep"),
                       "`keep` must be an array of tables: [[keep]]")  # fmt: skip
        keeps = []
    for index, table in enumerate(keeps):
        if (entry := loader.keep_entry(table, index, module)) is not None:
            into.keeps.append(entry)


def _duplicates(into: RuleSet) -> None:
    """Every id written twice is a problem, whether or not either rule has others."""
    first: dict[str, tuple[str, int]] = {}
    for rule_id, file, line in into.ids:
        where = first.setdefault(rule_id, (file, line))
        if where != (file, line):
            message = f"duplicate rule id {rule_id!r} (first defined at {where[0]}:{where[1]})"
            into.problems.append(Problem(file, line, message))
    kept: dict[str, Rule] = {}
    for rule in into.rules:
        if first.get(rule.id) == (rule.file, rule.line):
            kept.setdefault(rule.id, rule)
    into.rules = list(kept.values())


def clash_problems(rules: RuleSet) -> list[Problem]:
    """Rules that give one key different ``value``s, each at the second rule's line."""
    from hardcode_lint.rules.clashes import value_clashes

    return [
        Problem(clash.second.path, clash.second.line,
                f"key `{clash.key}` is given {clash.second.text}, but {clash.first.path}:"
                f"{clash.first.line} gives it {clash.first.text}: a key is one value (use "
                "another key for one of them)")
        for clash in value_clashes(rules.rules)
    ]  # fmt: skip


def load_rules(
    root: Path,
    locations: tuple[str, ...],
    explicit: bool = False,
    texts: Mapping[Path, str] | None = None,
) -> RuleSet:
    """Every rule file under ``locations`` (relative to ``root``), loaded and validated;
    ``texts`` are contents that replace the disk's (an editor's unsaved rule-file buffers)."""
    result = RuleSet()
    for path in rule_files(root, locations, explicit):
        file = relative(path, root)
        result.files.append(file)
        _load_file(result, path, file, (texts or {}).get(path))
    _duplicates(result)
    result.problems.sort(key=lambda p: (p.file, p.line))
    return result


def _value_fields(value: Any, seconds: float | None) -> dict[str, Any]:
    """A rule's ``value`` as :class:`Rule` holds it: a number, or a duration's seconds and
    its text (Go's ``value = "1m30s"``)."""
    if isinstance(value, str):
        return {"seconds": seconds, "spelled": value}
    return {"value": value}
