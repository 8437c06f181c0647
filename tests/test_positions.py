"""Positions are 1-based, in characters, pointing at the literal (contract section 3)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hardcode_lint.lang.snippets import SNIPPET_CONTEXT, fits, one_line
from hardcode_lint.parse.source import SourceFile, split_lines


def test_line_and_columns_point_at_the_literal(detect):
    (finding,) = detect("import time\n\ntime.sleep(60 * 5)\n")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 12, 3, 18)


def test_columns_count_characters_not_bytes(detect):
    (finding,) = detect("import time\nlabel = 'héllo→'; time.sleep(5)\n")
    line = "label = 'héllo→'; time.sleep(5)"
    assert finding.column == line.index("5)") + 1
    assert finding.end_column == finding.column + 1


def test_a_tab_is_one_column(detect):
    (finding,) = detect("import time\nif x:\n\ttime.sleep(5)\n")
    assert finding.column == len("\ttime.sleep(") + 1


def test_multiline_call_and_parenthesised_literal(detect):
    source = "import time\ntime.sleep(\n    (\n        60\n        * 5\n    )\n)\n"
    (finding,) = detect(source)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (4, 9, 5, 12)
    assert finding.value == "60 * 5"
    assert finding.snippet == "time.sleep((60 * 5))"


def test_windows_line_endings_and_bom(tmp_path):
    from tests.helpers import detect_in

    path_source = "\ufeffimport time\r\n\r\ntime.sleep(7)\r\n"
    (finding,) = detect_in(tmp_path, path_source)
    assert (finding.line, finding.column) == (3, 12)


def test_literals_inside_fstrings_do_not_shift_positions(detect):
    source = "import time\nmsg = f'{1 + 2:{3}}'\ntime.sleep(4)\n"
    (finding,) = detect(source)
    assert (finding.line, finding.column, finding.value) == (3, 12, "4")


def test_long_call_snippet_is_abbreviated(detect):
    args = ", ".join(f"argument_{i}" for i in range(20))
    (finding,) = detect(f"connect({args}, timeout=30)\n")
    assert finding.snippet == "connect(…, timeout=30, …)"


_TEXT = st.text(alphabet=list("a é→\n\r\t\u2028\x0c"), max_size=40)


@given(_TEXT, st.booleans())
def test_each_line_starts_after_the_bytes_of_the_lines_before(text, bom):
    """An offset maps to its line and column from the line starts, which an ASCII file sums
    without encoding each line: the same starts either way."""
    mark = b"\xef\xbb\xbf" if bom else b""
    source = SourceFile("x", mark + text.encode(), text, "utf-8", mark)
    starts, offset = [], len(mark)
    for line in split_lines(text):
        starts.append(offset)
        offset += len(line.encode())
    assert source._line_starts() == (starts or [len(mark)])


_CODE = st.text(alphabet=list("ab ,\n\t)](.{}x/*\u00a0"), min_size=30, max_size=200)
_LAYOUT = st.text(alphabet=list(" \n\t,)"), min_size=60, max_size=200)


@given(_CODE, st.one_of(_CODE, _LAYOUT))
def test_a_snippet_fits_where_its_context_on_one_line_does(before, after):
    """``fits`` rules most long contexts out by a lower bound of ``one_line``'s length; it
    must answer as ``one_line`` itself would."""
    whole = len(before) + len(after) <= 64 * SNIPPET_CONTEXT
    assert fits(before, after) == (whole and len(one_line(before + after)) <= SNIPPET_CONTEXT)
