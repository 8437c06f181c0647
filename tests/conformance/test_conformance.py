"""Every registered front end through the same cases (issue 22): detection as each language's
table says, a fix that round-trips, a second fix that changes nothing, line endings and byte
order marks kept, hostile bytes that never crash, an empty file that is no finding.

The assertions are the same for every language and go through the CLI and the public engine
only (the contract, not a front end's internals); the cases are data in ``cases/<language>/``.
A front end that fails a case today has the test's name and the reason under ``[xfail]`` in its
``conformance.toml`` (strict: the mark has to go when the front end is fixed).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, analyze_file
from tests.conformance import cases
from tests.conformance.cases import Language

BOM = b"\xef\xbb\xbf"
VARIANTS: dict[str, Callable[[bytes], bytes]] = {
    "lf": lambda data: data,
    "crlf": lambda data: data.replace(b"\n", b"\r\n"),
    "bom": lambda data: BOM + data,
}
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


def params(test: str, variants: tuple[str, ...] = ("",)) -> list[Any]:
    """One case per registered language (and variant), strictly xfailed where its data says."""
    found = []
    for name in cases.known():
        try:
            reasons = cases.language(name).xfail
        except FileNotFoundError:
            reasons = {}  # the test itself fails: every language needs its cases
        for variant in variants:
            reason = cases.known_failure(reasons.get(f"{test}[{variant}]" if variant else test))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            ident = f"{name}-{variant}" if variant else name
            found.append(pytest.param(name, *([variant] if variant else []), marks=marks, id=ident))
    return found


@dataclass
class Fixed:
    """A project of one language's cases (in one variant) before and after ``fix --write``."""

    root: Path
    lang: Language
    before: dict[str, bytes]
    found: dict[str, Any]  # scan before the fix
    rules: list[dict[str, Any]]
    code: int
    output: str
    after: dict[str, bytes]
    again: tuple[int, str, dict[str, bytes]]  # a second fix: exit code, output, files


_FIXED: dict[tuple[str, str], Fixed] = {}


def fixed(factory: pytest.TempPathFactory, name: str, variant: str) -> Fixed:
    """The fix round-trip of ``name``'s cases, run once per variant for all the tests."""
    if (name, variant) not in _FIXED:
        lang = cases.language(name)
        root = factory.mktemp(f"{name}-{variant}")
        files = {rel: VARIANTS[variant](data) for rel, data in lang.files.items()}
        cases.write_project(root, lang, files)
        found = cases.scan(root)
        rules = cases.rules_for(found["findings"])
        cases.write_rules(root / "rules" / "fix.toml", lang, rules)
        code, output = cases.fix(root)
        after = cases.snapshot(root, lang)
        again_code, again_output = cases.fix(root)
        again = (again_code, again_output, cases.snapshot(root, lang))
        _FIXED[name, variant] = Fixed(root, lang, files, found, rules, code, output, after, again)
    return _FIXED[name, variant]


def test_every_registered_language_has_cases_and_no_other_folder_is_there():
    folders = {path.name for path in cases.CASES.iterdir() if path.is_dir()}
    assert folders == set(cases.known())


# ---- detect -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", params("detect"))
def test_detect(tmp_path, name):
    """Each case's findings (kind, code, value, line, column, test code), its errors, and the
    site where a rule's replacement already stands: exactly the language's table."""
    lang = cases.language(name)
    cases.write_project(tmp_path, lang, lang.files)
    found = cases.scan(tmp_path)
    assert sorted(cases.rows_of(found), key=repr) == sorted(lang.findings(), key=repr)
    assert cases.errors_of(found) == lang.of_kind("error")
    rules = cases.statuses(cases.report(tmp_path))
    for row in lang.of_kind("migrated"):
        rule = rules[f"migrated-{row.value}"]
        assert (rule["status"], rule["path"], rule["line"]) == ("migrated", row.path, row.line)


def test_each_scenario_is_a_case_of_every_language():
    """The scenarios the suite promises are in every table: a finding of each kind, a test-code
    finding, an error or a finding in the broken file, a migrated site, a suppressed line."""
    for name in cases.known():
        lang = cases.language(name)
        kinds = {row.kind for row in lang.rows}
        assert {"duration", "clamp", "limit", "migrated"} <= kinds, name
        assert any(row.test for row in lang.rows), name
        assert any(cases.broken(row.path) for row in lang.rows), name
        stems = {Path(rel).name.split(".")[0] for rel in lang.files}
        assert {"zero", "suppressed", "unicode", cases.BROKEN} <= stems, name


# ---- fix round-trip and idempotence -----------------------------------------------------------


@pytest.mark.parametrize("name", params("fix_round_trip"))
def test_fix_round_trip(tmp_path_factory, name):
    """A rule per finding: the fixed files parse, hold no finding, read every setting (status
    migrated), and differ from the cases only on the findings' lines and in imports."""
    run = fixed(tmp_path_factory, name, "lf")
    assert run.rules, "no finding to fix"
    assert run.code == 0, run.output
    after = cases.scan(run.root)
    assert cases.errors_of(after) == cases.errors_of(run.found)
    left = {row for row in cases.rows_of(after) if not cases.broken(row.path)}
    assert left == set()
    rules = cases.statuses(cases.report(run.root))
    assert {rule["id"]: rule["status"] for rule in rules.values()} == {
        rule_id: "migrated" for rule_id in rules
    }, [rule for rule in rules.values() if rule["status"] != "migrated"]
    lines: dict[str, dict[int, int]] = {}
    for row in cases.rows_of(run.found):
        columns = lines.setdefault(row.path, {})
        columns[row.line] = min(columns.get(row.line, row.column or 1), row.column or 1)
    for rel, data in run.before.items():
        only_edits_changed(run.lang, rel, data, run.after[rel], lines.get(rel, {}))


def only_edits_changed(lang: Language, rel: str, old: bytes, new: bytes,
                       lines: dict[int, int]) -> None:  # fmt: skip
    """Every line the fix changed held a finding (and keeps what stood before the literal) or
    is an import (or a blank line beside one); every line it wrote reads a setting or imports."""
    if cases.broken(rel) or not lines:
        assert new == old, rel
        return
    template = re.escape(lang.replace).replace(re.escape("{key}"), r"\w+")
    a = old.decode("utf-8").splitlines(keepends=True)
    b = new.decode("utf-8").splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        written = b[j1:j2]
        for number in range(i1 + 1, i2 + 1):
            text = a[number - 1]
            if number in lines:
                prefix = text[: lines[number] - 1]
                assert any(line.startswith(prefix) for line in written), (rel, number, written)
            else:
                assert _import_or_blank(lang, text), (rel, number, text)
        for text in written:
            assert re.search(template, text) or _import_or_blank(lang, text), (rel, text)


def _import_or_blank(lang: Language, text: str) -> bool:
    line = text.rstrip("\r\n").lstrip("\ufeff")
    return not line.strip() or lang.import_line.match(line) is not None


@pytest.mark.parametrize("name", params("fix_is_idempotent"))
def test_fix_is_idempotent(tmp_path_factory, name):
    run = fixed(tmp_path_factory, name, "lf")
    code, output, files = run.again
    assert code == 0, output
    assert files == run.after


# ---- encoding and line endings ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "variant"), params("encoding_kept", ("crlf", "bom")))
def test_encoding_kept(tmp_path_factory, name, variant):
    """Saved with CRLF line endings or a UTF-8 byte order mark, the cases give the same findings
    at the same lines and columns (code points), and the fix gives the same files, CRLF and BOM
    kept: the LF fix with the variant's line endings and mark."""
    lang = cases.language(name)
    if variant == "bom" and not lang.bom:
        pytest.skip(f"{name} does not allow a byte order mark")
    run = fixed(tmp_path_factory, name, variant)
    assert cases.rows_of(run.found) == lang.findings()
    assert cases.errors_of(run.found) == lang.of_kind("error")
    assert run.code == 0, run.output
    plain = fixed(tmp_path_factory, name, "lf")
    for rel, data in plain.after.items():
        assert run.after[rel] == VARIANTS[variant](data), rel


# ---- hostile input and the empty file ---------------------------------------------------------


def analyze(root: Path, name: str, data: bytes) -> None:
    """``data`` as a file of language ``name`` through the engine: findings inside the file, or
    an error entry with a message; any exception fails the test."""
    extension = cases.extensions(name)[0]
    path = root / f"fuzzed{extension}"
    path.write_bytes(data)
    task = FileTask(path=path, rel=path.name, test=False, language=name)
    result = analyze_file(task, settings_for(Config(root=root, languages=(name,))))
    if result.error is not None:
        assert result.error.message.strip(), result.error
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(data), finding


def mutations(name: str) -> st.SearchStrategy[bytes]:
    """Random bytes, and the language's cases cut, spliced with random bytes or with parts
    of themselves."""
    sources = [data for data in cases.language(name).files.values() if data]
    case = st.sampled_from(sources)

    def cut(data: bytes, at: float, to: float, noise: bytes) -> bytes:
        i, j = sorted((int(at * len(data)), int(to * len(data))))
        return data[:i] + noise + data[j:]

    unit = st.floats(0, 1)
    return st.one_of(
        st.binary(max_size=400),
        st.builds(lambda data, at: data[: int(at * len(data))], case, unit),
        st.builds(cut, case, unit, unit, st.binary(max_size=12)),
        st.builds(lambda a, b, at: a[: int(at * len(a))] + b, case, case, unit),
    )


@pytest.mark.parametrize("name", params("hostile_input_never_crashes"))
def test_hostile_input_never_crashes(tmp_path, name):
    @FUZZ
    @given(data=mutations(name))
    def check(data: bytes) -> None:
        analyze(tmp_path, name, data)

    check()


@pytest.mark.parametrize("name", params("truncated_cases_scan"))
def test_truncated_cases_scan(tmp_path, name):
    """Every case cut at a few places, scanned in one CLI run: exit 0, JSON, no traceback."""
    lang = cases.language(name)
    files = {}
    for rel, data in lang.files.items():
        for part in (1, 2, 3):
            cut = data[: len(data) * part // 4]
            files[f"cut{part}/{rel}"] = cut
    cases.write_project(tmp_path, lang, files)
    found = cases.scan(tmp_path)
    assert {row.path for row in cases.rows_of(found)} <= set(files)


@pytest.mark.parametrize("name", params("empty_file"))
def test_empty_file(tmp_path, name):
    """An empty file of each of the language's extensions (and, where the language allows
    one, a file holding only a byte order mark): no finding, no error."""
    lang = cases.language(name)
    files = {f"empty{extension}": b"" for extension in cases.extensions(name)}
    if lang.bom:
        files |= {f"mark{extension}": BOM for extension in cases.extensions(name)}
    cases.write_project(tmp_path, lang, files)
    found = cases.scan(tmp_path)
    assert found["findings"] == [] and found["errors"] == []
