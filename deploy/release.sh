#!/usr/bin/env bash
# Deploys a Kustomize overlay of deploy/k8s with the images of one tag, as the CI workflow does:
#   deploy/release.sh dev|prod TAG
# The cluster comes from $KUBECONFIG, or from $KUBECONFIG_DATA (a base64 kubeconfig, as CI passes it).
# Order: the namespace, settings and the migration Job first (the previous Job is deleted: a Job is
# immutable), then, once the migration completed, the API and the workers. With prod the API is an
# Argo Rollouts canary: this waits for it to be promoted, and fails when its analysis aborted it
# (the stable version then still serves everything).
set -euo pipefail
overlay=${1:?usage: deploy/release.sh dev|prod TAG}
tag=${2:?usage: deploy/release.sh dev|prod TAG}
here="$(cd "$(dirname "$0")" && pwd)"
[ -d "$here/k8s/overlays/$overlay" ] || { echo "no overlay $overlay" >&2; exit 1; }

work=$(mktemp -d)
# Kustomize takes only relative paths to a base: the release's kustomization lives beside the overlays.
release="$here/k8s/.release"
trap 'rm -rf "$work" "$release"' EXIT
if [ -n "${KUBECONFIG_DATA:-}" ]; then
  printf '%s' "$KUBECONFIG_DATA" | base64 -d > "$work/kubeconfig"
  chmod 600 "$work/kubeconfig"
  export KUBECONFIG="$work/kubeconfig"
fi

# The overlay with the release's images.
rm -rf "$release" && mkdir -p "$release"
cat > "$release/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../overlays/$overlay
images:
  - name: ghcr.io/docstrange/docstrange-api
    newTag: "$tag"
  - name: ghcr.io/docstrange/docstrange-worker
    newTag: "$tag"
  - name: ghcr.io/docstrange/docstrange-worker-gpu
    newTag: "$tag"
YAML
kubectl kustomize "$release" > "$work/rendered.yaml"
namespace=$(sed -n 's/^  namespace: //p' "$work/rendered.yaml" | head -1)

# Everything but the API and the workers; then the migration.
kubectl -n "$namespace" delete job docstrange-migrate --ignore-not-found
kubectl apply -f "$work/rendered.yaml" -l 'app.kubernetes.io/component notin (api,worker)'
kubectl -n "$namespace" wait --for=condition=complete job/docstrange-migrate --timeout=10m

kubectl apply -f "$work/rendered.yaml"
if grep -q '^kind: Rollout$' "$work/rendered.yaml"; then
  # Healthy: every canary step passed and the release is stable. Degraded: the analysis aborted it.
  for _ in $(seq 1 180); do
    phase=$(kubectl -n "$namespace" get rollout docstrange-api -o jsonpath='{.status.phase}')
    case "$phase" in
      Healthy) echo "the canary was promoted"; break ;;
      Degraded) echo "the canary was aborted and rolled back: $(kubectl -n "$namespace" get rollout docstrange-api -o jsonpath='{.status.message}')" >&2; exit 1 ;;
    esac
    sleep 10
  done
  [ "$phase" = Healthy ] || { echo "the canary did not finish within 30 minutes (phase $phase)" >&2; exit 1; }
else
  kubectl -n "$namespace" rollout status deployment/docstrange-api --timeout=10m
fi
kubectl -n "$namespace" rollout status deployment/docstrange-worker-cpu --timeout=10m
