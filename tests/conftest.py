from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hardcode_lint.model import Finding
from tests.helpers import detect_in


@pytest.fixture
def detect(tmp_path: Path) -> Callable[..., list[Finding]]:
    def run(source: str, **config: Any) -> list[Finding]:
        return detect_in(tmp_path, source, **config)

    return run
