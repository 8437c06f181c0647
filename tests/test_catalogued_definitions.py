"""A library's own definition of an API the catalog lists (urllib3's ``class Retry``,
pymemcache's ``KeepaliveOpts``): its catalogued parameters' defaults are what every caller
gets, so they are findings whatever the parameters are called, and a call of the class in
its own module is a call of the catalogued API."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hardcode_lint.api import settings_for
from hardcode_lint.config import Config
from hardcode_lint.engine import FileTask, analyze_file
from tests.migrate_helpers import migrated
from tests.test_rust_fixture import run

RETRY = """\
class Retry:
    DEFAULT_BACKOFF_MAX = 120

    def __init__(self, total=10, connect=None, read=None, redirect=None, respect=True):
        self.total = total


Retry.DEFAULT = Retry(3)
"""

KEEPALIVE = """\
class KeepaliveOpts:
    def __init__(self, idle: int = 1, intvl: int = 1, cnt: int = 5) -> None:
        self.idle = idle
"""


def _found(root: Path, rel: str, source: str) -> list[tuple[str, str | None, str, object]]:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    task = FileTask(path=path, rel=rel, test=False, language="python")
    result = analyze_file(task, settings_for(Config(root=root)))
    assert result.error is None, result.error
    return [(f.kind.value, f.api, f.value, f.arg) for f in result.findings]


def _package(root: Path, *folders: str) -> None:
    for depth in range(1, len(folders) + 1):
        folder = root.joinpath(*folders[:depth])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "__init__.py").write_text("", encoding="utf-8")


@pytest.mark.parametrize("fast", ["1", "0"])  # either pre-pass keeps the lines it needs
def test_the_defaults_and_own_calls_of_a_catalogued_class_are_findings(tmp_path, monkeypatch, fast):
    monkeypatch.setenv("HARDCODE_LINT_FASTPASS", fast)
    _package(tmp_path / "src", "urllib3", "util")
    found = _found(tmp_path, "src/urllib3/util/retry.py", RETRY)
    assert found == [
        ("duration", "DEFAULT_BACKOFF_MAX", "120", "DEFAULT_BACKOFF_MAX"),
        ("limit", "urllib3.util.retry.Retry", "10", "total"),
        ("limit", "urllib3.util.retry.Retry", "3", 0),
    ]


def test_a_definition_re_exported_at_the_package_top_is_found_by_that_name(tmp_path):
    _package(tmp_path, "pymemcache")
    found = _found(tmp_path, "pymemcache/options.py", KEEPALIVE)  # catalogued as pymemcache.X
    api = "pymemcache.KeepaliveOpts"
    assert found == [
        ("duration", api, "1", "idle"),
        ("duration", api, "1", "intvl"),
        ("limit", api, "5", "cnt"),
    ]


def test_the_same_code_outside_the_library_s_package_is_judged_by_names_only(tmp_path):
    _package(tmp_path, "myapp")
    found = _found(tmp_path, "myapp/retry.py", RETRY)
    assert found == [("duration", "DEFAULT_BACKOFF_MAX", "120", "DEFAULT_BACKOFF_MAX")]
    assert _found(tmp_path, "retry.py", RETRY) == found  # a file in no package at all


def test_a_migrated_definition_default_is_known_as_migrated(tmp_path):
    """Session 11's trial on cachetools: after `fix` moved `def lru_cache(maxsize=128)`'s
    default into the settings, the rule must read as migrated (not stale: `check` then
    failed and a second `fix` exited 1 on a finished migration)."""
    files = {
        "pyproject.toml": '[project]\nname = "cachetools"\nversion = "1"\n',
        "cachetools/__init__.py": "",
        "cachetools/func.py": "def lru_cache(maxsize=128, typed=False):\n    return maxsize\n",
    }
    repo = migrated(tmp_path, files, "python", "cachetools/settings.py")
    assert "maxsize=settings." in (repo / "cachetools" / "func.py").read_text()
    code, out, err = run("check", cwd=repo)
    assert code == 0, out + err
    code, out, err = run("fix", "--write", cwd=repo)
    assert (code, "already migrated" in out + err) == (0, True), out + err
