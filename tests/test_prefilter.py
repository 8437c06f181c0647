"""The ast pre-filter is sound: the findings with it on are exactly those with it off.

It is also effective: a file with nothing to find never reaches libcst.
"""

from __future__ import annotations

import ast
import sysconfig
from pathlib import Path
from typing import Any

import pytest

import hardcode_lint.lang.python.detect as python_detect
from hardcode_lint.api import analyze, resolve_config, scan
from hardcode_lint.config import Config
from hardcode_lint.lang.python.ast_statements import AstStatements
from hardcode_lint.lang.python.regions import Statements, blank_regions
from hardcode_lint.lang.python.sitter import parse
from hardcode_lint.lang.python.ts_statements import TreeSitterStatements
from hardcode_lint.parse.source import split_lines
from tests.helpers import detect_in, forbid

REPO = Path(__file__).resolve().parent.parent
STDLIB = Path(sysconfig.get_paths()["stdlib"])
STDLIB_SAMPLE = [
    "asyncio/base_events.py", "asyncio/tasks.py", "socket.py", "socketserver.py", "selectors.py",
    "subprocess.py", "threading.py", "queue.py", "datetime.py", "_pydecimal.py", "argparse.py",
    "logging/handlers.py", "http/client.py", "urllib/request.py", "imaplib.py", "ftplib.py",
    "smtplib.py", "telnetlib.py", "textwrap.py", "difflib.py", "calendar.py", "functools.py",
    "multiprocessing/connection.py", "multiprocessing/pool.py", "concurrent/futures/_base.py",
    "zipfile.py", "tarfile.py", "inspect.py", "pdb.py", "tkinter/__init__.py",
    "email/headerregistry.py", "test/datetimetester.py", "test/_test_multiprocessing.py",
]  # fmt: skip


def _scan(paths: list[Path], prefilter: bool) -> tuple[list[object], list[object]]:
    result = scan(paths, Config(root=REPO), jobs=1, prefilter=prefilter, use_cache=False)
    return result.findings, result.errors


def test_same_findings_with_and_without_prefilter_on_the_fixtures():
    paths = [REPO / "fixtures"]
    with_filter = _scan(paths, True)
    assert with_filter[0], "the fixtures must hold findings for this test to mean anything"
    assert with_filter == _scan(paths, False)


def test_same_statuses_and_migrated_sites_with_and_without_prefilter():
    scheduler = REPO / "fixtures" / "scheduler"
    config = resolve_config([scheduler])

    def outcome(prefilter: bool) -> tuple[object, ...]:
        analysis = analyze([scheduler], config, jobs=1, prefilter=prefilter, use_cache=False)
        statuses = [(o.rule.id, o.status) for o in analysis.matching.outcomes]
        return analysis.scan.findings, analysis.scan.replacements, statuses

    with_filter = outcome(True)
    assert len(with_filter[1]) == 13  # the fixture's migrated sites
    assert with_filter == outcome(False)


def test_same_findings_with_and_without_prefilter_on_stdlib_modules():
    paths = [STDLIB / name for name in STDLIB_SAMPLE if (STDLIB / name).exists()]
    with_filter = _scan(paths, True)
    assert len(with_filter[0]) > 50
    assert with_filter == _scan(paths, False)


@pytest.mark.parametrize(
    "source",
    [
        "from time import sleep as nap\nnap(1)\n",
        "import time\nsnooze = time.sleep\nalias = snooze\nalias(2)\n",
        "def f(n, lo=min):\n    return lo(n, 3)\n",
        "x.clamp(min=1)\n",
        # only a tuple element of a duration- or limit-named keyword can be a finding here
        "def get(url):\n    return session.get(url, timeout=(3.05, 27))\n",
        "def f():\n    return g(max_size=[10, 2 ** 4])\n",
        "def f():\n    return g(ttl=0xFFFF)\n",
    ],
)
def test_aliases_keep_a_file_a_candidate(tmp_path, source):
    assert detect_in(tmp_path, source) == detect_in(tmp_path, source, prefilter=False) != []


def test_files_without_candidates_never_reach_libcst(tmp_path, monkeypatch):
    forbid(monkeypatch, python_detect, "parse_cst", "libcst should not run on this file")
    source = "import time\nsize = 3\nvalues = [1, 2, 3]\nprint(time.time() + 5)\n"
    assert detect_in(tmp_path, source) == []


REGION_CASES = [
    # the first statement of a blanked class body is decorated: the decorator goes too
    "class A:\n    @property\n    def a(self):\n        return 1\n\nclass B:\n    TIMEOUT = 5\n",
    # a global statement reaches outside its function: that function is never blanked
    "def setup():\n    global max\n    max = pick\n\ndef use(n):\n    return max(n, 1)\n",
    # one-line bodies and bodies on the header line stay as they are
    "def f(): return 1\nclass C: x = 1\ndef g(timeout=5):\n    pass\n",
    # CRLF, tabs and a multi-line string in a blanked body
    "def f():\r\n\tx = '''a\r\nb'''\r\n\treturn x\r\nimport time\r\ntime.sleep(2)\r\n",
    "import asyncio\nclass K:\n    def a(self):\n        pass\n    async def b(self):\n        await asyncio.sleep(3)\n",
    # a def or class binds its name (and a `:=` in its header) where it stands
    "import time\ndef time():\n    pass\ndef f():\n    time.sleep(2)\n",
    "import time\nclass time:\n    x = 1\ntime.sleep(2)\n",
    "import time\ndef g(x=(time := fake)):\n    pass\ntime.sleep(2)\n",
    "import time\n@(time := fake)\ndef g():\n    pass\ntime.sleep(2)\n",
    "import time\nclass C((time := Base)):\n    pass\ntime.sleep(2)\n",
    "import time\ndef g():\n    global time\n    time = fake\ng()\ntime.sleep(2)\n",
    # comment and blank lines between statements go, inside a blanked run or not
    "# head\nimport time\n# a\n\nx = 1\n# b\ny = 2\n\n  # c\ntime.sleep(3)\n# d\n\n",
    # what a function body binds is its own
    "import time\ndef g(time):\n    time = fake\n    return time\ntime.sleep(2)\n",
]


@pytest.mark.parametrize("source", REGION_CASES)
def test_regions_are_sound(tmp_path, source):
    assert detect_in(tmp_path, source) == detect_in(tmp_path, source, prefilter=False)


def test_a_star_import_is_never_blanked(tmp_path):
    source = "import os\nfrom time import *\n\ndef f():\n    return sleep(4)\n"
    assert len(detect_in(tmp_path, source)) == 1


BODY_BINDS_ROOTS = (
    "import time\n"
    "class K:\n"
    "    def a(self, time=None):\n"
    "        time = self\n"
    "        return time\n"
    "    def b(self):\n"
    "        time.sleep(3)\n"
)


@pytest.mark.parametrize("parser", ["tree-sitter", "ast"])
def test_a_function_is_blanked_whatever_its_parameters_and_body_bind(parser):
    """``def a(self, time)`` binds ``self`` and ``time`` for its own body only: with no
    candidate inside, it goes, though both are names the candidate is resolved through."""
    lines = split_lines(BODY_BINDS_ROOTS)
    if parser == "ast":
        statements: Statements[Any] = AstStatements(ast.parse(BODY_BINDS_ROOTS))
    else:
        statements = TreeSitterStatements(parse(BODY_BINDS_ROOTS.encode()).root_node)
    assert blank_regions(statements, lines, [7], {"time", "self"}) == [(3, 5)]
