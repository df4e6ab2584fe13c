#!/usr/bin/env bash
# Submit latency through nginx on the distributed topology (script/cluster): 100 clients, each run side
# by side with the upload floor. Starts a cluster unless one is up (and stops only what it started).
#   bench/run-cluster-submit.sh                  closed rounds of 100 at once, then open loop at each RATES
#   RATES="100 200 300" COUNT=2000 bench/run-cluster-submit.sh
#   WARMUP_ROUNDS=30    warm-up rounds per run, in the measuring process (JIT of client, floor and
#                       service; connection pools); then it waits until DocStrange has worked off the
#                       warm-up's jobs (--settle), so each measurement starts from an empty queue.
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
trap 'if [ "$started" = 1 ]; then script/cluster down >/dev/null; fi' EXIT
# shellcheck disable=SC1091
source .artifacts/cluster.env
settle=(--warmup "$warmup" --settle)

echo "== closed rounds: $clients submissions at once, $count in all"
dotnet "$bench_dll" --url "$DOCSTRANGE_URL" --count "$count" --concurrency "$clients" "${settle[@]}" "$@"
for rate in $rates; do
  echo "== open loop: $rate submissions per second from $clients clients, $count in all"
  dotnet "$bench_dll" --url "$DOCSTRANGE_URL" --count "$count" --concurrency "$clients" --rate "$rate" "${settle[@]}" "$@"
done
