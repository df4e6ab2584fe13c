#!/usr/bin/env bash
# Static checks of what deploy/ ships, with real tools and no running container (none is needed):
#   - the Dockerfile: dockerfile-utils' validator and the image rules (deploy/tools/check-dockerfile.mjs)
#   - the compose file: Debian's docker-compose resolves and validates it offline (`config`), then
#     deploy/tools/check-compose.mjs checks the topology, the settings and the mounts; promtool checks
#     its Prometheus configuration
# Installs what it needs (npm packages pinned in deploy/tools/package-lock.json) and exits non-zero on
# the first check that fails. Run by script/test; on its own: deploy/check.sh
source "$(dirname "$0")/../script/lib/common.sh"
source "$ROOT/script/lib/services.sh"

TOOLS="$ROOT/deploy/tools"
ensure_apt_packages docker-compose prometheus
ensure_npm
npm_ci_when_changed "$TOOLS"

say "checking the Dockerfile"
(cd "$ROOT" && node "$TOOLS/check-dockerfile.mjs" deploy/docker/Dockerfile .dockerignore) || die "the Dockerfile check failed"

say "checking the compose file (docker-compose $(docker-compose version --short))"
compose=(docker-compose -f "$ROOT/deploy/compose/compose.yaml" --env-file "$ROOT/deploy/compose/.env.example")
"${compose[@]}" config -q || die "docker-compose rejects deploy/compose/compose.yaml"
"${compose[@]}" config | node "$TOOLS/check-compose.mjs" "$ROOT/deploy/compose/compose.yaml" || die "the compose check failed"
promtool check config --syntax-only "$ROOT/deploy/compose/prometheus/prometheus.yml" || die "deploy/compose/prometheus/prometheus.yml is invalid"

say "deploy checks passed"
