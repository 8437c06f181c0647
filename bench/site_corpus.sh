#!/usr/bin/env bash
# The large Python corpus of bench/RESULTS.md: 21 PyPI wheels, their .py files unpacked.
#   bench/site_corpus.sh DIR   then   python bench/run.py --site DIR
set -euo pipefail
out="${1:?usage: bench/site_corpus.sh DIR}"
wheels="$(mktemp -d)"
python -m pip download --quiet --no-deps --only-binary :all: --python-version 3.11 -d "$wheels" \
    sympy django pandas scipy numpy matplotlib sqlalchemy twisted tornado networkx boto3 \
    botocore celery kombu redis aiohttp httpx urllib3 requests pip setuptools ansible-core
mkdir -p "$out"
for wheel in "$wheels"/*.whl; do
    name="$(basename "$wheel")"
    unzip -q -o "$wheel" '*.py' -d "$out/${name%%-*}" || true
done
touch "$out/pyproject.toml"  # its own hardcode-lint project
rm -rf "$wheels"
find "$out" -name '*.py' | wc -l
