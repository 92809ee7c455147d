#!/usr/bin/env python3
"""ddlint --lsp driven by a scripted JSON-RPC client: the lifecycle,
document sync (full and incremental), position encodings, debouncing,
code actions, configuration reload, and hostile input.  Every response is
checked.  Usage: protocol.py DDLINT"""

import atexit
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

DDLINT = sys.argv[1]
TIMEOUT = 20  # seconds to wait for a message that must come
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)
    return cond


class Server:
    def __init__(self, args=(), cwd=None):
        self.proc = subprocess.Popen([DDLINT, "--lsp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        self.inbox = queue.Queue()
        self.next_id = 1
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.rstrip(b"\r\n")
                if not line:
                    break
                k, _, v = line.partition(b":")
                headers[k.strip().lower()] = v.strip()
            n = int(headers[b"content-length"])
            body = out.read(n)
            self.inbox.put(json.loads(body))

    def raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        msg = dict(msg, jsonrpc="2.0")
        body = json.dumps(msg, ensure_ascii=False).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        i = self.next_id
        self.next_id += 1
        self.send({"id": i, "method": method, "params": params})
        return i

    def wait(self, pred, what, timeout=TIMEOUT):
        """The first message PRED accepts; the others are kept in self.seen."""
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            try:
                m = self.inbox.get(timeout=max(left, 0.01))
            except queue.Empty:
                check(False, "timed out waiting for " + what)
                return None
            if m is None:
                check(False, "server closed its output while waiting for " + what)
                return None
            self.seen.append(m)
            if pred(m):
                return m

    seen = []

    def response(self, i, what):
        return self.wait(lambda m: m.get("id") == i and "method" not in m, what)

    def diagnostics(self, uri, what, pred=lambda m: True, timeout=TIMEOUT):
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and
                      m["params"]["uri"] == uri and pred(m["params"]), what, timeout)
        return m["params"] if m else None

    def quiet(self, seconds):
        """Messages that arrive within SECONDS."""
        got = []
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                m = self.inbox.get(timeout=max(deadline - time.time(), 0.01))
            except queue.Empty:
                break
            if m is None:
                break
            got.append(m)
        return got

    def initialize(self, capabilities=None, root=None):
        i = self.request("initialize", {"processId": os.getpid(),
                                        "rootUri": root and "file://" + root,
                                        "capabilities": capabilities or {}})
        r = self.response(i, "initialize response")
        self.notify("initialized", {})
        return r

    def finish(self, expect_code=0):
        i = self.request("shutdown", None)
        r = self.response(i, "shutdown response")
        check(r is not None and r.get("result", 1) is None and "error" not in r,
              "shutdown answers null: %r" % (r,))
        self.notify("exit", None)
        return self.exit_code(expect_code, "exit after shutdown")

    def exit_code(self, expect, what):
        try:
            code = self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            check(False, what + ": server did not exit")
            return None
        err = self.proc.stderr.read().decode(errors="replace")
        check(code == expect, "%s: exit code %r, expected %r (stderr: %s)" % (what, code, expect, err))
        return code


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def by_code(diags, code):
    return [d for d in diags if d.get("code") == code]


tmp = tempfile.mkdtemp(prefix="ddlint-lsp-")
atexit.register(shutil.rmtree, tmp, ignore_errors=True)
doc_path = os.path.join(tmp, "design.md")
uri = "file://" + doc_path
cjk_line = "これは日本語のテキストです 🎉 そして TBD があります。"
text = ("# Feeds\n\n## Deep dive\n\n" + cjk_line + "\n\n"
        "We store posts in Postgres because joins keep the feed query simple.\n")
# The file on disk says something else: an open document is never read from disk.
with open(doc_path, "w") as f:
    f.write("# Nothing\n")
caps = {"textDocument": {"publishDiagnostics": {"relatedInformation": True}},
        "workspace": {"workspaceEdit": {"documentChanges": True}}}

# ---- lifecycle, UTF-16 positions, incremental sync, code actions --------
s = Server(cwd=tmp)
i = s.request("textDocument/codeAction", {})
r = s.response(i, "a request before initialize")
check(r and r.get("error", {}).get("code") == -32002, "before initialize: ServerNotInitialized: %r" % r)
r = s.initialize(caps)
res = r and r.get("result", {})
check(res and res["capabilities"]["positionEncoding"] == "utf-16", "utf-16 without an offer: %r" % res)
check(res and res["capabilities"]["textDocumentSync"]["change"] == 2, "incremental sync")
check(res and res["capabilities"]["codeActionProvider"], "code actions offered")
check(res and res["serverInfo"]["name"] == "ddlint", "serverInfo")
i = s.request("initialize", {"capabilities": {}})
r = s.response(i, "a second initialize")
check(r and r.get("error", {}).get("code") == -32600, "second initialize is refused: %r" % r)

s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                   "version": 1, "text": text}})
p = s.diagnostics(uri, "diagnostics after didOpen")
diags = p["diagnostics"] if p else []
check(p and p.get("version") == 1, "diagnostics carry the document version")
ph = by_code(diags, "hygiene/placeholder")
col = utf16_len(cjk_line[:cjk_line.index("TBD")])
check(len(ph) == 1 and ph[0]["range"]["start"] == {"line": 4, "character": col} and
      ph[0]["range"]["end"] == {"line": 4, "character": col + 3},
      "placeholder range in UTF-16 units (character %d): %r" % (col, ph))
check(all(d["source"] == "ddlint" and d["severity"] in (1, 2, 3) for d in diags), "source and severity")
sec = by_code(diags, "deep-dive/security")
check(len(sec) == 1 and sec[0]["severity"] == 1, "missing security is an error: %r" % sec)
check(sec and len(sec[0].get("relatedInformation", [])) >= 3 and
      all(ri["location"]["uri"] == uri for ri in sec[0]["relatedInformation"]) and
      "should answer" in sec[0]["relatedInformation"][0]["message"],
      "the questions as relatedInformation")
check(not any("codeDescription" in d for d in diags), "no codeDescription without a real URL")

# an incremental edit replacing TBD fixes that finding only
start = {"line": 4, "character": col}
s.notify("textDocument/didChange", {
    "textDocument": {"uri": uri, "version": 2},
    "contentChanges": [{"range": {"start": start, "end": {"line": 4, "character": col + 3}},
                        "text": "an index"}]})
p = s.diagnostics(uri, "diagnostics after an incremental edit")
diags2 = p["diagnostics"] if p else []
check(p and p["version"] == 2, "version 2 published")
check(not by_code(diags2, "hygiene/placeholder"), "the placeholder is gone: %r" % by_code(diags2, "hygiene/placeholder"))
check(len(diags2) == len(diags) - 1, "only that finding went: %d -> %d" % (len(diags), len(diags2)))
text = text.replace("TBD", "an index")

# fast typing: many changes, one lint of the last text
s.seen = []
t_last = None
for k in range(30):
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3 + k},
        "contentChanges": [{"range": {"start": {"line": 8, "character": 0},
                                      "end": {"line": 8, "character": 0}}, "text": "x"}]})
t_last = time.monotonic()
p = s.diagnostics(uri, "diagnostics after fast typing", lambda p: p.get("version") == 32)
# A lower bound only, which a slow machine cannot break: the server waits
# 150 ms of quiet before it lints.
check(time.monotonic() - t_last >= 0.1, "a lint came %.3f s after the last change, before the "
      "debounce delay" % (time.monotonic() - t_last))
got = s.quiet(0.6)
publishes = [m for m in s.seen + got if m.get("method") == "textDocument/publishDiagnostics"]
check(len(publishes) <= 2, "30 quick changes were debounced into %d lints" % len(publishes))
check(p is not None and p["version"] == 32, "the last version was linted")
# undo the typing with one full-text change
s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 40},
                                    "contentChanges": [{"text": text}]})
p = s.diagnostics(uri, "diagnostics after a full change", lambda p: p.get("version") == 40)

# the code action on the missing security area inserts its section
sec = by_code(p["diagnostics"] if p else [], "deep-dive/security")
i = s.request("textDocument/codeAction", {
    "textDocument": {"uri": uri}, "range": sec[0]["range"] if sec else {},
    "context": {"diagnostics": sec}})
r = s.response(i, "codeAction response")
acts = [a for a in (r or {}).get("result", []) if "Security" in a["title"]]
check(len(acts) == 1 and acts[0]["kind"] == "quickfix", "a quickfix for security: %r" % (r,))
if acts:
    dc = acts[0]["edit"]["documentChanges"][0]
    check(dc["textDocument"] == {"uri": uri, "version": 40}, "versioned edit: %r" % dc["textDocument"])
    edit = dc["edits"][0]
    check(edit["newText"].lstrip("\n").startswith("### Security\n\n<!-- Security should answer:"),
          "a skeleton one level below the deep dive: %r" % edit["newText"])
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 41},
                                        "contentChanges": [{"range": edit["range"],
                                                            "text": edit["newText"]}]})
    p = s.diagnostics(uri, "diagnostics after the code action", lambda p: p.get("version") == 41)
    sec = by_code(p["diagnostics"] if p else [], "deep-dive/security")
    check(sec and "section 'Security' is empty" in sec[0]["message"],
          "the skeleton is there, waiting to be written: %r" % sec)
i = s.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                           "range": {"start": {"line": 0, "character": 0},
                                                     "end": {"line": 99, "character": 0}},
                                           "context": {"diagnostics": [], "only": ["refactor"]}})
r = s.response(i, "codeAction with only: refactor")
check(r and r.get("result") == [], "no quickfix when only refactorings are asked: %r" % r)

# hostile and odd input; the server answers each and carries on
s.raw(b"Content-Length: 9\r\n\r\n{not json")
r = s.wait(lambda m: "error" in m, "parse error response")
check(r and r["error"]["code"] == -32700 and r["id"] is None, "malformed JSON: ParseError: %r" % r)
i = s.request("ddlint/unknown", {})
r = s.response(i, "unknown method response")
check(r and r.get("error", {}).get("code") == -32601, "unknown method: MethodNotFound: %r" % r)
s.notify("$/unknownNotification", {})
s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nowhere/x.md", "version": 1},
                                    "contentChanges": [{"text": "x"}]})
r = s.wait(lambda m: m.get("method") == "window/logMessage", "a logged warning for an unopened document")
check(r and "not open" in r["params"]["message"], "unopened document logged: %r" % r)
s.raw(b"X-Nonsense\r\n\r\n")  # a header without a colon and no Content-Length
r = s.wait(lambda m: m.get("method") == "window/logMessage", "a logged framing error")
check(r and r["params"]["type"] == 1, "framing error logged as an error: %r" % r)
big = 64 * 1024 * 1024 + 1
s.raw(b"Content-Length: %d\r\n\r\n" % big)
chunk = b" " * (1 << 20)
for _ in range(64):
    s.raw(chunk)
s.raw(b" ")
r = s.wait(lambda m: m.get("method") == "window/logMessage" and "over the limit" in m["params"]["message"],
           "oversized message logged")
i = s.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                           "range": {"start": {"line": 0, "character": 0},
                                                     "end": {"line": 0, "character": 0}}})
r = s.response(i, "a request after the oversized message")
check(r and isinstance(r.get("result"), list), "still serving after hostile input: %r" % r)
s.raw(b'Content-Length: 2\r\n\r\n[]')
r = s.wait(lambda m: "error" in m, "invalid request response")
check(r and r["error"]["code"] == -32600, "a JSON array is an invalid request: %r" % r)

# a document that cannot be linted is one diagnostic
bad_uri = "file://" + os.path.join(tmp, "nul.md")
s.notify("textDocument/didOpen", {"textDocument": {"uri": bad_uri, "languageId": "markdown",
                                                   "version": 1, "text": "# A\n\nnul \u0000 here\n"}})
p = s.diagnostics(bad_uri, "diagnostics of a document that fails")
check(p and len(p["diagnostics"]) == 1 and "could not lint" in p["diagnostics"][0]["message"] and
      p["diagnostics"][0]["range"]["start"]["line"] == 2,
      "one diagnostic at the NUL byte: %r" % p)

# a non-Markdown document is left alone
s.notify("textDocument/didOpen", {"textDocument": {"uri": "file://" + os.path.join(tmp, "x.py"),
                                                   "languageId": "python", "version": 1, "text": "TBD"}})
# didClose clears the diagnostics
s.notify("textDocument/didClose", {"textDocument": {"uri": bad_uri}})
p = s.diagnostics(bad_uri, "diagnostics cleared on close")
check(p and p["diagnostics"] == [], "closed document cleared: %r" % p)
got = s.quiet(0.5)
check(not any(m.get("params", {}).get("uri", "").endswith("x.py") for m in got), "python file not linted")

with open(doc_path) as f:
    check(f.read() == "# Nothing\n", "the file on disk is untouched")
s.finish(0)
i = None

# ---- after shutdown; exit without shutdown; EOF ---------------------------
s = Server(cwd=tmp)
s.initialize({})
i = s.request("shutdown", None)
s.response(i, "shutdown")
i = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {}})
r = s.response(i, "a request after shutdown")
check(r and r.get("error", {}).get("code") == -32600, "after shutdown: InvalidRequest: %r" % r)
s.notify("exit", None)
s.exit_code(0, "exit after shutdown")

s = Server(cwd=tmp)
s.initialize({})
s.notify("exit", None)
s.exit_code(1, "exit without shutdown")

s = Server(cwd=tmp)
s.initialize({})
s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                   "version": 1, "text": text}})
s.raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
s.proc.stdin.close()
s.exit_code(1, "EOF inside a message, without shutdown")

# ---- UTF-8 negotiated; notes in the message without relatedInformation --
s = Server(cwd=tmp)
r = s.initialize({"general": {"positionEncodings": ["utf-8", "utf-16"]},
                  "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
check(r and r["result"]["capabilities"]["positionEncoding"] == "utf-8", "utf-8 when offered")
# a client that can watch files is asked to watch the configuration files
r = s.wait(lambda m: m.get("method") == "client/registerCapability", "a watcher registration")
reg = r and r["params"]["registrations"][0]
check(reg and reg["method"] == "workspace/didChangeWatchedFiles" and
      {w["globPattern"] for w in reg["registerOptions"]["watchers"]} ==
      {"**/.ddlint.yaml", "**/.ddlint.yml"}, "watchers for .ddlint.yaml and .ddlint.yml: %r" % r)
if r:
    s.send({"id": r["id"], "result": None})
s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                   "version": 1, "text": text.replace("an index", "TBD")}})
p = s.diagnostics(uri, "diagnostics in UTF-8")
ph = by_code(p["diagnostics"] if p else [], "hygiene/placeholder")
bcol = len(cjk_line[:cjk_line.index("TBD")].encode())
check(ph and ph[0]["range"]["start"] == {"line": 4, "character": bcol}, "byte columns in utf-8: %r" % ph)
sec = by_code(p["diagnostics"] if p else [], "deep-dive/security")
check(sec and "relatedInformation" not in sec[0] and "\nSecurity should answer:" in sec[0]["message"],
      "notes appended without relatedInformation: %r" % sec)
s.finish(0)

# ---- configuration: found from the document, reloaded, its errors shown --
conf = os.path.join(tmp, ".ddlint.yaml")
with open(conf, "w") as f:
    f.write("disable: [hygiene/placeholder]\n")
s = Server(cwd="/")
s.initialize(caps)
s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                   "version": 1, "text": text.replace("an index", "TBD")}})
p = s.diagnostics(uri, "diagnostics under a configuration")
check(p and not by_code(p["diagnostics"], "hygiene/placeholder"), "the configuration turns the rule off")
with open(conf, "w") as f:
    f.write("disable: [hygiene/placeholder]\nbogus: 1\n")
s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": "file://" + conf, "type": 2}]})
pc = s.diagnostics("file://" + conf, "the configuration's error on it")
check(pc and len(pc["diagnostics"]) == 1 and pc["diagnostics"][0]["severity"] == 1 and
      pc["diagnostics"][0]["range"]["start"] == {"line": 1, "character": 0} and
      "bogus" in pc["diagnostics"][0]["message"], "config error at its key: %r" % pc)
p = s.diagnostics(uri, "the document's diagnostic for a broken configuration")
check(p and len(p["diagnostics"]) == 1 and ".ddlint.yaml" in p["diagnostics"][0]["message"],
      "document says its configuration is broken: %r" % p)
with open(conf, "w") as f:
    f.write("disable: [deep-dive/security]\n")
# another program changed it: seen at the next lint, without a notification
s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                    "contentChanges": [{"text": text.replace("an index", "TBD")}]})
pc = s.diagnostics("file://" + conf, "config errors withdrawn")
check(pc and pc["diagnostics"] == [], "config error cleared: %r" % pc)
p = s.diagnostics(uri, "diagnostics under the fixed configuration", lambda p: p.get("version") == 2)
check(p and by_code(p["diagnostics"], "hygiene/placeholder") and
      not by_code(p["diagnostics"], "deep-dive/security"), "the new configuration applies")
s.finish(0)

if failures:
    print("%d check(s) failed" % len(failures), file=sys.stderr)
    sys.exit(1)
print("protocol: all checks passed")
