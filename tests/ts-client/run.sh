#!/usr/bin/env bash
# The HTTP contract seen from another ecosystem: builds docstrange, starts `docstrange serve` on a free
# loopback port with a fresh data folder and lints its live OpenAPI document with Redocly
# (../../redocly.yaml: the recommended rules, warnings as errors). Stops the server again, also when a
# step fails. Exits non-zero when any step fails.
#   tests/ts-client/run.sh
source "$(dirname "$0")/../../script/lib/common.sh"
source "$ROOT/script/lib/services.sh"

HERE="$ROOT/tests/ts-client"

require_dotnet
ensure_apt_packages "${SERVICE_PACKAGES[@]}"
ensure_npm
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || die "Node.js 20.19 or later is needed (found $(node --version)): @redocly/cli and openapi-typescript require it"

# The tools from the lockfile.
npm_ci_when_changed "$HERE"

build_cli

RUN_DIR="$(mktemp -d /tmp/docstrange-tsclient.XXXXXX)"
# The server is stopped and its folder deleted on the way out, also when a step fails.
trap 'kill "${SERVER_PID:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$RUN_DIR"' EXIT

port=$(free_port)
URL="http://127.0.0.1:$port"
say "starting docstrange serve at $URL"
dotnet "$CLI_DLL" serve --urls "$URL" --data "$RUN_DIR/data" >"$RUN_DIR/server.log" 2>&1 &
SERVER_PID=$!
wait_ready "$URL" "$RUN_DIR/server.log" || die "the server did not start"

failed() {
  say "last lines of the server's log"
  tail -n 20 "$RUN_DIR/server.log" >&2 || true
  die "$1"
}

say "linting the served OpenAPI document (redocly lint)"
(cd "$HERE" && npx --no-install redocly lint --config "$ROOT/redocly.yaml" "$URL/openapi/v1.json") || failed "the OpenAPI document has lint problems"

say "the OpenAPI document passed the lint"
