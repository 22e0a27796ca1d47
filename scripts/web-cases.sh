#!/usr/bin/env bash
# Writes tests/cases/NAME.want for every tests/cases/NAME.go.mod from the real go command, or with
# --check verifies that the stored files still match it. These cases drive both the web app's Rust
# tests (tests/cases.rs) and the browser tests (e2e/), so what the page shows is checked against go.
#
# For each case the input is copied alone into a fresh folder as go.mod and go runs offline:
#   GOTOOLCHAIN=local GOWORK=off GOPROXY=off GOFLAGS= GOSUMDB=off go mod edit -fmt -print go.mod
# NAME.want is one verdict line, then exactly the text the result panel must show:
#   canonical   go succeeded and printed the input unchanged; the text is go's standard output
#   formatted   go succeeded and printed something else; the text is go's standard output
#   errors      go failed; the text is its standard error without the final newline
# It also checks that the playground's opening example (src/example.go.mod) is canonical.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-.venv/bin/go}
check=0
[ "${1:-}" = --check ] && check=1

export GOTOOLCHAIN=local GOWORK=off GOPROXY=off GOFLAGS= GOSUMDB=off
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# want_for FILE: prints the .want content for FILE.
want_for() {
  cp "$1" "$work/go.mod"
  local status=0
  (cd "$work" && "$OLDPWD/$GO" mod edit -fmt -print go.mod >stdout 2>stderr) || status=$?
  if [ $status = 0 ]; then
    if cmp -s "$work/stdout" "$1"; then echo canonical; else echo formatted; fi
    cat "$work/stdout"
  else
    echo errors
    # Command substitution drops the final newline, as the page does.
    printf '%s' "$(cat "$work/stderr")"
  fi
}

failed=0
for input in tests/cases/*.go.mod; do
  want=${input%.go.mod}.want
  want_for "$input" >"$work/want"
  if [ $check = 1 ]; then
    if ! cmp -s "$work/want" "$want"; then
      echo "web-cases: $want differs from what go says now:" >&2
      diff "$want" "$work/want" >&2 || true
      failed=1
    fi
  else
    cp "$work/want" "$want"
  fi
done

if [ "$(want_for src/example.go.mod | head -n 1)" != canonical ]; then
  echo "web-cases: src/example.go.mod is not in go's canonical form" >&2
  failed=1
fi

if [ $failed = 0 ]; then
  echo "web-cases: $(ls tests/cases/*.go.mod | wc -l) cases agree with $("$GO" version)" >&2
fi
exit $failed
