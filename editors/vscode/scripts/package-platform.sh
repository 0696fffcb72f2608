#!/usr/bin/env bash
# Builds the extension and a platform-specific .vsix with the copydesk binary in server/.
# COPYDESK_BIN: use this binary instead of building target/release/copydesk at the repo root.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"

bin="${COPYDESK_BIN:-}"
if [ -z "$bin" ]; then
  (cd "$repo" && cargo build --release)
  bin="$repo/target/release/copydesk"
fi
[ -x "$bin" ] || { echo "copydesk binary not found at $bin" >&2; exit 1; }

cd "$here"
# vsce's platform names are node's platform-arch, bar Alpine (musl).
target="$(node -p 'process.platform + "-" + process.arch')"
if [ "$(node -p 'process.platform')" = linux ] && ldd --version 2>&1 | grep -qi musl; then
  target="alpine-$(node -p 'process.arch')"
fi
name=copydesk
[ "${target%%-*}" = win32 ] && name=copydesk.exe

rm -f server/copydesk server/copydesk.exe
mkdir -p server
cp "$bin" "server/$name"
chmod +x "server/$name"

[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build
version="$(node -p 'require("./package.json").version')"
out="copydesk-$target-$version.vsix"
npx vsce package --allow-missing-repository --no-dependencies --target "$target" -o "$out" </dev/null
# The .vsix is a zip: the bundled server and the extension code must be in it.
listing="$(unzip -l "$out")"
for f in "extension/server/$name" extension/out/extension.js extension/package.json; do
  grep -qF "$f" <<<"$listing" || { echo "$f missing from $out" >&2; exit 1; }
done
echo "packaged $here/$out"
