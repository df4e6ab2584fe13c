# shellcheck shell=bash
# What bench/run-ocr-engines.sh and bench/gpu-check.sh share: the corpus's images and scanned PDFs,
# one CLI conversion timed, and the scores of a run. Sourced after script/lib/common.sh.

# The image and pdf-scan documents of $CORPUS's manifest, into DOCS.
ocr_corpus_docs() {
  mapfile -t DOCS < <(awk -F'\t' 'NR > 1 && ($2 == "image" || $2 == "pdf-scan") { print $1 }' "$CORPUS/MANIFEST.tsv")
  [ ${#DOCS[@]} -gt 0 ] || die "no image or pdf-scan documents in $CORPUS/MANIFEST.tsv"
}

ocr_pages_of() { case "$1" in *.pdf) pdfinfo "$1" | awk '/^Pages:/ { print $2 }' ;; *) echo 1 ;; esac; }

# An empty $OUT/LABEL for a run's outputs and its timing lists.
ocr_run_start() {
  mkdir -p "$OUT/$1"
  : > "$OUT/$1/_times.tsv"
  : > "$OUT/$1/_usage.tsv"
}

# ocr_convert LABEL DLL ENGINE FILE [VAR=VALUE...]: converts FILE with `--ocr-engine ENGINE` in a process of
# its own (with the variables set), into $OUT/LABEL, and records its wall seconds, CPU seconds and peak memory.
ocr_convert() {
  local label="$1" dll="$2" engine="$3" file="$4" name wall user sys rss
  shift 4
  name="$(basename "$file")"
  # wall seconds, CPU seconds (user + system), peak resident KiB
  env "$@" /usr/bin/time -f '%e %U %S %M' -o "$OUT/$label/$name.time" \
    dotnet "$dll" convert "$file" --ocr-engine "$engine" -o "$OUT/$label/$name.md" 2>"$OUT/$label/$name.log" \
    || say "$label: $name failed (see $OUT/$label/$name.log)"
  read -r wall user sys rss < <(tail -n 1 "$OUT/$label/$name.time")
  printf '%s\t%s\n' "$name" "$wall" >> "$OUT/$label/_times.tsv"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$(ocr_pages_of "$file")" "$wall" "$(echo "$user + $sys" | bc)" "$rss" >> "$OUT/$label/_usage.tsv"
}

# Scores the outputs in $OUT/LABEL with the corpus's score.py.
ocr_score() {
  python3 "$CORPUS/score.py" "$OUT/$1" --manifest "$CORPUS/MANIFEST.tsv" --type image,pdf-scan \
    --json "$OUT/$1/_scores.json" --quiet > "$OUT/$1/_score.txt"
}
