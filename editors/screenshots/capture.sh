#!/usr/bin/env bash
# Screenshot of a real Neovim session: diagnostics on the example draft and the evidence float.
# Needs tmux, nvim (0.11+ looks best) and, for the PNG, python3 with Pillow.
# Env: COPYDESK_BIN (server), NVIM (nvim binary, default nvim), PYTHON (default python3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bin="${COPYDESK_BIN:-$repo/target/release/copydesk}"
nvim="${NVIM:-nvim}"
session="copydesk-shot-$$"
tmp="$(mktemp -d)"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$tmp"' EXIT

TERM=xterm-256color tmux new-session -d -s "$session" -c "$repo" -x 150 -y 32 \
  "env COPYDESK_REPO='$repo' COPYDESK_BIN='$bin' XDG_CONFIG_HOME='$tmp' XDG_STATE_HOME='$tmp' XDG_DATA_HOME='$tmp' '$nvim' -u '$here/session.lua' -i NONE -n"
sleep 6
tmux send-keys -t "$session" ':CopydeskEvidence' Enter
sleep 2
tmux capture-pane -p -t "$session" > "$here/neovim-diagnostics-hover.txt"
tmux capture-pane -p -e -t "$session" > "$tmp/capture.ansi"
"${PYTHON:-python3}" "$here/render_ansi.py" "$tmp/capture.ansi" "$here/neovim-diagnostics-hover.png"
echo "wrote $here/neovim-diagnostics-hover.{txt,png}"
