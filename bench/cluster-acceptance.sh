#!/usr/bin/env bash
# Acceptance run of the distributed topology: starts script/cluster (inputs kept after the job, result
# cache off, so every job converts and leaves both files), submits DOCS documents at once through
# nginx, then checks
#   - every submission was accepted and every job completed (read through the second API replica);
#   - every job's row in PostgreSQL is completed, and its input and Markdown result are in the bucket;
#   - a job submitted straight to the first API replica is read, and streamed to its end, through the second.
#   bench/cluster-acceptance.sh                         (DOCS=100, the extraction test fixtures)
#   CORPUS=path/to/documents DOCS=100 bench/cluster-acceptance.sh
# Exit code 0 when every check holds. Stops the cluster it started.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOCS="${DOCS:-100}"
CORPUS="${CORPUS:-$ROOT/tests/DocStrange.Extraction.Tests/data}"
WORK=$(mktemp -d)
trap '"$ROOT/script/cluster" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

export DOCSTRANGE__JOBS__DELETEINPUTWHENFINAL=false
export DOCSTRANGE__JOBS__RESULTCACHETTL=00:00:00
"$ROOT/script/cluster" up > "$WORK/up.txt"
URL=$(grep '^DOCSTRANGE_URL=' "$WORK/up.txt" | cut -d= -f2)
STATE=$(grep '^SERVICES_DIR=' "$ROOT/.artifacts/cluster.env" | cut -d= -f2)
mapfile -t REPLICAS < <(grep -o '127\.0\.0\.1:[0-9]*' "$STATE/nginx/upstream.conf" | sed 's|^|http://|')
S3=$(sed -n 's/^export DOCSTRANGE__S3__SERVICEURL="\(.*\)"$/\1/p' "$STATE/docstrange.env")
BUCKET=$(sed -n 's/^export DOCSTRANGE__S3__BUCKET="\(.*\)"$/\1/p' "$STATE/docstrange.env")
PG_PORT=$(grep -o 'Port=[0-9]*' "$STATE/docstrange.env" | head -1 | cut -d= -f2)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
psql_at() { runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d docstrange -Atc "$1"; }

# Documents meant to fail (damaged, locked, empty) are left out: every job here must complete.
mapfile -t FILES < <(find "$CORPUS" -type f \( -name '*.pdf' -o -name '*.docx' -o -name '*.xlsx' -o -name '*.pptx' \
  -o -name '*.html' -o -name '*.png' -o -name '*.jpg' -o -name '*.txt' -o -name '*.md' -o -name '*.csv' \) \
  ! -iname '*broken*' ! -iname '*password*' ! -iname '*encrypted*' ! -iname '*corrupt*' ! -iname '*truncated*' \
  ! -iname '*zero_pages*' ! -iname '*empty*' ! -iname '*bomb*' ! -iname '*invalid*' ! -iname '*malformed*' | sort)
[ ${#FILES[@]} -gt 0 ] || { echo "no documents in $CORPUS" >&2; exit 2; }
echo "acceptance: $DOCS submissions at once through nginx ($URL), cycling over ${#FILES[@]} documents of $CORPUS"

started=$(date +%s)
for i in $(seq 0 $((DOCS - 1))); do echo "${FILES[$((i % ${#FILES[@]}))]}"; done > "$WORK/files.txt"
# All at once: one curl per document, each printing "<http status> <job id>".
export URL
xargs -P "$DOCS" -d '\n' -I{} bash -c 'out=$(mktemp); code=$(curl -s -o "$out" -w "%{http_code}" -F "file=@$1" "$URL/api/v1/documents");
  echo "$code $(sed -n "s/.*\"job_id\":\"\([^\"]*\)\".*/\1/p" "$out")"; rm -f "$out"' _ {} < "$WORK/files.txt" > "$WORK/submitted.txt"
accepted=$(grep -c '^202 job_' "$WORK/submitted.txt" || true)
grep '^202 job_' "$WORK/submitted.txt" | cut -d' ' -f2 > "$WORK/jobs.txt"
echo "  accepted: $accepted of $DOCS ($(grep -v '^202 ' "$WORK/submitted.txt" | cut -d' ' -f1 | sort | uniq -c | tr '\n' ' '))"

# Each job is waited for on the second replica, which did not necessarily take its submission.
completed=0; failed=0
while read -r id; do
  status=""
  for _ in $(seq 1 60); do
    status=$(curl -sf "${REPLICAS[1]}/api/v1/jobs/$id?wait=30" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' | head -1 || true)
    case "$status" in completed|failed|cancelled) break ;; esac
  done
  case "$status" in
    completed) completed=$((completed + 1)) ;;
    *) failed=$((failed + 1)); echo "  job $id ended $status: $(curl -sf "${REPLICAS[1]}/api/v1/jobs/$id" | head -c 400)" ;;
  esac
done < "$WORK/jobs.txt"
elapsed=$(( $(date +%s) - started ))
echo "  completed: $completed, not completed: $failed (${elapsed} s from the first submission to the last result)"

ids=$(sed "s/.*/'&'/" "$WORK/jobs.txt" | paste -sd,)
rows=$(psql_at "SELECT COUNT(*) FROM jobs WHERE id IN ($ids) AND state = 'completed'")
events=$(psql_at "SELECT COUNT(DISTINCT job_id) FROM job_events WHERE job_id IN ($ids) AND kind = 'completed'")
echo "  PostgreSQL: $rows completed job rows, $events with a completed event"

in_bucket=0
while read -r id; do
  input=$(curl -s -o /dev/null -w '%{http_code}' -I "$S3/$BUCKET/jobs/$id/input")
  result=$(curl -s -o /dev/null -w '%{http_code}' -I "$S3/$BUCKET/jobs/$id/result.md")
  if [ "$input" = 200 ] && [ "$result" = 200 ]; then in_bucket=$((in_bucket + 1)); else echo "  job $id: input $input, result.md $result"; fi
done < "$WORK/jobs.txt"
echo "  bucket: $in_bucket jobs with their input and result.md"

# Across replicas: submitted to the first, read and streamed through the second.
across=$(curl -sf -F "file=@${FILES[0]}" "${REPLICAS[0]}/api/v1/documents" | sed -n 's/.*"job_id":"\([^"]*\)".*/\1/p')
stream=$(curl -sN --max-time 120 "${REPLICAS[1]}/api/v1/jobs/$across/events" || true)
read_back=$(curl -sf "${REPLICAS[1]}/api/v1/jobs/$across" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' | head -1)
events_seen=$(grep -c '^event: job' <<< "$stream" || true)
last_status=$(grep '^data:' <<< "$stream" | tail -1 | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' | head -1)
echo "  across replicas: job $across submitted to ${REPLICAS[0]}, streamed from ${REPLICAS[1]}: $events_seen events, the last '$last_status'; read back '$read_back'"

[ "$accepted" = "$DOCS" ] && [ "$completed" = "$DOCS" ] && [ "$rows" = "$DOCS" ] && [ "$events" = "$DOCS" ] \
  && [ "$in_bucket" = "$DOCS" ] && [ "$last_status" = completed ] && [ "$read_back" = completed ] \
  && echo "acceptance: every check holds"
