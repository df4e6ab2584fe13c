#!/usr/bin/env bash
# PDF extraction benchmark: installs the peers when missing (poppler-utils for pdftotext, pdfunite
# and pdfinfo; python3-pdfminer; python3-fitz), builds the CLI and bench/DocStrange.Bench.Pdf in
# Release, then runs bench/pdf_side_by_side.py on the corpus PDFs (type "pdf" in its MANIFEST.tsv).
#   bench/run-pdf.sh [--corpus DIR] [--rounds N] [--warm-rounds N] [--big-pages N] [--json FILE]
# The corpus defaults to ../shared/corpus beside the repository.
source "$(dirname "$0")/../script/lib/common.sh"

require_dotnet
ensure_apt_packages poppler-utils python3-pdfminer python3-fitz time
build_cli
say "building bench/DocStrange.Bench.Pdf (Release)"
dotnet build "$ROOT/bench/DocStrange.Bench.Pdf" -c Release --nologo -v quiet -clp:ErrorsOnly >&2

# shellcheck source=bench/lib/corpus-args.sh
source "$ROOT/bench/lib/corpus-args.sh"
corpus_args "$@"

exec /usr/bin/python3 "$ROOT/bench/pdf_side_by_side.py" --corpus "$corpus" \
  --docstrange-dll "$CLI_DLL" \
  --bench-dll "$ROOT/bench/DocStrange.Bench.Pdf/bin/Release/net10.0/DocStrange.Bench.Pdf.dll" "${args[@]}"
