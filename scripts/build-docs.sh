#!/usr/bin/env bash
# Builds the documentation page into DIST/docs (default dist/docs): the hand-written template
# www/docs/index.html with the rule reference filled in by `gomodplay rules --format html
# --examples crates/gomod/testdata/check --error-examples crates/gomod/testdata/explain_error`
# (the core's catalogue, the rule cases as examples, and under each rule the go errors it
# explains with the output the real go printed for them, so the page never drifts from the code), the playground's stylesheet, and the page's own CSS
# and script. The page links ../embed.js (the live examples) and ../pkg/ (the JavaScript API).
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
# The CLI is a native build: drop what scripts/wasm-env.sh may have set for the wasm builds.
unset RUSTC RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES RUSTFLAGS
cargo=${CARGO_HOME:-$HOME/.cargo}/bin/cargo
[ -x "$cargo" ] || cargo=cargo
out="$dist/docs"
rm -rf "$out"
mkdir -p "$out"
"$cargo" run --quiet --offline -p gomodplay-cli -- rules --format html \
  --examples crates/gomod/testdata/check \
  --error-examples crates/gomod/testdata/explain_error >"$out/rules.fragment.html"
count=$("$cargo" run --quiet --offline -p gomodplay-cli -- rules --format json |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).length))')
node - "$out/rules.fragment.html" "$count" www/docs/index.html "$out/index.html" <<'EOF'
const fs = require('node:fs');
const [fragmentFile, count, template, target] = process.argv.slice(2);
const fill = (text, marker, value) => {
  if (!text.includes(marker)) throw new Error(`${template} has no ${marker}`);
  return text.split(marker).join(value);
};
let page = fs.readFileSync(template, 'utf8');
page = fill(page, '<!-- gomodplay:rules -->', fs.readFileSync(fragmentFile, 'utf8'));
page = fill(page, '<!-- gomodplay:rule-count -->', count);
fs.writeFileSync(target, page);
EOF
rm "$out/rules.fragment.html"
cp www/style.css www/docs/docs.css www/docs/docs.js "$out/"
echo "[docs] $out/index.html: $count rules" >&2
