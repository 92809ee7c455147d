#!/usr/bin/env bash
# Headless Neovim drives `ddlint --lsp` (tests/lsp/neovim.lua).
#   neovim.sh DDLINT [CAPTURE]   CAPTURE: where to keep the diagnostics list
set -euo pipefail
ddlint=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v nvim >/dev/null || { echo "FAIL: nvim is not installed (Debian: neovim)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fixture=$tmp/design.md
printf '%s\n' '# Feeds' '' '## Deep dive' '' \
  'これは日本語のテキストです 🎉 そして TBD があります。' '' \
  'Posts are fanned out 😀 to followers; TODO the retry policy.' > "$fixture"
cp "$fixture" "$tmp/original.md"
capture=${2:-$tmp/diagnostics.txt}
DDLINT=$ddlint FIXTURE=$fixture CAPTURE=$capture \
  timeout 120 nvim --headless -u NONE -i NONE -n --noplugin -c "luafile $here/neovim.lua"
cmp -s "$fixture" "$tmp/original.md" || { echo "FAIL: the file on disk changed" >&2; exit 1; }
grep -q "hygiene/placeholder" "$capture" || { echo "FAIL: no capture" >&2; exit 1; }
cat "$capture"
echo "neovim: all checks passed"
