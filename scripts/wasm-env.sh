# Sourced (not run) before a wasm build: picks the Rust toolchain that can target
# wasm32-unknown-unknown on this machine and sets up the environment for it, for this build only.
#
#   rustup-src  the rustup toolchain with its wasm32 target and the rust-src component: std is
#               built from source (build-std, RUSTC_BOOTSTRAP=1), for size (see below).
#   debian      Debian's rustc-web builds std for wasm from its source (see TOOLCHAIN notes in
#               scripts/setup.sh): RUSTC=/usr/bin/rustc, RUSTC_BOOTSTRAP=1, build-std, and
#               /usr/bin first on PATH so Trunk's `cargo` is Debian's cargo of the same version.
#   rustup      the rustup wasm32 target with its prebuilt std: nothing to set, but the bundle
#               comes out about 30 KB gzip larger, over the size budget (see below).
#
# The first two are preferred because building std from source lets it be built for size:
# std itself at the release profile's opt-level "z", panics that abort at once without formatting
# a message (-Cpanic=immediate-abort: the panic machinery, core::fmt's share of it and every
# panic location string drop out) and core/alloc's optimize_for_size variants. Measured on the
# whole app (scripts/check-size.sh, KB of 1024 bytes, wasm + js gzip): 334.6 KB with the prebuilt
# std, 321.1 KB with std from source, 307.4 KB with immediate-abort, 303.7 KB with
# optimize_for_size as well. The core never panics by design, so immediate-abort changes nothing
# a user can see; a bug that did panic shows as a wasm "unreachable" trap in the console.
#
# GOMODPLAY_WASM_TOOLCHAIN=rustup-src|debian|rustup forces a choice (to test another path).
# Native builds never source this file, so they keep the ordinary rustup toolchain.
# In every case node_modules/.bin goes first on PATH, for binaryen's wasm-opt that Trunk.toml pins.

gomodplay_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

gomodplay_rustup_has() { # what (target | rust-src)
  command -v rustup >/dev/null 2>&1 || return 1
  case $1 in
    target) rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ;;
    # rustup's own rustc, not whatever `rustc` is first on PATH (a build started from an
    # earlier Debian build has /usr/bin first).
    rust-src) [ -d "$("$(rustup which rustc 2>/dev/null)" --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library" ] ;;
  esac
}

gomodplay_debian_has_src() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]
}

gomodplay_wasm_toolchain() {
  if [ -n "${GOMODPLAY_WASM_TOOLCHAIN:-}" ]; then
    echo "$GOMODPLAY_WASM_TOOLCHAIN"
  elif gomodplay_rustup_has target && gomodplay_rustup_has rust-src; then
    echo rustup-src
  elif gomodplay_debian_has_src; then
    echo debian
  elif gomodplay_rustup_has target; then
    echo rustup
  else
    echo none
  fi
}

# Builds std from source, for size: see the comment at the top.
gomodplay_std_for_size() {
  export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-Zunstable-options -Cpanic=immediate-abort"
}

case $(gomodplay_wasm_toolchain) in
  rustup-src)
    echo "[wasm] toolchain: rustup target wasm32-unknown-unknown, std built from rust-src for size" >&2
    gomodplay_std_for_size
    ;;
  debian)
    echo "[wasm] toolchain: Debian rustc-web, std built from source for size" >&2
    export RUSTC=/usr/bin/rustc
    export PATH="/usr/bin:$PATH"
    gomodplay_std_for_size
    ;;
  rustup)
    echo "[wasm] toolchain: rustup target wasm32-unknown-unknown with its prebuilt std" >&2
    echo "[wasm] warning: without std's source (rustup component add rust-src) the bundle is about 30 KB gzip larger" >&2
    ;;
  *)
    echo "[wasm] no Rust toolchain can build wasm32 here; run 'make setup' first" >&2
    return 1
    ;;
esac
export PATH="$gomodplay_root/node_modules/.bin:$PATH"
