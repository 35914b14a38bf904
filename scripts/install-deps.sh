#!/usr/bin/env bash
# Installs what Chorus needs on Debian/Ubuntu and is not there yet: the system libraries of the
# desktop window (WebKitGTK), Rust when it is missing, and — with --e2e — what the end-to-end
# tests drive the real window with (Xvfb, WebKitWebDriver, tauri-driver, ImageMagick).
# Safe to run again: it skips what is already installed. Uses sudo when not root.
set -euo pipefail

want_e2e=no
[ "${1:-}" = "--e2e" ] && want_e2e=yes

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

packages=(build-essential pkg-config file curl ca-certificates libwebkit2gtk-4.1-dev libssl-dev)
if [ "$want_e2e" = yes ]; then
  packages+=(webkit2gtk-driver xvfb xauth imagemagick fonts-dejavu-core)
  # xmllint: the tests check the SEPA bank file against its schema.
  packages+=(libxml2-utils)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "chorus: installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "chorus: installing Rust (rustup, stable)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi

if [ "$want_e2e" = yes ] && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "chorus: installing tauri-driver"
  cargo install tauri-driver --locked
fi
