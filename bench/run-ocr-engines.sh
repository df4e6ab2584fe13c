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
cd "$ROOT"

require_dotnet
ensure_apt_packages "${SERVICE_PACKAGES[@]}" python3 time bc
ensure_paddle_models
build_cli

CORPUS="${CORPUS:-$ROOT/../shared/corpus}"
ENGINES="${ENGINES:-tesseract paddle auto}"
OUT="${OUT:-$(mktemp -d /tmp/docstrange-ocr-engines.XXXXXX)}"
mapfile -t DOCS < <(awk -F'\t' 'NR > 1 && ($2 == "image" || $2 == "pdf-scan") { print $1 }' "$CORPUS/MANIFEST.tsv")
[ ${#DOCS[@]} -gt 0 ] || die "no image or pdf-scan documents in $CORPUS/MANIFEST.tsv"

pages_of() { case "$1" in *.pdf) pdfinfo "$1" | awk '/^Pages:/ { print $2 }' ;; *) echo 1 ;; esac; }

for engine in $ENGINES; do
  mkdir -p "$OUT/$engine"
  : > "$OUT/$engine/_times.tsv"
  : > "$OUT/$engine/_usage.tsv"
done
# Document by document, every engine in turn: a busy minute on the shared machine hits all engines alike.
for doc in "${DOCS[@]}"; do
  file="$CORPUS/$doc"
  name="$(basename "$doc")"
  for engine in $ENGINES; do
    # wall seconds, CPU seconds (user + system), peak resident KiB
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/$engine/$name.time" \
      dotnet "$CLI_DLL" convert "$file" --ocr-engine "$engine" -o "$OUT/$engine/$name.md" 2>"$OUT/$engine/$name.log" \
      || say "$engine: $name failed (see $OUT/$engine/$name.log)"
    read -r wall user sys rss < <(tail -n 1 "$OUT/$engine/$name.time")
    printf '%s\t%s\n' "$name" "$wall" >> "$OUT/$engine/_times.tsv"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$(pages_of "$file")" "$wall" "$(echo "$user + $sys" | bc)" "$rss" >> "$OUT/$engine/_usage.tsv"
  done
done
for engine in $ENGINES; do
  python3 "$CORPUS/score.py" "$OUT/$engine" --manifest "$CORPUS/MANIFEST.tsv" --type image,pdf-scan \
    --json "$OUT/$engine/_scores.json" --quiet > "$OUT/$engine/_score.txt"
done

python3 "$ROOT/bench/ocr_engines_table.py" "$OUT" $ENGINES
say "outputs in $OUT"
