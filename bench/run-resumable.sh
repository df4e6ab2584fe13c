#!/usr/bin/env bash
# Resumable-upload memory benchmark: starts an API process (embedded storage, no workers, so the
# figure is the upload's alone), sends a large file through POST /uploads + PATCH chunks + complete
# with curl, and prints the API's peak resident memory (VmHWM) before, after the chunks and after
# completion (which reads every chunk back and writes the job's input).
#   bench/run-resumable.sh [SIZE_MIB (default 2048)] [CHUNK_MIB (default 16)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
size_mib="${1:-2048}"
chunk_mib="${2:-16}"
port="${PORT:-18093}"
base="http://127.0.0.1:$port/api/v1"

dotnet build -c Release src/DocStrange.Cli --nologo -v quiet -clp:ErrorsOnly
work="$(mktemp -d)"
api_pid=""
cleanup() {
    if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# `yes` ends by SIGPIPE when head has enough, which pipefail would count as a failure.
yes "A line of text for the resumable upload benchmark, repeated until the file is large." | head -c "$((size_mib * 1024 * 1024))" > "$work/big.txt" || true
size=$(stat -c %s "$work/big.txt")

dotnet src/DocStrange.Cli/bin/Release/net10.0/docstrange.dll api --urls "http://127.0.0.1:$port" \
    --DocStrange:Mode=embedded --DocStrange:Storage:DataDirectory="$work/data" \
    --DocStrange:Uploads:ChunkBytes=$((chunk_mib * 1024 * 1024)) --Logging:LogLevel:Default=Warning > "$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/health/live" > /dev/null 2>&1 && break
    sleep 0.2
done
hwm() { awk '/VmHWM/ {printf "%.1f MiB", $2 / 1024}' "/proc/$api_pid/status"; }
echo "file: $size bytes in chunks of $chunk_mib MiB"
echo "peak RSS after start:      $(hwm)"

id=$(curl -fsS -H 'Content-Type: application/json' -d "{\"file_name\":\"big.txt\",\"size\":$size}" "$base/uploads" \
    | sed -E 's/.*"upload_id":"([^"]+)".*/\1/')
chunk=$((chunk_mib * 1024 * 1024))
offset=0
start=$(date +%s.%N)
for ((i = 0; offset < size; i++)); do
    dd if="$work/big.txt" bs="$chunk" skip="$i" count=1 status=none > "$work/chunk"
    offset=$(curl -fsS -X PATCH -H "Upload-Offset: $offset" -H 'Content-Type: application/offset+octet-stream' \
        --data-binary @"$work/chunk" -D - -o /dev/null "$base/uploads/$id" | tr -d '\r' | awk -F': ' 'tolower($1) == "upload-offset" {print $2}')
done
sent=$(date +%s.%N)
echo "peak RSS after the chunks: $(hwm)  ($(echo "$sent - $start" | bc) s for $((i)) chunks)"
curl -fsS -X POST -H 'Content-Type: application/json' -d '{"output_format":"markdown"}' "$base/uploads/$id/complete" -o "$work/job.json"
done_at=$(date +%s.%N)
echo "peak RSS after completion: $(hwm)  ($(echo "$done_at - $sent" | bc) s to assemble and submit)"
echo "job: $(cat "$work/job.json")"
