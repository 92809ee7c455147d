#!/usr/bin/env bash
# io.sh DDLINT
#
# What ddlint does with inputs and outputs that are not ordinary files and
# terminals: FIFOs and devices refused at once, everything the directory
# walk cannot read reported by path, file names and quotes that are not
# UTF-8 kept in JSON, control characters escaped, long messages cut, empty
# matches that never split a character, and a closed pipe ending the run
# quietly.  Each check prints what it expected on failure.
set -u
ddlint=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# expect NAME WANT_EXIT GOT_EXIT
expect_exit() { [ "$2" = "$3" ] || fail "$1: exit status $3, expected $2"; }
# contains NAME FILE TEXT
contains() { grep -qF -- "$3" "$2" || { fail "$1: no '$3' in:"; head -n 20 "$2"; }; }

printf '# Design\n\nThe plan is TBD.\n' > good.md

# FIFOs and devices are refused before a byte is read: no hang.
mkfifo pipe.md
timeout 10 "$ddlint" pipe.md >out 2>err; expect_exit "fifo" 2 $?
contains "fifo" err "pipe.md: is a FIFO, not a regular file"
timeout 10 "$ddlint" --rules pipe.md good.md >out 2>err; expect_exit "fifo --rules" 2 $?
contains "fifo --rules" err "is a FIFO"
timeout 10 "$ddlint" --config pipe.md good.md >out 2>err; expect_exit "fifo --config" 2 $?
contains "fifo --config" err "is a FIFO"
timeout 10 "$ddlint" /dev/zero >out 2>err; expect_exit "device" 2 $?
contains "device" err "/dev/zero: is a device, not a regular file"
rm pipe.md

# The walk names every path it cannot read and lints the rest.
mkdir -p tree/sub
cp good.md tree/sub/good.md
ln -s nowhere.md tree/dangling.md
ln -s loop-b.md tree/loop-a.md
ln -s loop-a.md tree/loop-b.md
mkfifo tree/fifo.md
timeout 10 "$ddlint" --no-snippet tree >out 2>err; expect_exit "walk" 2 $?
contains "walk" err "ddlint: error: tree/dangling.md: broken symbolic link"
contains "walk" err "ddlint: error: tree/loop-a.md: symbolic link loop"
contains "walk" err "ddlint: error: tree/fifo.md: is a FIFO"
contains "walk" err "4 paths had errors"
contains "walk" out "tree/sub/good.md:3:13: warning: placeholder 'TBD'"
timeout 10 "$ddlint" -q --format=json tree >out 2>err; expect_exit "walk json" 2 $?
python3 - out <<'PY' || fail "walk json: unreadable paths missing from JSON"
import json, sys
files = {f["path"]: f for f in json.load(open(sys.argv[1]))["files"]}
assert files["tree/dangling.md"]["error"] == "broken symbolic link", files
assert "diagnostics" in files["tree/sub/good.md"], files
PY
rm -rf tree

# A path longer than PATH_MAX is reported, not skipped.
mkdir deep
( cd deep && seg=$(printf 'd%.0s' $(seq 1 250)) &&
  for i in $(seq 1 20); do mkdir "$seg" && cd "$seg" || exit 1; done && cp "$work/good.md" x.md ) ||
  fail "deep: could not build the tree"
timeout 10 "$ddlint" -q deep >out 2>err; expect_exit "deep path" 2 $?
contains "deep path" err ": cannot read: File name too long"
rm -rf deep

# A file name that is not UTF-8 stays in the JSON, with its exact bytes.
name=$(printf 'caf\xe9.md')
cp good.md "$name"
"$ddlint" -q --format=json "$name" >out 2>err; expect_exit "latin-1 name" 1 $?
python3 - out <<'PY' || fail "latin-1 name: file dropped or bytes wrong"
import base64, json, sys
(f,) = json.load(open(sys.argv[1]))["files"]
assert f["path"] == "caf\ufffd.md", f["path"]
assert base64.b64decode(f["path_bytes"]) == b"caf\xe9.md", f
assert any(d["rule"] == "hygiene/placeholder" for d in f["diagnostics"]), f
PY
"$ddlint" -q --no-snippet "$name" >out 2>err
contains "latin-1 name (text)" out 'caf\xe9.md:3:13: warning'
rm "$name"

# A quote cut at 40 bytes inside a character keeps its diagnostic.
cat > long.yaml <<'YAML'
pack: long
rules:
  - id: long/placeholder
    kind: placeholder
    severity: error
    summary: a long placeholder
    pattern: 'TODO[^.]*'
YAML
printf '# Design\n\nTODO aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac later.\n' > long.md
"$ddlint" -q --no-default-rules --rules long.yaml --format=json long.md >out 2>err
expect_exit "cut quote" 1 $?
python3 - out <<'PY' || fail "cut quote: diagnostic dropped or message not UTF-8"
import json, sys
(f,) = json.load(open(sys.argv[1]))["files"]
(d,) = f["diagnostics"]
assert d["message"].startswith("placeholder 'TODO aaa"), d
PY

# Empty matches advance by a character: 'x*' over euro signs.
cat > empty.yaml <<'YAML'
pack: empty
rules:
  - id: empty/x
    kind: placeholder
    severity: error
    summary: matches empty
    pattern: 'x*'
YAML
printf '# \xe2\x82\xac\xe2\x82\xac\n\n\xe2\x82\xac\xe2\x82\xacx\xe2\x82\xac\n' > empty.md
"$ddlint" -q --no-default-rules --rules empty.yaml --no-snippet empty.md >out 2>err
expect_exit "empty match" 1 $?
# Line 3 is euro euro x euro: matches start at bytes 1, 4, 7 (x) and 8, never inside.
cols=$(sed -n 's/^empty.md:3:\([0-9]*\):.*/\1/p' out | tr '\n' ' ')
[ "$cols" = "1 4 7 8 " ] || fail "empty match: columns on line 3 are '$cols', expected '1 4 7 8 '"

# Control characters from a heading never reach the terminal raw.
printf '# Design\n\n## Security \033]2;pwned\a now\n\n## Next\n\nText.\n' > ctl.md
"$ddlint" -q --no-snippet ctl.md >out 2>err
contains "control characters" out "section 'Security \\x1b]2;pwned\\x07 now' is empty"
if LC_ALL=C grep -q "$(printf '\033')" out; then fail "control characters: raw ESC in the output"; fi

# A huge argument gives a bounded error line.
glob=$(head -c 100000 /dev/zero | tr '\0' 'a')
"$ddlint" --enable="$glob" good.md >out 2>err; expect_exit "long glob" 2 $?
longest=$(awk '{ if (length($0) > n) n = length($0) } END { print n + 0 }' err)
[ "$longest" -le 700 ] || fail "long glob: an error line of $longest bytes"
contains "long glob" err "..."

# Each broken configuration is reported once, and two alike are two.
mkdir -p cfg/a cfg/b
printf 'disable: [nosuch/rule\n' > cfg/a/.ddlint.yaml
cp cfg/a/.ddlint.yaml cfg/b/.ddlint.yaml
cp good.md cfg/a/x.md; cp good.md cfg/a/y.md; cp good.md cfg/b/x.md
"$ddlint" cfg >out 2>err; expect_exit "two configs" 2 $?
n=$(grep -c 'ddlint.yaml:2:1: error: invalid YAML' err)
[ "$n" = 2 ] || { fail "two configs: $n config errors, expected one per file"; cat err; }
contains "two configs" err "3 files could not be linted"
rm -rf cfg

# A closed pipe, with SIGPIPE ignored, ends the run quietly and non-zero.
for i in $(seq 1 300); do cp good.md "many-$i.md"; done
( trap '' PIPE; "$ddlint" --no-snippet . 2>err | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}" >status )
expect_exit "epipe" 2 "$(cat status)"
if grep -q "cannot write" err; then fail "epipe: complained about the closed pipe"; fi

if [ $failures -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "io: all checks passed"
