"""`fix` writes the settings import as the file writes its own package's imports (session 9's
trial: an absolute `from pkg.settings import settings` after `from . import util` failed the
project's isort check, ruff's I001)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.migrate_helpers import migrated
from tests.test_rust_fixture import run

FILES = {
    "pkg/__init__.py": "",
    "pkg/util.py": "",
    "pkg/sub/__init__.py": "",
    "pkg/relative.py": "import time\n\nfrom . import util\n\n\ndef f():\n    time.sleep(5)\n",
    "pkg/sub/deep.py": "import time\n\nfrom .. import util\n\n\ndef g():\n    time.sleep(6)\n",
    "pkg/absolute.py": "import time\n\nfrom pkg import util\n\n\ndef h():\n    time.sleep(7)\n",
    # a test package: its own helpers relatively, the package under test absolutely (cachetools)
    "tests/__init__.py": "",
    "tests/helper.py": "",
    "tests/test_a.py": "import time\n\nfrom pkg import util\n\nfrom . import helper\n\n\n"
    "def test_t():\n    time.sleep(8)\n",
}


@pytest.fixture
def fixed(tmp_path: Path) -> Path:
    project = {"pyproject.toml": '[project]\nname = "pkg"\nversion = "0"\n', **FILES}
    return migrated(tmp_path, project, "python", "pkg/settings.py")


def test_a_file_that_imports_relatively_gets_a_relative_import(fixed):
    assert "from . import util\nfrom .settings import settings\n" in (
        fixed / "pkg" / "relative.py").read_text()  # fmt: skip
    assert "from .. import util\nfrom ..settings import settings\n" in (
        fixed / "pkg" / "sub" / "deep.py").read_text()  # fmt: skip
    assert "from pkg.settings import settings\n" in (fixed / "pkg" / "absolute.py").read_text()
    assert "from pkg import util\nfrom pkg.settings import settings\n\nfrom . import helper\n" in (
        fixed / "tests" / "test_a.py").read_text()  # fmt: skip
    sorted_ = subprocess.run([sys.executable, "-m", "ruff", "check", "--isolated", "--select", "I",
                              "pkg", "tests"], cwd=fixed, capture_output=True, text=True,
                             timeout=60)  # fmt: skip
    assert sorted_.returncode == 0, sorted_.stdout  # the imports stay as isort sorts them


def test_the_relative_imports_run_and_a_second_fix_changes_nothing(fixed):
    before = {rel: (fixed / rel).read_text() for rel in FILES}
    code, out, err = run("fix", "--write", cwd=fixed)
    assert code == 0, out + err
    assert {rel: (fixed / rel).read_text() for rel in FILES} == before
    done = subprocess.run([sys.executable, "-c", "import pkg.relative, pkg.sub.deep"],
                          cwd=fixed, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
