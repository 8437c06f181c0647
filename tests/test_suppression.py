"""`# hardcode-lint: ignore`, `# noqa` and `# noqa: HCL<code>` silence a finding on their line."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "comment",
    ["# hardcode-lint: ignore", "# noqa", "# noqa: HCL101", "# noqa: E501, HCL101", "#noqa:HCL"],
)
def test_suppressed(detect, comment):
    assert detect(f"import time\ntime.sleep(5)  {comment}\n") == []


@pytest.mark.parametrize("comment", ["# noqa: E501", "# noqa: HCL201", "# hardcode-lint"])
def test_not_suppressed(detect, comment):
    assert len(detect(f"import time\ntime.sleep(5)  {comment}\n")) == 1


def test_only_the_commented_line_is_silenced(detect):
    found = detect("import time\ntime.sleep(5)  # noqa\ntime.sleep(6)\n")
    assert [f.value for f in found] == ["6"]


def test_select_and_ignore_filter_codes(detect):
    source = "import time\ntime.sleep(5)\nmax(n, 1)\nf(limit=3)\n"
    assert [f.code for f in detect(source, ignore=("HCL2",))] == ["HCL101", "HCL301"]
    assert [f.code for f in detect(source, select=("HCL2",))] == ["HCL201"]
