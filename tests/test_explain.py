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
