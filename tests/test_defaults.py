"""`hardcode-lint defaults`: every key with its literal's value; merged without losing comments."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from hardcode_lint.cli.main import cli

SCHEDULER = Path(__file__).resolve().parent.parent / "fixtures" / "scheduler"


@pytest.fixture
def project(scheduler_copy: Path) -> Path:
    return scheduler_copy


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["defaults", *args])
    return result.exit_code, result.stdout, result.stderr


def test_every_key_with_its_literal_value_nested(project):
    code, out, _ = run("--format", "toml")
    assert code == 0
    data = tomllib.loads(out)
    assert (
        data["scheduler"]["background_tasks"]["dashboard_snapshot_cache_ttl_seconds"] == 5
    )  # migrated: rule value
    assert data["streams"]["xreadgroup_retry_delay_seconds"] == 0.5  # pending: the literal
    assert data["node_cache"]["version_check_timeout_seconds"] == 0.25
    assert data["websocket"]["message_preview_max_chars"] == 200


def test_json_and_yaml_formats(project):
    as_json = json.loads(run("--format", "json")[1])
    as_yaml = yaml.safe_load(run("--format", "yaml")[1])
    assert as_json == as_yaml == tomllib.loads(run("--format", "toml")[1])


def test_write_merges_into_toml_keeping_comments_and_order(project):
    target = project / "config" / "defaults.toml"
    before = target.read_text()
    code, _, _ = run("--write", "config/defaults.toml")
    assert code == 0
    after = target.read_text()
    assert after.startswith(before.rstrip("\n"))  # comments and existing keys untouched, first
    assert "[streams]" in after and "xreadgroup_block_ms = 5000" in after
    assert run("--write", "config/defaults.toml")[0] == 0
    assert target.read_text() == after  # a second write changes nothing


def test_unit_goes_into_an_inline_comment_when_the_key_lacks_it(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "m.py").write_text("import time\ntime.sleep(5)\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.toml").write_text(
        '[[rule]]\nid = "a"\nvalue = 5\nkey = "worker.pause"\n'
    )
    monkeypatch.chdir(tmp_path)
    assert "pause = 5 # seconds" in run()[1]


def test_existing_different_value_is_a_conflict_and_nothing_is_written(project):
    target = project / "config" / "defaults.toml"
    target.write_text(
        target.read_text().replace("preload_delay_seconds = 1", "preload_delay_seconds = 2")
    )
    before = target.read_text()
    code, _, err = run("--write", "config/defaults.toml")
    assert code == 1
    assert "preload_delay_seconds = 2 in the file, but the literal it replaces is 1" in err
    assert target.read_text() == before


def test_configured_defaults_file_is_checked_without_write(project):
    target = project / "config" / "defaults.toml"
    target.write_text(target.read_text().replace("min_ttl_ms = 1", "min_ttl_ms = 5"))
    code, _, err = run()
    assert code == 1 and "retry.min_ttl_ms = 5" in err


def test_sites_with_different_literals_for_one_key_are_reported(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "m.py").write_text("import time\ntime.sleep(5)\ntime.sleep(6)\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.toml").write_text(
        '[[rule]]\nid = "a"\ncount = "*"\nkey = "w.pause_seconds"\n'
    )
    monkeypatch.chdir(tmp_path)
    code, _, err = run()
    assert code == 1
    assert "key w.pause_seconds is given two values: 5 s at m.py:2 and 6 s at m.py:3" in err
