#!/usr/bin/env bash
# alloc.sh DDLINT_FAILALLOC EXAMPLES
#
# The failing-allocator build: DDLINT_FAIL_ALLOC_AT=N fails the Nth
# allocation made through ddl_x* and the allocator handed to cmark.  For N
# over a whole run (every N at both ends, evenly spaced between, within a
# time budget), the run must die by SIGABRT after "ddlint: out of memory",
# never by another signal, a sanitizer report or a hang; past the last
# allocation it must finish as a normal run does.
#   DDLINT_ALLOC_BUDGET  seconds for the walk (default 40)
. "$(dirname "$0")/lib.sh"
ddlint=$(realpath "$1")
examples=$(realpath "$2")
budget=${DDLINT_ALLOC_BUDGET:-40}
ulimit -c 0 # no core files, and no "dumped core" notes from timeout
allowed_signal_status=134 # SIGABRT, from out_of_memory()

cd "$work" || exit 1
# A run that touches every stage: configuration, a pack file, the built-in
# packs, parsing, rules, suppression, the snippet and JSON emitters.
mkdir doc
cp "$examples/flawed-decisions.md" doc/a.md
printf '# Design\n\n<!-- ddlint-disable-next-line hygiene/placeholder -->\nTBD here.\n\nTODO later.\n' >doc/b.md
printf 'disable: [deep-dive/api]\nheadings:\n  security: [Safety]\n' >doc/.ddlint.yaml
cat >pack.yaml <<'YAML'
pack: extra
rules:
  - id: extra/later
    kind: placeholder
    severity: warning
    summary: a word that puts work off
    pattern: '\blater\b'
YAML
# -j1: the allocation count must be the same on every run.
workloads=("-j1 --snippet --rules pack.yaml doc" "-j1 --format=json --rules pack.yaml doc")

# fail_at WORKLOAD N: the run with allocation N failed must abort cleanly.
fail_at() {
  # A subshell, so that bash's own "Aborted" notice goes nowhere.
  (DDLINT_FAIL_ALLOC_AT=$2 timeout 20 "$ddlint" "${args[@]}" >out 2>err) 2>/dev/null
  local st=$?
  checks=$((checks + 1))
  if [ $st = 124 ]; then
    fail "$1, allocation $2 failed: hang (timeout)"
  elif [ $st != 134 ]; then
    fail "$1, allocation $2 failed: exit status $st, expected death by SIGABRT"
    head -n 5 err | sed 's/^/    | /'
  elif ! grep -q '^ddlint: out of memory' err; then
    fail "$1, allocation $2 failed: SIGABRT without 'ddlint: out of memory':"
    head -n 5 err | sed 's/^/    | /'
  fi
  clean "$1, allocation $2 failed" $st err
}

count() { sed -n 's/^ddlint: fail-alloc: \([0-9]*\) allocations$/\1/p' "$1"; }

for w in "${workloads[@]}"; do
  read -r -a args <<<"$w"
  DDLINT_FAIL_ALLOC_AT=0 "$ddlint" "${args[@]}" >out 2>err
  normal=$?
  total=$(count err)
  if [ -z "$total" ]; then
    fail "$w: no allocation count (is this the DDL_FAIL_ALLOC build?):"
    head -n 5 err
    continue
  fi
  DDLINT_FAIL_ALLOC_AT=0 "$ddlint" "${args[@]}" >/dev/null 2>err
  [ "$total" = "$(count err)" ] || fail "$w: $total then $(count err) allocations: not deterministic"

  # The last 30 first: they are full runs, and timing them tells how many
  # more fit in this workload's share of the budget.
  t0=$(date +%s%N)
  for n in $(seq $((total > 30 ? total - 29 : 1)) "$total"); do fail_at "$w" "$n"; done
  t1=$(date +%s%N)
  spent=$(((t1 - t0) / 1000000))
  per=$((spent / 30 + 1))
  runs=$(((budget * 1000 / ${#workloads[@]} - spent) / per))
  [ "$runs" -lt 30 ] && runs=30
  step=$((total / runs + 1))
  ns=$( (seq 1 30; seq 31 "$step" "$total") | awk -v lo=$((total - 29)) '$1 < lo')
  echo "$w: $total allocations, exit $normal; failing the last 30 ($per ms each)," \
    "the first 30 and every ${step}th between: $(($(echo "$ns" | wc -l) + 30)) runs"
  for n in $ns; do fail_at "$w" "$n"; done

  DDLINT_FAIL_ALLOC_AT=$((total + 1)) timeout 20 "$ddlint" "${args[@]}" >out 2>err
  expect_exit "$w, allocation $((total + 1)) (none left to fail)" $normal $?
done

finish
