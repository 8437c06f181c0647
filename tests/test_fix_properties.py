"""Property-based: for generated programs holding durations and clamps, `fix` output compiles,
differs from the input only at the replaced literals and the added import, and is idempotent."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hardcode_lint.api import analyze
from hardcode_lint.config import Config
from hardcode_lint.fix.plan import Edit
from hardcode_lint.fix.run import fix_file

RULES = """
[[rule]]
id = "sleeps"
api = "sleep"
count = "*"
key = "cfg.delay"
replace = "cfg.delay"
imports = ["from app import cfg"]

[[rule]]
id = "floors"
api = "max"
count = "*"
key = "cfg.floor"
replace = "cfg.floor"
imports = ["from app import cfg"]
"""

numbers = st.one_of(
    st.integers(min_value=-1000, max_value=10**6).map(str),
    st.floats(min_value=0.001, max_value=1e4, allow_nan=False).map(lambda f: repr(round(f, 3))),
    st.sampled_from(["60 * 5", "2 ** 10", "-1", "0", "1_000", "0x10", "(30)"]),
)
spaces = st.sampled_from(["", " ", "  "])
comments = st.sampled_from(["", "  # why", "  # noqa: E501"])


@st.composite
def statement(draw: st.DrawFn) -> str:
    value, pad, comment = draw(numbers), draw(spaces), draw(comments)
    templates = [
        f"time.sleep({pad}{value}{pad}){comment}",
        f"x = max(limit,{pad}{value}){comment}",
        f"y = max({value}, min(n, 100)){comment}",
        f"label = 'time.sleep({value})'{comment}",
        f"z = [1, 2, {value},]{comment}",
        f"def f(n, timeout={value}):\n    return max(n, {value}){comment}",
    ]
    return draw(st.sampled_from(templates))


program = st.lists(statement(), min_size=1, max_size=8).map(
    lambda body: '"""Generated."""\nimport time\n\n' + "\n".join(body) + "\n"
)


def fix_once(root: Path, source: bytes) -> bytes:
    (root / "m.py").write_bytes(source)
    config = Config(root=root)
    analysis = analyze([root / "m.py"], config, jobs=1)
    edits = [Edit(f, o.rule) for o in analysis.matching.outcomes for f in o.findings]
    result = fix_file("m.py", source, edits)
    assert not result.refused, result.refused
    return result.after if result.after is not None else source


def expected_text(root: Path, source: str) -> str:
    """The input with every pending literal spliced out for its rule's replacement."""
    (root / "m.py").write_text(source)
    analysis = analyze([root / "m.py"], Config(root=root), jobs=1)
    lines = source.split("\n")
    pending = sorted(
        (f for f in analysis.scan.findings if f.rule), key=lambda f: (-f.line, -f.column)
    )
    for f in pending:
        assert f.line == f.end_line
        line = lines[f.line - 1]
        replacement = "cfg.floor" if f.rule == "floors" else "cfg.delay"
        start, end = f.column - 1, f.end_column - 1
        lines[f.line - 1] = line[:start] + replacement + line[end:]
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(program)
def test_fix_compiles_touches_only_literals_and_is_idempotent(source: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "rules").mkdir()
        (root / "rules" / "r.toml").write_text(RULES)
        expected = expected_text(root, source)
        after = fix_once(root, source.encode())
        text = after.decode()
        compile(text, "m.py", "exec")
        kept = [line for line in text.split("\n") if line != "from app import cfg"]
        without_import = "\n".join(kept)
        assert without_import.replace("\n\n\n", "\n\n") == expected.replace("\n\n\n", "\n\n")
        assert fix_once(root, after) == after
