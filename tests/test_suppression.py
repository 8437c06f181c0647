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


def test_a_block_comment_silences_where_a_line_comment_cannot_stand(tmp_path):
    """A JSX child holds only a block comment: ``{/* hardcode-lint: ignore */}`` silences the
    line in TSX, as ``/* noqa: HCL102 */`` does in any ``//`` language; the next line is not."""
    from tests.ts_helpers import detect_ts

    source = (
        "export const A = () => (\n  <div>\n"
        "    <Poller interval={5000} /> {/* hardcode-lint: ignore */}\n"
        "    <Poller interval={6000} /> {/* noqa: HCL102 */}\n"
        "    <Poller interval={7000} />\n  </div>\n);\n"
    )
    found = detect_ts(tmp_path, source, name="a.tsx")
    assert [(f.line, f.value) for f in found] == [(5, "7000")]
