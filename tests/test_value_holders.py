"""A call whose result is the value it holds (pydantic's ``Field(5.0)``, celery's
``Option(4)``, ``float(3)``): the held literal is judged by the name the call is bound to, in
each of the three passes (tree-sitter pre-pass, ``ast`` pre-pass, none)."""

from __future__ import annotations

import pytest

from hardcode_lint.detect.catalog import shipped_data
from hardcode_lint.lang.python.holders import PACKAGE
from tests.helpers import detect_in

HOLDERS = shipped_data(PACKAGE, "catalog.toml")[1]["value-holders"]
PASSES = [("1", True), ("0", True), ("0", False)]  # (HARDCODE_LINT_FASTPASS, prefilter)


@pytest.mark.parametrize(("fast", "prefilter"), PASSES)
@pytest.mark.parametrize("holder", sorted(HOLDERS))
def test_each_holder_s_example_is_one_finding_judged_by_the_bound_name(
    tmp_path, monkeypatch, holder, fast, prefilter
):
    monkeypatch.setenv("HARDCODE_LINT_FASTPASS", fast)
    found = detect_in(tmp_path, HOLDERS[holder]["example"], prefilter=prefilter)
    assert len(found) == 1, found
    assert found[0].arg in ("timeout", "poll_interval", "max_retries", "connection_timeout",
                            "max_connections")  # fmt: skip


CELERY_STYLE = """\
class Option:
    def __init__(self, default=None, *args, **kwargs):
        self.default = default

NAMESPACES = dict(
    broker=dict(
        connection_timeout=Option(4, type="float"),
        pool_limit=Option(10, type="int"),
        name=Option(5, type="int"),
        transport=Option(type="string"),
    ),
)
"""


@pytest.mark.parametrize(("fast", "prefilter"), PASSES)
def test_a_settings_namespace_of_options_is_judged_by_each_option_s_name(
    tmp_path, monkeypatch, fast, prefilter
):
    monkeypatch.setenv("HARDCODE_LINT_FASTPASS", fast)
    found = detect_in(tmp_path, CELERY_STYLE, prefilter=prefilter)
    assert [(f.kind.value, f.value, f.arg) for f in found] == [
        ("duration", "4", "connection_timeout"),
        ("limit", "10", "pool_limit"),
    ]


@pytest.mark.parametrize(
    "source",
    [
        "size = int(5)\n",  # a name that is no tunable's
        "timeout = Field(description='x', ge=1)\n",  # no default held
        "timeout = str(5)\n",  # no holder
        "timeout = Field(default_factory=lambda: 5)\n",
    ],
)
def test_what_a_holder_does_not_hold_is_no_finding(tmp_path, source):
    assert detect_in(tmp_path, source) == []
