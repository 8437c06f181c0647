"""Fuzzing: generated programs, rule files and output text through the real pipeline.

Three targets, none of which may ever end in a traceback:

* programs (hypothesmith's syntactically valid Python, with durations and clamps mixed in):
  scan, rule matching and fix; every fix output parses, its AST equals the input's except at
  the replaced literals and the added import, and a second fix changes nothing; and the
  tree-sitter pre-pass, the ast one and no pre-filter find the same;
* rule files (random TOML: wrong types, huge values, odd globs, control characters):
  ``rules validate`` says ``FILE:LINE: message`` and exits 2, or exits 0;
* output text (random snippets and file names): every ``--format`` of scan and report is valid
  JSON / SARIF / HTML and holds no raw control character, and suggested rule files parse.

Example counts are small by default (CI); ``HARDCODE_LINT_FUZZ=2000`` runs that many each.
"""

from __future__ import annotations

import ast
import html.parser
import json
import os
import re
import tempfile
import tomllib
import warnings
from pathlib import Path

import hypothesmith
import tomlkit
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hardcode_lint.api import analyze
from hardcode_lint.cli.main import cli
from hardcode_lint.config import Config
from hardcode_lint.fix.plan import Edit
from hardcode_lint.fix.run import fix_file
from tests.test_fix_properties import RULES, statement

BUDGET = int(os.environ.get("HARDCODE_LINT_FUZZ", "0"))
FUZZ = settings(max_examples=BUDGET or 25, deadline=None,
                suppress_health_check=list(HealthCheck))  # fmt: skip
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, result.exception)  # fmt: skip
    return result.exit_code, result.stdout + result.stderr


def compiles(source: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "m.py", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


class _Neutral(ast.NodeTransformer):
    """An AST with the rule's replacements and the fix's import taken out, for comparing."""

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        if ast.unparse(node) in ("cfg.delay", "cfg.floor"):
            return ast.Constant("<site>")
        return self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.AST | None:
        return None if node.module == "app" and [a.name for a in node.names] == ["cfg"] else node


def neutral(source: str, sites: list[tuple[int, int]] = ()) -> str:  # type: ignore[assignment]
    """``source``'s AST dump with the byte ranges ``sites`` (literals) replaced by a marker."""
    data = source.encode()
    for start, end in sorted(sites, reverse=True):
        data = data[:start] + b"cfg.delay" + data[end:]
    return ast.dump(_Neutral().visit(ast.parse(data.decode())))


@FUZZ
@given(hypothesmith.from_grammar(), st.lists(statement(), min_size=1, max_size=4))
def test_generated_programs_scan_and_fix_safely(generated: str, extra: list[str]) -> None:
    source = "import time\n" + generated.rstrip("\n\\ \t") + "\n" + "\n".join(extra) + "\n"
    assume(compiles(source) and "cfg" not in generated and "app" not in generated)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "rules").mkdir()
        (root / "rules" / "r.toml").write_text(RULES)
        (root / "m.py").write_text(source)
        analysis = analyze([root / "m.py"], Config(root=root), jobs=1, use_cache=False)
        assert not [e for e in analysis.scan.errors if "internal" in e.message], analysis.scan
        edits = [Edit(f, o.rule) for o in analysis.matching.outcomes for f in o.findings]
        result = fix_file("m.py", source.encode(), edits)
        after = (result.after or source.encode()).decode()
        assert compiles(after)
        if result.applied:
            sites = [(e.finding.start, e.finding.end) for e in result.applied]
            assert neutral(after) == neutral(source, sites)
        (root / "m.py").write_text(after)
        again = analyze([root / "m.py"], Config(root=root), jobs=1, use_cache=False)
        pending = [f for f in again.matching.findings if f.rule]
        assert not pending or result.refused, pending


@FUZZ
@given(hypothesmith.from_grammar(), st.lists(statement(), min_size=1, max_size=4))
def test_generated_programs_find_the_same_with_either_pre_pass_or_none(
    generated: str, extra: list[str]
) -> None:
    """The tree-sitter pre-pass, the ast one and no pre-filter agree, finding for finding."""
    source = "import time\n" + generated.rstrip("\n\\ \t") + "\n" + "\n".join(extra) + "\n"
    assume(compiles(source))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "m.py").write_text(source)

        def findings(*, prefilter: bool, fast: bool) -> object:
            previous = os.environ.pop("HARDCODE_LINT_FASTPASS", None)
            if not fast:
                os.environ["HARDCODE_LINT_FASTPASS"] = "0"
            try:
                scan = analyze([root / "m.py"], Config(root=root), jobs=1, use_cache=False,
                               prefilter=prefilter).scan  # fmt: skip
            finally:
                os.environ.pop("HARDCODE_LINT_FASTPASS", None)
                if previous is not None:
                    os.environ["HARDCODE_LINT_FASTPASS"] = previous
            return scan.findings, [e.message for e in scan.errors]

        fast = findings(prefilter=True, fast=True)
        assert fast == findings(prefilter=True, fast=False)
        assert fast[0] == findings(prefilter=False, fast=True)[0]


toml_values = st.recursive(
    st.one_of(st.text(max_size=20), st.integers(min_value=-(2**63), max_value=2**63 - 1),
              st.floats(allow_nan=False), st.booleans(),
              st.sampled_from(["**", "../x", "/abs", "[a", "src/**/*.py", "*.rs", "\x1b[2J"])),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                               max_size=3),
    max_leaves=8,
)  # fmt: skip
rule_fields = st.sampled_from(["id", "path", "scope", "api", "arg", "value", "count", "key",
                               "replace", "imports", "language", "kind", "bogus"])  # fmt: skip
rule_tables = st.dictionaries(rule_fields, toml_values, max_size=8)


@FUZZ
@given(st.lists(rule_tables, max_size=6), st.dictionaries(st.text(max_size=8), toml_values,
                                                          max_size=3))  # fmt: skip
def test_random_rule_files_get_located_messages(rules: list[dict[str, object]],
                                                extra: dict[str, object]) -> None:  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hardcode-lint.toml").write_text("")
        (root / "rules").mkdir()
        document = {"rule": rules, **{k: v for k, v in extra.items() if k not in ("rule",)}}
        try:
            text = tomlkit.dumps(document)
        except Exception:  # tomlkit cannot write it: not a rule file anyone could have
            assume(False)
            return
        (root / "rules" / "r.toml").write_text(text, encoding="utf-8")
        old = Path.cwd()
        os.chdir(root)
        try:
            code, output = run("rules", "validate")
        finally:
            os.chdir(old)
        assert code in (0, 2)
        if code == 2:
            problems = [line for line in output.splitlines() if not line.endswith("rule files")]
            assert all(re.match(r"^rules/r\.toml:\d+: ", line) for line in problems), output


def test_ten_thousand_rules_validate_quickly_and_name_the_duplicate(tmp_path, monkeypatch):
    body = "".join(f'[[rule]]\nid = "r{i}"\nkey = "k.r{i}"\nvalue = {i}\n' for i in range(10000))
    (tmp_path / "hardcode-lint.toml").write_text("")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "many.toml").write_text(body + '[[rule]]\nid = "r5"\nkey = "x"\n')
    monkeypatch.chdir(tmp_path)
    code, output = run("rules", "validate")
    assert code == 2 and "rules/many.toml:40001: duplicate rule id 'r5'" in output


snippet_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\n\r\x00\\'\""),
    max_size=30,
)
file_names = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"],
                                            blacklist_characters="/\\\x00."),
                     min_size=1, max_size=12)  # fmt: skip


class _Html(html.parser.HTMLParser):
    def error(self, message: str) -> None:  # pragma: no cover - only on broken markup
        raise AssertionError(message)


@FUZZ
@given(snippet_text, file_names)
def test_every_format_stays_valid_with_random_text(text: str, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hardcode-lint.toml").write_text("")
        try:
            (root / f"{name}.py").write_text(
                f"import time\nrequests.get('{text}', timeout=5)\ntime.sleep(1)  # {text}\n"
            )
        except OSError:
            assume(False)
        old = Path.cwd()
        os.chdir(root)
        try:
            for args in (["scan"], ["scan", "--format", "github"], ["report"],
                         ["report", "--format", "markdown"], ["report", "--lang", "zh"]):  # fmt: skip
                _, output = run(*args, "--no-cache")
                assert not RAW_CONTROL.search(output), (args, output)
            json.loads(run("scan", "--format", "json")[1])
            json.loads(run("scan", "--format", "sarif")[1])
            json.loads(run("report", "--format", "json")[1])
            page = run("report", "--format", "html")[1]
            assert not RAW_CONTROL.search(page)
            _Html().feed(page)
            assert run("rules", "suggest", "--output", "rules/")[0] == 0
            for path in (root / "rules").glob("*.toml"):
                tomllib.loads(path.read_text("utf-8"))
        finally:
            os.chdir(old)
