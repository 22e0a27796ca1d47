#!/bin/sh
# Regenerates the expected outputs of the go.mod / go.work golden tests from the real go binary.
#
#   crates/gomod/tools/regen_golden.sh [GO]      (GO defaults to the workspace's .venv/bin/go)
#
# Every testdata/<dir>/NAME.in is copied alone into a fresh directory as go.mod (or go.work) and
# run through the go command offline; NAME.golden receives its stdout on success, or its stderr
# without the "go: errors parsing ...:" header lines on failure (the tests render our ErrorList,
# which is exactly the part after that header). Bytes that are not valid UTF-8 are written as
# \xNN so that golden files stay text; the tests render their output the same way.
#
#   syntax, modfile      go mod edit -fmt -print go.mod
#   modfile/json         go mod edit -json go.mod
#   workfile             go work edit -fmt -print go.work
#   workfile/json        go work edit -json go.work
#   modfile/edit         go mod edit FLAGS go.mod     (FLAGS = first line of NAME.in after "# ";
#   workfile/edit        go work edit FLAGS go.work    the rest of NAME.in is the file)
#   modfile/lax          NAME.in is the go.mod of example.com/dep@v1.0.0, served by a file proxy
#                        to a main module that requires it; the golden is the dep's lines of
#                        `go mod graph` (what the lax parse read), or go's error
#   modfile/get          `go get ARGS` (ARGS = first line of NAME.in after "# get ") run in a main
#                        module whose go.mod is the rest of NAME.in, against a file proxy of
#                        stub modules example.com/{a..f} at v1.0.0, v1.1.0 and v1.2.0 without
#                        requirements; the golden is the go.mod go writes, or go's error
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
GO=${1:-$here/../../.venv/bin/go}
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

run_edit() { # dir file header-lines go-subcommand
	dir=$1 file=$2 header=$3 sub=$4
	[ -d "$here/testdata/$dir" ] || return 0
	for input in "$here/testdata/$dir"/*.in; do
		[ -e "$input" ] || continue
		rm -rf "$tmp/case" && mkdir "$tmp/case"
		flags=$(head -n 1 "$input" | sed 's/^# //')
		tail -n +2 "$input" >"$tmp/case/$file"
		golden=${input%.in}.golden
		# $flags is split on spaces on purpose: one word per flag.
		# shellcheck disable=SC2086
		if (cd "$tmp/case" && "$GO" "$sub" edit $flags "$file" >"$tmp/out" 2>"$tmp/err"); then
			visible <"$tmp/out" >"$golden"
		elif head -n 1 "$tmp/err" | grep -q '^go: errors parsing'; then
			tail -n +"$((header + 1))" "$tmp/err" | visible >"$golden"
		else
			# An edit refused by the go command: its whole message.
			visible <"$tmp/err" >"$golden"
		fi
	done
}

run_lax() {
	dir=modfile/lax
	[ -d "$here/testdata/$dir" ] || return 0
	for input in "$here/testdata/$dir"/*.in; do
		[ -e "$input" ] || continue
		rm -rf "$tmp/lax" && mkdir -p "$tmp/lax/main" "$tmp/lax/gopath"
		proxy=$tmp/lax/proxy
		mkdir -p "$proxy/example.com/dep/@v"
		cp "$input" "$proxy/example.com/dep/@v/v1.0.0.mod"
		echo v1.0.0 >"$proxy/example.com/dep/@v/list"
		# Stub modules that the cases may require, so unpruned graphs can be loaded.
		for m in x y z; do
			mkdir -p "$proxy/example.com/$m/@v"
			for v in v1.0.0 v1.2.0 v1.10.0; do
				printf 'module example.com/%s\n\ngo 1.21\n' "$m" >"$proxy/example.com/$m/@v/$v.mod"
				echo "$v" >>"$proxy/example.com/$m/@v/list"
			done
		done
		printf 'module example.com/main\n\ngo 1.21\n\nrequire example.com/dep v1.0.0\n' >"$tmp/lax/main/go.mod"
		golden=${input%.in}.golden
		if (cd "$tmp/lax/main" && GOPROXY="file://$proxy" GOPATH="$tmp/lax/gopath" GOFLAGS=-mod=mod \
			"$GO" mod graph >"$tmp/out" 2>"$tmp/err"); then
			grep '^example.com/dep@v1.0.0 ' "$tmp/out" | visible >"$golden" || true
		else
			visible <"$tmp/err" >"$golden"
		fi
		chmod -R u+w "$tmp/lax"
	done
}

run_get() {
	dir=modfile/get
	[ -d "$here/testdata/$dir" ] || return 0
	proxy=$tmp/getproxy
	rm -rf "$proxy"
	for m in a b c d e f; do
		mkdir -p "$proxy/example.com/$m/@v"
		for v in v1.0.0 v1.1.0 v1.2.0; do
			printf 'module example.com/%s\n' "$m" >"$proxy/example.com/$m/@v/$v.mod"
			printf '{"Version":"%s","Time":"2020-01-01T00:00:00Z"}' "$v" >"$proxy/example.com/$m/@v/$v.info"
			echo "$v" >>"$proxy/example.com/$m/@v/list"
			python3 -c 'import sys, zipfile
m, v, mod, out = sys.argv[1:]
with zipfile.ZipFile(out, "w") as z:
    z.writestr("example.com/%s@%s/go.mod" % (m, v), open(mod).read())
    z.writestr("example.com/%s@%s/p.go" % (m, v), "package %s\n" % m)' \
				"$m" "$v" "$proxy/example.com/$m/@v/$v.mod" "$proxy/example.com/$m/@v/$v.zip"
		done
	done
	for input in "$here/testdata/$dir"/*.in; do
		[ -e "$input" ] || continue
		rm -rf "$tmp/get" && mkdir -p "$tmp/get/main" "$tmp/get/gopath"
		args=$(head -n 1 "$input" | sed 's/^# get //')
		tail -n +2 "$input" >"$tmp/get/main/go.mod"
		golden=${input%.in}.golden
		# shellcheck disable=SC2086
		if (cd "$tmp/get/main" && GOPROXY="file://$proxy" GOPATH="$tmp/get/gopath" GOFLAGS=-mod=mod \
			"$GO" get $args >"$tmp/out" 2>"$tmp/err"); then
			visible <"$tmp/get/main/go.mod" >"$golden"
		else
			visible <"$tmp/err" >"$golden"
		fi
		chmod -R u+w "$tmp/get"
	done
}

run syntax go.mod 1 "$GO" mod edit -fmt -print go.mod
run modfile go.mod 1 "$GO" mod edit -fmt -print go.mod
run modfile/json go.mod 1 "$GO" mod edit -json go.mod
run workfile go.work 2 "$GO" work edit -fmt -print go.work
run workfile/json go.work 2 "$GO" work edit -json go.work
run_edit modfile/edit go.mod 1 mod
run_edit workfile/edit go.work 2 work
run_lax
run_get
