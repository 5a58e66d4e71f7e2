#!/usr/bin/env bash
# Shared set-up for ./scripts/serve and ./scripts/test: installs, idempotently and with
# pinned versions, every tool the build and the tests need, saying what it does. Only the
# package registries are used (crates.io, npm, Debian); nothing downloads a binary itself.
set -euo pipefail

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130
# The release wasm (the three apps the pupils download) is built by this dated nightly, with
# the standard library rebuilt for size and panics that end in a trap at once, with no message
# formatting: about 14.5 KB brotli off lesson 1's load (docs/perf.md). Everything else (tests,
# clippy, the command-line tool, debug builds) uses the stable toolchain.
RELEASE_TOOLCHAIN=nightly-2026-05-20

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[tafukt]\033[0m %s\n' "$*"; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_cargo_tool() { # binary version crate [extra cargo install flags]
  local bin=$1 version=$2 crate=$3
  shift 3
  if command -v "$bin" >/dev/null && "$bin" --version 2>/dev/null | grep -q "$version"; then
    return
  fi
  say "installing $crate $version (this takes several minutes on 2 cores, once)"
  cargo install "$crate" --version "$version" "$@"
}

ensure_release_toolchain() {
  if ! rustup run "$RELEASE_TOOLCHAIN" rustc --version >/dev/null 2>&1 \
    || ! rustup component list --toolchain "$RELEASE_TOOLCHAIN" --installed | grep -q '^rust-src' \
    || ! rustup target list --toolchain "$RELEASE_TOOLCHAIN" --installed | grep -qx wasm32-unknown-unknown; then
    say "installing the release toolchain $RELEASE_TOOLCHAIN (with rust-src and the wasm target)"
    rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal -c rust-src -t wasm32-unknown-unknown
  fi
}

# Runs a command (trunk) with the release wasm's toolchain and flags. Only wasm32 builds take
# the flags; scripts/post-build.mjs drops these variables for the native `tafukt` tool.
with_release_toolchain() {
  RUSTUP_TOOLCHAIN="$RELEASE_TOOLCHAIN" \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
    "$@"
}

ensure_rust_tools() {
  ensure_wasm_target
  ensure_release_toolchain
  ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
  # Without --locked: with it, the install fails on a yanked dependency.
  ensure_cargo_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli
}

ensure_node_tools() {
  # node_modules/.package-lock.json is npm's record of what it installed: if it differs from
  # the lock file, the tools are missing or stale.
  if ! cmp -s "$ROOT/package-lock.json" "$ROOT/node_modules/.package-lock.json" 2>/dev/null \
    && ! [ -x "$ROOT/node_modules/.bin/wasm-opt" -a -d "$ROOT/node_modules/playwright-core" -a -d "$ROOT/node_modules/js-interpreter" ]; then
    say "installing npm dev tools (binaryen's wasm-opt, playwright-core, js-interpreter) from package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

apt_install() { # package...
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
  fi
}

ensure_browser() {
  # Debian's Chromium and its driver; Noto fonts so Arabic and Tifinagh render in screenshots.
  apt_install chromium chromium-driver fonts-noto-core brotli
}
