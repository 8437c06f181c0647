#!/usr/bin/env python3
"""Whether two ``scan --format json`` outputs hold the same findings and errors (sorted).

    python bench/same_findings.py BEFORE.json AFTER.json

A speed change must not change a single finding: scan a corpus before and after it and compare.
Prints the first differences and exits 1 when they differ.  Nothing here is a test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _key(item: dict[str, Any]) -> str:
    return json.dumps(item, sort_keys=True)


def _items(path: str, field: str) -> list[str]:
    return sorted(_key(f) for f in json.loads(Path(path).read_text())[field])


def main() -> int:
    before, after = sys.argv[1:3]
    same = True
    for field in ("findings", "errors"):
        old, new = _items(before, field), _items(after, field)
        if old != new:
            same = False
            gone, added = sorted(set(old) - set(new)), sorted(set(new) - set(old))
            print(f"{field}: {len(old)} before, {len(new)} after; {len(gone)} gone, "
                  f"{len(added)} new")  # fmt: skip
            for line in gone[:5]:
                print("  -", line)
            for line in added[:5]:
                print("  +", line)
        else:
            print(f"{field}: {len(old)}, the same")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
