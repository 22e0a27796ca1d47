#!/usr/bin/env bash
# Proves that the web build is reproducible: builds the site a second time, from a copy of the
# checkout in another directory with a clean target directory of its own, and compares the sha256
# of every .wasm file (the app's and dist/pkg's) with those of DIST (default dist), which `make dist`
# built here. Any difference fails, with both digests printed. It applies to the reference
# toolchain only (see scripts/wasm-env.sh): on a fallback the check says so and passes.
#
#   scripts/check-reproducible.sh [DIST]
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
start=$(date +%s)

case $(cat "$dist/.toolchain" 2>/dev/null) in
  reference*) ;;
  *) echo "[repro] $dist was not built by the reference toolchain: nothing to compare" >&2; exit 0 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The copy holds what git would commit (tracked and untracked, not ignored files), as a fresh
# clone would; node_modules (binaryen's wasm-opt) is shared rather than installed again.
git ls-files -z --cached --others --exclude-standard | tar -c --null -T - | tar -x -C "$work"
ln -s "$PWD/node_modules" "$work/node_modules"
(cd "$work" && CARGO_TARGET_DIR="$work/target" scripts/build-dist.sh --dist "$work/dist") >"$work.log" 2>&1 ||
  { cat "$work.log" >&2; rm -f "$work.log"; exit 1; }
rm -f "$work.log"

digests() { (cd "$1" && find . -name '*.wasm' -print0 | sort -z | xargs -0 sha256sum); }
first=$(digests "$dist")
second=$(digests "$work/dist")
[ -n "$first" ] || { echo "[repro] no .wasm files in $dist" >&2; exit 1; }
echo "[repro] first build ($dist):"
echo "$first" | sed 's/^/[repro]   /'
echo "[repro] second build (clean copy in another directory):"
echo "$second" | sed 's/^/[repro]   /'
if [ "$first" != "$second" ]; then
  echo "[repro] the two builds differ: the web build is not reproducible" >&2
  exit 1
fi
echo "[repro] identical sha256 for $(echo "$first" | wc -l) .wasm files ($(($(date +%s) - start)) s)"
