#!/bin/sh
# Regenerates the expected outputs of the go.mod / go.work golden tests from the real go binary.
#
#   crates/gomod/tools/regen_golden.sh [GO]      (GO defaults to /work/main/.venv/bin/go)
#
# Every testdata/<dir>/NAME.in is copied alone into a fresh directory as go.mod (or go.work) and
# run through the go command offline; NAME.golden receives its stdout on success, or its stderr
# without the "go: errors parsing ...:" header lines on failure (the tests render our ErrorList,
# which is exactly the part after that header). Bytes that are not valid UTF-8 are written as
# \xNN so that golden files stay text; the tests render their output the same way.
#
#   syntax, modfile      go mod edit -fmt -print go.mod
#   modfile_json         go mod edit -json go.mod
#   workfile             go work edit -fmt -print go.work
#   workfile_json        go work edit -json go.work
set -eu

GO=${1:-/work/main/.venv/bin/go}
here=$(cd "$(dirname "$0")/.." && pwd)
export GOTOOLCHAIN=local GOWORK=off GOPROXY=off GOFLAGS= GOSUMDB=off
GOPATH=$(mktemp -d)
export GOPATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$GOPATH"' EXIT

visible() {
	python3 -c 'import sys; sys.stdout.write(sys.stdin.buffer.read().decode("utf-8", "backslashreplace"))'
}

run() { # dir file header-lines command...
	dir=$1 file=$2 header=$3
	shift 3
	[ -d "$here/testdata/$dir" ] || return 0
	for input in "$here/testdata/$dir"/*.in; do
		[ -e "$input" ] || continue
		rm -rf "$tmp/case" && mkdir "$tmp/case"
		cp "$input" "$tmp/case/$file"
		golden=${input%.in}.golden
		if (cd "$tmp/case" && "$@" >"$tmp/out" 2>"$tmp/err"); then
			visible <"$tmp/out" >"$golden"
		else
			tail -n +"$((header + 1))" "$tmp/err" | visible >"$golden"
		fi
	done
}

run syntax go.mod 1 "$GO" mod edit -fmt -print go.mod
run modfile go.mod 1 "$GO" mod edit -fmt -print go.mod
run modfile_json go.mod 1 "$GO" mod edit -json go.mod
run workfile go.work 2 "$GO" work edit -fmt -print go.work
run workfile_json go.work 2 "$GO" work edit -json go.work
