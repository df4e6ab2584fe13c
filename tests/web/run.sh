#!/usr/bin/env bash
# Runs the web page's browser tests: builds docstrange, starts two `docstrange serve` on free
# loopback ports with fresh data folders (one with anonymous access, one with it off and an admin
# key), runs tests/web/*.test.js in Debian's Chromium through playwright-core, and stops the
# servers again, also when a test fails. Exits non-zero when any test fails.
#   tests/web/run.sh [extra node --test arguments, e.g. --test-name-pattern=download]
source "$(dirname "$0")/../../script/lib/common.sh"
source "$ROOT/script/lib/services.sh"

WEB="$ROOT/tests/web"

require_dotnet
ensure_apt_packages "${SERVICE_PACKAGES[@]}" "${WEB_TEST_PACKAGES[@]}"
ensure_npm

# playwright-core from the lockfile.
npm_ci_when_changed "$WEB"

build_cli

RUN_DIR="$(mktemp -d /tmp/docstrange-webtests.XXXXXX)"
PIDS=()
stop_servers() {
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$RUN_DIR"
}
trap stop_servers EXIT

# start_server NAME [settings...]: sets SERVER_URL; the log goes to $RUN_DIR/NAME.log.
start_server() {
  local name=$1 port
  shift
  port=$(free_port)
  mkdir -p "$RUN_DIR/$name"
  dotnet "$CLI_DLL" serve --urls "http://127.0.0.1:$port" --data "$RUN_DIR/$name" "$@" >"$RUN_DIR/$name.log" 2>&1 &
  PIDS+=($!)
  SERVER_URL="http://127.0.0.1:$port"
}

ADMIN_KEY="webtest-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
say "starting docstrange serve twice (anonymous access on, and off)"
start_server open
OPEN_URL=$SERVER_URL
start_server locked "--DocStrange:Tiers:AllowAnonymous=false" "--DocStrange:Security:AdminKey=$ADMIN_KEY"
LOCKED_URL=$SERVER_URL
wait_ready "$OPEN_URL" "$RUN_DIR/open.log" || die "the open server did not start"
wait_ready "$LOCKED_URL" "$RUN_DIR/locked.log" || die "the locked server did not start"

say "running tests/web/*.test.js (node --test, playwright-core)"
status=0
(cd "$WEB" && DOCSTRANGE_URL="$OPEN_URL" DOCSTRANGE_LOCKED_URL="$LOCKED_URL" DOCSTRANGE_ADMIN_KEY="$ADMIN_KEY" \
  CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}" \
  node --test --test-concurrency=1 --test-timeout=120000 "$@" ./*.test.js) || status=$?

if [ "$status" -ne 0 ]; then
  for name in open locked; do
    say "last lines of the $name server's log"
    tail -n 20 "$RUN_DIR/$name.log" >&2 || true
  done
  die "some web page tests failed"
fi
say "the web page tests passed"
