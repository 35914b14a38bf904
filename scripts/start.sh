#!/usr/bin/env bash
# Installs what is missing, builds Chorus and starts the desktop app. On the first run it opens
# a demo workspace; after that, the workspace you used last.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/chorus/target}"
cargo build -p chorus --bin chorus-app
exec "$CARGO_TARGET_DIR/debug/chorus-app" "$@"
