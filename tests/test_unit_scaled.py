"""Words and forms the fresh hand labels of session 10 showed (hypercorn, stomp.py,
opensearch-py, diskcache): a literal scaled by a unit constant (`3 * SECONDS`), growth factors
and exponents, water marks and counts of workers in two words, nines that mean "no bound"."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import summary
from tests.migrate_helpers import migrated

UNITS = "BYTES = 1\nSECONDS = 1.0\nMINUTE = 60\n"


@pytest.mark.parametrize("prefilter", [True, False])
def test_a_literal_scaled_by_a_unit_constant_is_the_setting_in_that_unit(detect, prefilter):
    source = UNITS + (
        "graceful_timeout = 3 * SECONDS\n"
        "h11_max_incomplete_size = 16 * 1024 * BYTES\n"
        "poll_interval = MINUTE * 5\n"
        "def serve(keep_alive_timeout=5 * SECONDS):\n    pass\n"
    )
    found = detect(source, prefilter=prefilter)
    assert [(f.api, f.value, f.unit, f.seconds) for f in found] == [
        ("graceful_timeout", "3", "s", 3),
        ("h11_max_incomplete_size", "16 * 1024", None, None),
        ("poll_interval", "5", "min", 300),
        ("keep_alive_timeout", "5", "s", 5),
    ]


@pytest.mark.parametrize("prefilter", [True, False])
def test_a_literal_a_multiplier_scales_is_the_base_setting(detect, prefilter):
    """pexpect's pxssh (session 12's labels16py): half a second, scaled by the user."""
    source = (
        "def login(timeout_multiplier=1):\n"
        "    first_char_timeout = timeout_multiplier * 0.5\n"
        "    total_timeout = 3.0 * timeout_multiplier\n"
        "    lines = timeout_multiplier * 4\n"
    )
    found = detect(source, prefilter=prefilter)
    assert [(f.api, f.value, f.unit) for f in found] == [
        ("first_char_timeout", "0.5", "s"),
        ("total_timeout", "3.0", "s"),
    ]


@pytest.mark.parametrize(
    "source",
    [
        UNITS + "timeout = 3 * BYTES\n",  # a size is no duration
        UNITS + "max_size = 2 * SECONDS\n",  # nor a time a size
        "def f(seconds):\n    timeout = 2 * seconds\n",  # doubles a variable
        "MS_PER_SECOND = 1000\nread_timeout = 5 * MS_PER_SECOND\n",  # a factor, two units
        "reconnect_sleep_increase = 0.5\nsleep_exp = 1\nbackoff_growth = 2\n",
        "def f(timeout_count=3):\n    pass\n",
        "def iterkeys(max_key=999999999999999):\n    pass\n",
    ],
)
def test_not_a_setting(detect, source):
    assert detect(source) == []


def test_water_marks_and_worker_counts_in_two_words(detect):
    source = "BUFFER_HIGH_WATER = 2 * 2**14\ndef bulk(thread_count=4, worker_count=2):\n    pass\n"
    assert summary(detect(source)) == [
        ("limit", "BUFFER_HIGH_WATER", "2 * 2**14", "BUFFER_HIGH_WATER"),
        ("limit", "thread_count", "4", "thread_count"),
        ("limit", "worker_count", "2", "worker_count"),
    ]


def test_fix_keeps_the_unit_constant_beside_the_setting(tmp_path):
    project = {"pyproject.toml": '[project]\nname = "pkg"\nversion = "0"\n',
               "pkg/__init__.py": "",
               "pkg/config.py": UNITS + "graceful_timeout = 3 * SECONDS\n"}  # fmt: skip
    repo = migrated(tmp_path, project, "python", "pkg/settings.py")
    assert "graceful_timeout_seconds: int = 3" in (repo / "pkg" / "settings.py").read_text()
    fixed = (repo / "pkg" / "config.py").read_text()
    assert "graceful_timeout = settings." in fixed and fixed.rstrip().endswith("* SECONDS")
    done = subprocess.run([sys.executable, "-c", "from pkg import config; "
                           "print(config.graceful_timeout)"], cwd=repo, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.stdout.strip() == "3.0", done.stderr  # the same value as before the fix


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # words written without a break (cheroot, ldap3, pymongo; session 10's fresh labels)
        ("def f(minthreads=10, numthreads=4):\n    pass\n",
         [("limit", "minthreads", "10", "minthreads"), ("limit", "numthreads", "4", "numthreads")]),
        ("_RESTARTABLE_SLEEPTIME = 2\n",
         [("duration", "_RESTARTABLE_SLEEPTIME", "2", "_RESTARTABLE_SLEEPTIME")]),
        ("wc.setdefault('wtimeout', 10000)\n", [("duration", "wc.setdefault", "10000", "wtimeout")]),
        # a long duration word leading words not known (pexpect's, session 12's labels16py)
        ("class S:\n    def __init__(self):\n        self.delayafterread = 0.0001\n",
         [("duration", "self.delayafterread", "0.0001", "delayafterread")]),
        # counts and sizes people configure
        ("_RESTARTABLE_TRIES = 30\nredirects = 5\n",
         [("limit", "_RESTARTABLE_TRIES", "30", "_RESTARTABLE_TRIES"),
          ("limit", "redirects", "5", "redirects")]),
        ("def put(num_parallel_uploads=3, paged_size=100):\n    pass\n",
         [("limit", "num_parallel_uploads", "3", "num_parallel_uploads"),
          ("limit", "paged_size", "100", "paged_size")]),
        # a size named by its head, from 1024 up (below: a format's fact)
        ("COPY_BYTES = 1 << 18\nSTREAM_CHUNK = 64000\nKEY_BYTES = 32\nHEADER_CHUNK = 4\n",
         [("limit", "COPY_BYTES", "1 << 18", "COPY_BYTES"),
          ("limit", "STREAM_CHUNK", "64000", "STREAM_CHUNK")]),
    ],
)  # fmt: skip
def test_compound_words_counts_and_sizes(detect, source, expected):
    assert summary(detect(source)) == expected


@pytest.mark.parametrize(
    "source",
    [
        "AWAIT_EXPR = 213\nP_NOWAIT = 1\n",  # `await`, `nowait`: no compound of a wait
        "periodically = 2\ndelayed = 3\n",  # a duration word's own endings
        "def settimeout(x=5):\n    pass\ngettimeout = 3\n",
    ],
)
def test_words_that_only_hold_a_word(detect, source):
    assert detect(source) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # supervisor's and configparser's lookups after a section (session 10's labels13)
        ("def read(cfg, section):\n    a = cfg.get(section, 'startsecs', 1)\n"
         "    b = cfg.get(section, 'startretries', 3)\n",
         [("duration", "cfg.get", "1", "startsecs"), ("limit", "cfg.get", "3", "startretries")]),
        # one word after a head the vocabulary knows, or a long known word after any head
        ("MAXAGE = 3600\nminfds = 1024\nDNSCACHE_SIZE = 10000\n",
         [("duration", "MAXAGE", "3600", "MAXAGE"), ("limit", "minfds", "1024", "minfds"),
          ("limit", "DNSCACHE_SIZE", "10000", "DNSCACHE_SIZE")]),
        # a read's block size from 1024 up; a retry budget (azure-core)
        ("connection_data_block_size = 4096\nblock_size = 16\n"
         "def f(kwargs):\n    retry_total = kwargs.get('retry_total', 10)\n",
         [("limit", "connection_data_block_size", "4096", "connection_data_block_size"),
          ("limit", "kwargs.get", "10", "retry_total")]),
        # microseconds are a unit word: one is the clock's grain, more is a setting
        ("poll_microseconds = 250\n",
         [("duration", "poll_microseconds", "250", "poll_microseconds")]),
    ],
)  # fmt: skip
def test_lookups_after_a_section_and_more_compounds(detect, source, expected):
    assert summary(detect(source)) == expected


@pytest.mark.parametrize(
    "source",
    [
        # a class's dotted path names a middleware's order (scrapy), not a setting
        'BASE = {"scrapy.downloadermiddlewares.downloadtimeout.DownloadTimeoutMiddleware": 350}\n',
        # a cipher table's block size is the algorithm's (paramiko)
        '_cipher_info = {"aes128-ctr": {"block-size": 16, "key-size": 16}}\n',
        "TIME_SEC_CONVERSION = 946_684_800\nSYS_getrlimit = 163\n",  # words that hold words
        "def hashed(inner):\n    return getattr(inner, 'block_size', 64)\n",
    ],
)
def test_still_not_settings(detect, source):
    assert detect(source) == []


def test_a_local_lookup_function_with_a_default(detect):
    """supervisor's options read through a local `get(section, name, default)` closure."""
    source = (
        "def read(section):\n    def get(opt, default):\n        return default\n"
        "    a = integer(get(section, 'stopwaitsecs', 10))\n    b = get('minfds', 1024)\n"
    )
    assert summary(detect(source)) == [
        ("duration", "get", "10", "stopwaitsecs"),
        ("limit", "get", "1024", "minfds"),
    ]


def test_registrars_defaults_by_the_name_they_register(detect):
    """optparse's `add_option`, tornado's `define` and supervisor's `self.add(name, ...,
    default=)`: the default of a named setting; a set's `add(5)` is no registrar."""
    source = (
        "from tornado.options import define\ndefine('request_timeout', default=20)\n"
        "parser.add_option('--timeout', type='int', default=30)\n"
        "options.add('logfile_maxbytes', 'l:', default=50 * 1024 * 1024)\n"
        "seen.add(5)\noptions.add('name', default=3)\n"
    )
    assert summary(detect(source)) == [
        ("duration", "tornado.options.define", "20", "request_timeout"),
        ("duration", "parser.add_option", "30", "--timeout"),
        ("limit", "options.add", "50 * 1024 * 1024", "logfile_maxbytes"),
    ]


@pytest.mark.parametrize("prefilter", [True, False])
def test_a_data_table_s_entries_are_no_settings(detect, prefilter):
    """sysconfig's generated `build_time_vars` (1,200 entries, `'TESTTIMEOUT': 1200` among
    them) is data; a settings dict of a few entries is still read."""
    table = ", ".join(f"'VAR_{i}': {i}" for i in range(300))
    source = f"build_time_vars = {{{table}, 'TESTTIMEOUT': 1200}}\nCONFIG = {{'timeout': 5}}\n"
    assert [(f.arg, f.value) for f in detect(source, prefilter=prefilter)] == [("timeout", "5")]
