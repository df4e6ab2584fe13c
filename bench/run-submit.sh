#!/usr/bin/env bash
# Submit-latency benchmark: builds the CLI and the benchmark in Release, then runs the benchmark
# (which starts `docstrange serve` and the upload floor itself). Arguments go to the benchmark,
# e.g. `bench/run-submit.sh --count 50 --file path/to/report.pdf`.
# RUNS=N repeats the measurement N times (each with fresh services); the exit code is the worst one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Load tests submit hundreds of documents as one anonymous caller: they measure the service, not
# the free tier's limits (60 requests a minute, 100 documents a day, 50 pages...), so the free tier
# gets limits no run reaches. The counters still run, so their cost is part of what is measured.
# Set any of these before starting to test the limits themselves.
export DOCSTRANGE__TIERS__FREE__REQUESTSPERMINUTE="${DOCSTRANGE__TIERS__FREE__REQUESTSPERMINUTE:-100000000}"
export DOCSTRANGE__TIERS__FREE__DOCUMENTSPERDAY="${DOCSTRANGE__TIERS__FREE__DOCUMENTSPERDAY:-100000000}"
export DOCSTRANGE__TIERS__FREE__CONCURRENTJOBS="${DOCSTRANGE__TIERS__FREE__CONCURRENTJOBS:-100000000}"
export DOCSTRANGE__TIERS__FREE__MAXFILEBYTES="${DOCSTRANGE__TIERS__FREE__MAXFILEBYTES:-100000000000}"
export DOCSTRANGE__TIERS__FREE__MAXPAGES="${DOCSTRANGE__TIERS__FREE__MAXPAGES:-100000000}"

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
