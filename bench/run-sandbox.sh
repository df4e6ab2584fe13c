#!/usr/bin/env bash
# Conversion sandbox overhead: builds the CLI the way script/docstrange does (ReadyToRun, in
# .artifacts/cli), then runs bench/sandbox_overhead.py: two `docstrange serve` side by side, one
# converting in process and one in a child per job, the same small documents through both.
# Arguments go to the script, e.g. `bench/run-sandbox.sh --rounds 30 --json results.jsonl`.
source "$(dirname "$0")/../script/lib/common.sh"
cd "$ROOT"
require_dotnet
build_cli
exec /usr/bin/python3 bench/sandbox_overhead.py --dll "$CLI_DLL" "$@"
