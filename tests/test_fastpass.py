"""The tree-sitter pre-pass is sound: the same findings as the ``ast`` path and as no pre-filter.

It is also what makes a cold scan cheap: a file with nothing to find is never parsed by ``ast``
(let alone libcst), and what tree-sitter cannot read as CPython does goes the ``ast`` way.
"""

from __future__ import annotations

import json
import sysconfig
from pathlib import Path

import pytest

import hardcode_lint.lang.python.detect as python_detect
from hardcode_lint.lang.base import DetectOptions
from hardcode_lint.lang.python.fastpass import fast_prepass
from hardcode_lint.lang.python.source import decode_source
from tests.helpers import cli_output, detect_in, forbid

STDLIB = Path(sysconfig.get_paths()["stdlib"])

TRICKY = [
    "from time import sleep as nap\nnap(1)\n",
    "import time\nsnooze = time.sleep\nalias = snooze\nalias(2)\n",
    "import time as t\nclass A:\n    def f(self):\n        t.sleep((3))\n",
    "(time.sleep)(4)\nimport time\n",
    "from time import *\n\ndef f():\n    return sleep(4)\n",
    "def max(a, b):\n    return a\n\ndef f(n):\n    return max(n, 1)\n",
    "def loop(self, min=min):\n    return min(self.n, 10)\n",
    "def f(n):\n    max = lambda *a: 0\n    return max(n, 1)\n",
    "import asyncio\ntimeout = 5 if fast else 30\nasyncio.sleep(timeout)\n",
    "a = b_timeout = c = 7\nx: float = 2.5\nself_delay: int = -1\n",
    "def connect(host, *, timeout: float = 30, retries=3, max_retries=5):\n    pass\n",
    "CACHES = {'default': {'BACKEND': 'x'}}\nretries = {'mode': 3}\nimport time\ntime.sleep(1)\n",
    "requests.get(url, timeout=(3.05, 27))\nclass A(Base, timeout=5):\n    pass\n",
    "import time\n@decorate(timeout=3)\ndef f():\n    time.sleep(1)\n    x = 1; time.sleep(2)\n",
    "def setup():\n    global max\n    max = pick\n\ndef use(n):\n    return max(n, 1)\n",
    "import time\nif a:\n    pass\nelif b:\n    time.sleep(1)\nelse:\n    time.sleep(2)\n",
    "import time\ntry:\n    time.sleep(1)\nexcept E as time:\n    pass\nfinally:\n    time.sleep(3)\n",
    "import time\nwith open(f) as (time, b):\n    time.sleep(1)\nfor time in x:\n    time.sleep(2)\n",
    "import time\nx = [time for time in y]\ntime.sleep(5)\nf'{time.sleep(6)}'\n",
    "import time\ndef f():\n    # a comment\n    x = 1\n    time.sleep(2)  # trailing\n    # dedented comment\ndef g(): time.sleep(3)\n",
    "import time\r\ndef f():\r\n    time.sleep(2)\r\n",
    "\ufeffimport time\ntime.sleep(2)\n",
    "import time\nnap = time.sleep\ndef f(nap=nap):\n    nap(8)\n",
    "import schedule\nschedule.every(10).minutes.do(job)\n",
    "from functools import lru_cache\n@lru_cache(maxsize=128)\ndef f(): pass\n",
    "t = 0x10\ncall(ttl=0xFF, delay=1_000)\n",
    "import time\ntime.sleep(a + b)\ntime.sleep(-(n))\ntimeout = x if y else z\n",
    "import time\ntime.sleep((a) + 1)\ntime.sleep(-(2))\ntimeout = x if y else 3\n",
    "import botocore.config as bc\ncfg = bc.Config(retries={'max_attempts': 3})\n",
    "import kombu as k\nclass A:\n    def __init__(self):\n        self.c = k.Connection()\n"
    "    def f(self):\n        self.c.ensure(f, {'timeout': 5, 'max_retries': 2})\n",
    "settings(**{'interval_start': 0, 'interval_step': 0.2})\nf'{ {\"timeout\": 1} }'\n",
    "import time\ntime.sleep((1, 2), 5)\nmax((0, 1), 3)\nmax([n], ttl=(2, 3))\n",
    "import time\ntime.sleep(1 if x > 0 else 2)\nnap = lambda t=5: time.sleep(t)\n",
    "d = {'timeout': -(5), 'max_size': (1, 2), 3: 4}\nx: 'int' = 3\nretry_delay: float = 1e3\n",
    "import time\na = b\nb = a\na(5)\nc = c\nc(1)\nnap = time.sleep\nnap(2)\n",
    "import asyncio\nloop = asyncio.get_event_loop()\nl2 = loop\nl2.call_later(5, f)\n",
    "import time\ntime.sleep((-1, 2) if c else 3)\ntime.sleep(-(1, 2)[0] + 4)\n",
    "import time\ntime.sleep("
    + " + ".join(["x", *"12" * 150])
    + ")\nttl = 2"
    + " * 3" * 300
    + "\n",
]


def _fast_is_none(*args: object) -> None:
    return None


@pytest.mark.parametrize("source", TRICKY)
def test_fast_path_finds_what_the_ast_path_finds(tmp_path, monkeypatch, source):
    options = DetectOptions(catalog="")
    data = source.encode("utf-8")
    assert python_detect._fast(decode_source(data, "x.py"), options, []) is not None, "fast path"
    fast = detect_in(tmp_path, source)
    assert fast == detect_in(tmp_path, source, prefilter=False)
    monkeypatch.setattr(python_detect, "_fast", _fast_is_none)
    assert fast == detect_in(tmp_path, source)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"import time\rtime.sleep(2)\r", "CR-only line ends"),
        (b"# -*- coding: latin-1 -*-\nimport time\nname = '\xe9'\ntime.sleep(2)\n", "latin-1"),
        (b"import time\ntime.sleep(2)\ndef f(:\n", "a syntax error"),
        (b"import time\nprint 'x'\ntime.sleep(2)\n", "Python 2 print"),
    ],
)
def test_what_tree_sitter_reads_otherwise_goes_the_ast_way(data, why):
    source = decode_source(data, "x.py")
    assert python_detect._fast(source, DetectOptions(catalog=""), []) is None, why


def test_python_2_is_still_reported_as_a_syntax_error(tmp_path):
    path = tmp_path / "old.py"
    path.write_bytes(b"import time\nprint 'waiting'\ntime.sleep(2)\n")
    _, out = cli_output("scan", str(path), "--format", "json")
    (error,) = json.loads(out)["errors"]
    assert error["message"].startswith("syntax error") and error["line"] == 2


def test_a_file_without_candidates_is_never_parsed_by_ast(tmp_path, monkeypatch):
    forbid(monkeypatch, python_detect, "parse_ast", "ast should not parse this file")
    source = "import time\nsize = 3\nvalues = [1, 2, 3]\nprint(time.time() + 5)\n"
    assert detect_in(tmp_path, source) == []


def test_a_dict_entry_is_decided_on_the_fast_path():
    """``{"TIMEOUT": 300}``'s api is the call around it, found by a second query (the whole
    file no longer goes the ``ast`` way)."""
    text = "import django\nCACHES = {'default': {'TIMEOUT': 300}}\nf(x).g({'max_size': 8})\n"
    source = decode_source(text.encode(), "settings.py")
    fast = python_detect._fast(source, DetectOptions(catalog=""), [])
    assert fast is not None
    assert [(h.value, h.arg) for h in fast.hits] == [("300", "TIMEOUT"), ("8", "max_size")]


def test_an_expression_without_a_digit_is_no_candidate():
    """``time.sleep(a + b)`` matches the query's patterns but holds no literal: the file goes
    no further than tree-sitter (``time.sleep(a + 1)`` does)."""
    catalog = python_detect.catalog_for("")
    lines = []
    for call in ("time.sleep(a + b)", "time.sleep(a + 1)"):
        source = decode_source(f"import time\n{call}\n".encode(), "x.py")
        found = fast_prepass(source, catalog.words, catalog.callee_names())
        assert found is not None
        lines.append(found[0].lines)
    assert lines == [[], [2]]


@pytest.mark.parametrize(
    "name", ["asyncio/base_events.py", "test/datetimetester.py", "socketserver.py", "pdb.py"]
)
def test_fast_path_equals_ast_path_on_stdlib_modules(monkeypatch, name):
    path = STDLIB / name
    if not path.exists():
        pytest.skip(f"{name} not in this interpreter's stdlib")
    source = decode_source(path.read_bytes(), name)
    options = DetectOptions(catalog="")
    fast = python_detect._fast(source, options, python_detect.text_lines(source, options))
    assert fast is not None and fast.hits
    monkeypatch.setattr(python_detect, "_fast", _fast_is_none)
    reference = python_detect.detect_python(source, options)
    assert fast.hits == reference.hits and fast.migrated == reference.migrated
