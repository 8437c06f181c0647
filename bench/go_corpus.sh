#!/usr/bin/env bash
# The Go corpus of bench/RESULTS.md: real Go sources from Debian's golang-*-dev packages (servers,
# clients and libraries where hardcoded timeouts live), their .go files unpacked.
#   bench/go_corpus.sh DIR   then   python bench/run.py --go DIR
set -euo pipefail
out="${1:?usage: bench/go_corpus.sh DIR}"
debs="$(mktemp -d)"
chmod 777 "$debs"  # apt downloads as _apt
(cd "$debs" && apt-get download \
    golang-github-docker-docker-dev golang-google-grpc-dev golang-golang-x-net-dev \
    golang-golang-x-tools-dev golang-github-nats-io-nats-server-dev golang-github-nats-io-go-nats-dev \
    golang-github-shopify-sarama-dev golang-github-jackc-pgx-v4-dev \
    golang-github-hashicorp-go-retryablehttp-dev golang-etcd-server-dev \
    golang-github-containerd-containerd-dev golang-github-hashicorp-serf-dev \
    golang-github-hashicorp-memberlist-dev golang-github-hashicorp-raft-dev \
    golang-github-minio-minio-go-v7-dev golang-github-gin-gonic-gin-dev \
    golang-github-gorilla-websocket-dev golang-github-go-sql-driver-mysql-dev golang-github-lib-pq-dev \
    golang-github-syncthing-syncthing-dev golang-github-lucas-clemente-quic-go-dev \
    golang-github-miekg-dns-dev golang-github-valyala-fasthttp-dev golang-github-caddyserver-certmagic-dev \
    golang-github-go-kit-kit-dev golang-github-segmentio-kafka-go-dev golang-github-rclone-rclone-dev \
    golang-github-prometheus-client-golang-dev golang-github-prometheus-common-dev \
    golang-github-prometheus-alertmanager-dev golang-mongodb-mongo-driver-dev \
    golang-github-hashicorp-go-plugin-dev golang-gopkg-redis.v5-dev golang-opentelemetry-otel-dev \
    golang-github-grpc-ecosystem-grpc-gateway-dev golang-github-influxdb-influxdb-dev >/dev/null)
mkdir -p "$out"
for deb in "$debs"/*.deb; do
    name="$(basename "$deb")"
    dpkg-deb -x "$deb" "$debs/x"
    mkdir -p "$out/${name%%_*}"
    (cd "$debs/x/usr/share/gocode/src" && find . -type f -name '*.go' -print0 \
        | tar --null -T - -cf -) | tar -xf - -C "$out/${name%%_*}"
    rm -rf "$debs/x"
done
touch "$out/pyproject.toml"  # its own hardcode-lint project
rm -rf "$debs"
find "$out" -type f -name '*.go' | wc -l
