#!/usr/bin/env bash
# Renders a few lines of Simplified Chinese with Debian's Noto Sans CJK into 8-bit grey PNGs, each with
# its text beside it (NAME.png.txt), for reading with the OCR engines (bench/run-cjk.sh). Also the
# three lines on one page, as the extraction tests' fixture data/image/cjk_lines.png was made.
#   bench/make-cjk-images.sh OUT_DIR
source "$(dirname "${BASH_SOURCE[0]}")/../script/lib/common.sh"

OUT="${1:?usage: bench/make-cjk-images.sh OUT_DIR}"
ensure_apt_packages fonts-noto-cjk imagemagick
FONT=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
# ImageMagick 6's own binary: a wrapper named convert may stand earlier on PATH.
CONVERT=$(ls /usr/bin/convert-im6* 2>/dev/null | head -n 1 || command -v convert)
LINES=(
  "文档转换服务把扫描件和照片变成文字。"
  "今天天气很好，我们一起去公园散步吧。"
  "人工智能正在改变世界各地的工作方式。"
)
mkdir -p "$OUT"
for i in "${!LINES[@]}"; do
  name="$OUT/cjk_$((i + 1)).png"
  "$CONVERT" -size 1400x160 xc:white -font "$FONT" -pointsize 56 -fill black -annotate +40+100 "${LINES[$i]}" \
    -colorspace Gray -depth 8 "$name"
  printf '%s\n' "${LINES[$i]}" > "$name.txt"
done
"$CONVERT" -size 1200x360 xc:white -font "$FONT" -pointsize 44 -fill black \
  -annotate +40+90 "${LINES[0]}" -annotate +40+190 "${LINES[1]}" -annotate +40+290 "${LINES[2]}" \
  -colorspace Gray -depth 8 "$OUT/cjk_lines.png"
printf '%s\n' "${LINES[@]}" > "$OUT/cjk_lines.png.txt"
say "CJK images in $OUT"
