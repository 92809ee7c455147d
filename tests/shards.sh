#!/usr/bin/env bash
# shards.sh DDLINT DIR...
#
# CI can split a repository's documents across parallel jobs: linting the
# *.md files of DIR... in three shards and merging their JSON outputs (the
# README's recipe: concatenate the "files" arrays; version and column_unit
# are the same in every shard) must give the files,
# keyed by path, that one run over all of them gives, and the worst shard's
# exit status must be the one run's.
set -u
ddlint=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
find "$@" -type f -name '*.md' | LC_ALL=C sort >"$work/all"
[ -s "$work/all" ] || { echo "FAIL: no documents under $*"; exit 1; }
xargs -d '\n' "$ddlint" --no-config --format=json <"$work/all" >"$work/one.json" 2>/dev/null
want=$?
split -n r/3 "$work/all" "$work/shard."
worst=0
for shard in "$work"/shard.*; do
  xargs -d '\n' "$ddlint" --no-config --format=json <"$shard" >"$shard.json" 2>/dev/null
  got=$?
  [ $got -gt $worst ] && worst=$got
done
python3 - "$work/one.json" "$work"/shard.*.json <<'PY' || exit 1
import json, sys
one = json.load(open(sys.argv[1]))
merged = {"version": 1, "column_unit": one["column_unit"], "files": []}
for path in sys.argv[2:]:
    shard = json.load(open(path))
    if (shard.get("version") != one.get("version") or
            shard.get("column_unit") != one["column_unit"] or
            set(shard) != {"version", "column_unit", "files"}):
        sys.exit("FAIL: shard %s has other top-level keys or version: %s" % (path, sorted(shard)))
    merged["files"] += shard["files"]
by_path = lambda doc: sorted(doc["files"], key=lambda f: f["path"])
if by_path(merged) != by_path(one):
    sys.exit("FAIL: the merged shards differ from one run over %d files" % len(one["files"]))
paths = [f["path"] for f in merged["files"]]
if len(paths) != len(set(paths)):
    sys.exit("FAIL: a path appears in two shards")
print("shards: %d files in 3 shards merge into the one run's output" % len(paths))
PY
if [ $worst != $want ]; then
  echo "FAIL: worst shard exit $worst, one run $want"
  exit 1
fi
