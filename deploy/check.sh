#!/usr/bin/env bash
# Static checks of what deploy/ ships, with real tools and no running container (none is needed):
#   - the Dockerfile: dockerfile-utils' validator and the image rules (deploy/tools/check-dockerfile.mjs)
# Installs what it needs (npm packages pinned in deploy/tools/package-lock.json) and exits non-zero on
# the first check that fails. Run by script/test; on its own: deploy/check.sh
source "$(dirname "$0")/../script/lib/common.sh"
source "$ROOT/script/lib/services.sh"

TOOLS="$ROOT/deploy/tools"
ensure_npm
npm_ci_when_changed "$TOOLS"

say "checking the Dockerfile"
(cd "$ROOT" && node "$TOOLS/check-dockerfile.mjs" deploy/docker/Dockerfile .dockerignore) || die "the Dockerfile check failed"

say "deploy checks passed"
