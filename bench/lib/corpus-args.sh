# shellcheck shell=bash
# corpus_args ARGS...: sets $corpus from --corpus DIR (default ../shared/corpus beside the repository)
# and the array $args to the other arguments; stops when the corpus has no MANIFEST.tsv.
corpus_args() {
  corpus="$ROOT/../shared/corpus"
  args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --corpus) corpus="$2"; shift 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  [ -f "$corpus/MANIFEST.tsv" ] || die "no corpus at $corpus (give --corpus DIR)"
}
