#!/usr/bin/env bash
# Load on `meetzy serve` from wrk in a second process on loopback. Each round measures three
# things on the same server. First the unauthenticated /health. Then /health again with the
# Authorization header that the verified requests carry, which the server parses but ignores
# there. Last the verified /v1/assistants. It prints the throughput of each and the ratio of
# /v1/assistants to either /health row. Usage (from the repository root, after `mvn package`):
#
#   benchmarks/scripts/serve-load.sh [ROUNDS] [SECONDS] [-- extra `meetzy serve` options]
#
# Examples: `benchmarks/scripts/serve-load.sh 3 15`, and with a cache:
# `benchmarks/scripts/serve-load.sh 3 15 -- --cache-ttl 10s`. Set SERVE_JAVA_OPTS for JVM
# options of the server, such as -Dorg.slf4j.simpleLogger.log.meetzy.audit=off.
set -euo pipefail

rounds=${1:-3}
seconds=${2:-15}
shift $(( $# < 2 ? $# : 2 ))
[[ ${1:-} == "--" ]] && shift

jar=examples/target/meetzy.jar
port=18080
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

java -jar "$jar" tokens create --name load --data "$work/data" > "$work/token" 2>/dev/null
# The token limit is raised out of reach, so that every request takes the full success path.
# shellcheck disable=SC2086
java ${SERVE_JAVA_OPTS:-} -jar "$jar" serve --port "$port" --data "$work/data" \
    --rate-limit 999999999/1s "$@" 2> "$work/serve.err" &
server=$!
for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
    sleep 0.2
done

bearer="Authorization: Bearer $(cat "$work/token")"
rate() { wrk -t1 -c16 -d"$1" "${@:2}" | awk '/Requests\/sec/ {print $2}'; }

rate 10s "http://127.0.0.1:$port/health" > /dev/null
rate 10s -H "$bearer" "http://127.0.0.1:$port/v1/assistants" > /dev/null

ratio() { awk -v a="$1" -v h="$2" 'BEGIN {printf "%.3f", a / h}'; }

echo "round health health_with_header assistants ratio ratio_with_header"
for round in $(seq "$rounds"); do
    health=$(rate "${seconds}s" "http://127.0.0.1:$port/health")
    health_with_header=$(rate "${seconds}s" -H "$bearer" "http://127.0.0.1:$port/health")
    assistants=$(rate "${seconds}s" -H "$bearer" "http://127.0.0.1:$port/v1/assistants")
    echo "$round $health $health_with_header $assistants $(ratio "$assistants" "$health")" \
        "$(ratio "$assistants" "$health_with_header")"
done
echo "audit lines written: $(grep -c 'outcome=verified' "$work/serve.err" || true)"
