#!/usr/bin/env bash
# Submit-latency benchmark: builds the CLI and the benchmark in Release, then runs the benchmark
# (which starts `docstrange serve` and the upload floor itself). Arguments go to the benchmark,
# e.g. `bench/run-submit.sh --count 50 --file path/to/report.pdf`.
# RUNS=N repeats the measurement N times (each with fresh services); the exit code is the worst one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

dotnet build -c Release src/DocStrange.Cli --nologo -v minimal
dotnet build -c Release bench/DocStrange.Bench.Submit --nologo -v minimal

runs="${RUNS:-1}"
status=0
for ((run = 1; run <= runs; run++)); do
    if ((runs > 1)); then echo "== run $run of $runs"; fi
    rc=0
    dotnet bench/DocStrange.Bench.Submit/bin/Release/net10.0/DocStrange.Bench.Submit.dll "$@" || rc=$?
    if ((rc > status)); then status=$rc; fi
done
exit "$status"
