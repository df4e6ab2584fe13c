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

# playwright-core from the lockfile, installed again only when the lockfile changed.
if ! cmp -s "$WEB/package-lock.json" "$WEB/node_modules/.installed-lock.json"; then
  say "installing the web tests' packages (npm ci)"
  (cd "$WEB" && npm ci --no-audit --no-fund --silent)
  cp "$WEB/package-lock.json" "$WEB/node_modules/.installed-lock.json"
fi

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

# wait_ready URL NAME: up to 60 s for /api/v1/health/ready to answer 200.
wait_ready() {
  node -e '
    const [url, name] = process.argv.slice(1);
    const deadline = Date.now() + 60000;
    (async () => {
      while (Date.now() < deadline) {
        try { if ((await fetch(`${url}/api/v1/health/ready`)).ok) return; } catch {}
        await new Promise(r => setTimeout(r, 200));
      }
      console.error(`${name} was not ready at ${url} within 60 s`);
      process.exit(1);
    })();' "$1" "$2" || { tail -n 30 "$RUN_DIR/$2.log" >&2; die "the $2 server did not start"; }
}

ADMIN_KEY="webtest-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
say "starting docstrange serve twice (anonymous access on, and off)"
start_server open
OPEN_URL=$SERVER_URL
start_server locked "--DocStrange:Tiers:AllowAnonymous=false" "--DocStrange:Security:AdminKey=$ADMIN_KEY"
LOCKED_URL=$SERVER_URL
wait_ready "$OPEN_URL" open
wait_ready "$LOCKED_URL" locked

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
