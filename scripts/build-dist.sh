#!/usr/bin/env bash
# Builds the static site into dist/: a Trunk release build (wasm-bindgen, then wasm-opt -Oz), with
# the wasm toolchain scripts/wasm-env.sh picks. Prints how long it took. Arguments go to Trunk
# (e.g. --dist /tmp/other-dist).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/wasm-env.sh
source scripts/wasm-env.sh
start=$(date +%s)
# Trunk's offline mode (it must never download tools) also runs cargo offline, so everything the
# wasm build needs is downloaded first: the crates for wasm32 and, under build-std, std's own.
cargo fetch --quiet --target wasm32-unknown-unknown
trunk build --release --offline "$@"
echo "[wasm] dist/ built in $(($(date +%s) - start)) s" >&2
# Trunk empties the dist directory, so the JavaScript API package (dist/pkg) and the documentation
# page (dist/docs) are built after it, into the same directory.
dist=dist
while [ $# -gt 0 ]; do
  case $1 in
    --dist) dist=${2:-dist}; [ $# -gt 1 ] && shift ;;
    --dist=*) dist=${1#--dist=} ;;
  esac
  shift
done
scripts/build-pkg.sh "$dist"
scripts/build-docs.sh "$dist"
# Which toolchain built these bytes, for scripts/check-size.sh: the guard applies to the
# reference build only. Static hosts do not serve dot files by default.
if [ "$GOMODPLAY_WASM_REFERENCE" = 1 ]; then
  echo "reference $(rustc --version)" >"$dist/.toolchain"
else
  echo "fallback $(${RUSTC:-rustc} --version)" >"$dist/.toolchain"
fi
echo "[wasm] make dist took $(($(date +%s) - start)) s in all" >&2
