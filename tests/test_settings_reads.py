"""`check` fails on a dangling settings read: code reading a key the generated module lacks."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hardcode_lint.lang import frontend
from hardcode_lint.lang.base import SettingsTarget
from hardcode_lint.parse.source import SourceFile
from tests.helpers import cli

PY_TARGET = SettingsTarget("python", "pkg", "pkg", "pkg/settings.py", "settings.{key}",
                           ("from pkg.settings import settings",), "PKG")  # fmt: skip
RS_TARGET = SettingsTarget("rust", "", "demo", "src/settings.rs",
                           "crate::settings::get().{key}", (), "DEMO")  # fmt: skip


def reads(target: SettingsTarget, code: str, path: str = "pkg/worker.py") -> list[str]:
    data = textwrap.dedent(code).encode()
    source = SourceFile(path, data, data.decode())
    return [key for key, _ in frontend(target.language).settings_reads(source, target)]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("from pkg.settings import settings\nsettings.a.b\n", ["a.b"]),
        ("from pkg.settings import settings as s\nx = s.a.b.bit_length()\n", ["a.b.bit_length"]),
        ("import pkg.settings\npkg.settings.settings.a.b\n", ["a.b"]),
        ("import pkg.settings as ps\nps.settings.a\n", ["a"]),
        ("from pkg import settings\nsettings.settings.a.b\n", ["a.b"]),
        ("from .settings import settings\nsettings.a.b\n", ["a.b"]),
        ("from . import settings as conf\nconf.settings.a.b\n", ["a.b"]),
        ("from django.conf import settings\nsettings.DEBUG\n", []),
        ("settings = object()\nsettings.a.b\n", []),
        # a function's own `settings` is a local there (huey's crontab parser), not elsewhere
        (
            "from pkg.settings import settings\ndef f():\n    settings = set()\n"
            "    settings.update([1])\ndef g(settings):\n    settings.add(2)\n"
            "def h():\n    return settings.a.b\n",
            ["a.b"],
        ),
    ],
)
def test_python_reads_on_any_name_the_import_binds(code, expected):
    assert reads(PY_TARGET, code) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("fn f() -> u64 { crate::settings::get().a.b }", ["a.b"]),
        ("fn f() { demo::settings::get().a.b.as_secs(); }", ["a.b.as_secs"]),
        ("use crate::settings;\nfn f() -> u64 { settings::get().net.retries }", ["net.retries"]),
        ("fn f() -> u64 { other::get().a }", []),
        ("fn f() -> u64 { crate::settings::get(1).a }", []),
    ],
)
def test_rust_reads_on_the_accessor(code, expected):
    assert reads(RS_TARGET, code, "src/lib.rs") == expected


def test_the_keys_of_a_generated_python_module(tmp_path):
    from hardcode_lint.lang.base import SettingsRequest, SettingValue

    values = (SettingValue("a.b", 5, None, "seconds"), SettingValue("c", 1.5))
    generated = frontend("python").settings_module(
        tmp_path, SettingsRequest("settings.py", values, "P")
    )
    assert set(frontend("python").settings_keys(generated.text)) == {"a.b", "c"}


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


PY_SETTINGS = """\
    # hardcode-lint: generated settings (`hardcode-lint defaults --format python`):
    from dataclasses import dataclass, field


    @dataclass(frozen=True)
    class SettingsWorker:
        poll_seconds: int = 30


    @dataclass(frozen=True)
    class Settings:
        worker: SettingsWorker = field(default_factory=SettingsWorker)


    settings = Settings()
"""


def test_check_fails_on_a_python_read_of_a_key_the_module_lacks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/settings.py": PY_SETTINGS,
        "pkg/worker.py": """\
            import time

            from pkg.settings import settings as conf


            def poll():
                time.sleep(conf.worker.poll_seconds)


            def wait():
                time.sleep(conf.worker.wait_seconds)
        """,
    })  # fmt: skip
    code, out, _ = cli("check")
    assert code == 1
    assert "pkg/worker.py:11: HCL903 reads settings key `worker.wait_seconds`, which " \
           "pkg/settings.py does not define" in out  # fmt: skip
    assert "hardcode-lint defaults --format python --output pkg/settings.py" in out
    assert cli("check", "pkg/__init__.py")[0] == 0  # pre-commit: only the given files
    assert cli("check", "pkg/worker.py")[0] == 1
    (tmp_path / "pkg" / "worker.py").write_text(
        (tmp_path / "pkg" / "worker.py").read_text().replace("wait_seconds", "poll_seconds")
    )
    assert cli("check")[0] == 0


RS_SETTINGS = """\
    // hardcode-lint: generated settings (`hardcode-lint defaults --format rust`):
    #[derive(Debug, Clone, PartialEq)]
    pub struct SettingsNet {
        pub retries: u64,
    }

    #[derive(Debug, Clone, PartialEq)]
    pub struct Settings {
        pub net: SettingsNet,
    }
"""


def test_check_fails_on_a_rust_read_of_a_key_the_module_lacks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {
        "Cargo.toml": '[package]\nname = "demo"\nversion = "0.1.0"\n',
        "src/settings.rs": RS_SETTINGS,
        "src/lib.rs": """\
            pub mod settings;
            pub fn retries() -> u64 { crate::settings::get().net.retries }
            pub fn backoff() -> u64 {
                crate::settings::get().net.backoff_ms
            }
        """,
        "tests/it.rs": "fn f() -> u64 { demo::settings::get().net.timeout }\n",
    })  # fmt: skip
    code, out, _ = cli("check")
    assert code == 1
    assert "src/lib.rs:4: HCL903 reads settings key `net.backoff_ms`" in out
    assert "tests/it.rs:1: HCL903 reads settings key `net.timeout`" in out
    assert "hardcode-lint defaults --format rust --output src/settings.rs" in out
    assert "net.retries" not in out
