#!/usr/bin/env bash
# formats.sh DDLINT MULTITOOL
#
# Every output format on a fixture with what each must escape (a file name
# with a comma and a space, messages with colons, a line of Japanese text
# before the finding, a file that is not UTF-8), compared with
# tests/formats/expect/, then handed to what consumes it:
#   sarif   the Microsoft SARIF validator (MULTITOOL, installed by
#           scripts/install-deps from npm): no error, no warning but the
#           missing informationUri (a build without DDLINT_HOMEPAGE)
#   json    docs/json-output.schema.json (python3-jsonschema)
#   gitlab  the Code Quality fields GitLab reads, and fingerprints that stay
#           when lines are added above the findings
#   github  the toolkit's escaping, notes folded into the message
# and the order of the streams under 2>&1.  UPDATE=1 rewrites the
# expectations instead of comparing them.
set -u
ddlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") multitool=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
schema=$here/../../docs/json-output.schema.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

cp -r "$here/fixture/." "$tmp/"
cd "$tmp" || exit 2
version=$("$ddlint" --version | cut -d' ' -f2)

for fmt in text summary json sarif github gitlab; do
  "$ddlint" -q --no-snippet --color=never --format=$fmt docs >"out.$fmt" 2>"err.$fmt"
  rc=$?
  [ $rc -eq 2 ] || fail "$fmt: exit $rc, expected 2 (a file is not UTF-8)"
  grep -q 'latin1.md:1:6: error: invalid UTF-8' "err.$fmt" ||
    fail "$fmt: standard error does not report latin1.md: $(cat "err.$fmt")"
  # The working directory and the version are the only things that vary.
  sed -e "s|file://$tmp/|file:///ROOT/|g" -e "s|\"$version\"|\"VERSION\"|g" "out.$fmt" >"norm.$fmt"
  if [ "${UPDATE:-}" = 1 ]; then
    cp "norm.$fmt" "$here/expect/docs.$fmt"
  elif ! diff -u "$here/expect/docs.$fmt" "norm.$fmt" >"diff.$fmt"; then
    fail "$fmt output differs from tests/formats/expect/docs.$fmt:"
    head -n 40 "diff.$fmt"
  fi
done

# SARIF: the validator writes its findings as SARIF too.
if [ ! -x "$multitool" ]; then
  fail "the SARIF validator is not installed at $multitool (run scripts/install-deps)"
else
  DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$multitool" validate out.sarif -o validation.sarif --log ForceOverwrite -q >validator.log 2>&1 ||
    fail "the SARIF validator did not run: $(cat validator.log)"
  python3 - validation.sarif <<'PY' || status=1
import json, sys
log = json.load(open(sys.argv[1]))
bad = [r for run in log["runs"] for r in run.get("results", [])
       if r.get("level", "warning") in ("error", "warning") and r["ruleId"] != "SARIF2005"]
for r in bad:
    print("FAIL: SARIF validator:", r["ruleId"], r.get("level"), r["message"].get("text", r["message"]))
sys.exit(1 if bad else 0)
PY
fi
python3 - out.sarif <<'PY' || status=1
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
ok = True
def check(cond, what):
    global ok
    if not cond:
        print("FAIL: SARIF:", what); ok = False
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
check("ddlint/directive" in ids and "ddlint/regex-limit" in ids, "the engine's own rules are not in rules[]")
for res in run["results"]:
    check(rules[res["ruleIndex"]]["id"] == res["ruleId"], "ruleIndex does not point at ruleId")
    loc = res["locations"][0]["physicalLocation"]
    check(loc["artifactLocation"]["uriBaseId"] == "SRCROOT", "a result URI is not relative")
todo = [r for r in run["results"] if r["ruleId"] == "hygiene/placeholder"][0]
# "TODO" follows 10 Japanese characters of 3 bytes: byte column 73, code point 53.
check(todo["locations"][0]["physicalLocation"]["region"]["startColumn"] == 53,
      "the TODO after Japanese text is not at code-point column 53")
check(todo["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/photo%2C%20upload.md",
      "the file name is not percent-encoded")
inv = run["invocations"][0]
check(inv["executionSuccessful"] is False and len(inv["toolExecutionNotifications"]) == 1,
      "the file that is not UTF-8 is not a notification")
sys.exit(0 if ok else 1)
PY

python3 - out.json "$schema" <<'PY' || status=1
import json, sys, jsonschema
schema = json.load(open(sys.argv[2]))
try:
    jsonschema.validate(json.load(open(sys.argv[1])), schema, cls=jsonschema.Draft202012Validator)
except jsonschema.ValidationError as e:
    print("FAIL: JSON output does not follow docs/json-output.schema.json:", e.message)
    sys.exit(1)
PY

# GitLab: lines added above every finding move them, not their fingerprints.
{ printf '<!-- preface -->\n\n\n'; cat 'docs/photo, upload.md'; } >shifted.md
mv shifted.md 'docs/photo, upload.md'
"$ddlint" -q --format=gitlab docs >shifted.gitlab 2>/dev/null
python3 - out.gitlab shifted.gitlab <<'PY' || status=1
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
ok = True
for issue in a:
    for key in ("description", "check_name", "fingerprint", "severity", "location"):
        if key not in issue:
            print("FAIL: gitlab issue without", key); ok = False
    if issue["severity"] not in ("info", "minor", "major", "critical", "blocker"):
        print("FAIL: gitlab severity", issue["severity"]); ok = False
    if not isinstance(issue["location"]["lines"]["begin"], int):
        print("FAIL: gitlab location.lines.begin is not an integer"); ok = False
fa, fb = [i["fingerprint"] for i in a], [i["fingerprint"] for i in b]
if len(set(fa)) != len(fa):
    print("FAIL: gitlab fingerprints are not unique"); ok = False
if fa != fb:
    print("FAIL: gitlab fingerprints change when lines are added above"); ok = False
if [i["location"]["lines"]["begin"] + 3 for i in a] != [i["location"]["lines"]["begin"] for i in b]:
    print("FAIL: gitlab lines did not move by the 3 lines added"); ok = False
sys.exit(0 if ok else 1)
PY
cp "$here/fixture/docs/photo, upload.md" docs/

# GitHub: the file property escapes ',' (and the message keeps ':');
# notes are folded in as %0A, and --no-notes leaves them out.
grep -q '^::error file=docs/photo%2C upload.md,line=7,col=1,.*title=deep-dive/performance::the document does not cover Performance: no section or discussion found%0APerformance should answer: ' out.github ||
  fail "github: the missing-area command is not escaped and folded as expected"
"$ddlint" -q --format=github --no-notes docs 2>/dev/null | grep -q '%0A' &&
  fail "github: --no-notes still folds notes into the messages"
[ "$(grep -c '' out.github)" -eq "$(grep -c '^::' out.github)" ] ||
  fail "github: a line is not a workflow command"

# Columns in each unit: "TODO" after two emoji (4 bytes, 1 code point and
# 2 UTF-16 units each) and a space is at byte 10, character 4, UTF-16 6.
mkdir -p units
printf '# Units\n\n\360\237\230\200\360\237\230\200 TODO\n' >units/e.md
for spec in byte:10 char:4 utf-16:6; do
  unit=${spec%:*} col=${spec#*:}
  "$ddlint" -q --no-snippet --color=never --column-unit=$unit units/e.md |
    grep -q "^units/e.md:3:$col: warning: placeholder" || fail "text --column-unit=$unit: not column $col"
  "$ddlint" -q --column-unit=$unit --format=github units/e.md |
    grep -q ",line=3,col=$col,endLine=3,endColumn=$((col + 4)),title=hygiene/placeholder" ||
    fail "github --column-unit=$unit: not column $col"
  python3 - "$unit" "$col" <<PY || status=1
import json, subprocess, sys
unit, col = sys.argv[1], int(sys.argv[2])
def run(fmt):
    return json.loads(subprocess.run(["$ddlint", "-q", "--column-unit=" + unit, "--format=" + fmt,
                                      "units/e.md"], capture_output=True).stdout)
doc = run("json")
d = [d for d in doc["files"][0]["diagnostics"] if d["rule"] == "hygiene/placeholder"][0]
if doc["column_unit"] != unit or (d["column"], d["end_column"]) != (col, col + 4):
    print("FAIL: json --column-unit=%s: %s %s" % (unit, doc["column_unit"], d)); sys.exit(1)
run_ = run("sarif")["runs"][0]
want = {"utf-16": ("utf16CodeUnits", 6)}.get(unit, ("unicodeCodePoints", 4))
r = [r for r in run_["results"] if r["ruleId"] == "hygiene/placeholder"][0]
got = (run_["columnKind"], r["locations"][0]["physicalLocation"]["region"]["startColumn"])
if got != want:
    print("FAIL: sarif --column-unit=%s: %s, expected %s" % (unit, got, want)); sys.exit(1)
PY
done
rm -r units

# Merged streams: diagnostics, then the error, then the summary last.
"$ddlint" --no-snippet --color=never docs >merged 2>&1
tail -n 1 merged | grep -q '^[0-9].* in 1 file; 1 file could not be linted$' ||
  fail "2>&1: the summary is not the last line: $(tail -n 1 merged)"
exit $status
