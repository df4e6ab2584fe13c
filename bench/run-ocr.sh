#!/usr/bin/env bash
# OCR benchmark: builds the CLI and the benchmark in Release, installs the OCR packages when
# missing, then runs DocStrange and the pdftoppm + tesseract pipeline side by side on the corpus's
# 4 scanned PDFs and 3 images. Arguments go to the benchmark, e.g. `bench/run-ocr.sh --rounds 3`.
source "$(dirname "${BASH_SOURCE[0]}")/../script/lib/common.sh"
cd "$ROOT"

require_dotnet
ensure_apt_packages "${SERVICE_PACKAGES[@]}" python3
dotnet build -c Release src/DocStrange.Cli --nologo -v quiet -clp:ErrorsOnly
dotnet build -c Release bench/DocStrange.Bench.Ocr --nologo -v quiet -clp:ErrorsOnly

corpus="${CORPUS:-$ROOT/../shared/corpus}"
exec dotnet bench/DocStrange.Bench.Ocr/bin/Release/net10.0/DocStrange.Bench.Ocr.dll --corpus "$corpus" \
  --docstrange-dll "$CLI_DLL" "$@"
