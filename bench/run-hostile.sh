#!/usr/bin/env bash
# The hostile-input suite at its real sizes: parts inflating to gigabytes, content streams of 1 GiB,
# nesting 100,000+ deep, 12,000 fuzzed requests, under the default 2 GiB sandbox and a 120 s CPU
# budget. The bounded run of the same suite is part of script/test. See tests/hostile/README.md.
#   bench/run-hostile.sh [--bombs-only | --fuzz-only] [--only NAME,...] [--memory-mb N] [--cpu-seconds N] [--seed N]
exec "$(dirname "$0")/../tests/hostile/run" --full "$@"
