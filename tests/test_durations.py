"""Contract section 1, kind `duration`: every example of the table, with and without a finding."""

from __future__ import annotations

import pytest

from tests.helpers import summary

FOUND = [
    ("import time\ntime.sleep(1)", "time.sleep", "1", 0, 1),
    ("import asyncio\nasyncio.sleep(0.5)", "asyncio.sleep", "0.5", 0, 0.5),
    ("import datetime\ndatetime.timedelta(seconds=5)", "datetime.timedelta", "5", "seconds", 5),
    (
        "from datetime import timedelta\ntimedelta(minutes=1)",
        "datetime.timedelta",
        "1",
        "minutes",
        60,
    ),
    ("from datetime import timedelta\ntimedelta(2)", "datetime.timedelta", "2", 0, 172800),
    ("import asyncio\nasyncio.wait_for(x, timeout=10)", "asyncio.wait_for", "10", "timeout", 10),
    ("import asyncio\nasyncio.wait_for(x, 10)", "asyncio.wait_for", "10", 1, 10),
    ("loop.call_later(30, cb)", "loop.call_later", "30", 0, 30),
    ("import threading\nthreading.Timer(5, f)", "threading.Timer", "5", 0, 5),
    ("sock.settimeout(3)", "sock.settimeout", "3", 0, 3),
    ("import socket\nsocket.setdefaulttimeout(3)", "socket.setdefaulttimeout", "3", 0, 3),
    ("import signal\nsignal.alarm(2)", "signal.alarm", "2", 0, 2),
    ("redis.set(k, v, ex=60)", "redis.set", "60", "ex", 60),
    ("redis.set(k, v, px=500)", "redis.set", "500", "px", 0.5),
    ("redis.expire(k, 60)", "redis.expire", "60", 1, 60),
    ("self._redis.set(k, v, ex=60)", "self._redis.set", "60", "ex", 60),
    ("requests.get(url, timeout=10)", "requests.get", "10", "timeout", 10),
    ("connect(connect_timeout=5)", "connect", "5", "connect_timeout", 5),
    ("f(interval=1)", "f", "1", "interval", 1),
    ("f(poll_interval=2)", "f", "2", "poll_interval", 2),
    ("f(delay=3)", "f", "3", "delay", 3),
    ("f(retry_delay=3)", "f", "3", "retry_delay", 3),
    ("f(ttl=60)", "f", "60", "ttl", 60),
    ("f(expire=60)", "f", "60", "expire", 60),
    ("f(backoff=2)", "f", "2", "backoff", 2),
    ("f(heartbeat=15)", "f", "15", "heartbeat", 15),
    ("f(keepalive=30)", "f", "30", "keepalive", 30),
    ("f(max_age=3600)", "f", "3600", "max_age", 3600),
    ("f(grace_seconds=4)", "f", "4", "grace_seconds", 4),
    ("f(grace_secs=4)", "f", "4", "grace_secs", 4),
    ("f(retry_delay_ms=250)", "f", "250", "retry_delay_ms", 0.25),
    ("f(wait_millis=250)", "f", "250", "wait_millis", 0.25),
    ("f(window_minutes=5)", "f", "5", "window_minutes", 300),
    ("f(window_hours=2)", "f", "2", "window_hours", 7200),
    ("f(health_check_interval=30)", "f", "30", "health_check_interval", 30),
    ("f(blocking_timeout=5)", "f", "5", "blocking_timeout", 5),
    ("f(interval_max=9)", "f", "9", "interval_max", 9),
    ("f(max_delay=9)", "f", "9", "max_delay", 9),
    ("f(weeks=1)", "f", "1", "weeks", 604800),
    ("f(blockingTimeout=5)", "f", "5", "blockingTimeout", 5),
    ("task(soft_time_limit=60)", "task", "60", "soft_time_limit", 60),
    ("f(time_to_live=60)", "f", "60", "time_to_live", 60),
    ("f(sleep_time=0.5)", "f", "0.5", "sleep_time", 0.5),
    (
        "from django.core.cache import cache\ncache.set(k, v, 300)",
        "django.core.cache.cache.set",
        "300",
        2,
        300,
    ),
    (
        "import pytest\n@pytest.mark.timeout(60)\ndef test(): pass",
        "pytest.mark.timeout",
        "60",
        0,
        60,
    ),
]


@pytest.mark.parametrize(("source", "api", "value", "arg", "seconds"), FOUND)
def test_duration_is_found(detect, source, api, value, arg, seconds):
    (finding,) = detect(source)
    assert summary([finding]) == [("duration", api, value, arg)]
    assert finding.seconds == seconds


NOT_FOUND = [
    "import time\ntime.sleep(delay)",  # a name, not a literal
    "import time\ntime.sleep(x * 60)",  # not literal-only
    "import time\ntime.time() - 5",  # not an argument
    "f(verbosity=3)",  # neither a duration nor a limit word
    "f(timeout=None)",  # not a number
    "f(timeout=True)",  # a bool is not a number
    "def f(ex=60): pass",  # `ex` as a parameter is not a duration
    "f(maximum=3)",  # `max` inside a word does not make `age`
    "f(page=3)",
    "f(timeout='30')",  # text, not a number
    "import datetime\ndatetime.timedelta(seconds=n)",
    "agent.sleep_mode(3)",  # last name is not `sleep`
    "SECONDS_PER_DAY = 86400",  # a conversion factor, not a duration
    "f(requests_per_second=10)",  # a rate
    "MS_TO_NS = 10 ** 6",
    "WAIT_TIMEOUT = 0x102",  # a Windows status code, written in hex
    "ERROR_TIMEOUT = -3",  # an error code
    "WAIT_OBJECT_0 = 0",
    "f(timeout_count=3)",  # a number of timeouts
]


@pytest.mark.parametrize("source", NOT_FOUND)
def test_not_a_duration(detect, source):
    assert detect(source) == []


def test_ex_and_px_count_only_as_call_keywords(detect):
    found = detect("client.set(k, v, ex=60)\nex = 60\ndef f(px=5): pass\n")
    assert summary(found) == [("duration", "client.set", "60", "ex")]


def test_assignments_and_defaults_are_found_with_their_context(detect):
    found = detect(
        """
        RETRY_DELAY_SECONDS = 2
        class Poller:
            def __init__(self):
                self.poll_interval = 5
            def connect(self, timeout=30, *, retry_delay_ms=250):
                pass
        """
    )
    contexts = [(f.context.value, f.api, f.scope, f.seconds) for f in found]
    assert contexts == [
        ("assignment", "RETRY_DELAY_SECONDS", None, 2),
        ("assignment", "self.poll_interval", "Poller.__init__", 5),
        ("default", "timeout", "Poller.connect", 30),
        ("default", "retry_delay_ms", "Poller.connect", 0.25),
    ]


def test_annotated_assignment_and_lambda_default(detect):
    found = detect("DEFAULT_WORKER_TTL: int = 3600\ncb = lambda timeout=5: timeout\n")
    assert [(f.context.value, f.value) for f in found] == [("assignment", "3600"), ("default", "5")]


def test_constant_expressions_are_folded(detect):
    found = detect("import time\ntime.sleep(60 * 5)\nf(timeout=-1)\nf(max_size=2 ** 10)\n")
    assert [(f.value, f.number, f.seconds) for f in found] == [
        ("60 * 5", 300, 300),
        ("-1", -1, -1),
        ("2 ** 10", 1024, None),
    ]


def test_user_catalog_adds_apis_and_keywords(detect):
    source = "import mylib\nmylib.retry(fn, delay=2)\nf(grace_period=9)\nf(cool=1)\n"
    catalog = {
        "duration-apis": {"mylib.retry": {"arg": "delay", "unit": "min"}},
        "duration-keywords": ["cool"],
    }
    found = detect(source, catalog=catalog)
    assert [(f.api, f.arg, f.seconds) for f in found] == [
        ("mylib.retry", "delay", 120),
        ("f", "grace_period", 9),
        ("f", "cool", 1),
    ]


def test_both_literal_branches_of_a_conditional_are_found(detect):
    found = detect(
        "import time\ntime.sleep(5.0 if busy else 0.5)\nTIMEOUT = 30 if DEBUG else x\n"
        "f(timeout=None if fast else 60)\n"
    )
    assert [(f.value, f.context.value) for f in found] == [
        ("5.0", "call"), ("0.5", "call"), ("30", "assignment"), ("60", "keyword"),
    ]  # fmt: skip


def test_names_from_a_star_import_are_resolved_through_it(detect):
    (finding,) = detect("from time import *\nsleep(4)\n")
    assert (finding.api, finding.context.value) == ("time.sleep", "call")


def test_a_hex_literal_passed_to_a_call_is_a_finding(detect):
    found = detect("f(ttl=0xFFFFFFFF)\nimport time\ntime.sleep(0o10)\nWAIT_TIMEOUT = 0x102\n")
    assert [(f.value, f.context.value, f.seconds) for f in found] == [
        ("0xFFFFFFFF", "keyword", 4294967295),
        ("0o10", "call", 8),
    ]


def test_a_hex_default_is_a_code(detect):
    assert detect("def wait(timeout=0xFFFFFFFF): pass\nclass C:\n    ttl: int = 0b1\n") == []


def test_each_literal_of_a_tuple_passed_to_a_duration_keyword_is_a_finding(detect):
    found = detect("import requests\nrequests.get(url, timeout=(3.05, 27))\n")
    assert summary(found) == [
        ("duration", "requests.get", "3.05", "timeout"),
        ("duration", "requests.get", "27", "timeout"),
    ]
    assert [(f.context.value, f.seconds, f.column) for f in found] == [
        ("keyword", 3.05, 28),
        ("keyword", 27, 34),
    ]


def test_tuple_and_list_elements_keep_literal_forms_and_skip_the_rest(detect):
    found = detect("f(timeout=[1, 2 * 3, x, *rest])\nf(delay=(5 if a else 6, ()))\n")
    assert [(f.value, f.number) for f in found] == [("1", 1), ("2 * 3", 6), ("5", 5), ("6", 6)]


@pytest.mark.parametrize(
    "source",
    [
        "f(verbosity=(1, 2))",  # not a duration or limit name
        "max((1, 2))",  # a positional tuple is an iterable, not two bounds
        "import time\ntime.sleep((1, 2))",
        "TIMEOUT = (3, 27)",  # only a tuple passed by keyword
        "f(timeout=((1, 2),))",  # nested tuples are data
    ],
)
def test_tuples_that_are_not_findings(detect, source):
    assert detect(source) == []


LIBRARIES = [
    ("SESSION_COOKIE_AGE = 1209600", "SESSION_COOKIE_AGE", "duration"),  # django
    ("CONN_MAX_AGE = 600", "CONN_MAX_AGE", "duration"),
    ("import httpx\nhttpx.Limits(max_keepalive_connections=20)", "httpx.Limits", "limit"),
    ("import redis\nredis.Redis(socket_timeout=5)", "redis.Redis", "duration"),
    ("import pika\npika.ConnectionParameters(heartbeat=600)", "pika.ConnectionParameters",
     "duration"),
    ("client.connect(host, 1883, keepalive=60)", "client.connect", "duration"),  # paho-mqtt
    ("import websockets\nwebsockets.connect(u, ping_interval=20)", "websockets.connect",
     "duration"),
    ("stub.Get(request, timeout=5)", "stub.Get", "duration"),  # grpc
    ("from botocore.config import Config\nConfig(read_timeout=60)", "botocore.config.Config",
     "duration"),
    ("task.apply_async(args, countdown=10)", "task.apply_async", "duration"),  # celery
    ("self.retry(exc=exc, countdown=60)", "self.retry", "duration"),
    ("app.task(soft_time_limit=60)", "app.task", "duration"),
    ("import kafka\nkafka.KafkaConsumer(t, session_timeout_ms=10000)", "kafka.KafkaConsumer",
     "duration"),
    ("import kombu\nkombu.Connection(url, heartbeat=10)", "kombu.Connection", "duration"),
    ("scheduler.add_job(job, 'interval', minutes=5)", "scheduler.add_job", "duration"),
    ("import cachetools\ncachetools.TTLCache(maxsize=100, ttl=300)", "cachetools.TTLCache",
     "limit"),
    ("from tornado.ioloop import IOLoop\nIOLoop.current().call_later(5, cb)",
     "IOLoop.current().call_later", "duration"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "api", "kind"), LIBRARIES)
def test_the_libraries_people_use(detect, source, api, kind):
    found = detect(source)
    assert found and found[0].api == api and found[0].kind.value == kind, summary(found)


def test_a_lowercase_name_of_a_unit_is_still_a_duration(detect):
    """Only a constant (`MINUTE = 60`) defines a unit; `def wait(seconds=30)` is a setting."""
    assert [f.value for f in detect("def wait(seconds=30):\n    pass\n")] == ["30"]


def test_a_hex_limit_bound_to_a_name_is_a_code_too(detect):
    """The contract's rule is for every kind: `POLICY_SET_DEFAULT_QUOTA_LIMITS = 0x80` is a
    Windows policy flag, not a limit of 128; in a call a hex limit is a literal as any other."""
    source = "POLICY_SET_DEFAULT_QUOTA_LIMITS = 0x80\ndef f(max_size=0o777):\n    pass\ng(maxlen=0x100)\n"
    assert [f.value for f in detect(source)] == ["0x100"]
