"""`hardcode-lint explain CODE`: every code is explained, and its examples yield that code."""

from __future__ import annotations

import pytest

from hardcode_lint.detect.codes import CODES, EXPLANATIONS
from tests.helpers import cli, detect_in
from tests.test_rust_detect import detect_rust

ALL = sorted({code.code for code in CODES.values()})


def test_every_code_has_an_explanation():
    assert set(EXPLANATIONS) == set(ALL)


@pytest.mark.parametrize("code", ALL)
def test_explain_prints_the_code_and_its_examples(code):
    exit_code, out, _ = cli("explain", code.lower())
    assert exit_code == 0 and out.startswith(code) and EXPLANATIONS[code].python.split()[0] in out


@pytest.mark.parametrize("code", ALL)
def test_the_examples_yield_their_code(tmp_path, code):
    explanation = EXPLANATIONS[code]
    assert code in [f.code for f in detect_in(tmp_path, explanation.python)]
    if explanation.rust:
        assert code in [f.code for f in detect_rust(tmp_path, explanation.rust)]


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
