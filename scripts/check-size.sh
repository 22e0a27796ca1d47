#!/usr/bin/env bash
# The bundle-size guard: the gzip-compressed size of everything the browser must download to start
# the app (the .wasm and .js files in dist/, and the JavaScript snippets wasm-bindgen puts in
# dist/snippets/ for the app's inline_js, which its .js imports at start-up) must stay within BUDGET_KB (default 500) kilobytes.
# It is a regression limit with room for features, not a target (the target is the throttled
# cold load that e2e/bench.test.mjs measures), and it is measured on the reference build only:
# dist/.toolchain (written by scripts/build-dist.sh) says whether rust-toolchain.toml's release
# built dist/; on a fallback toolchain the sizes are printed and the guard is not applied.
# embed.js is not part of the app (documentation pages load it, the playground never does): it has
# its own budget, EMBED_BUDGET_KB (default 4), because it is meant to stay small.
# Prints the measured sizes, raw and gzip -9, file by file and in total.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
budget_kb=${BUDGET_KB:-500}
embed_budget_kb=${EMBED_BUDGET_KB:-4}

gzip_size() { gzip -9 -c "$1" | wc -c; }

if [ -f "$dist/embed.js" ]; then
  embed_gzip=$(gzip_size "$dist/embed.js")
  printf 'size: embed.js (for host pages, not the app) %d B raw, %d B gzip of its %d KB budget\n' \
    "$(wc -c <"$dist/embed.js")" "$embed_gzip" "$embed_budget_kb"
  if [ "$embed_gzip" -gt $((embed_budget_kb * 1024)) ]; then
    echo "size: embed.js is over its budget" >&2
    exit 1
  fi
fi

shopt -s nullglob
files=("$dist"/*.wasm)
for script in "$dist"/*.js; do
  [ "$(basename "$script")" = embed.js ] || files+=("$script")
done
while IFS= read -r -d '' snippet; do
  files+=("$snippet")
done < <(find "$dist/snippets" -name '*.js' -print0 2>/dev/null | sort -z)
if [ ${#files[@]} -eq 0 ] || [ -z "$(ls "$dist"/*.wasm 2>/dev/null)" ]; then
  echo "size: no .wasm in $dist; build it first (make dist)" >&2
  exit 1
fi

total_raw=0
total_gzip=0
for file in "${files[@]}"; do
  raw=$(wc -c <"$file")
  gzipped=$(gzip_size "$file")
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gzipped))
  printf 'size: %-48s %9d B raw %9d B gzip\n' "${file#"$dist"/}" "$raw" "$gzipped"
done
budget=$((budget_kb * 1024))
kb() { printf '%d.%d KB' $(($1 / 1024)) $(($1 % 1024 * 10 / 1024)); }
printf 'size: total wasm+js %d B raw, %d B gzip (%s of the %d KB guard)\n' \
  "$total_raw" "$total_gzip" "$(kb "$total_gzip")" "$budget_kb"
toolchain=$(cat "$dist/.toolchain" 2>/dev/null || echo "unknown (no $dist/.toolchain)")
case $toolchain in
  reference*) ;;
  *)
    echo "size: built by $toolchain, not the reference toolchain (rust-toolchain.toml):" \
      "the guard does not apply to these bytes" >&2
    exit 0
    ;;
esac
if [ "$total_gzip" -gt "$budget" ]; then
  echo "size: over the guard by $((total_gzip - budget)) B ($toolchain)" >&2
  exit 1
fi
echo "size: margin $((budget - total_gzip)) B ($(kb $((budget - total_gzip)))) under the guard ($toolchain)"
