"""`hardcode-lint explain CODE`: every code is explained, and its examples yield that code."""

from __future__ import annotations

import pytest

from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.detect.codes import CODES, EXPLANATIONS, known_codes
from hardcode_lint.engine import FileTask, analyze_file
from hardcode_lint.lang import frontend, names
from tests.helpers import cli

ALL = sorted({code.code for code in CODES.values()})
EXAMPLES = [(language, code, example) for language in names()
            for code, example in frontend(language).code_examples().items()
            if code in ALL]  # fmt: skip


def test_every_code_has_an_explanation_and_every_language_examples():
    """Each code is explained; each language shows an example of most codes (a language may
    lack a code it cannot report: Rust has no keyword arguments)."""
    assert set(EXPLANATIONS) == set(ALL)
    for language in names():
        shown = set(frontend(language).code_examples())
        assert shown <= set(known_codes()) and len(shown & set(ALL)) >= 4, (language, shown)
    assert {code for _, code, _ in EXAMPLES} == set(ALL)


@pytest.mark.parametrize("code", ALL)
def test_explain_prints_the_code_and_each_languages_example(code):
    exit_code, out, _ = cli("explain", code.lower())
    assert exit_code == 0 and out.startswith(code)
    for language, shown, example in EXAMPLES:
        if shown == code:
            assert f"{frontend(language).title}:\n    {example.splitlines()[0]}" in out


@pytest.mark.parametrize(("language", "code", "example"), EXAMPLES,
                         ids=[f"{lang}-{code}" for lang, code, _ in EXAMPLES])  # fmt: skip
def test_the_examples_yield_their_code(tmp_path, language, code, example):
    """An example is a file of its language the engine reports the code in."""
    name = "example" + frontend(language).extensions[0]
    (tmp_path / name).write_text(example, encoding="utf-8")
    task = FileTask(path=tmp_path / name, rel=name, test=False, language=language)
    result = analyze_file(task, settings_for(Config(root=tmp_path)))
    assert result.error is None and code in [f.code for f in result.findings], result


def test_an_unknown_code_is_a_usage_error():
    exit_code, _, err = cli("explain", "HCL999")
    assert exit_code == 2 and "unknown code 'HCL999'" in err


def _printed_codes() -> set[str]:
    """Every code written anywhere in the package: each can reach a user's screen."""
    import re
    from pathlib import Path

    import hardcode_lint

    package = Path(hardcode_lint.__file__).parent
    found: set[str] = set()
    for path in package.rglob("*.py"):
        found |= set(re.findall(r"\bHCL\d{3}\b", path.read_text("utf-8")))
    return found


@pytest.mark.parametrize("code", sorted(_printed_codes()))
def test_explain_knows_every_code_the_tool_prints(code):
    exit_code, out, _ = cli("explain", code)
    assert exit_code == 0 and out.startswith(code)
    assert "Example:" in out or "Python:" in out


def test_explain_knows_the_gate_codes():
    for code, words in [("HCL900", "stale"), ("HCL901", "regenerate"), ("HCL902", "two values"),
                        ("HCL903", "does not define"), ("HCL904", "not checked")]:  # fmt: skip
        exit_code, out, _ = cli("explain", code)
        assert exit_code == 0 and words in out, (code, out)
