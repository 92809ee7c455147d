#!/usr/bin/env bash
# output.sh DDLINT EXAMPLES
#
# Real output failures, no shim needed: every kind of output sent to
# /dev/full (ENOSPC on the first flush) is an error with exit status 2 and
# one "cannot write output" line; a full stderr is exit status 2 too; and a
# reader that goes away (EPIPE with SIGPIPE ignored) ends the run quietly
# with a non-zero status, as grep does.
. "$(dirname "$0")/lib.sh"
ddlint=$(realpath "$1")
examples=$(realpath "$2")
[ -w /dev/full ] || { echo "SKIP: no /dev/full"; exit $SKIP; }
doc=$examples/flawed-decisions.md
want="ddlint: error: cannot write output: No space left on device"

# full NAME ARGS...: stdout is /dev/full
full() {
  local name=$1
  shift
  timeout 60 "$ddlint" "$@" >/dev/full 2>"$work/err"
  local st=$?
  expect_exit "$name >/dev/full" 2 $st
  once "$name >/dev/full" "$work/err" "$want"
  clean "$name >/dev/full" $st "$work/err"
}

full "text" "$doc"
full "text, no snippet" --no-snippet "$doc"
full "json" --format=json "$doc"
full "summary" --summary "$doc"
full "quiet text" -q "$doc"
full "directory" "$examples"
full "stdin" - <"$doc"
full "help" --help
full "version" --version
full "list-rules" --list-rules
full "explain" --explain hygiene/placeholder
# Nothing to say on stdout: the exit status is the linting result.
timeout 60 "$ddlint" -q "$examples/design.md" >/dev/full 2>"$work/err"
st=$?
expect_exit "no output >/dev/full" 0 $st
lacks "no output >/dev/full" "$work/err" "cannot write"

# A full stderr: the summary line and the error messages are output too.
timeout 60 "$ddlint" "$doc" >/dev/null 2>/dev/full
expect_exit "summary 2>/dev/full" 2 $?
timeout 60 "$ddlint" "$work/missing.md" >/dev/null 2>/dev/full
expect_exit "error message 2>/dev/full" 2 $?

# A closed pipe.  The output must be far larger than a pipe's buffer, so
# that ddlint is still writing when head has gone.
mkdir "$work/big"
for i in $(seq 1 300); do cp "$doc" "$work/big/doc-$i.md"; done
for fmt in json text; do
  (
    trap '' PIPE
    timeout 120 "$ddlint" --format=$fmt "$work/big" 2>"$work/err" | head -c 1 >/dev/null
    echo "${PIPESTATUS[0]}" >"$work/status"
  )
  st=$(cat "$work/status")
  checks=$((checks + 1))
  { [ "$st" -ne 0 ] && [ "$st" -lt 124 ]; } || fail "epipe $fmt: exit status $st, expected non-zero (and no timeout or signal)"
  lacks "epipe $fmt" "$work/err" "cannot write"
  lacks "epipe $fmt" "$work/err" "Broken pipe"
  clean "epipe $fmt" "$st" "$work/err"
done

finish
