#!/usr/bin/env bash
# The OCR engines side by side: converts the corpus's images and scanned PDFs with each of
# --ocr-engine tesseract, paddle and auto (one CLI process per document, so each pays its start-up and
# model loading as a worker's conversion does), scores every engine's outputs with the corpus's
# score.py, and prints per engine the mean similarity, the pages per CPU-second and per wall-second as
# ratios to Tesseract, and the peak memory of one process; per document the similarity of each engine.
#   bench/run-ocr-engines.sh                 (ENGINES="tesseract paddle auto", CORPUS=../shared/corpus)
#   OUT=/tmp/ocr-engines bench/run-ocr-engines.sh   keeps the outputs there
source "$(dirname "${BASH_SOURCE[0]}")/../script/lib/common.sh"
source "$ROOT/script/lib/models.sh"
source "$ROOT/bench/lib/ocr-runs.sh"
cd "$ROOT"

require_dotnet
ensure_apt_packages "${SERVICE_PACKAGES[@]}" python3 time bc
ensure_paddle_models
build_cli

CORPUS="${CORPUS:-$ROOT/../shared/corpus}"
ENGINES="${ENGINES:-tesseract paddle auto}"
OUT="${OUT:-$(mktemp -d /tmp/docstrange-ocr-engines.XXXXXX)}"
ocr_corpus_docs

for engine in $ENGINES; do ocr_run_start "$engine"; done
# Document by document, every engine in turn: a busy minute on the shared machine hits all engines alike.
for doc in "${DOCS[@]}"; do
  for engine in $ENGINES; do ocr_convert "$engine" "$CLI_DLL" "$engine" "$CORPUS/$doc"; done
done
for engine in $ENGINES; do ocr_score "$engine"; done

python3 "$ROOT/bench/ocr_engines_table.py" "$OUT" $ENGINES
say "outputs in $OUT"
