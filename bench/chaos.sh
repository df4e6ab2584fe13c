#!/usr/bin/env bash
# Chaos run of the distributed topology: pushes JOBS documents through script/cluster while killing
# a worker (kill -9) every KILL_EVERY seconds and starting a fresh one in its place, and restarts
# Redis once; then checks that every job completed exactly once: none lost, none failed, one result.
#   bench/chaos.sh            (JOBS=200 KILL_EVERY=10 by default)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JOBS="${JOBS:-200}"
KILL_EVERY="${KILL_EVERY:-10}"
CORPUS="${CORPUS:-$ROOT/tests/DocStrange.Extraction.Tests/data/pdf}"
WORK=$(mktemp -d)
trap '"$ROOT/script/cluster" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

# Every job converts for real: the result cache is off for this run.
export DOCSTRANGE__JOBS__RESULTCACHETTL=00:00:00
"$ROOT/script/cluster" up > "$WORK/up.txt"
URL=$(grep '^DOCSTRANGE_URL=' "$WORK/up.txt" | cut -d= -f2)
STATE=$(grep '^SERVICES_DIR=' "$ROOT/.artifacts/cluster.env" | cut -d= -f2)
REDIS_PORT=$(grep '^REDIS_PORT=' "$ROOT/.artifacts/cluster.env" | cut -d= -f2)
# Only documents that convert: the fixtures made to be unreadable (damaged, truncated, empty, locked)
# would fail on their own and hide what the chaos does.
mapfile -t FILES < <(find "$CORPUS" -maxdepth 1 -name '*.pdf' ! -name '*broken*' ! -name '*password*' ! -name '*encrypted*' \
  ! -name 'corrupt*' ! -name 'truncated*' ! -name 'zero_pages*' | sort)
[ ${#FILES[@]} -gt 0 ] || { echo "no PDFs in $CORPUS" >&2; exit 2; }

started=$(date +%s)
export URL
for i in $(seq 1 "$JOBS"); do echo "$i"; done | FILES_LIST="${FILES[*]}" xargs -P 16 -I{} bash -c \
  'FILES=($FILES_LIST); file=${FILES[$(( {} % ${#FILES[@]} ))]}; curl -sf -F "file=@$file" "$URL/api/v1/documents" | grep -o "\"job_id\":\"[^\"]*\"" | cut -d\" -f4' \
  > "$WORK/jobs.txt" &
submitter=$!

kills=0; redis_restarted=0
pending() { curl -sf "$URL/api/v1/jobs?status=pending&limit=1" | grep -c '"job_id"' || true; }
processing() { curl -sf "$URL/api/v1/jobs?status=processing&limit=1" | grep -c '"job_id"' || true; }
while kill -0 "$submitter" 2>/dev/null || [ "$(pending)" != 0 ] || [ "$(processing)" != 0 ]; do
  sleep "$KILL_EVERY"
  victim=""
  while read -r _ pid; do
    if kill -0 "$pid" 2>/dev/null; then victim=$pid; break; fi
  done < <(grep '^worker ' "$STATE/pids")
  if [ -n "$victim" ]; then
    kill -9 "$victim"; kills=$((kills + 1))
    "$ROOT/script/cluster" add-worker >/dev/null
  fi
  if [ "$redis_restarted" = 0 ]; then
    redis_pid=$(grep '^redis ' "$STATE/pids" | cut -d' ' -f2)
    kill -9 "$redis_pid"; sleep 2
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
      --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log" >/dev/null
    sleep 0.5; sed -i "s/^redis .*/redis $(cat "$STATE/redis.pid")/" "$STATE/pids"
    redis_restarted=1
  fi
  [ $(( $(date +%s) - started )) -lt 900 ] || { echo "gave up after 15 minutes" >&2; break; }
done
wait "$submitter" || true
elapsed=$(( $(date +%s) - started ))

submitted=$(grep -c '^job_' "$WORK/jobs.txt" || true)
completed=0; failed=0; other=0; retried=0; missing_result=0
while read -r id; do
  job=$(curl -sf "$URL/api/v1/jobs/$id" || true)
  case "$job" in
    *'"status":"completed"'*) completed=$((completed + 1)) ;;
    *'"status":"failed"'*) failed=$((failed + 1)); echo "$job" | grep -o '"code":"[A-Z_]*"' | head -1 >> "$WORK/failed_codes.txt" ;;
    *) other=$((other + 1)) ;;
  esac
  case "$job" in *'"attempts":1,'*) ;; *) retried=$((retried + 1)) ;; esac
  curl -sf -o /dev/null "$URL/api/v1/jobs/$id/result" || missing_result=$((missing_result + 1))
done < <(grep '^job_' "$WORK/jobs.txt")

echo "chaos: $JOBS jobs asked, $submitted submitted, $completed completed, $failed failed, $other not final,"
echo "       $retried ran more than once (attempts > 1), $missing_result without a result;"
echo "       $kills workers killed with SIGKILL (each replaced), Redis restarted $redis_restarted time(s); ${elapsed} s"
[ ! -s "$WORK/failed_codes.txt" ] || { echo "       failed jobs by error code:"; sort "$WORK/failed_codes.txt" | uniq -c | sed 's/^/        /'; }
[ "$submitted" = "$JOBS" ] && [ "$completed" = "$JOBS" ] && [ "$missing_result" = 0 ]
