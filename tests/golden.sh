#!/usr/bin/env bash
# golden.sh DDLINT CASE.md [EXPECT]
#
# Runs ddlint on one case and compares its standard output and exit status
# with the expectation.  For tests/cases/<dir>/<name>@<exit>.md the exit
# status comes from the name, the output from <name>.expect; optional
# <name>.args holds extra arguments (one per line) and <name>.ddlint.yaml
# is passed as --config; when <name>.stderr exists, standard error must
# match it too (with the summary line).  With EXPECT given (examples), the exit status is
# read from the first line of EXPECT ("# exit N") and the rest is the output.
# ddlint runs in the case's directory on its base name, so paths are stable.
set -u
ddlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") case=$2 expect=${3:-}
dir=$(dirname "$case") base=$(basename "$case")
args=(--no-snippet --color=never)
want_err=""
if [ -z "$expect" ]; then
  name=${base%@*}
  want_exit=${base##*@}; want_exit=${want_exit%.md}
  expect=$dir/$name.expect
  [ -f "$dir/$name.ddlint.yaml" ] && args+=(--config "$name.ddlint.yaml")
  if [ -f "$dir/$name.args" ]; then
    while IFS= read -r a; do [ -n "$a" ] && args+=("$a"); done < "$dir/$name.args"
  fi
  want_out=$(cat "$expect" 2>/dev/null || true)
  if [ -f "$dir/$name.stderr" ]; then
    want_err=$dir/$name.stderr
  else
    args=(-q "${args[@]}")
  fi
else
  args=(-q "${args[@]}")
  want_exit=$(head -n 1 "$expect" | sed -n 's/^# exit \([0-9]*\)$/\1/p')
  want_out=$(tail -n +2 "$expect")
fi
got_out=$(cd "$dir" && "$ddlint" "${args[@]}" "$base" 2>/tmp/golden.$$.err)
got_exit=$?
status=0
if [ "$got_exit" != "$want_exit" ]; then
  echo "exit status $got_exit, expected $want_exit"
  cat /tmp/golden.$$.err
  status=1
fi
if [ "$got_out" != "$want_out" ]; then
  echo "output differs from $expect:"
  diff <(printf '%s\n' "$want_out") <(printf '%s\n' "$got_out")
  status=1
fi
if [ -n "$want_err" ] && ! diff "$want_err" /tmp/golden.$$.err >/dev/null; then
  echo "standard error differs from $want_err:"
  diff "$want_err" /tmp/golden.$$.err
  status=1
fi
rm -f /tmp/golden.$$.err
exit $status
