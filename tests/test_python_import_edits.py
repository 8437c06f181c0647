"""Python's imports are edits of the file as it is: spliced, they make exactly the file
libcst's ``AddImportsVisitor`` makes of the whole module, and none reaches into the code."""

from __future__ import annotations

import libcst as cst
import pytest
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor

from hardcode_lint.edit import splice
from hardcode_lint.lang.python.import_edits import import_edits
from hardcode_lint.lang.python.imports import parse_imports

SOURCES = [
    b"x = 5\n",
    b'"""Doc."""\nx = 5\n',
    b'"""Doc."""\n',
    b"# header\n\nimport os\nfrom app.config import other\n\nx = 5\n",
    b"import os\nx = 5\n",
    b"import os",
    b"from __future__ import annotations\nimport os\n# the code\nx = 5\n",
    b"import os\r\n\r\nx = 5\r\n",
    b"import os\rx = 5\r",
    b"\xef\xbb\xbfimport os\n\nx = 5\n",
    b"x = 5\nfrom app.config import other\n",
    b"",
    b"# only a comment\n",
]
WANTED = [("from app.config import config",), ("import json", "from app.config import config")]


def whole_module(data: bytes, statements: tuple[str, ...]) -> bytes:
    context = CodemodContext()
    for r in parse_imports(statements):
        AddImportsVisitor.add_needed_import(context, r.module, r.obj, r.asname, r.relative)
    return AddImportsVisitor(context).transform_module(cst.parse_module(data)).bytes


@pytest.mark.parametrize("statements", WANTED)
@pytest.mark.parametrize("data", SOURCES)
def test_the_import_edits_make_the_file_libcst_makes(data, statements):
    edits = import_edits(data, parse_imports(statements))
    if b"\r" in data and b"\n" not in data:  # libcst alone would drop the last bare CR
        expected = whole_module(data.replace(b"\r", b"\n"), statements).replace(b"\n", b"\r")
    else:
        expected = whole_module(data, statements)
    assert splice(data, edits) == expected
    code = data.find(b"x = 5")
    assert code < 0 or all(e.end <= code for e in edits)


def test_an_import_already_there_is_no_edit():
    assert import_edits(b"from app.config import config\nx = 5\n",
                        parse_imports(("from app.config import config",))) == []  # fmt: skip
