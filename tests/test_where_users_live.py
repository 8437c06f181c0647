"""Contract section 1, issue 20: multipliers, unit constants, fallbacks, the counts people
configure, code words at a name's head, and the standard library's positional timeouts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import summary
from tests.migrate_helpers import migrated, run

# (source, [(kind, api, value, arg)])
FOUND = [
    # words learned from dramatiq, urllib3, APScheduler and pymemcache (labels of session 8)
    ("def consume(queue_name, prefetch=1):\n    pass\n",
     [("limit", "prefetch", "1", "prefetch")]),
    ("class PoolManager:\n    def __init__(self, num_pools=10, blocksize=16384):\n        pass\n",
     [("limit", "num_pools", "10", "num_pools"), ("limit", "blocksize", "16384", "blocksize")]),
    ("RECV_SIZE = 4096\n", [("limit", "RECV_SIZE", "4096", "RECV_SIZE")]),
    ("def f(self, misfire_grace_time=1, intvl=1):\n    pass\n",
     [("duration", "misfire_grace_time", "1", "misfire_grace_time"),
      ("duration", "intvl", "1", "intvl")]),
    ("from pymemcache.client.base import KeepaliveOpts\nKeepaliveOpts(idle=60, cnt=5)\n",
     [("duration", "pymemcache.client.base.KeepaliveOpts", "60", "idle"),
      ("limit", "pymemcache.client.base.KeepaliveOpts", "5", "cnt")]),
    # requests' pool size as one word; a count at a name's head stays a limit
    ("DEFAULT_POOLSIZE = 10\nMAX_ERROR_COUNT = 5\n",
     [("limit", "DEFAULT_POOLSIZE", "10", "DEFAULT_POOLSIZE"),
      ("limit", "MAX_ERROR_COUNT", "5", "MAX_ERROR_COUNT")]),
    # waitress (labels of session 9): flow-control water marks, a recv() size in bytes
    ("outbuf_high_watermark = 16777216\nrecv_bytes = 8192\n",
     [("limit", "outbuf_high_watermark", "16777216", "outbuf_high_watermark"),
      ("limit", "recv_bytes", "8192", "recv_bytes")]),
    # kafka-python's config dicts: chunk bytes, buffer counts and memory are sizes
    ("DEFAULT_CONFIG = {'sock_chunk_bytes': 4096, 'sock_chunk_buffer_count': 1000, "
     "'buffer_memory': 33554432}\n",
     [("limit", "DEFAULT_CONFIG", "4096", "sock_chunk_bytes"),
      ("limit", "DEFAULT_CONFIG", "1000", "sock_chunk_buffer_count"),
      ("limit", "DEFAULT_CONFIG", "33554432", "buffer_memory")]),
    # so many of a counted thing per anything but a unit of time or of a format
    ("connections_per_node = 10\nrequests_per_second = 5\nMAX_BYTES_PER_CHAR = 4\n",
     [("limit", "connections_per_node", "10", "connections_per_node")]),
    # a code word elsewhere than at the head says nothing
    ("_stop_flag_timeout = 0.1\n", [("duration", "_stop_flag_timeout", "0.1", "_stop_flag_timeout")]),
    ("connect(error_timeout=5)\n", [("duration", "connect", "5", "error_timeout")]),
    # fallbacks of a duration- or limit-named value
    ("self.timeout = timeout or 300\n", [("duration", "self.timeout", "300", "timeout")]),
    ("def f(opts):\n    return opts.get('delay', 3)\n", [("duration", "opts.get", "3", "delay")]),
    ("import os\nos.environ.get('POLL_INTERVAL', 5)\n",
     [("duration", "os.environ.get", "5", "POLL_INTERVAL")]),
    ("getattr(cfg, 'max_retries', 3)\n", [("limit", "getattr", "3", "max_retries")]),
    ("import os\nos.getenv('REQUEST_TIMEOUT', default=30)\n",
     [("duration", "os.getenv", "30", "REQUEST_TIMEOUT")]),
    ("kwargs.setdefault('timeout', 30)\n", [("duration", "kwargs.setdefault", "30", "timeout")]),
    ("cfg.getint('redis', 'max_connections', fallback=10)\n",
     [("limit", "cfg.getint", "10", "max_connections")]),
    ("import time\ntime.sleep(delay or 5)\n", [("duration", "time.sleep", "5", 0)]),
    # a command-line option's default, judged by the option's name
    ("parser.add_argument('--threads', '-t', default=8, type=int)\n",
     [("limit", "parser.add_argument", "8", "--threads")]),
    ("parser.add_argument('--worker-shutdown-timeout', type=int, default=600000)\n",
     [("duration", "parser.add_argument", "600000", "--worker-shutdown-timeout")]),
    ("import click\n@click.option('--num-workers', '-n', type=int, default=1)\ndef main():\n"
     "    pass\n", [("limit", "click.option", "1", "--num-workers")]),
    # the counts people configure
    ("f(retries=3)\n", [("limit", "f", "3", "retries")]),
    ("f(num_retries=2)\n", [("limit", "f", "2", "num_retries")]),
    ("f(attempts=5)\n", [("limit", "f", "5", "attempts")]),
    ("f(pool_connections=10)\n", [("limit", "f", "10", "pool_connections")]),
    ("f(max_events=2000)\n", [("limit", "f", "2000", "max_events")]),
    ("f(flush_max=200)\n", [("limit", "f", "200", "flush_max")]),
    ("DEFAULT_WINDOW_SIZE = 64 * 2**15\n",
     [("limit", "DEFAULT_WINDOW_SIZE", "64 * 2**15", "DEFAULT_WINDOW_SIZE")]),
    ("_DEFAULT_BUFSIZE = 8192\n", [("limit", "_DEFAULT_BUFSIZE", "8192", "_DEFAULT_BUFSIZE")]),
    ("f(max_workers=4, pool_size=5, concurrency=8, prefetch_count=10, backlog=128)\n",
     [("limit", "f", v, k) for k, v in (("max_workers", "4"), ("pool_size", "5"),
      ("concurrency", "8"), ("prefetch_count", "10"), ("backlog", "128"))]),
    ("f(window_size=64, buffer_size=4096, bufsize=8192, max_messages=10, queue_size=100)\n",
     [("limit", "f", v, k) for k, v in (("window_size", "64"), ("buffer_size", "4096"),
      ("bufsize", "8192"), ("max_messages", "10"), ("queue_size", "100"))]),
    ("f(MaxIdle=2, MinConns=1, RetryMax=3, maxRedirects=5, max_inflight=20, max_pending=9)\n",
     [("limit", "f", v, k) for k, v in (("MaxIdle", "2"), ("MinConns", "1"), ("RetryMax", "3"),
      ("maxRedirects", "5"), ("max_inflight", "20"), ("max_pending", "9"))]),
    ("f(max_reconnects=5, max_redirects=30, max_pings=3, max_payload=1024, max_open=9)\n",
     [("limit", "f", v, k) for k, v in (("max_reconnects", "5"), ("max_redirects", "30"),
      ("max_pings", "3"), ("max_payload", "1024"), ("max_open", "9"))]),
    # the duration-named side of a product stays a duration (only the other name is a factor)
    ("def f(timeout=30, scale=2):\n    return timeout * scale\n",
     [("duration", "timeout", "30", "timeout")]),
    ("def f(num_workers=1, threads=8, processes=2, replicas=3):\n    pass\n",
     [("limit", k, v, k) for k, v in (("num_workers", "1"), ("threads", "8"),
      ("processes", "2"), ("replicas", "3"))]),
    ("min(n, 65536)\nmin(n, 1000)\n", [("clamp", "min", "65536", 1), ("clamp", "min", "1000", 1)]),
    # a limit whose head is what it counts wins over a duration word before it
    ("f(max_keepalive_connections=20, connect_timeout_retries=2, max_delay=5)\n",
     [("limit", "f", "20", "max_keepalive_connections"),
      ("limit", "f", "2", "connect_timeout_retries"), ("duration", "f", "5", "max_delay")]),
    # an `or` fallback inside a clamp is named by what it stands in for (tornado, labels17py)
    ("def f(read_chunk_size, n):\n    return min(read_chunk_size or 65536, n // 2)\n",
     [("limit", "min", "65536", "read_chunk_size")]),
    # an entry set by its string key (tornado's `cookie_kwargs["expires_days"] = 30`)
    ("def f(cookie_kwargs, opts):\n    cookie_kwargs['expires_days'] = 30\n"
     "    opts['name'] = 4\n    opts[0] = 5\n",
     [("duration", "cookie_kwargs['expires_days']", "30", "expires_days")]),
    # a connection's lingering and a driver's fetch size (aiohttp, cassandra; labels18py)
    ("def serve(lingering_time=10.0, default_fetch_size=5000):\n    pass\n",
     [("duration", "lingering_time", "10.0", "lingering_time"),
      ("limit", "default_fetch_size", "5000", "default_fetch_size")]),
    # luigi's parameters hold their default; a random draw holds its range; luigi's config
    # takes a fallback third; a poll time is a duration (labels19py)
    ("import luigi\nclass scheduler(luigi.Config):\n"
     "    retry_delay = luigi.FloatParameter(default=900.0)\n",
     [("duration", "retry_delay", "900.0", "retry_delay")]),
    ("import random\njitter = random.randint(120, 600)\n",
     [("duration", "jitter", "120", "jitter"), ("duration", "jitter", "600", "jitter")]),
    ("def f(config):\n    return config.getfloat('core', 'rpc-connect-timeout', 10.0)\n",
     [("duration", "config.getfloat", "10.0", "rpc-connect-timeout")]),
    ("POLL_TIME = 10\n_REFRESH_WINDOW = 15 * 60\n",
     [("duration", "POLL_TIME", "10", "POLL_TIME"),
      ("duration", "_REFRESH_WINDOW", "15 * 60", "_REFRESH_WINDOW")]),
    # each literal of an entry's tuple, judged by its key (botocore's config table)
    ("VARS = {\n    'metadata_service_timeout': (\n        'metadata_service_timeout',\n"
     "        'AWS_METADATA_SERVICE_TIMEOUT',\n        1,\n        int,\n    ),\n"
     "    'read_timeout': (3.05, 27),\n    'size': (640, 480),\n}\n",
     [("duration", "VARS", "1", "metadata_service_timeout"),
      ("duration", "VARS", "3.05", "read_timeout"), ("duration", "VARS", "27", "read_timeout")]),
    # a dict whose keys name no setting holds its binding's setting per key (botocore's
    # `_SERVICE_MAX_ATTEMPTS`, labels19py); a key that names a setting or a factor does not
    ("_SERVICE_MAX_ATTEMPTS = {'dynamodb': 4}\nTIMEOUTS = {'connect': 5}\n"
     "_BACKOFF_CONFIG = {'base_scale': 1}\nRETRY_CONFIG = {'max_attempts': 3, 'mode': 2}\n",
     [("limit", "_SERVICE_MAX_ATTEMPTS", "4", "dynamodb"), ("duration", "TIMEOUTS", "5", "connect"),
      ("limit", "RETRY_CONFIG", "3", "max_attempts")]),
    # `num_` with a count in the singular counts it as the plural does (luigi's gcs)
    ("def put_multiple(num_process=1, num_retry=3):\n    pass\n",
     [("limit", "num_process", "1", "num_process"), ("limit", "num_retry", "3", "num_retry")]),
    # a fragment size, a ceiling (autobahn, sanic; labels20py)
    ("def connect(autoFragmentSize=65536):\n    pass\nHEADER_CEILING = 16_384\n",
     [("limit", "autoFragmentSize", "65536", "autoFragmentSize"),
      ("limit", "HEADER_CEILING", "16_384", "HEADER_CEILING")]),
    # a cache's capacity, whatever it caches (tornado's `MAX_CACHED_VERSIONS`)
    ("MAX_CACHED_VERSIONS = 10000\n",
     [("limit", "MAX_CACHED_VERSIONS", "10000", "MAX_CACHED_VERSIONS")]),
    # a registrar's named option through any receiver (tornado's `options.define`)
    ("def f(options):\n    options.define('log_rotate_interval', type=int, default=1)\n",
     [("duration", "options.define", "1", "log_rotate_interval")]),
    # ... also under a bound word standing last (ttrpc's `DEFAULT_WAIT_THREAD_COUNT_MAX`)
    ("WAIT_THREAD_COUNT_MAX = 5\nRETRY_DELAY_MAX = 30\n",
     [("limit", "WAIT_THREAD_COUNT_MAX", "5", "WAIT_THREAD_COUNT_MAX"),
      ("duration", "RETRY_DELAY_MAX", "30", "RETRY_DELAY_MAX")]),
    # multipliers: a finding only where a catalogued API lists them, as a limit
    ("from urllib3.util.retry import Retry\nRetry(backoff_factor=0.5)\n",
     [("limit", "urllib3.util.retry.Retry", "0.5", "backoff_factor")]),
    ("from huey.consumer import Consumer\nConsumer(huey, backoff=1.15)\n",
     [("limit", "huey.consumer.Consumer", "1.15", "backoff")]),
    # a unit word wins over a multiplier word; jitter is a duration word, singular or plural
    ("f(backoff_factor_ms=50)\n", [("duration", "f", "50", "backoff_factor_ms")]),
    ("f(jitter=0.5, jitters=2, jitter_ms=100)\n",
     [("duration", "f", "0.5", "jitter"), ("duration", "f", "2", "jitters"),
      ("duration", "f", "100", "jitter_ms")]),
    ("f(limits=5)\n", [("limit", "f", "5", "limits")]),
    # the standard library's blocking calls, by position
    ("import queue\nq = queue.Queue()\nq.get(True, 5)\n", [("duration", "queue.Queue.get", "5", 1)]),
    ("import queue\nclass W:\n    def __init__(self):\n        self.q = queue.Queue(100)\n"
     "    def run(self):\n        self.q.put(item, True, 2)\n",
     [("limit", "queue.Queue", "100", 0), ("duration", "queue.Queue.put", "2", 2)]),
    ("lock.acquire(True, 5)\n", [("duration", "lock.acquire", "5", 1)]),
    ("fut.result(5)\n", [("duration", "fut.result", "5", 0)]),
    ("selector.select(0.5)\n", [("duration", "selector.select", "0.5", 0)]),
    ("event.wait(5)\n", [("duration", "event.wait", "5", 0)]),
    ("cond.wait(5)\n", [("duration", "cond.wait", "5", 0)]),
    ("proc.wait(5)\n", [("duration", "proc.wait", "5", 0)]),
    ("thread.join(5)\n", [("duration", "thread.join", "5", 0)]),
    ("import subprocess\nproc = subprocess.Popen(cmd)\nproc.communicate(None, 5)\n",
     [("duration", "subprocess.Popen.communicate", "5", 1)]),
    ("from concurrent.futures import ThreadPoolExecutor, wait\nwait(fs, 10)\n"
     "pool = ThreadPoolExecutor(8)\n",
     [("duration", "concurrent.futures.wait", "10", 1),
      ("limit", "concurrent.futures.ThreadPoolExecutor", "8", 0)]),
    # one item is no tunable, two are; a name other than the bare keyword is
    ("redis.zpopmin(key, count=2)\nsub.unsubscribe(limit=5)\nf(max_count=1)\n",
     [("limit", "redis.zpopmin", "2", "count"), ("limit", "sub.unsubscribe", "5", "limit"),
      ("limit", "f", "1", "max_count")]),
    # counting down from it keeps it a budget; a counter elsewhere says nothing
    ("def f():\n    retries = 3\n    while retries:\n        retries -= 1\n",
     [("limit", "retries", "3", "retries")]),
    ("def f():\n    attempts = 5\ndef g(attempts):\n    attempts += 1\n",
     [("limit", "attempts", "5", "attempts")]),
    # a receiver built in a chained assignment is known by both names
    ("import queue\nclass W:\n    def __init__(self):\n        self.q = q = queue.Queue()\n"
     "        q.get(True, 5)\n    def run(self):\n        self.q.get(True, 6)\n",
     [("duration", "queue.Queue.get", "5", 1), ("duration", "queue.Queue.get", "6", 1)]),
    # a parameter whose default is None is whatever the caller passes: the api as written
    ("class W:\n    def __init__(self, opts=None, redis=None):\n"
     "        opts.get('delay', 3)\n        redis.lpop(k, count=5)\n",
     [("duration", "opts.get", "3", "delay"), ("limit", "redis.lpop", "5", "count")]),
    ("import threading\ndef f(event=None):\n    event = event or threading.Event()\n"
     "    event.wait(7)\n", [("duration", "event.wait", "7", 0)]),
    ("done = False\ndone.wait(5)\n", [("duration", "done.wait", "5", 0)]),
    # pow of two literals is a constant expression, like `2 ** 29`
    ("MAX_WINDOW_SIZE = pow(2, 29)\n",
     [("limit", "MAX_WINDOW_SIZE", "pow(2, 29)", "MAX_WINDOW_SIZE")]),
    ("def f(max_size=pow(2, 10) * 4):\n    pass\n",
     [("limit", "max_size", "pow(2, 10) * 4", "max_size")]),
    ("import time\ntime.sleep(pow(2, 3))\n", [("duration", "time.sleep", "pow(2, 3)", 0)]),
    # memcached clients' expiry: `time` as a call's keyword and as the parameter it fills
    ("def go(mc):\n    mc.set('k', 1, time=60)\n", [("duration", "mc.set", "60", "time")]),
    ("class Client:\n    def incr(self, key, value, time=1000000):\n        pass\n",
     [("duration", "time", "1000000", "time")]),
    # a key held in a name or an attribute names its entry (redis-py's keepalive options,
    # httpcore's h2 settings keyed by SettingCodes)
    ("import socket\ndef opts(options, tcp_keepidle):\n    options[tcp_keepidle] = 30\n"
     "    options[socket.TCP_KEEPCNT] = 3\n",
     [("duration", "options[tcp_keepidle]", "30", "tcp_keepidle"),
      ("limit", "options[socket.TCP_KEEPCNT]", "3", "TCP_KEEPCNT")]),
    ("import h2.settings\nSETTINGS = {h2.settings.SettingCodes.MAX_CONCURRENT_STREAMS: 100}\n",
     [("limit", "SETTINGS", "100", "MAX_CONCURRENT_STREAMS")]),
    # of two durations multiplied, `backoff` is the factor and `delay` the delay (huey)
    ("import asyncio\nasync def aget(res, backoff=1.15):\n    delay = 0.1\n    while res:\n"
     "        await asyncio.sleep(delay)\n        delay = delay * backoff\n",
     [("duration", "delay", "0.1", "delay")]),
    # a table of (name, default) pairs (huey's consumer options); a bare backoff is no delay
    ("config_defaults = (\n    ('workers', 1),\n    ('initial_delay', 0.1),\n"
     "    ('backoff', 1.15),\n)\n",
     [("limit", "config_defaults", "1", "workers"),
      ("duration", "config_defaults", "0.1", "initial_delay")]),
    # a margin added to or taken from a time is a duration where the whole is one
    # (python-engineio's `max(ping_interval, ping_timeout) + 5`, rq's `worker_ttl - 15`)
    ("import time\ndef f(a, b, ttl, sock):\n    sock.settimeout(max(a, b) + 5)\n"
     "    wait(timeout=max(a, b) + 6)\n    dequeue_timeout = ttl - 15\n"
     "    deadline = time.monotonic() + 2.0\n",
     [("duration", "sock.settimeout", "5", 0), ("duration", "wait", "6", "timeout"),
      ("duration", "dequeue_timeout", "15", "dequeue_timeout"),
      ("duration", "deadline", "2.0", "deadline")]),
    # the file's own lookup with a default: judged by the name it looks up (celery's state)
    ("import os\ndef _int_env(name, default):\n    return int(os.environ.get(name, default))\n"
     "REVOKES_MAX = _int_env('CELERY_WORKER_REVOKES_MAX', 50000)\n"
     "NAME = _int_env('CELERY_WORKER_NAME', 7)\n",
     [("limit", "_int_env", "50000", "CELERY_WORKER_REVOKES_MAX")]),
    # ... also as an `or` fallback (rq's `timeout = timeout or self.worker_ttl + 60`)
    ("def f(self, timeout=None):\n    timeout = timeout or self.worker_ttl + 60\n"
     "    self.conn.read(timeout=timeout or self.worker_ttl + 61)\n    count = count or n + 5\n",
     [("duration", "timeout", "60", "timeout"), ("duration", "self.conn.read", "61", "timeout")]),
    # a size counted in megabytes (huey's SqliteStorage), a deadline (saq's worker)
    ("def f(cache_mb=8, cancellation_hard_deadline_s=1.0):\n    pass\n",
     [("limit", "cache_mb", "8", "cache_mb"),
      ("duration", "cancellation_hard_deadline_s", "1.0", "cancellation_hard_deadline_s")]),
    # redis-py's retry count, gunicorn's rate window
    ("DEFAULT_RETRY_COUNT = 10\nRST_STREAM_RATE_WINDOW = 10.0\n",
     [("limit", "DEFAULT_RETRY_COUNT", "10", "DEFAULT_RETRY_COUNT"),
      ("duration", "RST_STREAM_RATE_WINDOW", "10.0", "RST_STREAM_RATE_WINDOW")]),
]  # fmt: skip


#: (HARDCODE_LINT_FASTPASS, prefilter): the tree-sitter pre-pass, the ``ast`` one, and none;
#: each finds the same (a pre-filter that drops a form loses it for every user).
PASSES = [("1", True), ("0", True), ("0", False)]


@pytest.mark.parametrize(("fast", "prefilter"), PASSES)
@pytest.mark.parametrize(("source", "expected"), FOUND)
def test_found(detect, monkeypatch, source, expected, fast, prefilter):
    monkeypatch.setenv("HARDCODE_LINT_FASTPASS", fast)
    assert summary(detect(source, prefilter=prefilter)) == expected


NOT_FOUND = [
    # a bound on a code is the code's range (aiohttp-retry, session 9's trial)
    "_MIN_SERVER_ERROR_STATUS = 500\nMAX_ERROR_CODE = 599\n",
    # a code word at the head, or a C-style namespace in capitals
    "ERROR_TIMEOUT = 1460\n",
    "timeout_count = 3\n",
    "TIMEOUT_ERROR = 7\n",
    "WAIT_OBJECT_0 = 258\n",
    "num_timeouts = 4\n",
    "STATUS_WAIT = 2\n",
    # an identifier generator's space is a fact of its format (nats' nuid)
    "MAX_SEQ = 839299365868340224\nMIN_INC = 33\nMAX_INC = 333\n",
    # an on/off switch, whatever else its name says
    "opts = {'grpc.keepalive_permit_without_calls': 1}\n",
    "keepalive_enabled = 1\nenableKeepAlive = 1\n",
    # multipliers
    "backoff_factor = 1.5\n",
    "f(retry_backoff_multiplier=2)\n",
    "f(backoff_factors=(1, 2))\n",
    "SCALE_RATIO = 0.75\n",
    # a name a duration is multiplied by is a factor (kazoo's `backoff=2` with
    # `sleeptime * self.backoff`), in `*=` or in a product
    "class R:\n    def __init__(self, backoff=2):\n        self.backoff = backoff\n"
    "    def next(self, sleep_time):\n        return sleep_time * self.backoff\n",
    # a duration a value is divided by is its unit (tornado's `t / timedelta(milliseconds=1)`)
    "import datetime\ndef ms(t):\n    return t / datetime.timedelta(milliseconds=1)\n",
    # unit constants: unit words only ("one", "per", "in", "to" aside), a unit's size
    "MS_PER_SECOND = 1000\n",
    "SECONDS_IN_DAY = 86400\n",
    "NS_TO_MS = 1_000_000\n",
    "import datetime\nDAY = datetime.timedelta(days=1)\n",
    "import datetime\nONE_HOUR = datetime.timedelta(hours=1)\nMINUTE = datetime.timedelta(seconds=60)\n",
    # fallbacks: a string default is no number; a name that is no tunable's
    "import os\nos.environ.get('POLL_INTERVAL', '5')\n",
    "d.get('name', 5)\n",
    "getattr(obj, 'verbosity', 3)\n",
    "flag = enabled or 1\n",
    "parser.add_argument('--verbose', '-v', default=1)\n",
    # an `or` fallback is no clamp bound
    "max(n or 10, count)\n",
    # a singular count is a loop's counter; dict.get needs a receiver built by queue.Queue
    "attempt = 1\n",
    "worker = 1\nthread = 2\n",
    "d = {}\nd.get(True, 5)\n",
    # a local limit-named name counted up is a counter: its literal is the start
    "def f():\n    attempts = 1\n    while True:\n        attempts += 1\n",
    # a call's `count=1` / `limit=1` asks for one item
    "redis.zpopmin(key, count=1)\n",
    "r.xrevrange(key, '+', '-', count=1)\n",
    "sub.unsubscribe(limit=1)\n",
    # pow of anything but two literals is no constant expression
    "MAX_WINDOW_SIZE = pow(2, n)\n",
    "MAX_WINDOW_SIZE = pow(2, 29, m)\n",
    # a point in time is no span (saq's `kwargs.pop("expire_at", -1)`)
    "def f(kwargs):\n    return kwargs.pop('expire_at', 30)\n",
    # a switch written as a number (neo4j's `keep_alive = 1 if config.keep_alive else 0`)
    "def f(config):\n    keep_alive = 1 if config.keep_alive else 0\n",
    # an index of a counted thing is no count
    "def f(index_worker=2):\n    pass\n",
    # a conversion table and a default's dict are no settings by their binding
    "TIMEOUT_UNITS = {'s': 1, 'ms': 0.001}\n",
    "def f(timeouts={'connect': 5}):\n    pass\n",
    # an XML schema's cardinality is no limit (zeep's `min_occurs=1, max_occurs=1`)
    "def element(name, min_occurs=1, max_occurs=1):\n    pass\n",
    # an enumeration's members are codes (aiokafka's `CloseReason(IntEnum)`)
    "from enum import IntEnum\nclass CloseReason(IntEnum):\n    CONNECTION_TIMEOUT = 1\n",
    "import enum\nclass Retry(enum.Flag):\n    MAX_RETRIES = 4\n",
    # `time` is a duration only as a keyword or a parameter's whole name
    "LC_TIME = 5\nelapsed_time = 3\ntime = 4\n",
    "def f(start_time=10):\n    pass\n",
    # a name of units only defines the unit; a sysctl MIB is no size
    "ONE_MB = 1\nKB_PER_MB = 1024\n_CTL_QUERY_MIB = 3\n",
    # a margin of anything but a time: a count's, a clamp's operand, an off-by-one
    "def f(buf, n, day):\n    count = len(buf) + 1\n    max_size = n + 100\n"
    "    m = max(n + 1, 0)\n    retries = n - 2\n    days = n + day - 1\n",
    # one pair is no table; a table of pairs whose names name nothing
    "x = ('timeout', 5)\nOTHER = [('name', 5), ('id', 3)]\n",
    # a key held in a name that names nothing
    "def f(d, i):\n    d[i] = 5\n    return {i: 6}\n",
]


@pytest.mark.parametrize("source", NOT_FOUND)
def test_not_found(detect, source):
    assert detect(source) == []


def test_a_unit_constant_with_another_value_is_a_duration(detect):
    found = detect("import datetime\nDAYS = datetime.timedelta(days=3)\n")
    assert summary(found) == [("duration", "datetime.timedelta", "3", "days")]


def test_a_multiplier_has_no_unit_and_no_seconds(detect):
    (found,) = detect("from urllib3.util.retry import Retry\nRetry(total=3, backoff_factor=0.5)\n")[
        1:
    ]
    assert found.kind.value == "limit" and found.unit is None and found.seconds is None


def test_pow_is_one_literal_expression_with_its_value(detect):
    (found,) = detect("MAX_WINDOW_SIZE = pow(2, 29)\n")
    assert (found.number, found.line, found.column, found.end_column) == (2**29, 1, 19, 29)


def test_a_fallback_is_given_by_name_and_its_place(detect):
    (found,) = detect("def f(opts):\n    return opts.get('delay', 3)\n")
    assert (found.context.value, found.code, found.arg, found.arg_alias) == (
        "keyword", "HCL102", "delay", 1)  # fmt: skip
    assert found.snippet == 'opts.get("delay", 3)' or found.snippet == "opts.get('delay', 3)"


@pytest.mark.parametrize("prefilter", [True, False])
def test_the_prefilters_keep_what_the_detector_finds(detect, prefilter):
    source = "x = opts.get('delay', 3)\nself.timeout = timeout or 300\nfut.result(5)\n"
    assert len(detect(source, prefilter=prefilter)) == 3


def test_the_settings_of_a_factor_say_no_seconds(tmp_path, monkeypatch):
    from tests.helpers import cli

    (tmp_path / "pyproject.toml").write_text("[tool.hardcode-lint]\n")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "worker.py").write_text(
        "from huey.consumer import Consumer\nimport time\n"
        "Consumer(huey, backoff=1.15)\ntime.sleep(5)\n"
    )
    monkeypatch.chdir(tmp_path)
    code, suggested, _ = cli("rules", "suggest", "pkg")
    assert code == 0
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "pkg.toml").write_text(suggested)
    code, out, _ = cli("defaults")
    lines = out.splitlines()
    assert code == 0 and "backoff = 1.15" in lines and "delay_seconds = 5" in lines
    assert "seconds" not in out.replace("delay_seconds", "")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("POLL_TIMEOUT_MULT = 1 / 1000\n", []),  # pika: s -> ms for the poller, a factor
        ("_MAX_TCP_KEEPIDLE = 120\n", [("duration", "120")]),  # pymongo
        ("_MAX_TCP_KEEPINTVL = 10\n", [("duration", "10")]),
        ("_MAX_TCP_KEEPCNT = 9\n", [("limit", "9")]),
        ("MAX_CONNECTING = 2\n", [("limit", "2")]),
        ("def f(max_headers=32768):\n    pass\n", [("limit", "32768")]),  # aiohttp
        ("def f(chunk_size=256 * 1024):\n    pass\n", [("limit", "256 * 1024")]),
        ("FLAGS = {'tailable': 2, 'no_timeout': 16}\nc.find(**FLAGS)\n", []),  # pymongo: a bit
        ("def f(no_delay=1):\n    pass\n", []),  # a yes/no
    ],
)  # fmt: skip
def test_words_the_hand_labels_of_pika_aiohttp_and_pymongo_taught(detect, source, expected):
    assert [(f.kind.value, f.value) for f in detect(source)] == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # `max`/`min` with any other word, bound to a literal (gunicorn, websockets, kombu)
        ("MAX_REQUEST_LINE = 8190\n", [("limit", "8190")]),
        ("MAX_LINE = 8192\n", [("limit", "8192")]),
        ("MAX_BODY = 2**20\n", [("limit", "2**20")]),
        ("def read(max_chunk=8192):\n    pass\n", [("limit", "8192")]),
        ("def fire_timers(max_timers=10):\n    pass\n", [("limit", "10")]),
        ("DEFAULT_RESET_STREAM_MAX = 10\n", [("limit", "10")]),
        ("MAXIMUM_DEPTH = 10\n", [("limit", "10")]),
        # ... not a fact of a type, a scale or a format, nor a one-letter variable's bound
        ("MAX_INT = 2147483647\n", []),
        ("MIN_VALUE = -100\n", []),
        ("MAX_TLS_VERSION = 4\n", []),
        ("MAX_PORT = 65535\n", []),
        ("MAX_PATH = 260\n", []),
        ("MAX_DIGITS = 769\n", []),
        ("MAX_N = 1 << 31\n", []),
        ("max_x = 100\n", []),
        ("DEFAULT_MAX = 5\n", []),
        ("MAX = 5\n", []),
        # ... and only bound to a name: an uncatalogued call's keyword is as before
        ("f(max_foo=3)\n", []),
        # a limit holding an integer type's largest value is a setting like another
        ("max_size = 255\n", [("limit", "255")]),
        ("max_size = 256\n", [("limit", "256")]),
        # a name with a `spec`/`rfc` word is a standard's constant
        ("SPEC_WINDOW_SIZE = 65536\n", []),
        ("RFC_MAX_HEADERS = 100\n", []),
    ],
)  # fmt: skip
def test_max_and_min_with_any_noun_bound_to_a_name(detect, source, expected):
    assert [(f.kind.value, f.value) for f in detect(source)] == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # how much one read takes or prefetches (redis, paramiko)
        ("def f(socket_read_size=65536):\n    pass\n", [("limit", "65536")]),
        ("def get(read_aheads=50):\n    pass\n", [("limit", "50")]),
        # flow-control windows of a connection or a stream (hyper)
        ("DEFAULT_CONN_WINDOW = 1024 * 1024 * 5\n", [("limit", "1024 * 1024 * 5")]),
        ("DEFAULT_STREAM_WINDOW = 1024 * 1024\n", [("limit", "1024 * 1024")]),
        # `window` or `read` alone says nothing
        ("window = 5\n", []),
        ("read = 3\n", []),
        ("read_only = 1\n", []),
    ],
)  # fmt: skip
def test_read_sizes_and_flow_control_windows_are_limits(detect, source, expected):
    assert [(f.kind.value, f.value) for f in detect(source)] == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5\n", [("limit", "5")]),  # asyncio
        ("encode_threshold = 1400\n", [("limit", "1400")]),  # xmlrpc
        ("def f(ceil_threshold=5):\n    pass\n", [("limit", "5")]),  # aiohttp (seconds)
        ("LOCAL_THRESHOLD_MS = 15\n", [("duration", "15")]),  # pymongo: a unit word wins
    ],
)  # fmt: skip
def test_a_threshold_is_a_limit_unless_a_unit_makes_it_a_duration(detect, source, expected):
    assert [(f.kind.value, f.value) for f in detect(source)] == expected


# What the hand labels of gunicorn, kombu and redis-py taught (session 6): settings declared as
# classes, the default of a `count` parameter, a limit held in a one-element list, event-loop
# timers.  (source, [(kind, api, value, arg)])
TAUGHT_FOUND = [
    ("class Timeout(Setting):\n    name = 'timeout'\n    type = int\n    default = 30\n",
     [("duration", "Timeout.default", "30", "Timeout")]),
    ("class Backlog(Setting):\n    default = 2048\n\nclass LimitRequestLine(Setting):\n"
     "    default: int = 4094\n",
     [("limit", "Backlog.default", "2048", "Backlog"),
      ("limit", "LimitRequestLine.default", "4094", "LimitRequestLine")]),
    ("class Config:\n    class Keepalive(Setting):\n        value = 2\n",
     [("duration", "Keepalive.value", "2", "Keepalive")]),
    ("_limit = [10]\n", [("limit", "_limit", "10", "_limit")]),
    ("def fetch(self, queue, count=10, callback=None):\n    pass\n",
     [("limit", "count", "10", "count")]),
    # a limit by its own word keeps its 1 (dramatiq's rate limiters: one at a time)
    ("def __init__(self, backend, key, *, limit=1):\n    pass\n",
     [("limit", "limit", "1", "limit")]),
    ("loop.call_repeatedly(10, cycle.maybe_restore_messages)\n",
     [("duration", "loop.call_repeatedly", "10", 0)]),
    ("timer.call_after(5, on_timeout)\n", [("duration", "timer.call_after", "5", 0)]),
]  # fmt: skip

TAUGHT_NOT_FOUND = [
    "class Umask(Setting):\n    default = 0o22\n",  # a class named for nothing
    "class Timeout(Setting):\n    def f(self):\n        default = 30\n",  # not the class's own
    "class Timeout(Setting):\n    fallback = 30\n",  # not a settings field
    "default = 30\nvalue = 5\n",  # no class
    "_DAYS_BEFORE_MONTH = [-1]\n",  # a table's first row, not a held limit
    "_limit = [10, 20]\n",  # a list of values
    "def line(self, count=1):\n    pass\n",  # one item, as `count=1` of a call
    "def f(amount=10):\n    pass\n",  # only the exact keyword is a limit
]


@pytest.mark.parametrize("fast", ["1", "0"])
@pytest.mark.parametrize("prefilter", [True, False])
@pytest.mark.parametrize(("source", "expected"), TAUGHT_FOUND)
def test_taught_by_gunicorn_kombu_redis(detect, monkeypatch, source, expected, prefilter, fast):
    monkeypatch.setenv("HARDCODE_LINT_FASTPASS", fast)  # every pre-filter keeps them
    assert summary(detect(source, prefilter=prefilter)) == expected


@pytest.mark.parametrize("source", TAUGHT_NOT_FOUND)
def test_not_taught(detect, source):
    assert detect(source) == []


def test_a_settings_class_field_is_replaced_where_it_stands(detect):
    (found,) = detect("class GracefulTimeout(Setting):\n    default = 30\n")
    assert (found.context.value, found.code, found.unit, found.seconds) == (
        "assignment", "HCL103", "s", 30)  # fmt: skip
    assert (found.line, found.column, found.snippet) == (2, 15, "default = 30")
    assert found.scope == "GracefulTimeout"


# What the surroundings say a literal is (session 6, the open items of huey and APScheduler):
# a factor the module multiplies a delay by, a platform bound, the clock's grain.
SURROUNDED_NOT_FOUND = [
    # huey: `backoff` multiplies the delay, in this function or anywhere in the module
    "def get(self, timeout=None, backoff=1.15):\n    delay = self.start\n    while True:\n"
    "        sleep(delay)\n        delay *= backoff\n",
    "class Consumer:\n    def __init__(self, backoff=1.15):\n        self.backoff = backoff\n"
    "class Scheduler:\n    def sleep(self):\n        self.delay *= self.backoff\n",
    # ... and where the delay is read from a mapping, with its own fallback (huey's
    # `as_completed`): the passes look through `[...]` and `or` to the delay's name
    "def as_completed(rs, backoff=1.15):\n    delay = {}\n    for r in rs:\n"
    "        delay[r.id] = (delay[r.id] or 0.1) * backoff\n",
    # a fraction bound to a limit name is a ratio
    "SHORTCUT_THRESHOLD = 0.95\n",
]

SURROUNDED_FOUND = [
    # not multiplied, or multiplied by something else, or with a unit word: still a duration
    ("def get(self, backoff=2, backoff_ms=50):\n    delay = 0.1\n    delay *= backoff_ms\n",
     [("duration", "backoff", "2", "backoff"), ("duration", "backoff_ms", "50", "backoff_ms"),
      ("duration", "delay", "0.1", "delay")]),
    ("def f(timeout=5):\n    total = 3\n    total *= timeout\n",
     [("duration", "timeout", "5", "timeout")]),
    # a bound that is not a type's maximum, and a limit passed by keyword, are settings
    ("max_connections = max_connections or 2**31\nTIMEOUT = 4294968\nf(max_size=65535)\n",
     [("limit", "max_connections", "2**31", "max_connections"),
      ("duration", "TIMEOUT", "4294968", "TIMEOUT"), ("limit", "f", "65535", "max_size")]),
    ("from datetime import timedelta\nstep = timedelta(microseconds=5)\n",
     [("duration", "datetime.timedelta", "5", "microseconds")]),
    # an integer type's largest value and the clock's grain are settings too: every hand-
    # labelled set counted them (APScheduler's TIMEOUT_MAX and Qt clamp, paramiko's window,
    # kafka-python's MAX_TIMEOUT, dramatiq's prefetch clamp, APScheduler's one microsecond)
    ("try:\n    from threading import TIMEOUT_MAX\nexcept ImportError:\n    TIMEOUT_MAX = 4294967\n",
     [("duration", "TIMEOUT_MAX", "4294967", "TIMEOUT_MAX")]),
    ("MAX_WINDOW_SIZE = 2**32 - 1\nZIP_FILECOUNT_LIMIT = (1 << 16) - 1\n",
     [("limit", "MAX_WINDOW_SIZE", "2**32 - 1", "MAX_WINDOW_SIZE"),
      ("limit", "ZIP_FILECOUNT_LIMIT", "(1 << 16) - 1", "ZIP_FILECOUNT_LIMIT")]),
    ("from datetime import timedelta\nstart = previous + timedelta(microseconds=1)\n",
     [("duration", "datetime.timedelta", "1", "microseconds")]),
    ("min(int(wait_seconds * 1000), 2147483647)\nmin(worker_threads * 2, 65535)\n",
     [("clamp", "min", "2147483647", 1), ("clamp", "min", "65535", 1)]),
]  # fmt: skip


@pytest.mark.parametrize("fast", ["1", "0"])
@pytest.mark.parametrize("source", SURROUNDED_NOT_FOUND)
def test_what_surrounds_a_literal_says_it_is_no_tunable(detect, monkeypatch, source, fast):
    monkeypatch.setenv("HARDCODE_LINT_FASTPASS", fast)
    assert detect(source) == []


@pytest.mark.parametrize(("source", "expected"), SURROUNDED_FOUND)
def test_what_surrounds_a_literal_keeps_a_tunable(detect, source, expected):
    assert summary(detect(source)) == expected


def test_fix_moves_a_keyed_entry_and_a_fallback_and_the_code_still_runs(tmp_path):
    """Session 12's tornado forms: `kwargs["expires_days"] = 30` and `min(read_chunk_size or
    65536, ...)` become settings, and the code returns what it did."""
    files = {"web.py": "def cookie(kwargs=None):\n    kwargs = dict(kwargs or {})\n"
             "    kwargs['expires_days'] = 30\n    return kwargs\n\n\n"
             "def conn(read_chunk_size=None):\n    return min(read_chunk_size or 65536, 10**6)\n"}  # fmt: skip
    project = migrated(tmp_path, files, "python", "settings.py")
    assert run("check", cwd=project)[0] == 0  # the migrated `or` fallback is found again
    code = (project / "web.py").read_text()
    assert "= 30" not in code and "65536" not in code
    ran = subprocess.run([sys.executable, "-c", "import web; print(web.cookie()['expires_days'], "
                          "web.conn())"], cwd=project, capture_output=True, text=True, check=True)  # fmt: skip
    assert ran.stdout.split() == ["30", "65536"]


def test_fix_moves_a_dict_table_an_entry_tuple_and_a_random_draw(tmp_path):
    """Session 12's botocore and cassandra forms: each literal becomes a setting of its own and
    the code returns what it did."""
    files = {"cfg.py": "import random\n\n_SERVICE_MAX_ATTEMPTS = {'dynamodb': 4, 'sqs': 5}\n"
             "VARS = {'metadata_service_timeout': ('metadata_service_timeout', 'ENV', 1, int)}\n\n\n"
             "def make():\n    jitter = random.randint(120, 120)\n"
             "    return _SERVICE_MAX_ATTEMPTS['sqs'], VARS['metadata_service_timeout'][2], jitter\n"}  # fmt: skip
    project = migrated(tmp_path, files, "python", "settings.py")
    code = (project / "cfg.py").read_text()
    assert "'sqs': 5" not in code and "'ENV', 1," not in code and "randint(120" not in code
    ran = subprocess.run([sys.executable, "-c", "import cfg; print(cfg.make())"], cwd=project,
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert ran.stdout.strip() == "(5, 1, 120)"


def test_a_mask_word_anywhere_makes_bits(detect):
    """pyserial's RFC 2217 line-state bits: no duration, though the head is `TIMEOUT`."""
    assert detect("LINESTATE_MASK_TIMEOUT = 128\nlinestate_mask_timeout = 64\n") == []
    assert summary(detect("MASKED_TIMEOUT = 5\n")) == [
        ("duration", "MASKED_TIMEOUT", "5", "MASKED_TIMEOUT")
    ]


def test_fix_moves_a_table_of_pairs_and_keys_held_in_names(tmp_path):
    """Session 13's huey and redis-py forms: a `(name, default)` pair and an entry keyed by a
    name become settings of their own, a bare backoff stays, and the code returns what it did."""
    files = {"opts.py": "import socket\n\nconfig_defaults = (\n    ('workers', 1),\n"
             "    ('initial_delay', 0.1),\n    ('backoff', 1.15),\n)\n\n\n"
             "def keepalive(key=socket.SOL_SOCKET):\n    options = {}\n    options[key] = 1\n"
             "    tcp_keepidle = 7\n    options[tcp_keepidle] = 30\n    return options\n"}  # fmt: skip
    project = migrated(tmp_path, files, "python", "settings.py")
    assert run("check", cwd=project)[0] == 0  # each migrated pair and key is found again
    code = (project / "opts.py").read_text()
    assert "('workers', 1)" not in code and "('initial_delay', 0.1)" not in code
    assert "('backoff', 1.15)" in code and "options[tcp_keepidle] = 30" not in code
    ran = subprocess.run([sys.executable, "-c", "import opts; print(dict(opts.config_defaults), "
                          "opts.keepalive()[7])"], cwd=project, capture_output=True, text=True,
                         check=True)  # fmt: skip
    assert ran.stdout.strip() == "{'workers': 1, 'initial_delay': 0.1, 'backoff': 1.15} 30"


def test_a_module_of_hundreds_of_integer_constants_is_a_table_of_codes(detect):
    """PyMySQL's constants/ER.py: MySQL's error codes, named like settings, tune nothing; the
    same names in a short module are settings."""
    codes = "".join(f"ER_{i} = {1000 + i}\n" for i in range(120))
    table = codes + "LOCK_WAIT_TIMEOUT = 1205\nSP_RECURSION_LIMIT = 1456\n"
    assert detect(table) == []
    assert [f.value for f in detect("LOCK_WAIT_TIMEOUT = 1205\nSP_RECURSION_LIMIT = 1456\n")] == [
        "1205", "1456"]  # fmt: skip


def test_fix_moves_a_margin_under_a_key_that_says_margin(tmp_path):
    """`max(a, b) + 5` keeps its expression; only the 5 becomes a setting, named a margin, and
    the code returns what it did."""
    files = {"conn.py": "def budget(ping_interval, ping_timeout):\n"
             "    timeout = max(ping_interval, ping_timeout) + 5\n    return timeout\n"}  # fmt: skip
    project = migrated(tmp_path, files, "python", "settings.py")
    assert run("check", cwd=project)[0] == 0  # the migrated margin is no stale rule
    code = (project / "conn.py").read_text()
    assert "max(ping_interval, ping_timeout) + settings.conn.timeout_margin_seconds" in code
    ran = subprocess.run([sys.executable, "-c", "import conn; print(conn.budget(10, 20))"],
                         cwd=project, capture_output=True, text=True, check=True)  # fmt: skip
    assert ran.stdout.strip() == "25"


def test_a_long_call_shows_the_whole_argument_around_its_margin(detect):
    """python-engineio's `self._send_request(..., timeout=max(a, b) + 5)`: a shortened call
    shows the keyword's whole value, not `timeout=5`, and the literal's range in it."""
    source = ("def f(self, a, b):\n    self._send_request('GET', self.base_url + self._get_url_"
              "timestamp(), headers=self.headers, timeout=max(a, b) + 5)\n")  # fmt: skip
    [found] = detect(source)
    assert found.snippet == "self._send_request(…, timeout=max(a, b) + 5, …)"
    assert found.snippet[found.snippet_start : found.snippet_end] == "5"
