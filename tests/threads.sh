#!/usr/bin/env bash
# threads.sh DDLINT DIR...
#
# Linting on several threads must give exactly what one thread gives: the
# same text and JSON, byte for byte, the same summary line and the same
# exit status, over every file of DIR... (run under ThreadSanitizer in the
# TSan build, where a data race fails the run).
set -u
ddlint=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for args in "--no-snippet" "--format=json" "--summary"; do
  # shellcheck disable=SC2086
  "$ddlint" -j1 $args "$@" >"$work/one.out" 2>"$work/one.err"
  want=$?
  for j in 2 3 8; do
    # shellcheck disable=SC2086
    "$ddlint" -j$j $args "$@" >"$work/many.out" 2>"$work/many.err"
    got=$?
    if [ $got != $want ] || ! cmp -s "$work/one.out" "$work/many.out" ||
       ! cmp -s "$work/one.err" "$work/many.err"; then
      echo "FAIL: -j$j $args differs from -j1 (exit $got, expected $want)"
      diff "$work/one.out" "$work/many.out" | head -n 10
      diff "$work/one.err" "$work/many.err" | head -n 10
      status=1
    fi
  done
done
[ $status = 0 ] && echo "threads: -j2, -j3 and -j8 match -j1 in text, JSON and summary output"
exit $status
