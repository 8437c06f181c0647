"""Contract section 1: text, docstrings, comments, annotations, subscripts and slices are never
findings; names, attributes and calls are not literals."""

from __future__ import annotations

import pytest

NEVER = [
    '"""Call time.sleep(5) and timedelta(seconds=5)."""\n',
    'def f():\n    """Waits: max(ttl, 1)."""\n',
    "# time.sleep(5)\n",
    "msg = 'time.sleep(5)'\n",
    "msg = f'{time.sleep(5)}'\n",
    "x: Annotated[int, Field(timeout=5)] = y\n",
    "def f(t: Literal[5] = x) -> Annotated[int, Meta(ttl=3)]:\n    pass\n",
    "x = items[5]\n",
    "x = items[1:10]\n",
    "import time\ntime.sleep(DELAY)\n",
    "import time\ntime.sleep(cfg.delay)\n",
    "import time\ntime.sleep(get_delay())\n",
    "timeout = compute(30)\n",
    "import time\ntime.sleep(5j)\n",
    "MINUTE = 60\nSECONDS = 1\nONE_HOUR = 3600\nNANOS = 1_000_000_000\n",  # units, not settings
]


@pytest.mark.parametrize("source", NEVER)
def test_never_a_finding(detect, source):
    assert detect(source) == []
