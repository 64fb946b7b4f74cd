#!/usr/bin/env bash
# Load test of kb serve (issue #22): CONNECTIONS wrk clients for DURATION seconds, 3 searches of 1–3 demo words for each
# suggest (scripts/serve-load.lua), while `kb import` loads IMPORT generated tickets into the same store. Prints wrk's
# figures (requests, socket errors, non-2xx, p50/p90/p99/p99.9), the server's RSS sampled every second over the run
# (start, min, max, end), the server's CPU time per request (user + system; on a shared machine a steadier figure
# than latency), the load average, and counts "database is locked" and 5xx in the server's and the import's output.
#
# Usage: scripts/serve-load.sh [--kb BINARY] [--duration S] [--import N] [--connections C] [--threads T]
#                              [--tickets N | --store DIR]
#   --kb BINARY     kb to run (default .build/release/kb; build it with: swift build -c release --product kb)
#   --tickets N     serve a fresh store: the demo plus N generated tickets (ids B-…), imported before the run
#   --store DIR     serve the workspace DIR as it is (a 1,000,000-ticket store made once); the import during the run
#                   then adds its tickets (ids L-…) to that store
#   default         the demo store (600 tickets)
#   --import N      tickets imported while the load runs (default 100000; 0: no import)
#   --mix M         both (3 searches for each suggest, the default), search or suggest
#   --mmap-mb M     kb serve --mmap-mb (how much of the database each read connection maps; default kb serve's)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kb=$root/.build/release/kb
duration=60
import=100000
connections=32
threads=2
tickets=0
store=""
mmap=""
mix=both
while [ $# -gt 0 ]; do
  case $1 in
    --kb) kb=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --import) import=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --tickets) tickets=$2; shift 2 ;;
    --store) store=$2; shift 2 ;;
    --mix) mix=$2; shift 2 ;;
    --mmap-mb) mmap="--mmap-mb $2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "serve-load.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
done
kb=$(realpath "$kb")
[ -x "$kb" ] || { echo "serve-load.sh: no kb at $kb: swift build -c release --product kb" >&2; exit 66; }
command -v wrk >/dev/null || { echo "serve-load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 69; }
port=${PORT:-18790}
work=$(mktemp -d /tmp/kb-serve-load.XXXXXX)
server=""
sampler=""
trap 'kill $sampler $server 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -n "$store" ]; then
  workspace=$(realpath "$store")
else
  workspace=$work/ws
  mkdir -p "$workspace"
  cp -r "$root/kb" "$workspace/kb"
  (cd "$workspace" && KB_NOW=2026-10-31T22:59:59Z "$kb" demo >/dev/null)
  if [ "$tickets" -gt 0 ]; then
    "$kb" generate --tickets "$tickets" --seed 11 | sed 's/"id":"T-/"id":"B-/' > "$work/base.jsonl"
    echo "store: importing $tickets generated tickets before the run"
    (cd "$workspace" && "$kb" import "$work/base.jsonl" | tail -1)
    rm -f "$work/base.jsonl"
  fi
fi
if [ "$import" -gt 0 ]; then
  "$kb" generate --tickets "$import" --seed 7 | sed 's/"id":"T-/"id":"L-/' > "$work/load.jsonl"
fi
cd "$workspace"
# shellcheck disable=SC2086
"$kb" serve --port "$port" --threads "$threads" $mmap 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
echo "store: $(curl -s "http://127.0.0.1:$port/metrics" | awk '/^kb_tickets / {print $2}') tickets"
curl -s "http://127.0.0.1:$port/api/search?q=login" >/dev/null
# VmRSS and RssAnon: pages of the database a reader maps (--mmap-mb) are the system's file cache, counted in RSS.
( while kill -0 "$server" 2>/dev/null; do awk '/^VmRSS/ {rss = $2} /^RssAnon/ {anon = $2} END {print rss, anon}' "/proc/$server/status"
    sleep 1; done ) > "$work/rss.log" 2>/dev/null &
sampler=$!
importer=""
if [ "$import" -gt 0 ]; then
  ( time "$kb" import "$work/load.jsonl" ) > "$work/import.log" 2>&1 &
  importer=$!
fi
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
cpu_before=$(cpu_ticks)
load_before=$(cut -d' ' -f1 /proc/loadavg)
wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency -s "$root/scripts/serve-load.lua" "http://127.0.0.1:$port" \
  -- "$mix" > "$work/wrk.log"
cpu_after=$(cpu_ticks)
grep -E '^Requests/sec' "$work/wrk.log"
sed -n '/^requests /,$p' "$work/wrk.log"
requests=$(awk '/^requests / {gsub(",", "", $2); print $2}' "$work/wrk.log")
awk -v ticks=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="${requests:-0}" \
  'BEGIN {printf "server CPU: %.1f s, %.2f ms per request\n", ticks / hz, (n > 0 ? ticks * 1000 / hz / n : 0)}'
echo "load average: $load_before at start, $(cut -d' ' -f1 /proc/loadavg) at the end (2 cores here means a queue)"
if [ -n "$importer" ]; then
  wait "$importer" || echo "import failed"
  echo "import: $(grep -m1 -E 'imported|inserted' "$work/import.log" || tail -1 "$work/import.log"); $(grep real "$work/import.log")"
fi
echo "store: $(curl -s "http://127.0.0.1:$port/metrics" | awk '/^kb_tickets / {print $2}') tickets after"
kill $sampler 2>/dev/null || true
for column in 1 2; do
  awk -v c=$column 'NR == 1 {first = $c; min = $c; max = $c} {if ($c < min) min = $c; if ($c > max) max = $c; last = $c}
       END {printf "%s (kB, %d samples): start %d, min %d, max %d, end %d\n", c == 1 ? "RSS" : "RssAnon", NR, first, min, max, last}' \
    "$work/rss.log"
done
echo "\"database is locked\": $(cat "$work/serve.log" "$work/import.log" 2>/dev/null | grep -ci 'database is locked' || true)"
echo "5xx in the request log: $(grep -c '" 5[0-9][0-9] ' "$work/serve.log" || true)"
