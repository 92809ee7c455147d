#!/usr/bin/env bash
# faults.sh DDLINT SHIM EXAMPLES
#
# Runs the real binary under inject_errors.so (see its header for
# DDLINT_INJECT) and fails one open, read, directory read, write, flush or
# close at a time.  Each scenario must end with exit status 2 and an error
# naming what failed (the path, where there is one), without a crash or a
# sanitizer report, and the rest of the run must still be linted.  The
# shim's log proves that the failure really was injected, and that ddlint
# never opened an input for writing; a snapshot proves the inputs are
# unchanged.
. "$(dirname "$0")/lib.sh"
ddlint=$(realpath "$1")
shim=$(realpath "$2")
examples=$(realpath "$3")

# The ASan runtime, when it is a shared library (gcc), must come first.
preload=$shim
asan=$(ldd "$ddlint" 2>/dev/null | awk '/libasan\.so/ { print $3; exit }')
[ -n "$asan" ] && preload="$asan:$shim"

# Inputs in in/, what the runs leave in $work.
mkdir "$work/in" && cd "$work/in" || exit 1
mkdir -p tree/sub packs cfgtree
cp "$examples"/*.md tree/
cp "$examples/flawed-decisions.md" tree/sub/extra.md
# Larger than the first 64 KiB read, so a later read can fail.
for _ in $(seq 1 12); do cat "$examples/flawed-decisions.md"; done >big.md
cat >packs/extra.yaml <<'YAML'
pack: extra
rules:
  - id: extra/later
    kind: placeholder
    severity: warning
    summary: a word that puts work off
    pattern: '\blater\b'
YAML
printf 'disable: [hygiene/placeholder]\n' >cfgtree/.ddlint.yaml
cp "$examples/flawed-decisions.md" cfgtree/doc.md
cp cfgtree/.ddlint.yaml my.yaml
snapshot "$work/in" "$work/snapshot.before"

out=$work/out err=$work/err log=$work/log

# inject NAME SPEC ARGS...: runs ddlint under the shim; leaves $out, $err,
# $log and the status in $st.  Only ddlint is preloaded (through env), not
# timeout, which closes its own stdout.
inject() {
  local name=$1 spec=$2
  shift 2
  rm -f "$log"
  timeout 60 env DDLINT_INJECT="$spec" DDLINT_INJECT_LOG="$log" LD_PRELOAD="$preload" \
    "$ddlint" "$@" >"$out" 2>"$err" <"${stdin:-/dev/null}"
  st=$?
  touch "$log"
  checks=$((checks + 1))
  if [ -n "$spec" ] && ! grep -q '^inject: ' "$log"; then
    fail "$name: nothing was injected for '$spec' (the call was never made?)"
  fi
  lacks "$name" "$log" "audit: open for writing"
  clean "$name" $st "$err"
}

# scenario NAME SPEC MESSAGE ARGS...: exit 2 and MESSAGE once on stderr.
scenario() {
  local name=$1 spec=$2 msg=$3
  shift 3
  inject "$name" "$spec" "$@"
  expect_exit "$name" 2 $st
  once "$name" "$err" "$msg"
}

# The shim alone changes nothing, and it loads at all (under a sanitizer
# runtime it may not: then the test is skipped, not passed).
"$ddlint" --no-snippet tree >"$work/plain.out" 2>"$work/plain.err"
plain=$?
inject "transparent" "" --no-snippet tree
if grep -qE 'runtime does not come first|cannot be preloaded' "$err"; then
  echo "SKIP: the shim cannot be preloaded with this build's sanitizer runtime:"
  head -n 3 "$err"
  exit $SKIP
fi
expect_exit "transparent" $plain $st
cmp -s "$work/plain.out" "$out" || fail "transparent: the output differs under the shim"
cmp -s "$work/plain.err" "$err" || fail "transparent: stderr differs under the shim"

rest="tree/flawed-missing-areas.md:10:1: error: the document does not cover Reliability"

# Inputs.
scenario "open a linted file" open:1:EACCES:tree/flawed-decisions.md \
  "ddlint: error: tree/flawed-decisions.md: cannot open: Permission denied" --no-snippet tree
contains "open a linted file" "$out" "$rest"
contains "open a linted file" "$err" "1 file could not be linted"
scenario "open a named file" open:1:EMFILE:flawed \
  "ddlint: error: tree/flawed-decisions.md: cannot open: Too many open files" \
  tree/flawed-decisions.md tree/flawed-missing-areas.md
contains "open a named file" "$out" "$rest"
scenario "read a linted file" read:1:EIO:tree/flawed-decisions.md \
  "ddlint: error: tree/flawed-decisions.md: cannot read: Input/output error" --no-snippet tree
contains "read a linted file" "$out" "$rest"
scenario "read after 64 KiB" read:2:EIO:big.md \
  "ddlint: error: big.md: cannot read: Input/output error" big.md
lacks "read after 64 KiB" "$out" "big.md:"
stdin=tree/flawed-decisions.md scenario "read stdin" read:1:EIO:@0 \
  "ddlint: error: <stdin>: cannot read: Input/output error" -
scenario "close a linted file" fclose:1:EIO:tree/design.md \
  "ddlint: error: tree/design.md: cannot read: Input/output error" --no-snippet tree
contains "close a linted file" "$out" "$rest"

# The directory walk.
scenario "load libgit2" dlopen:1:ENOENT:libgit2 \
  "ddlint: error: tree: cannot apply git's ignore rules (libgit2" --no-snippet tree
contains "load libgit2" "$err" "; --no-ignore lints without them"
contains "load libgit2" "$out" "$rest"
contains "load libgit2" "$out" "tree/sub/extra.md:"
# --force-exclude asks git about named files: the same failure, told once,
# and the files still linted.
scenario "load libgit2, --force-exclude" dlopen:1:ENOENT:libgit2 \
  "ddlint: error: tree/flawed-decisions.md: cannot apply git's ignore rules (libgit2" \
  --no-snippet --force-exclude tree/flawed-decisions.md tree/flawed-missing-areas.md
contains "load libgit2, --force-exclude" "$out" "tree/flawed-decisions.md:"
contains "load libgit2, --force-exclude" "$out" "tree/flawed-missing-areas.md:"
contains "load libgit2, --force-exclude" "$err" "1 path had an error"
scenario "open a directory" opendir:1:EACCES:tree/sub \
  "ddlint: error: tree/sub: cannot read directory: Permission denied" --no-snippet tree
contains "open a directory" "$out" "$rest"
lacks "open a directory" "$out" "tree/sub/extra.md:"
contains "open a directory" "$err" "1 path had an error"
scenario "read a directory" readdir:1:EIO:tree/sub \
  "ddlint: error: tree/sub: cannot read directory: Input/output error" --no-snippet tree
contains "read a directory" "$out" "$rest"
scenario "read a directory midway" readdir:4:EIO:tree \
  "ddlint: error: tree: cannot read directory: Input/output error" --no-snippet tree

# Rule packs and configurations.
scenario "open a rule pack" open:1:EACCES:extra.yaml \
  "packs/extra.yaml: cannot open: Permission denied" --rules packs/extra.yaml tree/design.md
scenario "read a rule pack" read:1:EIO:extra.yaml \
  "packs/extra.yaml: cannot read: Input/output error" --rules packs/extra.yaml tree/design.md
scenario "open a rule directory" opendir:1:EACCES:packs \
  "packs: cannot read rule directory: Permission denied" --rules packs tree/design.md
scenario "read a rule directory" readdir:1:EIO:packs \
  "packs: cannot read rule directory: Input/output error" --rules packs tree/design.md
scenario "open the nearest .ddlint.yaml" open:1:EACCES:.ddlint.yaml \
  "cfgtree/.ddlint.yaml: cannot open: Permission denied" cfgtree
lacks "open the nearest .ddlint.yaml" "$out" "cfgtree/doc.md:"
scenario "read the nearest .ddlint.yaml" read:1:EIO:.ddlint.yaml \
  "cfgtree/.ddlint.yaml: cannot read: Input/output error" cfgtree
scenario "open --config" open:1:EACCES:my.yaml \
  "my.yaml: cannot open: Permission denied" --config my.yaml tree/design.md

# Outputs.
nospc="ddlint: error: cannot write output: No space left on device"
eio="ddlint: error: cannot write output: Input/output error"
scenario "write text" write:1:ENOSPC "$nospc" --no-snippet tree
scenario "write text, every write from the second" write:2+:ENOSPC "$nospc" --no-snippet tree
scenario "write json" write:1:EIO "$eio" --format=json tree
scenario "write json, second write" write:2:EIO "$eio" --format=json big.md tree
scenario "write summary" write:1:ENOSPC "$nospc" --summary tree
scenario "write help" write:1:EIO "$eio" --help
scenario "write version" write:1:EIO "$eio" --version
scenario "write list-rules" write:1:EIO "$eio" --list-rules
scenario "write explain" write:1:EIO "$eio" --explain hygiene/placeholder
scenario "flush stdout" fflush:1:EIO:@1 "$eio" --no-snippet tree
scenario "close stdout" fclose:1:ENOSPC:@1 "$nospc" --no-snippet tree
scenario "close stdout after --version" fclose:1:EIO:@1 "$eio" --version
scenario "close stdout after json" fclose:1:EIO:@1 "$eio" --format=json tree

# A reader that went away: quiet, non-zero, and no more linting.
inject "write EPIPE" write:1+:EPIPE --no-snippet tree
checks=$((checks + 1))
[ "$st" -ne 0 ] || fail "write EPIPE: exit status 0"
lacks "write EPIPE" "$err" "cannot write"
lacks "write EPIPE" "$err" "Broken pipe"
inject "write json EPIPE" write:1+:EPIPE --format=json tree
checks=$((checks + 1))
[ "$st" -ne 0 ] || fail "write json EPIPE: exit status 0"
lacks "write json EPIPE" "$err" "cannot write"

# Standard error is output too: a failed summary line is exit status 2.
inject "write stderr" write:1+:EIO:@2 --no-snippet tree
expect_exit "write stderr" 2 $st

unchanged "inputs untouched" "$work/in" "$work/snapshot.before"
finish
