#!/usr/bin/env python3
"""Scaling tests: pathological inputs at two sizes, checked for linear growth.

In the pattern of cmark's test/pathological_tests.py.  Each case generates
an input of size n and of size k*n (k = 2 or 4) in a temporary directory,
runs the real ddlint binary on both and checks

  (a) growth: the CPU time of the large run over the small one is at most
      BOUND (3 for 2n, 6 for 4n: linear with room for noise).  Each size
      runs 3 times, interleaved, and the minimum counts (5 times when the
      ratio of the first 3 is over the bound).  CPU time
      (user + system of the child) rather than wall time, because the
      machines running CI are shared and CPU time is what a quadratic loop
      inflates.  When even the large run takes less than FLOOR seconds the
      ratio is start-up noise and is not judged (that can only pass a case,
      never fail it: it is how a limit that refuses the input at once shows).
      Size a case so that its smaller run takes 0.1 s or more in the
      RelWithDebInfo build: below that, a CI machine slowed only the
      larger run of a linear case (4.0 here) to a ratio over 6, twice;
      a failure prints the user/system split and the page faults, to
      tell such a machine from an algorithm;
  (b) a wall-clock cap per case, so a regression fails instead of hanging
      CI, and an address-space limit per run, so a blow-up fails instead of
      swapping;
  (c) the output: exit status, number and place of the diagnostics, the
      text of an expected error.

Usage: pathological.py DDLINT [--group G] [--only REGEX] [--scale F]
                              [--slack F] [--cap S] [--floor S] [--mem-mib M]
                              [--list]
tests/pathological/CMakeLists.txt registers one ctest per group
(ctest -L pathological); the sanitizer build runs a quarter of the sizes
with bounds twice as loose and no address-space limit.
Exit status 0 when every selected case passes, 1 otherwise.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

# The deep directory chain is deeper than shutil.rmtree's default recursion.
sys.setrecursionlimit(20000)

# --------------------------------------------------------------------------
# Cases.  Each generator writes its input for size n under `d` and returns
# (arguments, check): the arguments after the binary (ddlint runs in `d`),
# and check(rc, out, err) -> list of problems, empty when the output is right.

CASES = []


def case(group, name, n, factor=4):
    def register(gen):
        CASES.append({"group": group, "name": name, "n": n, "factor": factor, "gen": gen})
        return gen
    return register


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


PLAIN = ["--no-config", "--no-snippet", "--color=never", "-q"]
DIAG = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|note): (.*) \[([^\]]+)\]$")


def diags(out):
    """The diagnostics of text output as (path, line, col, severity, rule)."""
    res = []
    for line in out.splitlines():
        m = DIAG.match(line)
        if m:
            res.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), m.group(6)))
    return res


def expect_rc(rc, want):
    return [] if rc == want else ["exit status %d, expected %d" % (rc, want)]


def expect_lines(out, rule, want):
    """Exactly the diagnostics of `rule` at the (line, col) pairs in `want`."""
    got = [(l, c) for (_, l, c, _, r) in diags(out) if r == rule]
    if got == want:
        return []
    gs, ws = set(got), set(want)
    msg = "%d diagnostics [%s], expected %d" % (len(got), rule, len(want))
    missing, extra = sorted(ws - gs)[:3], sorted(gs - ws)[:3]
    if missing:
        msg += "; missing at %s" % missing
    if extra:
        msg += "; unexpected at %s" % extra
    return [msg]


def expect_count(out, rule, want):
    got = sum(1 for d in diags(out) if d[4] == rule)
    return [] if got == want else ["%d diagnostics [%s], expected %d" % (got, rule, want)]


def expect_error(err, pattern, what):
    if re.search(pattern, err, re.M):
        return []
    first = err.strip().splitlines()[:2]
    return ["no %s on standard error (want /%s/), got: %s" % (what, pattern, first or "nothing")]


# ---- suppression directives (issue 6 row 9) ------------------------------

@case("directives", "disable-next-line", 30000)
def _(n, d):
    """n placeholders, every other one under a disable-next-line directive."""
    lines, want = ["# Notes", ""], []
    for i in range(n):
        if i % 2 == 0:
            lines.append("<!-- ddlint-disable-next-line hygiene/placeholder -->")
        lines.append("Item %d is TBD." % i)
        if i % 2:
            want.append((len(lines), len("Item %d is " % i) + 1))
        lines.append("")
    write(d + "/doc.md", "\n".join(lines))
    args = PLAIN + ["--disable=deep-dive/*", "--fail-on=warning", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 1) + expect_lines(out, "hygiene/placeholder", want)


@case("directives", "disable-line and ranges", 40000)
def _(n, d):
    """Placeholders in rotation: suppressed on their own line, inside a
    disable/enable range, or not at all."""
    lines, want = ["# Notes", ""], []
    for i in range(n):
        k = i % 3
        if k == 0:
            lines.append("TBD %d <!-- ddlint-disable-line hygiene/placeholder -->" % i)
        elif k == 1:
            lines += ["<!-- ddlint-disable hygiene/placeholder -->", "",
                      "TBD %d" % i, "", "<!-- ddlint-enable hygiene/placeholder -->"]
        else:
            lines.append("TBD %d" % i)
            want.append((len(lines), 1))
        lines.append("")
    write(d + "/doc.md", "\n".join(lines))
    args = PLAIN + ["--disable=deep-dive/*", "--fail-on=warning", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 1) + expect_lines(out, "hygiene/placeholder", want)


# ---- rules in a pack (row 6) ---------------------------------------------

def placeholder_rule(i):
    return ("  - id: team/r%d\n    kind: placeholder\n    summary: Word %d.\n"
            "    pattern: '\\bpw%dx\\b'\n" % (i, i, i))


@case("rules", "many rules in one pack", 10000)
def _(n, d):
    write(d + "/team.yaml", "pack: team\nrules:\n" + "".join(placeholder_rule(i) for i in range(n)))
    write(d + "/doc.md", "# Notes\n\nFirst pw0x, last pw%dx.\n" % (n - 1))
    args = PLAIN + ["--no-default-rules", "--rules=team.yaml", "--fail-on=warning", "doc.md"]
    def check(rc, out, err):
        got = [(r, l, c) for (_, l, c, _, r) in diags(out)]
        want = [("team/r0", 3, 7), ("team/r%d" % (n - 1), 3, 18)]
        return expect_rc(rc, 1) + ([] if got == want else ["diagnostics %s, expected %s" % (got[:4], want)])
    return args, check


@case("rules", "duplicate id after many rules", 10000)
def _(n, d):
    write(d + "/team.yaml", "pack: team\nrules:\n" + "".join(placeholder_rule(i) for i in range(n))
          + placeholder_rule(0))
    write(d + "/doc.md", "# Notes\n\npw0x\n")
    line = 3 + 4 * n
    args = PLAIN + ["--no-default-rules", "--rules=team.yaml", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 2) + expect_error(
        err, r"^team\.yaml:%d:5: error: rule 'team/r0' is defined twice" % line, "duplicate-id error")


@case("rules", "many packs in a directory", 4000)
def _(n, d):
    for i in range(n):
        write(d + "/packs/p%d.yaml" % i, "pack: p%d\nrules:\n%s" % (i, placeholder_rule(i).replace("team/", "p%d/" % i)))
    write(d + "/doc.md", "# Notes\n\npw0x and pw%dx.\n" % (n - 1))
    args = PLAIN + ["--no-default-rules", "--rules=packs", "--fail-on=warning", "doc.md"]
    def check(rc, out, err):
        got = sorted(r for (_, _, _, _, r) in diags(out))
        want = sorted(["p0/r0", "p%d/r%d" % (n - 1, n - 1)])
        return expect_rc(rc, 1) + ([] if got == want else ["diagnostics %s, expected %s" % (got[:4], want)])
    return args, check


# ---- YAML nesting depth (row 5) ------------------------------------------
# After the fix a depth limit refuses these at once: exit 2 and an error at
# FILE:LINE:COL that says why.  Today libyaml takes quadratic time.

DEPTH_ERROR = r"(?:^|/)%s:\d+:\d+: error: .*(?i:nest|depth)"


def tree_with_config(d, config):
    write(d + "/tree/.ddlint.yaml", config)
    write(d + "/tree/doc.md", "# Notes\n\nTBD\n")
    return ["--no-snippet", "--color=never", "-q", "tree"]


@case("yaml-depth", "nested [ in a .ddlint.yaml of the tree", 10000, 4)
def _(n, d):
    args = tree_with_config(d, "disable: " + "[" * n + "x" + "]" * n + "\n")
    return args, lambda rc, out, err: expect_rc(rc, 2) + expect_error(
        err, DEPTH_ERROR % r"tree/\.ddlint\.yaml", "nesting-depth error")


@case("yaml-depth", "nested flow maps in a .ddlint.yaml of the tree", 8000, 4)
def _(n, d):
    args = tree_with_config(d, "disable: " + "{a: " * n + "x" + "}" * n + "\n")
    return args, lambda rc, out, err: expect_rc(rc, 2) + expect_error(
        err, DEPTH_ERROR % r"tree/\.ddlint\.yaml", "nesting-depth error")


@case("yaml-depth", "nested [ in a rule pack", 10000, 4)
def _(n, d):
    write(d + "/deep.yaml", "pack: deep\nrules: " + "[" * n + "]" * n + "\n")
    write(d + "/doc.md", "# Notes\n")
    args = PLAIN + ["--rules=deep.yaml", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 2) + expect_error(
        err, DEPTH_ERROR % r"deep\.yaml", "nesting-depth error")


# ---- YAML aliases (row 7) ------------------------------------------------
# n topic rules share, by alias, one list of k term groups that each alias
# one list of k terms, k = max(n, 100): O(n) bytes, n*k^2 terms once
# expanded, past any sane limit at every size (n^3 at 4n: 1.8 GB today).

@case("yaml-alias", "aliases amplifying a pack", 60)
def _(n, d):
    k = max(n, 100)
    words = ", ".join("w%d" % i for i in range(k))
    groups = ", ".join(["{weight: 1, terms: &s [%s]}" % words] + ["{weight: 1, terms: *s}"] * (k - 1))
    rule = "  - id: bomb/t%d\n    kind: topic-coverage\n    area: security\n    topic: t%d\n" \
           "    question: Q?\n    terms: %s\n"
    text = "pack: bomb\nrules:\n" + rule % (0, 0, "&g [" + groups + "]")
    text += "".join(rule % (i, i, "*g") for i in range(1, n))
    write(d + "/bomb.yaml", text)
    write(d + "/doc.md", "# Notes\n")
    args = PLAIN + ["--no-default-rules", "--rules=bomb.yaml", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 2) + expect_error(
        err, r"(?:^|/)bomb\.yaml:\d+:\d+: error: .*(?i:alias)", "alias-expansion error")


# ---- user-regex backtracking (row 8) -------------------------------------

REGEX_PACK = """pack: limit
rules:
  - id: limit/backtrack
    kind: placeholder
    severity: error
    summary: Catastrophic backtracking.
    pattern: '(a+)+$'
  - id: limit/todo
    kind: placeholder
    summary: A pattern that keeps working.
    pattern: '\\bTODO\\b'
"""
REGEX_WARNING = (r"pattern '\(a\+\)\+\$' of rule limit/backtrack \(limit\.yaml:7:14\) "
                 r"exceeded its match limit")


@case("regex", "catastrophic pattern over many paragraphs", 1000)
def _(n, d):
    write(d + "/limit.yaml", REGEX_PACK)
    write(d + "/doc.md", "# Design\n\n" +
          "".join("a" * 28 + "b\n\n" for _ in range(n)) + "Still checked: TODO.\n")
    args = PLAIN + ["--no-default-rules", "--rules=limit.yaml", "doc.md"]
    todo_line = 3 + 2 * n
    def check(rc, out, err):
        probs = expect_rc(rc, 0) + expect_lines(out, "limit/todo", [(todo_line, 16)])
        probs += expect_count(out, "ddlint/regex-limit", 1) + expect_count(out, "limit/backtrack", 0)
        if not re.search(REGEX_WARNING, out):
            probs.append("no warning naming the pattern and its pack location")
        return probs
    return args, check


@case("regex", "catastrophic pattern in many documents", 25)
def _(n, d):
    write(d + "/limit.yaml", REGEX_PACK)
    for i in range(n):
        write(d + "/docs/d%03d/doc%d.md" % (i % 100, i),
              "# Doc\n\n" + "".join("a" * 28 + "b\n\n" for _ in range(10)) + "TODO\n")
    args = PLAIN + ["--no-default-rules", "--rules=limit.yaml", "docs"]
    def check(rc, out, err):
        probs = expect_rc(rc, 0) + expect_count(out, "limit/todo", n)
        return probs + expect_count(out, "ddlint/regex-limit", n)
    return args, check


# ---- directories ---------------------------------------------------------

def json_files(out):
    try:
        return json.loads(out)["files"]
    except (ValueError, KeyError, TypeError) as e:
        return "unreadable JSON (%s)" % e


def check_tree(rc, out, want_paths):
    files = json_files(out)
    if isinstance(files, str):
        return [files]
    probs = expect_rc(rc, 1)
    paths = sorted(f.get("path", "") for f in files)
    if paths != want_paths:
        probs.append("%d files in the JSON, expected %d (first missing: %s)" % (
            len(paths), len(want_paths), sorted(set(want_paths) - set(paths))[:2]))
    bad = [f.get("path") for f in files
           if [(x["line"], x["rule"]) for x in f.get("diagnostics", [])] != [(3, "hygiene/placeholder")]]
    if bad:
        probs.append("%d files without exactly their one placeholder (e.g. %s)" % (len(bad), bad[0]))
    return probs


@case("directories", "wide and deep tree of small files", 1000)
def _(n, d):
    paths = []
    for i in range(n):
        # 10 x 10 x 10 directories below the root, files spread over them.
        p = "tree/a%d/b%d/c%d/doc%d.md" % (i % 10, i // 10 % 10, i // 100 % 10, i)
        write(d + "/" + p, "# Doc %d\n\nStatus: TBD.\n" % i)
        paths.append(p)
    write(d + "/tree/.ddlint.yaml", "disable: ['deep-dive/*']\n")
    args = ["--no-snippet", "--color=never", "-q", "--format=json", "--fail-on=warning", "tree"]
    paths.sort()
    return args, lambda rc, out, err: check_tree(rc, out, paths)


@case("directories", "one deep directory chain", 150)
def _(n, d):
    # Under the 0.1 s rule on purpose: every path names all its parents,
    # so the output and the kernel's path look-ups grow as depth squared
    # (at 300/1200 the ratio is 7, all of it system time).  At depth 600
    # that is still small, and a walk that re-read the tree from the top
    # for each directory would still show.
    paths, p = [], "tree"
    for i in range(n):
        p += "/d"
        paths.append(p + "/doc.md")
        write(d + "/" + paths[-1], "# Doc %d\n\nStatus: TBD.\n" % i)
    write(d + "/tree/.ddlint.yaml", "disable: ['deep-dive/*']\n")
    args = ["--no-snippet", "--color=never", "-q", "--format=json", "--fail-on=warning", "tree"]
    paths.sort()
    return args, lambda rc, out, err: check_tree(rc, out, paths)


# ---- headings and nesting inside one document ----------------------------

@case("structure", "many sections, every other one empty", 40000)
def _(n, d):
    lines, tbd = ["# Design", ""], []
    for i in range(n):
        lines.append("%s Section %d" % ("#" * (2 + i % 3), i))
        if i % 2 == 0:
            lines += ["", "Text of section %d, TBD." % i]
            tbd.append((len(lines), len("Text of section %d, " % i) + 1))
        lines.append("")
    write(d + "/doc.md", "\n".join(lines))
    # Heading levels cycle 2, 3, 4: a level-2 or level-3 heading followed
    # by a deeper one is not empty, so work out which ones are.
    empty = []
    for i in range(1, n, 2):
        nxt = i + 1
        if nxt >= n or (2 + nxt % 3) <= (2 + i % 3):
            empty.append(i)
    heading_line = {}
    ln = 3
    for i in range(n):
        heading_line[i] = ln
        ln += 2 if i % 2 else 4
    want_empty = [(heading_line[i], 1) for i in empty]
    args = ["--no-config", "--no-snippet", "--color=never", "-q", "doc.md"]  # every default rule
    def check(rc, out, err):
        return (expect_rc(rc, 1) + expect_lines(out, "hygiene/placeholder", tbd)
                + expect_lines(out, "hygiene/empty-section", want_empty))
    return args, check


def one_line_case(group, name, n, make, factor=4):
    """A document of one line built by make(n), then a placeholder after it:
    the line must be parsed and the placeholder still found."""
    @case(group, name, n, factor)
    def _(n, d):
        text = make(n)
        write(d + "/doc.md", text + "\n\nStill checked: TBD.\n")
        line = text.count("\n") + 3
        args = PLAIN + ["--fail-on=warning", "doc.md"]
        return args, lambda rc, out, err: expect_rc(rc, 1) + expect_lines(
            out, "hygiene/placeholder", [(line, 16)])


one_line_case("structure", "nested block quotes", 300000, lambda n: "> " * n + "a")
one_line_case("structure", "nested bullet lists", 120000, lambda n: "* " * n + "a")
one_line_case("structure", "nested ordered lists and quotes", 100000, lambda n: "1. > " * n + "a")
one_line_case("structure", "deeply indented list items", 4000,
              lambda n: "\n".join("  " * (i % 50) + "* a" for i in range(n * 10)))
one_line_case("structure", "link openers", 100000, lambda n: "[a" * n)
one_line_case("structure", "nested brackets", 100000, lambda n: "[" * n + "a" + "]" * n)
one_line_case("structure", "nested strong emphasis", 25000,
              lambda n: "*a **a " * n + "b" + " a** a*" * n)
one_line_case("structure", "emphasis openers and closers", 60000, lambda n: "*a_ " * n)
one_line_case("structure", "unclosed links", 50000, lambda n: "[a](<b" * n)
one_line_case("structure", "many link references", 40000,
              lambda n: "".join("[r%d]: /u%d\n" % (i, i) for i in range(n)) + "\n"
              + " ".join("[r%d]" % i for i in range(n)))


# ---- one huge line, one huge paragraph, many diagnostics -----------------

@case("size", "one huge line of placeholders", 160000)
def _(n, d):
    write(d + "/doc.md", "# Notes\n\n" + "word TBD " * n + "\n")
    want = [(3, 6 + 9 * i) for i in range(n)]
    args = ["--no-config", "--no-snippet", "--color=never", "-q", "--fail-on=warning", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 1) + expect_lines(out, "hygiene/placeholder", want)


@case("size", "one huge sentence", 800000)
def _(n, d):
    # One sentence of n words for the sentence-level patterns of the
    # default packs (decisions, reasons, terms), a placeholder at its end.
    # n is large enough that the smaller run takes ~0.2 s: at 200k words
    # (0.05 s, a 1 MB file) a neighbour on the shared cache slowed only
    # the larger run, and a CI run saw a linear 4.0 as 6.3.
    write(d + "/doc.md", "# Storage\n\nWe use " + "the data store and " * (n // 4) + "TBD.\n")
    col = len("We use " + "the data store and " * (n // 4)) + 1
    args = ["--no-config", "--no-snippet", "--color=never", "-q", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 1) + expect_lines(out, "hygiene/placeholder", [(3, col)])


@case("size", "one huge sentence of generic reasons", 320000)
def _(n, d):
    # A decision whose n reasons are all generic: each reason is checked
    # against the generic phrases, which must not be searched again from
    # the sentence's start for every one.  At 80k (0.06 s) a CI run saw
    # a linear 4.0 as 6.2.
    write(d + "/doc.md", "# Storage\n\nWe use Postgres " + "because why not, " * n + "TBD.\n")
    col = len("We use Postgres " + "because why not, " * n) + 1
    args = ["--no-config", "--no-snippet", "--color=never", "-q", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 1) + expect_lines(out, "hygiene/placeholder", [(3, col)])


@case("size", "one huge paragraph of decisions", 32000)
def _(n, d):
    # n unjustified decisions in one paragraph, each on its own line.
    write(d + "/doc.md", "# Design\n\n## Storage\n\n"
          + "".join("We use Store%d for table T%d.\n" % (i, i) for i in range(n)))
    want = [(5 + i, 1) for i in range(n)]
    args = ["--no-config", "--no-snippet", "--color=never", "-q", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 1) + expect_lines(out, "deep-dive/justification", want)


@case("size", "one huge word of term syllables", 20000)
def _(n, d):
    # "#Secur#Secur...": a term hit at every syllable of one 100 KB word,
    # each asking whether it is part of a proper name (found by
    # fuzz_quadratic: that look-up scanned to the end of the word).
    write(d + "/doc.md", "# Notes\n\n" + "#Secur" * n + "ity\n\nStill checked: TBD.\n")
    args = ["--no-config", "--no-snippet", "--color=never", "-q", "--fail-on=warning", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 1) + expect_lines(out, "hygiene/placeholder",
                                                                      [(5, 16)])


@case("size", "many diagnostics, text", 50000)
def _(n, d):
    write(d + "/doc.md", "# Notes\n\n" + "".join("TBD %d\n\n" % i for i in range(n)))
    want = [(3 + 2 * i, 1) for i in range(n)]
    args = ["--no-config", "--no-snippet", "--color=never", "-q", "--fail-on=warning", "doc.md"]
    return args, lambda rc, out, err: expect_rc(rc, 1) + expect_lines(out, "hygiene/placeholder", want)


@case("size", "many diagnostics, JSON", 25000)
def _(n, d):
    write(d + "/doc.md", "# Notes\n\n" + "".join("TBD %d\n\n" % i for i in range(n)))
    args = ["--no-config", "-q", "--format=json", "--fail-on=warning", "doc.md"]
    def check(rc, out, err):
        files = json_files(out)
        if isinstance(files, str):
            return [files]
        got = [x["line"] for x in files[0]["diagnostics"] if x["rule"] == "hygiene/placeholder"]
        want = [3 + 2 * i for i in range(n)]
        return expect_rc(rc, 1) + ([] if got == want else
                                    ["%d placeholders in the JSON, expected %d" % (len(got), n)])
    return args, check


# --------------------------------------------------------------------------
# Runner.

class Result:
    def __init__(self, ru, wall, rc, out, err, timed_out):
        self.cpu, self.wall = ru.ru_utime + ru.ru_stime, wall
        self.ru = ru
        self.rc, self.out, self.err, self.timed_out = rc, out, err, timed_out


def run_once(argv, cwd, timeout, mem_bytes):
    # A shell sets the limits and execs ddlint (no preexec_fn, which
    # would keep subprocess from using vfork for a large Python).
    limits = "ulimit -c 0"
    if mem_bytes:
        limits += " && ulimit -v %d" % (mem_bytes >> 10)
    argv = ["/bin/sh", "-c", limits + ' && exec "$0" "$@"'] + argv
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        killed = []
        def kill():
            killed.append(True)
            p.kill()
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Result(ru, wall, p.returncode,
                      out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                      bool(killed))


def fmt_size(n):
    return "%dk" % (n // 1000) if n >= 10000 and n % 1000 == 0 else str(n)


def run_case(c, opts, workroot):
    n_small = max(1, int(c["n"] * opts.scale))
    n_big = n_small * c["factor"]
    bound = (3.0 if c["factor"] == 2 else 6.0) * opts.slack
    label = "%s: %s" % (c["group"], c["name"])
    started = time.monotonic()
    deadline = started + opts.cap
    problems, runs = [], {n_small: [], n_big: []}
    inputs = {}
    for n in runs:
        d = os.path.join(workroot, "n%d" % n)
        os.makedirs(d)
        inputs[n] = (d,) + c["gen"](n, d)
    state = {n_small: "", n_big: ""}
    for rep in range(5):
        for n in (n_small, n_big):
            d, args, check = inputs[n]
            left = deadline - time.monotonic()
            if left <= 0:
                problems.append("out of time (cap %gs for the case)" % opts.cap)
                break
            r = run_once([opts.ddlint] + args, d, left, opts.mem)
            if r.timed_out:
                state[n] = "TIMEOUT"
                problems.append("n=%d: TIMEOUT, killed after %.1fs wall (cap %gs for the case)"
                                % (n, r.wall, opts.cap))
                break
            if rep == 0:
                # Exit status 0-2 is ddlint's; anything else is a crash, a
                # sanitizer report or an allocation failure under RLIMIT_AS.
                if r.rc < 0 or r.rc > 2:
                    tail = r.err.strip().splitlines()[-1:] or ["no message"]
                    problems.append("n=%d: crashed (status %d, address space %s): %s"
                                    % (n, r.rc, "%d MiB" % (opts.mem >> 20)
                                       if opts.mem else "unlimited", tail[0][:200]))
                else:
                    problems += ["n=%d: %s" % (n, p) for p in check(r.rc, r.out, r.err)]
            runs[n].append(r)
        if problems:
            break
        # A slow run is not noise: repeating it would only spend the budget.
        spent = sum(min(x.cpu for x in runs[n]) for n in runs)
        if spent > 5 or time.monotonic() > deadline - 2 * spent:
            break
        # Three runs of each size, and two more only when the ratio is over
        # the bound, in case a neighbour's load made it so.
        ratio = min(x.cpu for x in runs[n_big]) / max(min(x.cpu for x in runs[n_small]), 1e-6)
        if rep >= 2 and ratio <= bound:
            break

    def show(n):
        if not runs[n]:
            return "%s %s" % (fmt_size(n), state[n] or "not run")
        best = min(x.cpu for x in runs[n])
        return "%s %.3fs%s" % (fmt_size(n), best, " then " + state[n] if state[n] else "")
    text = "n=%s  %dn=%s" % (show(n_small), c["factor"], show(n_big))
    if runs[n_small] and runs[n_big] and not state[n_big]:
        ts, tb = (min(x.cpu for x in runs[n]) for n in (n_small, n_big))
        ratio = tb / ts if ts > 0 else float("inf")
        if tb < opts.floor:
            text += "  ratio %.2f (under %.2fs: not judged)" % (ratio, opts.floor)
        else:
            text += "  ratio %.2f (bound %.1f)" % (ratio, bound)
            if ratio > bound:
                problems.append("super-linear: t(%d)/t(%d) = %.2f > %.1f (CPU seconds, best of %d)"
                                % (n_big, n_small, ratio, bound, len(runs[n_big])))
                # What tells an algorithm from the machine: a quadratic
                # loop grows user time; a machine whose page faults got
                # dearer grows system time over a linear count of faults.
                bs, bb = (min(runs[n], key=lambda x: x.cpu).ru for n in (n_small, n_big))
                # (Not ru_maxrss: it counts the forked Python before exec.)
                problems.append("best runs: user %.3f/%.3fs, system %.3f/%.3fs, minor faults %d/%d"
                                % (bs.ru_utime, bb.ru_utime, bs.ru_stime, bb.ru_stime,
                                   bs.ru_minflt, bb.ru_minflt))
    text += "  (%.0fs)" % (time.monotonic() - started)
    print("%-58s [%s] %s" % (label, "PASSED" if not problems else "FAILED", text))
    for p in problems:
        print("    " + p)
    sys.stdout.flush()
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ddlint", help="the ddlint binary to test")
    ap.add_argument("--group", action="append", help="run only this group (repeatable)")
    ap.add_argument("--only", help="run only cases whose 'group: name' matches this regex")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    ap.add_argument("--slack", type=float, default=1.0, help="multiply every ratio bound by this")
    ap.add_argument("--cap", type=float, default=60.0, help="wall-clock seconds per case")
    ap.add_argument("--floor", type=float, default=0.05,
                    help="CPU seconds below which a ratio is start-up noise, not judged")
    ap.add_argument("--mem-mib", type=int, default=2048,
                    help="address-space limit per run in MiB; 0 for none (sanitizers)")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    opts = ap.parse_args()
    opts.ddlint = os.path.abspath(opts.ddlint)
    opts.mem = opts.mem_mib << 20

    selected = [c for c in CASES
                if (not opts.group or c["group"] in opts.group)
                and (not opts.only or re.search(opts.only, "%s: %s" % (c["group"], c["name"])))]
    if opts.list or not selected:
        for c in CASES:
            print("%s: %s (n=%d, x%d)" % (c["group"], c["name"], c["n"], c["factor"]))
        return 0 if selected else 2
    if not os.access(opts.ddlint, os.X_OK):
        print("pathological.py: %s is not an executable" % opts.ddlint, file=sys.stderr)
        return 2
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    print("Scaling tests of %s (sizes x%g, bounds x%g, cap %gs per case, address space %s):"
          % (opts.ddlint, opts.scale, opts.slack, opts.cap,
             "%d MiB" % opts.mem_mib if opts.mem else "unlimited"))
    failed = []
    start = time.monotonic()
    for c in selected:
        root = tempfile.mkdtemp(prefix="ddlint-patho-")
        try:
            if not run_case(c, opts, root):
                failed.append("%s: %s" % (c["group"], c["name"]))
        finally:
            shutil.rmtree(root, ignore_errors=True)
    print("%d passed, %d failed in %.0fs" % (len(selected) - len(failed), len(failed),
                                               time.monotonic() - start))
    for f in failed:
        print("FAILED: " + f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
