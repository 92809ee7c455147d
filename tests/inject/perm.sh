#!/usr/bin/env bash
# perm.sh DDLINT
#
# Permissions as they really are for a user who is not root: run as nobody
# (setpriv, from a root CI job) over a tree with an unreadable file, a
# directory listable but not enterable, directories not listable, a
# dangling *.md symlink and a symlink loop.  Each bad path is one error
# naming it, the exit status is 2, and the readable file is still linted.
# Skipped (not passed) when not root or setpriv is missing.
. "$(dirname "$0")/lib.sh"
ddlint=$(realpath "$1")
[ "$(id -u)" = 0 ] || { echo "SKIP: not root, so permissions cannot be tested as nobody"; exit $SKIP; }
command -v setpriv >/dev/null || { echo "SKIP: setpriv is missing (util-linux)"; exit $SKIP; }
id nobody >/dev/null 2>&1 || { echo "SKIP: no user nobody"; exit $SKIP; }
group=$(id -gn nobody)
as_nobody() { setpriv --reuid=nobody --regid="$group" --clear-groups -- "$@"; }

chmod 755 "$work"
cd "$work" || exit 1
# The binary must be reachable by nobody: /work or a build tree may not be.
if ! as_nobody "$ddlint" --version >/dev/null 2>&1; then
  mkdir bin && cp "$ddlint" bin/ddlint && chmod 755 bin bin/ddlint && ddlint=$work/bin/ddlint
  as_nobody "$ddlint" --version >/dev/null 2>&1 ||
    { echo "FAIL: nobody cannot run $ddlint even from $work/bin"; exit 1; }
fi

printf '# Design\n\nThe plan is TBD.\n' >good.md
mkdir -p tree/noenter tree/nolist tree/closed tree/ok
cp good.md tree/ok/good.md
cp good.md tree/secret.md
cp good.md tree/noenter/hidden.md
cp good.md tree/nolist/unlisted.md
cp good.md tree/closed/inside.md
ln -s nowhere.md tree/dangling.md
ln -s loop-b.md tree/loop-a.md
ln -s loop-a.md tree/loop-b.md
chmod 000 tree/secret.md
chmod 644 tree/ok/good.md
chmod 444 tree/noenter   # r--: listable, not enterable
chmod 311 tree/nolist    # -wx: enterable, not listable
chmod 000 tree/closed
# An unreadable configuration and rule pack, named or found.
mkdir cfg && cp good.md cfg/doc.md && printf 'disable: [hygiene/placeholder]\n' >cfg/.ddlint.yaml
chmod 000 cfg/.ddlint.yaml
cp cfg/doc.md plain.md
printf 'pack: p\nrules: []\n' >pack.yaml && chmod 000 pack.yaml
snapshot "$work/tree" "$work/snapshot.before"

# Checks the directory is really closed to nobody, or the test is void.
as_nobody cat tree/secret.md >/dev/null 2>&1 && { echo "FAIL: nobody can read a mode 000 file"; exit 1; }

run() {
  as_nobody timeout 60 "$ddlint" "$@" >out 2>err
  st=$?
  clean "$*" $st err
}

run --no-snippet tree
expect_exit "tree" 2 $st
once "tree" err "ddlint: error: tree/secret.md: cannot open: Permission denied"
once "tree" err "ddlint: error: tree/noenter: cannot enter directory: Permission denied"
once "tree" err "ddlint: error: tree/nolist: cannot read directory: Permission denied"
once "tree" err "ddlint: error: tree/closed: cannot read directory: Permission denied"
once "tree" err "ddlint: error: tree/dangling.md: broken symbolic link"
once "tree" err "ddlint: error: tree/loop-a.md: symbolic link loop"
once "tree" err "ddlint: error: tree/loop-b.md: symbolic link loop"
lacks "tree" err "hidden.md"
lacks "tree" err "unlisted.md"
lacks "tree" err "inside.md"
once "tree" out "tree/ok/good.md:3:13: warning: placeholder 'TBD' left in the text [hygiene/placeholder]"
contains "tree" err "1 warning in 1 file; 1 file could not be linted; 6 paths had errors"
checks=$((checks + 1))
n=$(grep -c '^ddlint: error:' err)
[ "$n" = 7 ] || { fail "tree: $n error lines, expected 7 (one per bad path):"; sed 's/^/    | /' err; }

# The same in JSON: every bad path is in "files" with its error.
run -q --format=json tree
expect_exit "tree json" 2 $st
checks=$((checks + 1))
python3 - out <<'PY' || fail "tree json: bad paths or the good file wrong in the JSON"
import json, sys
files = {f["path"]: f for f in json.load(open(sys.argv[1]))["files"]}
bad = [p for p in ["tree/secret.md", "tree/noenter", "tree/nolist", "tree/closed",
                   "tree/dangling.md", "tree/loop-a.md", "tree/loop-b.md"]
       if "error" not in files.get(p, {})]
good = files.get("tree/ok/good.md", {}).get("diagnostics", [])
if bad or not any(d["rule"] == "hygiene/placeholder" for d in good):
    print("    | without an error entry:", bad, "; good file diagnostics:", len(good))
    sys.exit(1)
PY
# Named on the command line.
run tree/secret.md tree/ok/good.md
expect_exit "named file" 2 $st
once "named file" err "ddlint: error: tree/secret.md: cannot open: Permission denied"
contains "named file" out "tree/ok/good.md:3:13: warning"
run -q tree/noenter/hidden.md
expect_exit "file in a closed directory" 2 $st
once "file in a closed directory" err "tree/noenter/hidden.md: cannot open: Permission denied"

# Configurations and rule packs that cannot be read are errors, not
# silently skipped (a skipped .ddlint.yaml changes every result).
run -q cfg
expect_exit "unreadable .ddlint.yaml" 2 $st
contains "unreadable .ddlint.yaml" err "cfg/.ddlint.yaml"
contains "unreadable .ddlint.yaml" err "Permission denied"
lacks "unreadable .ddlint.yaml" out "cfg/doc.md:3:13: warning"
run -q --config cfg/.ddlint.yaml plain.md
expect_exit "unreadable --config" 2 $st
contains "unreadable --config" err "cfg/.ddlint.yaml"
run -q --rules pack.yaml plain.md
expect_exit "unreadable --rules" 2 $st
contains "unreadable --rules" err "pack.yaml: cannot open: Permission denied"

unchanged "inputs untouched" "$work/tree" "$work/snapshot.before"
finish
