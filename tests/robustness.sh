#!/usr/bin/env bash
# robustness.sh DDLINT CORPUS_DIR WORK_DIR
#
# Lints every file of the shared robustness corpus and every hostile input
# from make-adversarial.sh, one process each, and fails on a crash, a hang
# (30 s per file), an exit status other than 0/1/2, a sanitizer or leak
# report, or a file-level error without a file:line:col or "ddlint:" prefix.
set -u
ddlint=$1 corpus=$2 work=$3
if [ ! -d "$corpus/robustness" ]; then
  echo "robustness corpus not found at $corpus (set DDLINT_SHARED)" >&2
  exit 1
fi
mkdir -p "$work"
bash "$corpus/make-adversarial.sh" "$work" >/dev/null || exit 1
failures=0 count=0
check() {
  local f=$1 out err rc
  err=$(timeout 30 "$ddlint" -q --no-snippet "$f" 2>&1 >/dev/null)
  rc=$?
  count=$((count + 1))
  if [ $rc -gt 2 ]; then
    echo "FAIL $f: exit status $rc (124 = timeout, >128 = signal)"
    printf '%s\n' "$err" | head -n 20
    failures=$((failures + 1))
  elif printf '%s' "$err" | grep -q -e 'Sanitizer' -e 'runtime error' -e 'LeakSanitizer'; then
    echo "FAIL $f: sanitizer report"
    printf '%s\n' "$err" | head -n 20
    failures=$((failures + 1))
  elif [ $rc -eq 2 ] && ! printf '%s' "$err" | grep -q -E '^(ddlint: error: |[^:]+:[0-9]+:[0-9]+: error: )'; then
    echo "FAIL $f: exit 2 without a clear error: $err"
    failures=$((failures + 1))
  fi
}
while IFS= read -r -d '' f; do check "$f"; done < <(find "$corpus/robustness" "$work" -type f \( -name '*.md' -o -name '*.txt' \) -print0 | sort -z)
# The whole corpus in one process too: shared state across files.
"$ddlint" -q --no-snippet "$corpus/robustness" "$work" >/dev/null 2>"$work.all.err"
rc=$?
if [ $rc -gt 2 ] || grep -q -e Sanitizer -e 'runtime error' "$work.all.err"; then
  echo "FAIL whole-corpus run: exit $rc"; head -n 20 "$work.all.err"; failures=$((failures + 1))
fi
echo "$count files, $failures failures"
[ $failures -eq 0 ]
