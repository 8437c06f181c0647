"""Callees are resolved through imports, aliases and scopes (contract section 1, Resolution)."""

from __future__ import annotations

import pytest

RESOLVED = [
    ("from time import sleep as nap\nnap(1)", "time.sleep"),
    ("import datetime as dt\ndt.timedelta(hours=1)", "datetime.timedelta"),
    ("import time as t\nt.sleep(1)", "time.sleep"),
    ("import time\n_sleep = time.sleep\n_sleep(1)", "time.sleep"),
    ("from time import sleep\nsnooze = sleep\nnap = snooze\nnap(1)", "time.sleep"),
    ("def run():\n    import asyncio\n    return asyncio.wait_for(x, 10)", "asyncio.wait_for"),
    ("def run():\n    return nap(1)\nfrom time import sleep as nap", "time.sleep"),
    ("import asyncio.tasks\nimport asyncio\nasyncio.sleep(1)", "asyncio.sleep"),
    ("from datetime import timedelta as td\ntd(days=1)", "datetime.timedelta"),
]


@pytest.mark.parametrize(("source", "api"), RESOLVED)
def test_callee_is_resolved_through_imports(detect, source, api):
    found = detect(source)
    assert [f.api for f in found] == [api]
    assert found[0].context.value == "call"


def test_unresolvable_receiver_keeps_the_callee_as_written(detect):
    (finding,) = detect("class A:\n    def f(self):\n        self._redis.set(k, v, ex=60)\n")
    assert (finding.api, finding.scope) == ("self._redis.set", "A.f")


def test_method_on_a_call_result(detect):
    (finding,) = detect("import asyncio\nasyncio.get_event_loop().call_later(5, cb)\n")
    assert finding.api == "asyncio.get_event_loop().call_later"


def test_a_local_def_named_like_an_api_is_not_the_api(detect):
    assert detect("def sleep(n):\n    pass\nsleep(5)\n") == []


def test_global_declaration_binds_the_module_name(detect):
    source = "def setup():\n    global max\n    max = pick\nmax(ttl, 1)\n"
    assert detect(source) == []


def test_scope_is_the_dotted_qualname(detect):
    source = """
    import time
    class Scheduler:
        class Inner:
            def tick(self):
                def later():
                    time.sleep(1)
                return lambda: time.sleep(2)
    time.sleep(3)
    """
    assert [f.scope for f in detect(source)] == [
        "Scheduler.Inner.tick.later",
        "Scheduler.Inner.tick",
        None,
    ]
