#!/usr/bin/env bash
# Load test of kb serve (issue #22): 32 wrk clients for DURATION seconds (search and suggest, scripts/serve-load.lua)
# on the demo store while `kb import` loads TICKETS generated tickets into the same store. Prints wrk's
# figures, the server's RSS before and after, and any "database is locked" in the server's or import's output.
# Usage: scripts/serve-load.sh [KB_BINARY] [DURATION] [TICKETS]   (a release build: swift build -c release)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kb=$(realpath "${1:-$root/.build/release/kb}")
duration=${2:-60}
tickets=${3:-100000}
port=${PORT:-18790}
work=$(mktemp -d /tmp/kb-serve-load.XXXXXX)
server=""
trap 'kill $server 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$root/kb" "$work/kb"
cd "$work"
KB_NOW=2026-10-31T22:59:59Z "$kb" demo >/dev/null
"$kb" generate --tickets "$tickets" --seed 7 | sed 's/"id":"T-/"id":"L-/' > load.jsonl
"$kb" serve --port "$port" --threads 2 2> serve.log &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }
echo "RSS before: $(rss)"
curl -s "http://127.0.0.1:$port/api/search?q=login" >/dev/null
echo "RSS warm: $(rss)"
( time "$kb" import load.jsonl ) > import.log 2>&1 &
importer=$!
wrk -t2 -c32 -d"${duration}s" --latency -s "$root/scripts/serve-load.lua" "http://127.0.0.1:$port" | tee wrk.log
echo "RSS after: $(rss)"
wait $importer || echo "import failed"
tail -3 import.log
echo "tickets in store: $(curl -s "http://127.0.0.1:$port/metrics" | awk '/^kb_tickets / {print $2}')"
echo "RSS end: $(rss)"
grep -ci "database is locked" serve.log import.log || true
grep -c '" 5[0-9][0-9] ' serve.log || true
