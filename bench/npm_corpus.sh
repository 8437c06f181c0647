#!/usr/bin/env bash
# The TypeScript/JavaScript corpus of bench/RESULTS.md: the sources of npm packages (servers,
# clients, tools), as `npm pack` ships them.  What hardcode-lint never scans (declaration files,
# minified files, source maps, dist/ and build/ output) is removed here, so every tool of the
# bench reads the same files.
#   bench/npm_corpus.sh DIR   then   python bench/run.py --ts DIR
set -euo pipefail
out="${1:?usage: bench/npm_corpus.sh DIR}"
packs="$(mktemp -d)"
(cd "$packs" && npm pack --silent \
    typescript@5.6.3 eslint@9.14.0 webpack@5.96.1 @babel/parser@7.26.2 @babel/traverse@7.25.9 \
    @babel/types@7.26.0 @babel/core@7.26.0 @babel/generator@7.26.2 rxjs@7.8.1 mongodb@6.10.0 \
    axios@1.7.7 undici@6.21.0 ioredis@5.4.1 pg@8.13.1 pg-pool@3.7.0 mysql2@3.11.4 kafkajs@2.2.4 \
    amqplib@0.10.4 ws@8.18.0 socket.io@4.8.1 bullmq@5.25.6 p-retry@6.2.1 async-retry@1.3.3 \
    generic-pool@3.9.0 lru-cache@11.0.2 opossum@8.3.0 @grpc/grpc-js@1.12.2 express@4.21.1 \
    koa@2.15.3 fastify@5.1.0 got@14.4.4 superagent@10.1.1 mocha@10.8.2 three@0.170.0 \
    lodash@4.17.21 moment@2.30.1 jquery@3.7.1 sequelize@6.37.5 knex@3.1.0 \
    playwright-core@1.48.2 puppeteer-core@23.7.1 prettier@3.3.3 node-redis@0.1.7 \
    @redis/client@1.6.0 ky@1.7.2 >/dev/null)
mkdir -p "$out"
for pack in "$packs"/*.tgz; do
    name="$(basename "$pack" .tgz)"
    mkdir -p "$out/$name"
    tar -xzf "$pack" -C "$out/$name" --strip-components=1
done
rm -rf "$packs"
find "$out" -depth -type d \( -name dist -o -name build \) -exec rm -rf {} +
find "$out" -type f \( -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -name '*.min.js' \
    -o -name '*.map' \) -delete
find "$out" -type f ! \( -name '*.ts' -o -name '*.tsx' -o -name '*.mts' -o -name '*.cts' \
    -o -name '*.js' -o -name '*.jsx' -o -name '*.mjs' -o -name '*.cjs' -o -name package.json \
    -o -name tsconfig.json \) -delete
python3 - "$out" <<'PY'
import json, re, shutil, sys
from pathlib import Path
for config in Path(sys.argv[1]).rglob("tsconfig.json"):  # a shipped outDir: build output
    try:
        text = re.sub(r",(\s*[}\]])", r"\1", re.sub(r"^\s*//.*$", "", config.read_text(), flags=re.M))
        out_dir = json.loads(text).get("compilerOptions", {}).get("outDir")
    except ValueError:
        continue
    if out_dir and (config.parent / out_dir).resolve() != config.parent.resolve():
        shutil.rmtree(config.parent / out_dir, ignore_errors=True)
for path in Path(sys.argv[1]).rglob("*.*js"):  # minified: few, very long lines
    data = path.read_bytes()
    lines = data.count(b"\n") + 1
    if len(data) > 4000 and len(data) / lines > 250 and max(map(len, data.split(b"\n"))) > 1000:
        path.unlink()
PY
touch "$out/pyproject.toml"  # its own hardcode-lint project
find "$out" -type f ! -name package.json ! -name tsconfig.json ! -name pyproject.toml | wc -l
