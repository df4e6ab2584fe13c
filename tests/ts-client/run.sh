#!/usr/bin/env bash
# The HTTP contract seen from another ecosystem: builds docstrange, starts `docstrange serve` on a free
# loopback port with a fresh data folder, lints its live OpenAPI document with Redocly (../../redocly.yaml:
# the recommended rules, warnings as errors), generates TypeScript types from it (openapi-typescript),
# compiles the client and its tests under strict tsc, and runs them end to end against the server
# (node --test); before that, checks the JSON output of the test fixtures against the published schema
# with ajv in strict mode. Stops the server again, also when a step fails. Exits non-zero when any step fails.
#   tests/ts-client/run.sh [extra node --test arguments, e.g. --test-name-pattern=events]
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

# The JSON output of every test fixture against the published schema, by a validator in strict mode
# (which also refuses a schema that says less than it seems to). Fixtures the converter refuses make
# no file; the count keeps the check from passing on nothing.
say "checking the JSON output of the test fixtures against docs/document.schema.json (ajv, strict)"
mkdir -p "$RUN_DIR/json"
mapfile -t fixtures < <(find "$ROOT/tests/DocStrange.Extraction.Tests/data" -mindepth 2 -type f \
  \( -name '*.pdf' -o -name '*.docx' -o -name '*.pptx' -o -name '*.xlsx' -o -name '*.xls' -o -name '*.html' -o -name '*.csv' \
     -o -name '*.png' -o -name '*.jpg' -o -name '*.tif' \) | sort)
dotnet "$CLI_DLL" convert "${fixtures[@]}" --format json --output "$RUN_DIR/json/" >"$RUN_DIR/convert.log" 2>&1 || true
outputs=$(find "$RUN_DIR/json" -name '*.json' | wc -l)
[ "$outputs" -ge 40 ] || die "only $outputs JSON outputs from the fixtures (see the converter's messages: $(tail -n 3 "$RUN_DIR/convert.log"))"
(cd "$HERE" && npx --no-install ajv validate --spec=draft2020 --strict=true -c ajv-formats -s "$ROOT/docs/document.schema.json" -d "$RUN_DIR/json/*.json") >"$RUN_DIR/ajv.log" 2>&1 \
  || { grep -v ' valid$' "$RUN_DIR/ajv.log" | head -n 40 >&2; die "JSON outputs that do not match the published schema"; }
say "$outputs JSON outputs match the published schema"

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

say "generating the TypeScript client's types from the served document"
(cd "$HERE" && rm -rf generated dist && node generate.mjs "$URL/openapi/v1.json" generated/docstrange.ts) || failed "generating the types failed"

say "compiling the client and its tests (tsc, strict)"
(cd "$HERE" && npx --no-install tsc -p .) || failed "the generated client does not compile"

say "running the client's end-to-end tests (node --test)"
(cd "$HERE" && DOCSTRANGE_URL="$URL" node --test --test-concurrency=1 --test-timeout=120000 "$@" dist/src/*.test.js) \
  || failed "some TypeScript client tests failed"
say "the TypeScript client tests passed"
