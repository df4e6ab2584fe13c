#!/usr/bin/env bash
# Submit latency through nginx on the distributed topology (script/cluster): 100 clients, each run side
# by side with the upload floor. Starts a cluster unless one is up (and stops only what it started).
#   bench/run-cluster-submit.sh                  closed rounds of 100 at once, then open loop at each RATES
#   RATES="100 200 300" COUNT=2000 bench/run-cluster-submit.sh
#   WARMUP_ROUNDS=30    warm-up rounds per run, in the measuring process (JIT of client, floor and
#                       service; connection pools); then it waits until DocStrange has worked off the
#                       warm-up's jobs (--settle), so each measurement starts from an empty queue.
#   S3_PEER=0           skip the second peer: the cluster's S3 server alone, taking the same number of
#                       concurrent PUTs of a 2 KB object (npm autocannon, closed loop), with the workers
#                       paused. Every submission stores its file there before it is answered, so this
#                       is a floor DocStrange's closed rounds cannot go under.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
count="${COUNT:-2000}"
clients="${CLIENTS:-100}"
rates="${RATES:-100 200 300}"
warmup="${WARMUP_ROUNDS:-30}"

dotnet build -c Release bench/DocStrange.Bench.Submit --nologo -v quiet -clp:ErrorsOnly
bench_dll=bench/DocStrange.Bench.Submit/bin/Release/net10.0/DocStrange.Bench.Submit.dll

started=0
if [ ! -f .artifacts/cluster.env ]; then
  script/cluster up >/dev/null
  started=1
fi
workers=""
trap 'if [ -n "$workers" ]; then kill -CONT $workers 2>/dev/null || true; fi; if [ "$started" = 1 ]; then script/cluster down >/dev/null; fi' EXIT
# shellcheck disable=SC1091
source .artifacts/cluster.env
settle=(--warmup "$warmup" --settle)

echo "== closed rounds: $clients submissions at once, $count in all"
dotnet "$bench_dll" --url "$DOCSTRANGE_URL" --count "$count" --concurrency "$clients" "${settle[@]}" "$@"
if [ "${S3_PEER:-1}" = 1 ]; then
  tools="$root/.artifacts/bench-tools"
  [ -x "$tools/node_modules/.bin/autocannon" ] || (mkdir -p "$tools" && npm install --prefix "$tools" --no-audit --no-fund --silent autocannon@7.15.0 >/dev/null)
  s3_url=$(sed -n 's/^export DOCSTRANGE__S3__SERVICEURL="\(.*\)"$/\1/p' "$SERVICES_DIR/docstrange.env")
  s3_url="$s3_url/$(sed -n 's/^export DOCSTRANGE__S3__BUCKET="\(.*\)"$/\1/p' "$SERVICES_DIR/docstrange.env")"
  body=$(mktemp); head -c 2048 /dev/zero | tr '\0' 'a' > "$body"
  workers=$(awk '$1 == "worker" {print $2}' "$SERVICES_DIR/pids")
  # Paused, so the conversions of the rounds above do not share the machine with the S3 server.
  kill -STOP $workers
  echo "== the S3 server alone: $clients concurrent PUTs of 2,048 B, $count in all (autocannon; workers paused)"
  cannon=("$tools/node_modules/.bin/autocannon" -c "$clients" -m PUT -i "$body" -H "Content-Type: text/plain" -j)
  "${cannon[@]}" -a "$((clients * 5))" "$s3_url/bench-peer/object.txt" >/dev/null 2>&1 || true
  # Unsigned PUTs: the server checks no signature, so this is less work than DocStrange's signed ones.
  "${cannon[@]}" -a "$count" "$s3_url/bench-peer/object.txt" 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin); l = r["latency"]
print("  s3 alone   p50 %s ms, p90 %s ms, p99 %s ms, max %s ms; %.0f PUT/s; %d ok, %d failed"
      % (l["p50"], l["p90"], l["p99"], l["max"], r["requests"]["average"], r["2xx"], r["errors"] + r["non2xx"]))
'
  kill -CONT $workers
  workers=""
  rm -f "$body"
fi
for rate in $rates; do
  echo "== open loop: $rate submissions per second from $clients clients, $count in all"
  dotnet "$bench_dll" --url "$DOCSTRANGE_URL" --count "$count" --concurrency "$clients" --rate "$rate" "${settle[@]}" "$@"
done
