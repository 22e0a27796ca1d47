# Sourced (not run) before a wasm build: picks the Rust toolchain that can target
# wasm32-unknown-unknown on this machine and sets up the environment for it, for this build only.
#
#   rustup   the wasm32 target of the rustup toolchain is installed: nothing to set.
#   debian   Debian's rustc-web builds std for wasm from its source (see TOOLCHAIN notes in
#            scripts/setup.sh): RUSTC=/usr/bin/rustc, RUSTC_BOOTSTRAP=1, build-std, and
#            /usr/bin first on PATH so Trunk's `cargo` is Debian's cargo of the same version.
#
# GOMODPLAY_WASM_TOOLCHAIN=rustup|debian forces a choice (to test the other path). Native builds
# never source this file, so they keep the ordinary rustup toolchain.
# In every case node_modules/.bin goes first on PATH, for binaryen's wasm-opt that Trunk.toml pins.

gomodplay_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

gomodplay_wasm_toolchain() {
  if [ -n "${GOMODPLAY_WASM_TOOLCHAIN:-}" ]; then
    echo "$GOMODPLAY_WASM_TOOLCHAIN"
  elif command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo rustup
  elif [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]; then
    echo debian
  else
    echo none
  fi
}

case $(gomodplay_wasm_toolchain) in
  rustup)
    echo "[wasm] toolchain: rustup target wasm32-unknown-unknown" >&2
    ;;
  debian)
    echo "[wasm] toolchain: Debian rustc-web, std built from source" >&2
    export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export PATH="/usr/bin:$PATH"
    ;;
  *)
    echo "[wasm] no Rust toolchain can build wasm32 here; run 'make setup' first" >&2
    return 1
    ;;
esac
export PATH="$gomodplay_root/node_modules/.bin:$PATH"
