#!/usr/bin/env bash
# What figures as files with chunks, and extracted fields, add to a conversion, on the corpus PDFs (type
# "pdf" in its MANIFEST.tsv, the tables-only ones included): first warm and in process
# (bench/DocStrange.Bench.Features, every variant in every round beside the baseline), then as a job
# converts, one CLI process per document with and without --images files (bench/features_cli.py).
#   bench/run-features.sh [--corpus DIR] [--rounds N] [--fields a,b,c]
# The corpus defaults to ../shared/corpus beside the repository.
source "$(dirname "$0")/../script/lib/common.sh"

require_dotnet
build_cli
say "building bench/DocStrange.Bench.Features (Release)"
dotnet build "$ROOT/bench/DocStrange.Bench.Features" -c Release --nologo -v quiet -clp:ErrorsOnly >&2

# shellcheck source=bench/lib/corpus-args.sh
source "$ROOT/bench/lib/corpus-args.sh"
corpus_args "$@"
mapfile -t files < <(awk -F'\t' -v dir="$corpus" 'NR > 1 && $2 == "pdf" { print dir "/" $1 }' "$corpus/MANIFEST.tsv")
say "${#files[@]} PDFs from $corpus"
dotnet "$ROOT/bench/DocStrange.Bench.Features/bin/Release/net10.0/DocStrange.Bench.Features.dll" "${args[@]}" "${files[@]}"
say "one CLI process per document"
rounds=3
for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[$i]}" = "--rounds" ] && rounds="${args[$((i + 1))]}"; done
exec /usr/bin/python3 "$ROOT/bench/features_cli.py" --dll "$CLI_DLL" --rounds "$rounds" "${files[@]}"
