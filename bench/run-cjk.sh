#!/usr/bin/env bash
# Chinese text with each OCR engine: renders the lines of bench/make-cjk-images.sh (Noto Sans CJK),
# converts each image with --ocr-engine tesseract, paddle and auto (English data only for Tesseract, as a
# stock install has), and prints each reading's similarity to the rendered text (characters only:
# 1 − Levenshtein distance ÷ the longer length, whitespace left out).
#   bench/run-cjk.sh                 (OUT=/tmp/... keeps the images and readings)
source "$(dirname "${BASH_SOURCE[0]}")/../script/lib/common.sh"
source "$ROOT/script/lib/models.sh"
cd "$ROOT"

require_dotnet
ensure_apt_packages "${SERVICE_PACKAGES[@]}" python3
ensure_paddle_models
build_cli

OUT="${OUT:-$(mktemp -d /tmp/docstrange-cjk.XXXXXX)}"
ENGINES="${ENGINES:-tesseract paddle auto}"
"$ROOT/bench/make-cjk-images.sh" "$OUT/images"
for engine in $ENGINES; do
  mkdir -p "$OUT/$engine"
  dotnet "$CLI_DLL" convert "$OUT"/images/*.png --ocr-engine "$engine" --format text --output "$OUT/$engine" 2>"$OUT/$engine.log" \
    || say "$engine: some images failed (see $OUT/$engine.log)"
done
python3 - "$OUT" $ENGINES <<'PY'
import os, sys
out, engines = sys.argv[1], sys.argv[2:]

def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

def chars(path):
    try:
        with open(path, encoding="utf-8") as f:
            return "".join(f.read().split())
    except FileNotFoundError:
        return ""

images = sorted(n for n in os.listdir(os.path.join(out, "images")) if n.endswith(".png"))
print(f"{'image':16s} " + " ".join(f"{e:>10s}" for e in engines) + "   (sim)")
for name in images:
    truth = chars(os.path.join(out, "images", name + ".txt"))
    sims = []
    for e in engines:
        got = chars(os.path.join(out, e, name + ".txt"))
        sims.append(1 - lev(got, truth) / max(len(got), len(truth), 1))
    print(f"{name:16s} " + " ".join(f"{s:10.3f}" for s in sims))
PY
say "images and readings in $OUT"
