#!/usr/bin/env bash
# The bundle-size budget: the gzip-compressed size of everything the browser must download to start
# the app (the .wasm and .js files in dist/) must stay within BUDGET_KB (default 300) kilobytes.
# Prints the measured sizes, raw and gzip -9, file by file and in total.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
budget_kb=${BUDGET_KB:-300}

shopt -s nullglob
files=("$dist"/*.wasm "$dist"/*.js)
if [ ${#files[@]} -eq 0 ] || [ -z "$(ls "$dist"/*.wasm 2>/dev/null)" ]; then
  echo "size: no .wasm in $dist; build it first (make dist)" >&2
  exit 1
fi

total_raw=0
total_gzip=0
for file in "${files[@]}"; do
  raw=$(wc -c <"$file")
  gzipped=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gzipped))
  printf 'size: %-48s %9d B raw %9d B gzip\n' "$(basename "$file")" "$raw" "$gzipped"
done
budget=$((budget_kb * 1024))
printf 'size: total wasm+js %d B raw, %d B gzip (%d.%d KB of the %d KB budget)\n' \
  "$total_raw" "$total_gzip" $((total_gzip / 1024)) $((total_gzip % 1024 * 10 / 1024)) "$budget_kb"
if [ "$total_gzip" -gt "$budget" ]; then
  echo "size: over budget by $((total_gzip - budget)) B" >&2
  exit 1
fi
