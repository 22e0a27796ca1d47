# Sourced (not run) before a wasm build: picks the Rust toolchain that can target
# wasm32-unknown-unknown on this machine and sets up the environment for it, for this build only.
#
#   reference   the reference toolchain: the exact release rust-toolchain.toml names (scripts/setup.sh
#               installs it with rustup), with its wasm32 target and the rust-src component: std is
#               built from source (build-std, RUSTC_BOOTSTRAP=1), for size (see below). Builds on
#               it are reproducible: the same sources give the same .wasm bytes on every machine,
#               so the size guard (scripts/check-size.sh) is measured on it and only on it.
#   debian      fallback: Debian's rustc-web builds std for wasm from its source: RUSTC=/usr/bin/rustc,
#               RUSTC_BOOTSTRAP=1, build-std, and /usr/bin first on PATH so Trunk's `cargo` is
#               Debian's cargo of the same version. Not the reference build.
#   rustup      fallback: a rustup wasm32 target with its prebuilt std (no rust-src). Not the
#               reference build; the bundle comes out about 30 KB gzip larger (see below).
#
# The reference is preferred because building std from source lets it be built for size:
# std itself at the web profile's opt-level "z", panics that abort at once without formatting
# a message (-Cpanic=immediate-abort: the panic machinery, core::fmt's share of it and every
# panic location string drop out) and core/alloc's optimize_for_size variants. Measured on the
# whole app (scripts/check-size.sh, KB of 1024 bytes, wasm + js gzip): 334.6 KB with the prebuilt
# std, 321.1 KB with std from source, 307.4 KB with immediate-abort, 303.7 KB with
# optimize_for_size as well. The core never panics by design, so immediate-abort changes nothing
# a user can see; a bug that did panic shows as a wasm "unreachable" trap in the console.
#
# Paths of this machine (the checkout, cargo's registry, rustup's std source) are remapped to
# fixed names, so that nothing in the output depends on where the repository was cloned.
#
# Exports GOMODPLAY_WASM_REFERENCE=1 on the reference toolchain and 0 on a fallback;
# scripts/build-dist.sh records it in dist/.toolchain for scripts/check-size.sh.
# GOMODPLAY_WASM_TOOLCHAIN=reference|debian|rustup forces a choice (to test another path).
# Native builds never source this file, so they keep the ordinary toolchain.
# In every case node_modules/.bin goes first on PATH, for binaryen's wasm-opt that Trunk.toml pins.

gomodplay_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
gomodplay_channel=$(sed -n 's/^channel *= *"\(.*\)"$/\1/p' "$gomodplay_root/rust-toolchain.toml")

gomodplay_rustup_has() { # what (target | rust-src)
  command -v rustup >/dev/null 2>&1 || return 1
  case $1 in
    target) rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ;;
    # rustup's own rustc, not whatever `rustc` is first on PATH (a build started from an
    # earlier Debian build has /usr/bin first).
    rust-src) [ -d "$("$(rustup which rustc 2>/dev/null)" --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library" ] ;;
    # The release rustup runs here (rust-toolchain.toml's, unless RUSTUP_TOOLCHAIN overrides it).
    reference) "$(rustup which rustc 2>/dev/null)" --version 2>/dev/null | grep -q "^rustc $gomodplay_channel " ;;
  esac
}

gomodplay_debian_has_src() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]
}

gomodplay_wasm_toolchain() {
  if [ -n "${GOMODPLAY_WASM_TOOLCHAIN:-}" ]; then
    echo "$GOMODPLAY_WASM_TOOLCHAIN"
  elif gomodplay_rustup_has target && gomodplay_rustup_has rust-src && gomodplay_rustup_has reference; then
    echo reference
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

# Machine paths out of the output (see the top): the checkout, cargo's home, the sysroot.
gomodplay_remap_paths() {
  local sysroot=$1
  export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }--remap-path-prefix=$gomodplay_root=/gomodplay"
  RUSTFLAGS+=" --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
  [ -n "$sysroot" ] && RUSTFLAGS+=" --remap-path-prefix=$sysroot=/rustc-sysroot"
  return 0
}

gomodplay_not_reference() {
  echo "[wasm] warning: this is NOT the reference build (Rust $gomodplay_channel from rust-toolchain.toml with rust-src):" >&2
  echo "[wasm] warning: its bytes differ from CI's and the size guard does not apply to it" >&2
  export GOMODPLAY_WASM_REFERENCE=0
}

case $(gomodplay_wasm_toolchain) in
  reference)
    echo "[wasm] toolchain: Rust $gomodplay_channel (the reference, rust-toolchain.toml), std built from rust-src for size" >&2
    gomodplay_std_for_size
    gomodplay_remap_paths "$("$(rustup which rustc)" --print sysroot)"
    export GOMODPLAY_WASM_REFERENCE=1
    ;;
  debian)
    echo "[wasm] toolchain: Debian rustc-web ($(/usr/bin/rustc --version)), std built from source for size" >&2
    gomodplay_not_reference
    export RUSTC=/usr/bin/rustc
    export PATH="/usr/bin:$PATH"
    gomodplay_std_for_size
    gomodplay_remap_paths /usr
    ;;
  rustup)
    echo "[wasm] toolchain: rustup target wasm32-unknown-unknown with its prebuilt std" >&2
    gomodplay_not_reference
    echo "[wasm] warning: without std's source (rustup component add rust-src) the bundle is about 30 KB gzip larger" >&2
    gomodplay_remap_paths ""
    ;;
  *)
    echo "[wasm] no Rust toolchain can build wasm32 here; run 'make setup' first" >&2
    return 1
    ;;
esac
export PATH="$gomodplay_root/node_modules/.bin:$PATH"
