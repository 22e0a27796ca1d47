#!/usr/bin/env bash
# The issue's process-level benchmark: the whole `gomodplay list` process against a warm
# `go list -m all` on the same files, for a kubernetes-sized universe (about 500 modules in the
# build list, 250 roots, pruned go 1.21 dependencies).
#
#   scripts/bench-list.sh [RUNS]        (also `make bench`; RUNS defaults to 21)
#
# It generates the universe into a temporary directory as a GOPROXY file layout plus a main
# module, builds the CLI with optimisations, checks that both commands print the same build
# list, runs go once to warm its module cache (so go reads the go.mod files from GOMODCACHE, as
# on a developer's machine), then times RUNS alternating runs of each and prints both medians
# and their ratio. Wall-clock times on a loaded machine vary; the ratio of medians over
# alternating runs is the robust number. Environment: GO (default .venv/bin/go), CLI, MODULES,
# VERSIONS, FANOUT, ROOTS, SEED to change the universe.

set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-21}
GO=${GO:-$PWD/.venv/bin/go}
MODULES=${MODULES:-520}
VERSIONS=${VERSIONS:-3}
FANOUT=${FANOUT:-12}
ROOTS=${ROOTS:-250}
SEED=${SEED:-7}

if [[ ! -x $GO ]]; then
  echo "bench-list: no go binary at $GO (run make setup, or set GO=...)" >&2
  exit 1
fi

# CLI=path times another gomodplay binary (say, an older build) instead of building this one.
if [[ -n ${CLI:-} ]]; then cli=$CLI; else
  cargo build --release -q -p gomodplay-cli
  cli=$PWD/target/release/gomodplay
fi

tmp=$(mktemp -d)
# KEEP=1 keeps the universe (for profiling) and prints where it is.
if [[ -n ${KEEP:-} ]]; then echo "universe kept in $tmp"; else
  trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT; fi
proxy=$tmp/proxy main=$tmp/main gopath=$tmp/gopath
mkdir -p "$proxy" "$main" "$gopath"

# The universe: module i is example.com/org<i%37>/mod<i>, with versions v1.0.0 .. v1.<V-1>.0;
# every go.mod requires FANOUT random modules at random versions (lower-case paths need no
# escaping in the proxy layout). The main module requires ROOTS modules spread over the range.
awk -v seed="$SEED" -v n="$MODULES" -v nv="$VERSIONS" -v fan="$FANOUT" -v roots="$ROOTS" \
    -v proxy="$proxy" -v main="$main" '
  function path(i) { return "example.com/org" (i % 37) "/mod" i }
  function below(k) { return int(rand() * k) }
  BEGIN {
    srand(seed)
    for (i = 0; i < n; i++) {
      dir = proxy "/" path(i) "/@v"
      system("mkdir -p " dir)
      list = ""
      for (v = 0; v < nv; v++) {
        ver = "v1." v ".0"
        f = dir "/" ver ".mod"
        printf "module %s\n\ngo 1.21\n\nrequire (\n", path(i) > f
        for (k = 0; k < fan; k++) {
          j = below(n)
          if (j != i) printf "\t%s v1.%d.0\n", path(j), below(nv) > f
        }
        printf ")\n" > f
        close(f)
        info = dir "/" ver ".info"
        printf "{\"Version\":\"%s\",\"Time\":\"2020-01-01T00:00:00Z\"}", ver > info
        close(info)
        list = list ver "\n"
      }
      printf "%s", list > (dir "/list")
      close(dir "/list")
    }
    f = main "/go.mod"
    printf "module example.com/main\n\ngo 1.22\n\nrequire (\n" > f
    for (r = 0; r < roots; r++) printf "\t%s v1.%d.0\n", path(int(r * n / roots)), below(nv) > f
    printf ")\n" > f
    close(f)
  }'

go_env=(env -i PATH="$PATH" HOME="$gopath" GOPATH="$gopath" GOMODCACHE="$gopath/pkg/mod"
  GOCACHE="$gopath/cache" GOENV=off GOTOOLCHAIN=local GOSUMDB=off GOWORK=off
  GOPROXY="file://$proxy" GOFLAGS="-mod=mod -modcacherw")
run_go() { (cd "$main" && "${go_env[@]}" "$GO" list -m all); }
run_cli() { "$cli" list --proxy "$proxy" "$main"; }

# Warm go's module cache, and check that both print the same build list.
run_go >"$tmp/go.out" 2>"$tmp/go.err"
run_cli >"$tmp/cli.out" 2>"$tmp/cli.err"
if ! cmp -s "$tmp/go.out" "$tmp/cli.out"; then
  echo "bench-list: gomodplay list and go list -m all differ:" >&2
  diff "$tmp/go.out" "$tmp/cli.out" | head -20 >&2
  exit 1
fi
# go.mod may have been updated by -mod=mod; both now read the same file from here on.
echo "universe: $MODULES modules x $VERSIONS versions, fanout $FANOUT, $ROOTS roots;" \
  "build list: $(wc -l <"$tmp/go.out") modules"

now_ns() { date +%s%N; }
go_times=() cli_times=()
for ((i = 0; i < RUNS; i++)); do
  t0=$(now_ns); run_go >/dev/null 2>&1; t1=$(now_ns)
  run_cli >/dev/null 2>&1; t2=$(now_ns)
  go_times+=($(((t1 - t0) / 1000))) cli_times+=($(((t2 - t1) / 1000)))
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
go_med=$(median "${go_times[@]}")
cli_med=$(median "${cli_times[@]}")
awk -v g="$go_med" -v c="$cli_med" -v runs="$RUNS" 'BEGIN {
  printf "go list -m all (warm):  median %8.2f ms over %d runs\n", g / 1000, runs
  printf "gomodplay list:         median %8.2f ms over %d runs\n", c / 1000, runs
  printf "ratio go / gomodplay:   %.1fx\n", g / c
}'
