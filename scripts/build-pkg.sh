#!/usr/bin/env bash
# Builds the JavaScript API package (crates/gomod-js) into DIST/pkg (default dist/pkg): the wasm32
# build with the size profile `web` with the toolchain scripts/wasm-env.sh picks, the wasm-bindgen CLI that
# scripts/setup.sh installs (--target web: an ES module whose default export loads the .wasm next
# to it), then wasm-opt -Oz. Prints the package's sizes; they are not part of the app's budget
# (scripts/check-size.sh counts only DIST/*.wasm and DIST/*.js), since only pages that import the
# package download it.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
# shellcheck source=scripts/wasm-env.sh
source scripts/wasm-env.sh
start=$(date +%s)
cargo build --quiet --offline --profile web --target wasm32-unknown-unknown -p gomod-js
target_dir=$(cargo metadata --offline --format-version 1 --no-deps |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
wasm="$target_dir/wasm32-unknown-unknown/web/gomod_js.wasm"
rm -rf "$dist/pkg"
wasm-bindgen --target web --out-dir "$dist/pkg" "$wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$dist/pkg/gomod_js_bg.wasm" -o "$dist/pkg/gomod_js_bg.wasm"
for file in "$dist"/pkg/gomod_js_bg.wasm "$dist"/pkg/gomod_js.js; do
  printf '[pkg] %-24s %9d B raw %9d B gzip\n' "$(basename "$file")" "$(wc -c <"$file")" \
    "$(gzip -9 -c "$file" | wc -c)" >&2
done
echo "[pkg] $dist/pkg built in $(($(date +%s) - start)) s (not counted in the app's size budget)" >&2
