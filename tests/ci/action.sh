#!/usr/bin/env bash
# action.sh ROOT
#
# The GitHub Action as a runner would run it: action.yml is read for the
# step it runs and the inputs it maps, and that step (scripts/github-action)
# runs from a scratch copy of the tree, with a workspace, RUNNER_TEMP and
# GITHUB_OUTPUT of its own, building ddlint from scratch (Debian packages
# are already installed here: DDLINT_SKIP_INSTALL=1).  Checked: the
# annotations and the exit status of the github format, the SARIF file and
# the step output of the sarif format, paths with spaces, a bad format.
set -u
root=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# The step action.yml declares, and the inputs it passes.
python3 - "$root/action.yml" <<'PY' || status=1
import sys, yaml
a = yaml.safe_load(open(sys.argv[1]))
ok = True
def check(cond, what):
    global ok
    if not cond:
        print("FAIL: action.yml:", what); ok = False
check(a["runs"]["using"] == "composite", "not a composite action")
step = a["runs"]["steps"][0]
check(step["run"] == '"$GITHUB_ACTION_PATH/scripts/github-action"', "the step does not run scripts/github-action")
for name, env in (("paths", "INPUT_PATHS"), ("format", "INPUT_FORMAT"), ("sarif-file", "INPUT_SARIF"), ("args", "INPUT_ARGS")):
    check(name in a["inputs"], "no input " + name)
    check(step["env"].get(env) == "${{ inputs.%s }}" % name, env + " is not the input " + name)
check(a["outputs"]["sarif-file"]["value"] == "${{ steps.lint.outputs.sarif-file }}", "sarif-file output")
sys.exit(0 if ok else 1)
PY

# A copy of the tree as a checkout of this commit plus its changes.
mkdir -p "$tmp/action"
(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - 2>/dev/null) |
  tar -xf - -C "$tmp/action"
mkdir -p "$tmp/work/docs/design notes" "$tmp/runner"
printf '# Design\n\nTODO\n' >"$tmp/work/docs/design notes/a, b.md"
cp "$root/examples/design.md" "$tmp/work/docs/good.md"
run() {
  (cd "$tmp/work" && env GITHUB_ACTION_PATH="$tmp/action" RUNNER_TEMP="$tmp/runner" \
    GITHUB_OUTPUT="$tmp/github_output" DDLINT_SKIP_INSTALL=1 "$@" \
    bash "$tmp/action/scripts/github-action")
}

out=$(run INPUT_PATHS="docs" INPUT_FORMAT=github INPUT_ARGS="--no-notes" 2>&1)
rc=$?
[ $rc -eq 1 ] || fail "github format: exit $rc, expected 1 (missing areas): $out"
echo "$out" | grep -q '^::warning file=docs/design notes/a%2C b.md,line=3,col=1,endLine=3,endColumn=5,title=hygiene/placeholder::placeholder .TODO. left in the text$' ||
  fail "github format: no annotation for the placeholder: $out"
echo "$out" | grep -q '%0A' && fail "github format: INPUT_ARGS --no-notes was not passed: $out"
echo "$out" | grep -q '^::group::Building ddlint$' || fail "the build is not folded in a group"

out=$(run INPUT_PATHS=$'docs/good.md\ndocs/design notes/a, b.md' INPUT_FORMAT=sarif \
  INPUT_SARIF=out.sarif 2>&1)
rc=$?
[ $rc -eq 1 ] || fail "sarif format: exit $rc, expected 1: $out"
grep -qx 'sarif-file=out.sarif' "$tmp/github_output" || fail "sarif format: no sarif-file output"
python3 - "$tmp/work/out.sarif" <<'PY' || status=1
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
uris = sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]})
if uris != ["docs/design%20notes/a%2C%20b.md"]:
    print("FAIL: sarif format: results for", uris)
    sys.exit(1)
PY

out=$(run INPUT_FORMAT=xml 2>&1)
rc=$?
[ $rc -eq 2 ] && echo "$out" | grep -q "the format input must be github or sarif" ||
  fail "a bad format: exit $rc: $out"
exit $status
