# Helpers shared by the fault-injection scripts (sourced, not run).
# Every check prints what it expected when it fails; a script ends with
# finish, which exits 1 if any check failed.
set -u
failures=0
checks=0
work=$(mktemp -d /tmp/ddlint-inject.XXXXXX)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT

export SKIP=77 # ctest's SKIP_RETURN_CODE for these tests

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# expect_exit NAME WANT GOT
expect_exit() {
  checks=$((checks + 1))
  [ "$2" = "$3" ] || fail "$1: exit status $3, expected $2"
}

# contains NAME FILE TEXT: TEXT is a fixed string
contains() {
  checks=$((checks + 1))
  grep -qF -- "$3" "$2" || {
    fail "$1: no '$3' in $(basename "$2"):"
    head -n 20 "$2" | sed 's/^/    | /'
  }
}

# lacks NAME FILE TEXT
lacks() {
  checks=$((checks + 1))
  if grep -qF -- "$3" "$2"; then
    fail "$1: unexpected '$3' in $(basename "$2"):"
    grep -F -- "$3" "$2" | head -n 5 | sed 's/^/    | /'
  fi
}

# once NAME FILE TEXT: TEXT occurs on exactly one line
once() {
  checks=$((checks + 1))
  local n
  n=$(grep -cF -- "$3" "$2")
  [ "$n" = 1 ] || {
    fail "$1: '$3' on $n lines of $(basename "$2"), expected 1:"
    head -n 20 "$2" | sed 's/^/    | /'
  }
}

# clean NAME STATUS ERRFILE: no crash (death by a signal other than the
# expected ones) and no sanitizer report.
clean() {
  checks=$((checks + 1))
  if [ "$2" -gt 128 ] && [ "$2" != "${allowed_signal_status:-none}" ]; then
    fail "$1: killed by signal $(($2 - 128))"
  fi
  if grep -qE 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|Segmentation fault' "$3"; then
    fail "$1: sanitizer report or crash:"
    head -n 20 "$3" | sed 's/^/    | /'
  fi
}

# snapshot DIR FILE / unchanged NAME DIR FILE: ddlint never writes to what
# it lints (contents, modes and mtimes of every entry stay as they were).
snapshot() {
  (cd "$1" && find . -print0 | sort -z | xargs -0 stat -c '%n %a %s %Y' &&
    find . -type f -readable -print0 | sort -z | xargs -0 -r sha256sum) >"$2" 2>/dev/null
}
unchanged() {
  checks=$((checks + 1))
  snapshot "$2" "$work/snapshot.now"
  cmp -s "$3" "$work/snapshot.now" || {
    fail "$1: the linted files changed:"
    diff "$3" "$work/snapshot.now" | head -n 10 | sed 's/^/    | /'
  }
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$(basename "$0"): $failures of $checks checks failed"
    exit 1
  fi
  echo "$(basename "$0"): all $checks checks passed"
  exit 0
}
