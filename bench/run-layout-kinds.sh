#!/usr/bin/env bash
# Layout on the kinds of born-digital PDF that users send most (an invoice, a form, a two-column
# journal page with a running head and a margin stamp, a financial statement ruled above its
# subtotals), side by side with pdftotext. The pages are written as HTML in bench/layout-kinds/src,
# printed to PDF by headless Chromium, and scored with the corpus scorer against the hand-written
# ground truth in bench/layout-kinds/gt (reading order and tables as a reader would want them).
#   bench/run-layout-kinds.sh [--corpus DIR]     (DIR: ../shared/corpus beside the repository, for score.py)
source "$(dirname "$0")/../script/lib/common.sh"

require_dotnet
ensure_apt_packages poppler-utils chromium fonts-liberation
build_cli
corpus="$ROOT/../shared/corpus"
[ "${1:-}" = "--corpus" ] && corpus="$2"
[ -f "$corpus/score.py" ] || die "no corpus scorer at $corpus/score.py (give --corpus DIR)"

kinds="$ROOT/bench/layout-kinds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/docs" "$work/docstrange" "$work/pdftotext"
for html in "$kinds"/src/*.html; do
  name="$(basename "$html" .html)"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/docs/$name.pdf" "file://$html" 2>/dev/null
  pdftotext "$work/docs/$name.pdf" "$work/pdftotext/$name.pdf.txt"
done
dotnet "$CLI_DLL" convert "$work"/docs/*.pdf --output "$work/docstrange/" >&2
cp "$kinds/MANIFEST.tsv" "$work/MANIFEST.tsv"
cp -r "$kinds/gt" "$work/gt"
for tool in docstrange pdftotext; do
  say "$tool"
  python3 "$corpus/score.py" "$work/$tool" --manifest "$work/MANIFEST.tsv"
done
