#!/usr/bin/env bash
# pre-commit.sh DDLINT ROOT
#
# The hook of .pre-commit-hooks.yaml as a user meets it: Debian's
# pre-commit runs `pre-commit try-repo ROOT ddlint` in a scratch git
# repository with DDLINT's folder on PATH.  A design document with
# findings fails the hook and its diagnostics are shown; a document
# without findings passes; a file the repository's .gitignore ignores is
# left out (--force-exclude), and so are files that are not Markdown.
set -u
ddlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") root=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
if ! command -v pre-commit >/dev/null; then
  echo "FAIL: pre-commit is not installed (run scripts/install-deps)"
  exit 1
fi
export PATH=$(dirname "$ddlint"):$PATH PRE_COMMIT_HOME=$tmp/cache HOME=$tmp/home
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
mkdir -p "$HOME" "$tmp/repo/docs"
cd "$tmp/repo" || exit 2
git init -q .
printf '# Design\n\nTODO\n' >docs/flawed.md
cp "$root/examples/design.md" docs/good.md
printf 'TODO in a text file\n' >notes.txt
printf 'docs/ignored.md\n' >.gitignore
printf '# Ignored\n\nTODO\n' >docs/ignored.md
printf 'disable: [deep-dive]\nfail-on: warning\n' >.ddlint.yaml

out=$(pre-commit try-repo "$root" ddlint --files docs/flawed.md docs/good.md notes.txt \
  docs/ignored.md 2>&1)
rc=$?
[ $rc -eq 1 ] || fail "a document with a placeholder: pre-commit exit $rc, expected 1: $out"
echo "$out" | grep -q '^ddlint\.*Failed$' || fail "the hook is not reported as failed: $out"
echo "$out" | grep -q '^docs/flawed.md:3:1: warning: placeholder .TODO. left in the text \[hygiene/placeholder\]$' ||
  fail "the diagnostic is not shown: $out"
echo "$out" | grep -q 'ignored.md' && fail "a file .gitignore ignores was linted: $out"
echo "$out" | grep -q 'notes.txt' && fail "a file that is not Markdown was linted: $out"

out=$(pre-commit try-repo "$root" ddlint --files docs/good.md 2>&1)
rc=$?
[ $rc -eq 0 ] && echo "$out" | grep -q '^ddlint\.*Passed$' ||
  fail "a document without findings: pre-commit exit $rc: $out"
exit $status
