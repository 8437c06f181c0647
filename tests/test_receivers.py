"""A catalogued method of a class (``twisted.internet.task.LoopingCall.start``) on a receiver
held in a variable: a name or ``self.<attr>`` assigned a call of that class in the same scope
or class.  An unknown receiver (``thread.start()``, ``x.start(5)``) is no finding."""

from __future__ import annotations

import ast

import pytest

from hardcode_lint.detect.catalog import build_catalog
from hardcode_lint.lang.python.prepass import prepass
from tests.helpers import detect_in

API = "twisted.internet.task.LoopingCall.start"


def _found(tmp_path, source):
    found = detect_in(tmp_path, source)
    assert found == detect_in(tmp_path, source, prefilter=False)
    return [(f.api, f.arg, f.value, f.seconds, f.scope) for f in found]


FOUND = [
    ("from twisted.internet.task import LoopingCall\nlc = LoopingCall(f)\nlc.start(5)\n",
     [(API, 0, "5", 5, None)]),
    ("from twisted.internet import task\ndef run():\n    lc = task.LoopingCall(f)\n"
     "    lc.start(interval=2.5)\n", [(API, "interval", "2.5", 2.5, "run")]),
    # `self._loop` assigned in `__init__`, started in another method; `None` first is fine
    ("from twisted.internet.task import LoopingCall\nclass Poller:\n    def __init__(self):\n"
     "        self._loop = None\n        self._loop = LoopingCall(self.tick)\n"
     "    def run(self):\n        self._loop.start(30, now=False)\n",
     [(API, 0, "30", 30, "Poller.run")]),
    # a class attribute, seen through `self`; a closure inside the method sees `self` too
    ("from twisted.internet.task import LoopingCall\nclass P:\n    loop = LoopingCall(tick)\n"
     "    def run(self):\n        def later():\n            self.loop.start(1)\n",
     [(API, 0, "1", 1, "P.run.later")]),
    # an alternate constructor (catalog [aliases]: it builds what its class builds)
    ("from twisted.internet import task\ndef run(foo):\n    loop = task.LoopingCall.withCount(foo)\n"
     "    loop.start(2, now=False)\n", [(API, 0, "2", 2, "run")]),
    # a module-level receiver used in a function
    ("import twisted.internet.task as t\nLC = t.LoopingCall(f)\ndef go():\n    LC.start(60)\n",
     [(API, 0, "60", 60, "go")]),
    # keywords in a dict: the entry's api is the call's, so its receiver must stay resolvable
    ("from twisted.internet.task import LoopingCall\nclass P:\n    def __init__(self):\n"
     "        self._loop = LoopingCall(f)\n    def run(self):\n"
     "        self._loop.start(**{'interval': 5})\n", [(API, "interval", "5", 5, "P.run")]),
    # the stdlib's scheduler: `enter`'s delay
    ("import sched, time\ns = sched.scheduler(time.monotonic, time.sleep)\ns.enter(5, 1, job)\n",
     [("sched.scheduler.enter", 0, "5", 5, None)]),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), FOUND)
def test_a_receiver_built_by_a_catalogued_class(tmp_path, source, expected):
    assert _found(tmp_path, source) == expected


NOT_FOUND = [
    "import threading\nthread = threading.Thread(target=f)\nthread.start()\n",
    "import threading\nt = threading.Thread(target=f)\nt.start(5)\n",
    "x.start(5)\n",
    "def f(lc):\n    lc.start(5)\n",
    # shadowed in the function: the module's `lc` is another object
    "from twisted.internet.task import LoopingCall\nlc = LoopingCall(f)\n"
    "def g(lc):\n    lc.start(5)\n",
    # bound in another function
    "from twisted.internet.task import LoopingCall\ndef a():\n    lc = LoopingCall(f)\n"
    "def b():\n    lc.start(5)\n",
    # two different classes assigned to the same attribute: unknown
    "from twisted.internet.task import LoopingCall\nimport threading\nclass P:\n"
    "    def a(self):\n        self.w = LoopingCall(f)\n    def b(self):\n"
    "        self.w = threading.Thread(target=f)\n    def c(self):\n        self.w.start(5)\n",
    # `self.x` of another object, and a static method's first parameter
    "from twisted.internet.task import LoopingCall\nclass P:\n    def a(self, other):\n"
    "        self.w = LoopingCall(f)\n        other.w.start(5)\n",
    "from twisted.internet.task import LoopingCall\nclass P:\n    def a(self):\n"
    "        self.w = LoopingCall(f)\n    @staticmethod\n    def b(self):\n        self.w.start(5)\n",
    # a local class of the same name is not twisted's
    "class LoopingCall:\n    pass\nlc = LoopingCall()\nlc.start(5)\n",
]


@pytest.mark.parametrize("source", NOT_FOUND)
def test_an_unknown_receiver_is_no_finding(tmp_path, source):
    assert _found(tmp_path, source) == []


def test_the_ast_prepass_keeps_what_the_receiver_needs():
    """The constructor's assignment (`self._loop = ...`) and the class's import stay when a
    candidate call's receiver is `self._loop`; nothing else is made a candidate by it."""
    source = (
        "from twisted.internet.task import LoopingCall\n"
        "class Poller:\n"
        "    def __init__(self):\n"
        "        self._loop = LoopingCall(self.tick)\n"
        "    def run(self):\n"
        "        self._loop.start(30)\n"
    )
    catalog = build_catalog("hardcode_lint.lang.python")
    pre = prepass(ast.parse(source), catalog.words, catalog.callee_names())
    assert pre.lines == [6] and 4 in pre.keep
    assert {"self", "LoopingCall"} <= pre.roots
    plain = "import threading\nthread = threading.Thread(target=f)\nthread.join()\n"
    assert not prepass(ast.parse(plain), catalog.words, catalog.callee_names()).candidate
