"""Dict entries: a string key named like a duration or a limit, a literal value.

``{"timeout": 5}`` is ``dict(timeout=5)``: the key is the name the dict's consumer reads
(botocore's ``Config(retries={"max_attempts": 3})``, Django's ``CACHES``), so the entry is judged
by the key with the word rules of names and reported with ``context`` keyword.
"""

from __future__ import annotations

import pytest

from tests.helpers import cli, detect_in

BOTO = """\
from botocore.config import Config
cfg = Config(connect_timeout=5, retries={"max_attempts": 3, "mode": "standard"})
"""

DJANGO = """\
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "TIMEOUT": 300,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }
}
"""


def _found(tmp_path, source):
    found = detect_in(tmp_path, source)
    assert found == detect_in(tmp_path, source, prefilter=False)
    return [(f.kind.value, f.context.value, f.api, f.arg, f.value, f.seconds) for f in found]


def test_a_dict_passed_to_a_call_is_judged_with_the_call(tmp_path):
    assert _found(tmp_path, BOTO) == [
        ("duration", "keyword", "botocore.config.Config", "connect_timeout", "5", 5),
        ("limit", "keyword", "botocore.config.Config", "max_attempts", "3", None),
    ]


def test_a_settings_dict_is_judged_with_its_name(tmp_path):
    assert _found(tmp_path, DJANGO) == [
        ("duration", "keyword", "CACHES", "TIMEOUT", "300", 300),
        ("limit", "keyword", "CACHES", "MAX_ENTRIES", "1000", None),
    ]
    timeout = detect_in(tmp_path, DJANGO)[0]
    assert (timeout.line, timeout.code, timeout.snippet) == (
        4, "HCL102", 'CACHES = {…, "TIMEOUT": 300, …}',
    )  # fmt: skip


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('d = {"retry_delay": 60 * 5}\n', [("duration", "keyword", "d", "retry_delay", "60 * 5", 300)]),
        ('def f():\n    return {"ttl": -1}\n', [("duration", "keyword", None, "ttl", "-1", -1)]),
        ('def f(opts={"max_age": 60}):\n    pass\n', [("duration", "keyword", "opts", "max_age", "60", 60)]),
        ('d = {"poll_interval_ms": 500}\n', [("duration", "keyword", "d", "poll_interval_ms", "500", 0.5)]),
        ('d = {"timeout": 5 if fast else 30}\n', [("duration", "keyword", "d", "timeout", "5", 5),
                                                  ("duration", "keyword", "d", "timeout", "30", 30)]),
        ('d = {"max-age": 3600}\n', [("duration", "keyword", "d", "max-age", "3600", 3600)]),
        # unpacked into a call's keywords, the keys are keywords: `count` and `ex` count too
        ('r.set(k, v, **{"ex": 60, "count": 3})\n', [("duration", "keyword", "r.set", "ex", "60", 60),
                                                      ("limit", "keyword", "r.set", "count", "3", None)]),
        ('import datetime\ndatetime.timedelta(**{"minutes": 5})\n',
         [("duration", "keyword", "datetime.timedelta", "minutes", "5", 300)]),
    ],
)  # fmt: skip
def test_literal_values_of_named_keys_are_findings(tmp_path, source, expected):
    assert _found(tmp_path, source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "d = {1: 2}\n",
        'd = {"timeout": "5"}\n',
        'd = {"status": 200, "name": 3}\n',
        'd = {"timeout": delay}\n',
        'd = {k: 5 for k in ("timeout", "ttl")}\n',
        'd = {"timeout": 5 for _ in range(3)}\n',
        'd = {b"timeout": 5}\n',
        'd = {f"timeout": 5}\n',
        'd = {**base, "mode": 1}\n',
        # outside `**{...}` a bare `count` is a counter, `ex` nothing
        'stats = {"count": 0, "ex": 1}\n',
        'print({"count": 0})\n',
        # a key that is only a unit is a row of a conversion table
        'UNITS = {"sec": 1.0, "ms": 1e-3, "minutes": 60}\n',
        # a flag, not a quantity
        'build_vars = {"HAVE_SYS_WAIT_H": 1, "HAVE_LINUX_LIMITS_H": 1}\n',
        # annotations hold no findings
        'x: {"timeout": 5} = None\n',
    ],
)
def test_no_finding(tmp_path, source):
    assert _found(tmp_path, source) == []


def test_each_literal_is_found_once(tmp_path):
    source = 'requests.get(url, timeout=5, headers={"max_age": 60}, **{"limit": 10})\n'
    assert [(f.arg, f.value) for f in detect_in(tmp_path, source)] == [
        ("timeout", "5"), ("max_age", "60"), ("limit", "10"),
    ]  # fmt: skip


def test_a_long_call_is_shortened_around_the_entry(tmp_path):
    source = (
        "from botocore.config import Config\n"
        "cfg = Config(region_name='eu-west-1', signature_version='v4', user_agent_extra='app',"
        " retries={'max_attempts': 10, 'mode': 'standard'})\n"
    )
    (finding,) = detect_in(tmp_path, source)
    assert finding.snippet == "Config(…, {…, 'max_attempts': 10, …}, …)"
    assert finding.snippet[finding.snippet.index("10") :].startswith("10")


def test_migrated_entries_are_migrated_sites(tmp_path, monkeypatch):
    """After ``fix --write`` the rules of dict entries are migrated, not stale."""
    import json
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "settings.py").write_text(DJANGO + BOTO)
    (tmp_path / "rules").mkdir()
    rules = [("CACHES", "TIMEOUT", "cache.timeout"), ("Config", "max_attempts", "aws.attempts")]
    (tmp_path / "rules" / "m.toml").write_text("".join(
        f'[[rule]]\nid = "{key}"\napi = "{api}"\narg = "{arg}"\nkey = "{key}"\n'
        f'replace = "config.{key}"\nimports = ["from app import config"]\n'
        for api, arg, key in rules
    ))  # fmt: skip
    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x")
    monkeypatch.chdir(tmp_path)
    assert cli("fix", "--write")[0] == 0
    text = (tmp_path / "settings.py").read_text()
    assert (
        '"TIMEOUT": config.cache.timeout' in text and '"max_attempts": config.aws.attempts' in text
    )
    totals = json.loads(cli("report", "--format", "json")[1])["totals"]
    assert (totals["migrated"], totals["pending"], totals["stale"]) == (2, 0, 0)
