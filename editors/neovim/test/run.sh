#!/usr/bin/env bash
# Headless Neovim end-to-end test of the copydesk plugin against a real server.
# Uses $COPYDESK_BIN when set, else target/release/copydesk (built here when missing).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$repo"

if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  fi
fi

bin="${COPYDESK_BIN:-$repo/target/release/copydesk}"
if [ ! -x "$bin" ]; then
  cargo build --release
fi

# An isolated home so no user config, plugin or shada file takes part.
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state" XDG_CACHE_HOME="$home/cache"
export COPYDESK_REPO="$repo" COPYDESK_BIN="$bin"

# nvim exits non-zero (cquit) on failure; `timeout` guards against a hang.
timeout 300 nvim --headless -u NONE -i NONE -n -c "luafile $repo/editors/neovim/test/headless.lua" </dev/null
echo
