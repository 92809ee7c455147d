#!/usr/bin/env bash
# Emacs's eglot drives `ddlint --lsp' (tests/lsp/eglot.el).
set -euo pipefail
ddlint=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v emacs >/dev/null || { echo "FAIL: emacs is not installed" >&2; exit 1; }
ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null ||
  { echo "FAIL: eglot is not installed (Debian: elpa-eglot)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' '# Feeds' '' '## Deep dive' '' \
  'これは日本語のテキストです 🎉 そして TBD があります。' > "$tmp/design.md"
# eglot wants a project: a git work tree is one
git -C "$tmp" init -q
cd "$tmp"
DDLINT=$ddlint FIXTURE=$tmp/design.md timeout 120 emacs --batch -Q -l "$here/eglot.el"
echo "eglot: all checks passed"
