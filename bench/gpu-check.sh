#!/usr/bin/env bash
# The device check of PaddleOCR on CUDA, for a machine with an NVIDIA GPU (never run by script/test or
# CI): builds docstrange with ONNX Runtime's CUDA build (-p:OnnxRuntimeGpu=true), makes sure the CUDA
# execution provider runs (exits non-zero saying why when there is no GPU, no driver, or CUDA 12 / cuDNN 9
# are missing), then converts the corpus's images and scanned PDFs with Tesseract, PaddleOCR on the CPU
# provider and PaddleOCR on the CUDA provider, all from the same build on this machine, scores them with
# the corpus's score.py and prints, per run, the mean similarity and the pages per second: one process
# per document (start-up and model loading paid each time, as a worker's conversion child pays them) and
# one process for the whole corpus (models loaded once). Exits non-zero when PaddleOCR on CUDA scores
# more than 0.02 below PaddleOCR on the CPU. See docs/ocr.md, "Execution provider".
#   bench/gpu-check.sh                    (CORPUS=../shared/corpus, CUDA_DEVICE=0)
#   OUT=/tmp/gpu-check bench/gpu-check.sh keeps the outputs there
source "$(dirname "${BASH_SOURCE[0]}")/../script/lib/common.sh"
source "$ROOT/script/lib/models.sh"
source "$ROOT/bench/lib/ocr-runs.sh"
cd "$ROOT"

DEVICE="${CUDA_DEVICE:-0}"
command -v nvidia-smi >/dev/null 2>&1 \
  || die "no NVIDIA GPU here: nvidia-smi is not installed (this check needs an NVIDIA GPU with its driver, CUDA 12 and cuDNN 9)"
gpu="$(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader -i "$DEVICE" 2>&1)" \
  || die "no NVIDIA GPU $DEVICE here: nvidia-smi says: $gpu"
say "GPU $DEVICE: $gpu"

require_dotnet
ensure_apt_packages "${SERVICE_PACKAGES[@]}" python3 time bc
ensure_paddle_models

CORPUS="${CORPUS:-$ROOT/../shared/corpus}"
OUT="${OUT:-$(mktemp -d /tmp/docstrange-gpu-check.XXXXXX)}"
ocr_corpus_docs

# Its own artifacts folder: the CPU build of build_cli stays as it is.
GPU_ARTIFACTS="$ROOT/.artifacts/cli-gpu"
GPU_DLL="$GPU_ARTIFACTS/publish/DocStrange.Cli/release_$CLI_RID/docstrange.dll"
say "building docstrange with ONNX Runtime's CUDA build (-p:OnnxRuntimeGpu=true)"
dotnet publish "$ROOT/src/DocStrange.Cli/DocStrange.Cli.csproj" -c Release -r "$CLI_RID" --self-contained false \
  -p:OnnxRuntimeGpu=true --artifacts-path "$GPU_ARTIFACTS" --nologo -v quiet -clp:ErrorsOnly >&2 \
  || die "the build with -p:OnnxRuntimeGpu=true failed"

CPU=(DocStrange__Ocr__Paddle__ExecutionProvider=cpu)
CUDA=(DocStrange__Ocr__Paddle__ExecutionProvider=cuda "DocStrange__Ocr__Paddle__CudaDeviceId=$DEVICE")

# With cuda, PaddleOCR refuses every page, saying why, when the CUDA provider does not run: one image tells.
probe="$(awk -F'\t' 'NR > 1 && $2 == "image" { print $1; exit }' "$CORPUS/MANIFEST.tsv")"
[ -n "$probe" ] || die "no image in $CORPUS/MANIFEST.tsv to try the CUDA provider on"
if ! env "${CUDA[@]}" dotnet "$GPU_DLL" convert "$CORPUS/$probe" --ocr-engine paddle -o "$OUT/probe.md" 2>"$OUT/probe.log" \
   || grep -q "ExecutionProvider is cuda" "$OUT/probe.log"; then
  die "PaddleOCR does not run on the CUDA execution provider here: $(grep -m 1 -o 'ExecutionProvider is cuda.*' "$OUT/probe.log" || tail -n 3 "$OUT/probe.log")"
fi
say "the CUDA execution provider runs PaddleOCR"

RUNS=(tesseract paddle-cpu paddle-cuda)
run() {
  case "$1" in
    tesseract) ocr_convert "$1" "$GPU_DLL" tesseract "$2" ;;
    paddle-cpu) ocr_convert "$1" "$GPU_DLL" paddle "$2" "${CPU[@]}" ;;
    paddle-cuda) ocr_convert "$1" "$GPU_DLL" paddle "$2" "${CUDA[@]}" ;;
  esac
}
for label in "${RUNS[@]}"; do ocr_run_start "$label"; done
# Document by document, every run in turn, so a busy minute hits all of them alike.
for doc in "${DOCS[@]}"; do
  for label in "${RUNS[@]}"; do run "$label" "$CORPUS/$doc"; done
done
for label in "${RUNS[@]}"; do ocr_score "$label"; done

say "one process per document"
python3 "$ROOT/bench/ocr_engines_table.py" "$OUT" "${RUNS[@]}"

say "one process for the whole corpus (models loaded once)"
files=("${DOCS[@]/#/$CORPUS/}")
pages=0
for file in "${files[@]}"; do pages=$((pages + $(ocr_pages_of "$file"))); done
for label in "${RUNS[@]}"; do
  case "$label" in tesseract) engine=tesseract vars=() ;; paddle-cpu) engine=paddle vars=("${CPU[@]}") ;; *) engine=paddle vars=("${CUDA[@]}") ;; esac
  mkdir -p "$OUT/warm-$label"
  start=$(date +%s.%N)
  env "${vars[@]}" dotnet "$GPU_DLL" convert "${files[@]}" --ocr-engine "$engine" --output "$OUT/warm-$label/" 2>"$OUT/warm-$label.log" \
    || say "$label: some documents failed (see $OUT/warm-$label.log)"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  printf '%-12s %5d pages in %7.1f s: %7.3f pages/s\n' "$label" "$pages" "$seconds" "$(echo "$pages / $seconds" | bc -l)"
done

say "outputs in $OUT"
python3 - "$OUT" <<'PY' || die "PaddleOCR on CUDA reads worse than on the CPU (more than 0.02 below its mean similarity)"
import json, sys
mean = lambda run: (lambda s: sum(x.get("sim", 0.0) for x in s) / max(1, len(s)))(json.load(open(f"{sys.argv[1]}/{run}/_scores.json")))
cpu, cuda = mean("paddle-cpu"), mean("paddle-cuda")
print(f"mean similarity: paddle-cpu {cpu:.3f}, paddle-cuda {cuda:.3f}")
sys.exit(0 if cuda >= cpu - 0.02 else 1)
PY
