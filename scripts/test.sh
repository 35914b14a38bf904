#!/usr/bin/env bash
# Installs what is missing and runs every test: core unit tests, migration and CLI tests on
# temporary files, the benchmark in its small smoke size, and the end-to-end journeys through
# the real window (tauri-driver + WebKitWebDriver under Xvfb). Screenshots of the journeys are
# saved in tests/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --e2e
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/chorus/target}"
export CHORUS_E2E=1
xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace --all-targets "$@"
