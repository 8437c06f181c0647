"""The conformance cases as data: one folder per language under ``cases/``, read the same way
for every front end, so that a new language is tested by adding its folder and nothing else.

A folder holds source files (one small file per scenario), ``expected.txt`` (what ``scan``
finds, one row per finding) and ``conformance.toml`` (how a setting is read in the language,
for the fix round-trip, and the known failures of its front end).  A file whose stem is
``syntax_error`` is the broken one: it is scanned, never fixed.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import tomlkit

from hardcode_lint.lang import frontend, names
from tests.helpers import cli

CASES = Path(__file__).resolve().parent / "cases"
BROKEN = "syntax_error"


@dataclass(frozen=True)
class Row:
    """One row of ``expected.txt``: a finding, an ``errors`` entry or a migrated site."""

    path: str
    line: int
    column: int | None
    kind: str  # a finding's kind, or "error", or "migrated"
    code: str = ""
    value: str = ""  # a finding's value; a migrated site's key
    test: bool = False


@dataclass(frozen=True)
class Language:
    """One language's cases: its source files by relative path, its table and its settings."""

    name: str
    files: dict[str, bytes]
    rows: tuple[Row, ...]
    replace: str  # a settings read, ``{key}`` standing for the key
    imports: tuple[str, ...]
    import_line: re.Pattern[str]
    bom: bool
    xfail: dict[str, Any]  # test name -> why the front end fails it today (known_failure)

    def findings(self) -> set[Row]:
        return {row for row in self.rows if row.kind not in ("error", "migrated")}

    def of_kind(self, kind: str) -> set[Row]:
        return {row for row in self.rows if row.kind == kind}


def _row(text: str) -> Row:
    """``path:line[:column] kind [code value... [test]]`` (a Go value has spaces in it)."""
    place, kind, *rest = text.split()
    path, line, *column = place.split(":")
    if kind in ("error", "migrated"):
        return Row(path, int(line), None, kind, value=" ".join(rest))
    test = rest[-1] == "test"
    words = rest[1:-1] if test else rest[1:]
    return Row(path, int(line), int(column[0]), kind, rest[0], " ".join(words), test)


@cache
def language(name: str) -> Language:
    """The cases of language ``name``; a missing folder fails the test that asks for it."""
    folder = CASES / name
    settings = tomllib.loads((folder / "conformance.toml").read_text(encoding="utf-8"))
    lines = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    rows = tuple(_row(line) for line in lines if line.strip() and not line.startswith("#"))
    skip = {"expected.txt", "conformance.toml"}
    files = {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in skip
    }
    return Language(name, files, rows, settings["replace"], tuple(settings["imports"]),
                    re.compile(settings["import-line"]), settings.get("bom", False),
                    dict(settings.get("xfail", {})))  # fmt: skip


def known() -> tuple[str, ...]:
    """Every registered language: each must have a folder of cases."""
    return names()


def known_failure(entry: str | dict[str, str] | None) -> str | None:
    """The reason of an ``[xfail]`` entry: a string, or ``{ reason = "...", needs = "PROGRAM" }``
    for a failure that shows only where PROGRAM is installed (a formatter the fix runs)."""
    if isinstance(entry, dict):
        return entry["reason"] if shutil.which(entry.get("needs", "")) else None
    return entry


def extensions(name: str) -> tuple[str, ...]:
    return frontend(name).extensions


def broken(path: str) -> bool:
    return Path(path).name.split(".")[0] == BROKEN


# ---- running the tool on a project made of the cases ----------------------------------------


def write_project(root: Path, lang: Language, files: dict[str, bytes]) -> None:
    """The cases as a project of one language, with a rule for each already migrated site."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "hardcode-lint.toml").write_text(f'languages = ["{lang.name}"]\n')
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    (root / "rules").mkdir(exist_ok=True)
    rules = [
        {"id": f"migrated-{row.value}", "path": row.path, "key": row.value}
        for row in sorted(lang.of_kind("migrated"), key=lambda row: row.value)
    ]
    write_rules(root / "rules" / "migrated.toml", lang, rules)


def write_rules(path: Path, lang: Language, rules: list[dict[str, Any]]) -> None:
    """Each rule completed with its ``replace`` and ``imports`` from the language's settings."""
    document = tomlkit.document()
    table = tomlkit.aot()
    for rule in rules:
        entry = dict(rule, replace=lang.replace.replace("{key}", rule["key"]))
        table.append(tomlkit.item(dict(entry, imports=list(lang.imports))))
    document["rule"] = table
    path.write_text(tomlkit.dumps(document), encoding="utf-8")


def rules_for(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A rule per finding outside the broken file, by its path, scope, api, arg and number
    (findings alike in all of those are one rule with their ``count``)."""
    groups: dict[tuple[Any, ...], int] = {}
    for found in findings:
        if not broken(found["path"]):
            ident = tuple(found[name] for name in ("path", "scope", "api", "arg", "number"))
            groups[ident] = groups.get(ident, 0) + 1
    rules = []
    for index, (ident, count) in enumerate(sorted(groups.items(), key=repr)):
        rule = {"id": f"r{index}", "key": f"k{index}", "count": count}
        fields = zip(("path", "scope", "api", "arg", "value"), ident, strict=True)
        rules.append(rule | {name: value for name, value in fields if value is not None})
    return rules


def run_json(root: Path, *args: str) -> dict[str, Any]:
    """``args`` run in ``root`` (never a traceback), their JSON output."""
    code, out, err = cli(*args, "--config", str(root / "hardcode-lint.toml"), str(root))
    assert code == 0, (args, out, err)
    data: dict[str, Any] = json.loads(out)
    return data


def scan(root: Path) -> dict[str, Any]:
    return run_json(root, "scan", "--no-cache", "--jobs", "1", "--format", "json")


def report(root: Path) -> dict[str, Any]:
    return run_json(root, "report", "--no-cache", "--jobs", "1", "--format", "json")


def fix(root: Path) -> tuple[int, str]:
    code, out, err = cli("fix", "--write", "--no-cache", "--jobs", "1", "--config",
                         str(root / "hardcode-lint.toml"), str(root))  # fmt: skip
    return code, out + err


def snapshot(root: Path, lang: Language) -> dict[str, bytes]:
    """The case files' bytes as they stand in ``root``."""
    return {rel: (root / rel).read_bytes() for rel in lang.files}


def rows_of(result: dict[str, Any]) -> set[Row]:
    """The findings of a ``scan --format json`` as table rows."""
    return {
        Row(f["path"], f["line"], f["column"], f["kind"], f["code"], f["value"], f["test"])
        for f in result["findings"]
    }


def errors_of(result: dict[str, Any]) -> set[Row]:
    return {Row(e["path"], e["line"], None, "error") for e in result["errors"]}


def statuses(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Rule id -> its row (status, path, line, reason...) in a ``report --format json``."""
    return {row["id"]: row for module in result["modules"] for row in module["rules"]}
