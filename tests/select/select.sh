#!/usr/bin/env bash
# select.sh DDLINT
#
# Which files a run lints, and with which rules, in a scratch git
# repository: what .gitignore, .git/info/exclude and the global excludes
# file ignore, node_modules and hidden folders, --exclude globs, files
# named on the command line (with and without --force-exclude),
# --no-ignore, configuration overrides for an ADR folder, .ddlint.yml, and
# the errors for a directory without Markdown and a path that is not there.
set -u
ddlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
# Only this repository's and this file's git settings count.
export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME=$tmp/home/.config
mkdir -p "$HOME/.config/git" "$tmp/repo"
printf '*.scratch.md\n' >"$HOME/.config/git/ignore"
cd "$tmp/repo" || exit 2
git init -q .
doc='# Title\n\nTODO\n'
for f in README.md docs/design.md docs/adr/0001-queue.md docs/old-notes.md drafts/wip.md \
  build/generated.md node_modules/pkg/README.md vendor/lib.markdown .github/notes.md \
  docs/todo.scratch.md; do
  mkdir -p "$(dirname "$f")"
  printf "$doc" >"$f"
done
printf 'build/\n' >.gitignore
printf 'vendor/\n' >.git/info/exclude

# The files a run lints, one per line, sorted (from the JSON output).
linted() {
  "$ddlint" -q --no-config --format=json "$@" 2>/dev/null |
    python3 -c 'import json,sys; print("\n".join(f["path"] for f in json.load(sys.stdin)["files"]))'
}
expect() { # expect WHAT WANT... -- ARGS...
  local what=$1; shift
  local want=()
  while [ "$1" != -- ]; do want+=("$1"); shift; done
  shift
  local got
  got=$(linted "$@")
  [ "$got" = "$(printf '%s\n' "${want[@]}")" ] ||
    fail "$what: linted [$(echo $got)], expected [${want[*]}]"
}

expect "the defaults" ./README.md ./docs/adr/0001-queue.md ./docs/design.md ./docs/old-notes.md \
  ./drafts/wip.md -- .
expect "--exclude" ./README.md ./docs/adr/0001-queue.md ./docs/design.md -- \
  . --exclude drafts/ --exclude 'docs/**/old-*.md'
expect "--no-ignore" ./README.md ./build/generated.md ./docs/adr/0001-queue.md ./docs/design.md \
  ./docs/old-notes.md ./docs/todo.scratch.md ./drafts/wip.md ./node_modules/pkg/README.md \
  ./vendor/lib.markdown -- . --no-ignore
expect "a folder" docs/adr/0001-queue.md docs/design.md docs/old-notes.md -- docs
expect "files named on the command line" build/generated.md drafts/wip.md vendor/lib.markdown -- \
  build/generated.md drafts/wip.md vendor/lib.markdown --exclude drafts
expect "--force-exclude" docs/design.md -- --force-exclude build/generated.md drafts/wip.md \
  vendor/lib.markdown docs/todo.scratch.md docs/design.md --exclude drafts
(cd build && linted .) | grep -qx './generated.md' ||
  fail "a directory given explicitly is walked even though git ignores it"

# Overrides: the ADR folder needs fewer areas; README.md is no design doc.
cat >.ddlint.yaml <<'YAML'
overrides:
  - files: ["docs/adr/**"]
    disable: [deep-dive/scalability*, deep-dive/performance*, deep-dive/api*]
  - files: [README.md]
    disable: [deep-dive]
    severity: {hygiene/placeholder: error}
YAML
rules_of() { # the rule ids reported for FILE, sorted and unique
  "$ddlint" -q --no-notes --color=never "$1" 2>/dev/null | sed -n 's/.*\[\(.*\)\]$/\1/p' | sort -u | tr '\n' ' '
}
adr=$(rules_of docs/adr/0001-queue.md)
design=$(rules_of docs/design.md)
readme=$(rules_of README.md)
[ "$adr" = "deep-dive/components deep-dive/data deep-dive/reliability deep-dive/security hygiene/placeholder " ] ||
  fail "overrides: the ADR got [$adr]"
case $design in *deep-dive/scalability*deep-dive/security*) ;; *) fail "overrides: design.md got [$design]" ;; esac
[ "$readme" = "hygiene/placeholder " ] || fail "overrides: README.md got [$readme]"
"$ddlint" -q --color=never README.md | grep -q '^README.md:3:1: error: placeholder' ||
  fail "overrides: the severity of README.md's placeholder is not error"
"$ddlint" --print-config docs/adr/0001-queue.md | head -n 1 |
  grep -qx "docs/adr/0001-queue.md: configuration $tmp/repo/.ddlint.yaml, overrides at line 2" ||
  fail "--print-config does not name the override: $("$ddlint" --print-config docs/adr/0001-queue.md | head -n 1)"
"$ddlint" --print-config docs/adr/0001-queue.md | grep -q '^deep-dive/api  *error  *disabled' ||
  fail "--print-config does not show deep-dive/api disabled for the ADR"
# The same file from another working directory gets the same rules.
[ "$(cd docs && rules_of adr/0001-queue.md)" = "$adr" ] ||
  fail "overrides depend on the working directory"

# Configuration exclude: and include:, relative to each file's folder, for
# the documents it governs; and notes: false.
cp .ddlint.yaml overrides.yaml
printf 'include: ["docs/**"]\n' >>.ddlint.yaml
printf 'exclude: [old-*.md]\nnotes: false\n' >docs/.ddlint.yaml
with_config() {
  "$ddlint" -q --format=json "$@" 2>/dev/null |
    python3 -c 'import json,sys; print(" ".join(f["path"] for f in json.load(sys.stdin)["files"]))'
}
got=$(with_config .)
[ "$got" = "./docs/adr/0001-queue.md ./docs/design.md" ] || fail "exclude:/include: linted [$got]"
got=$(with_config README.md docs/old-notes.md)
[ "$got" = "README.md docs/old-notes.md" ] || fail "exclude:/include: on named files: [$got]"
got=$(with_config --force-exclude README.md docs/old-notes.md docs/design.md)
[ "$got" = "docs/design.md" ] || fail "exclude:/include: with --force-exclude: [$got]"
"$ddlint" -q --no-snippet docs/design.md | grep -q ': note: ' && fail "notes: false still prints notes"

mv overrides.yaml .ddlint.yaml
rm docs/.ddlint.yaml

# .ddlint.yml is found too, and both names in one folder are an error.
printf 'disable: [hygiene]\n' >docs/adr/.ddlint.yml
[ "$(rules_of docs/adr/0001-queue.md)" = "deep-dive/api deep-dive/components deep-dive/data deep-dive/performance deep-dive/reliability deep-dive/scalability deep-dive/security " ] ||
  fail ".ddlint.yml is not used: $(rules_of docs/adr/0001-queue.md)"
printf 'fail-on: never\n' >docs/adr/.ddlint.yaml
out=$("$ddlint" -q docs/adr/0001-queue.md 2>&1)
rc=$?
[ $rc -eq 2 ] && echo "$out" | grep -q 'also has .ddlint.yml; keep one of the two' ||
  fail "both .ddlint.yaml and .ddlint.yml: exit $rc, $out"
rm docs/adr/.ddlint.yaml docs/adr/.ddlint.yml

# Nothing to lint is an error, not a silent pass.
mkdir -p empty/sub
out=$("$ddlint" -q empty 2>&1)
rc=$?
[ $rc -eq 2 ] && echo "$out" | grep -q 'empty: no Markdown files' ||
  fail "a directory without Markdown: exit $rc, $out"
out=$("$ddlint" -q no-such-dir 2>&1)
rc=$?
[ $rc -eq 2 ] && echo "$out" | grep -q 'no-such-dir' || fail "a missing path: exit $rc, $out"
exit $status
