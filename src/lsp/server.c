/* The language server: the main thread reads and answers messages and
 * keeps the open documents; one worker lints them, a quiet moment after
 * the last change, and publishes what it finds.  The ddl_ctx belongs to
 * the worker alone; everything both threads touch is under srv.lock. */
#include "lsp/lsp.h"

#include "lsp/json_text.h"
#include "lsp/publish.h"
#include "lsp/rpc.h"
#include "lsp/text.h"
#include "lsp/uri.h"

#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct lsp_doc {
  struct lsp_doc *next;
  char *uri;
  char *path; /* NULL for a document that is not a local file */
  lsp_text text;
  long long version;
  uint64_t gen; /* changes with every edit: a lint of an older one is stale */
  bool scheduled;
  uint64_t due_ms; /* when to lint it, if scheduled */
  json_t *actions; /* from the last lint published: see lsp_diagnostics */
} lsp_doc;

/* A configuration file a lint used, and how it was when read: an edit by
 * another program is seen at the next lint. */
typedef struct {
  char *path;
  struct timespec mtime;
  off_t size;
  ino_t ino;
  bool exists;
  bool has_diagnostics; /* errors of it are published on it */
} config_file;

typedef struct {
  lsp_options opts;
  FILE *in;
  rpc_writer out;
  lsp_client client;

  pthread_mutex_t lock;
  pthread_cond_t wake;
  pthread_t worker;
  bool worker_started;
  lsp_doc *docs;
  uint64_t next_gen;
  bool reload;   /* make a new context before the next lint */
  bool stopping; /* the worker ends */

  /* the main thread's own */
  bool initialized, shut_down;
  bool client_watches; /* the client can watch files for us */

  /* the worker's own */
  ddl_ctx *ctx;
  config_file *configs;
  size_t nconfigs;
} server;

static uint64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static char *xstrdup(const char *s) {
  char *d = strdup(s);
  if (!d)
    abort();
  return d;
}

static void send(server *s, json_t *msg) { rpc_send(&s->out, msg); }

/* window/logMessage: the client's log, where its user looks for why. */
static void log_message(server *s, int type, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof(buf), fmt, ap);
  va_end(ap);
  send(s, rpc_notification("window/logMessage",
                           json_pack("{s:i,s:o}", "type", type, "message", lsp_json_str(buf))));
}
enum { LOG_ERROR = 1, LOG_WARNING = 2, LOG_INFO = 3 };

static void publish(server *s, const char *uri, json_t *diagnostics, long long version) {
  json_t *params = json_pack("{s:o,s:o}", "uri", lsp_json_str(uri), "diagnostics", diagnostics);
  if (version >= 0)
    json_object_set_new(params, "version", json_integer(version));
  send(s, rpc_notification("textDocument/publishDiagnostics", params));
}

/* ---- Documents (under s->lock) ------------------------------------- */

static lsp_doc *find_doc(server *s, const char *uri) {
  for (lsp_doc *d = s->docs; d; d = d->next)
    if (strcmp(d->uri, uri) == 0)
      return d;
  return NULL;
}

static void schedule(server *s, lsp_doc *d, unsigned delay_ms) {
  d->gen = ++s->next_gen;
  d->scheduled = true;
  d->due_ms = now_ms() + delay_ms;
  pthread_cond_signal(&s->wake);
}

static void doc_free(lsp_doc *d) {
  free(d->uri);
  free(d->path);
  lsp_text_free(&d->text);
  json_decref(d->actions);
  free(d);
}

static bool is_markdown(const char *uri, const char *language) {
  if (language && (strcmp(language, "markdown") == 0 || strcmp(language, "mdx") == 0))
    return true;
  const char *dot = strrchr(uri, '.');
  return dot && (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0);
}

static bool is_config_name(const char *uri) {
  const char *slash = strrchr(uri, '/');
  const char *base = slash ? slash + 1 : uri;
  return strcmp(base, ".ddlint.yaml") == 0 || strcmp(base, ".ddlint.yml") == 0;
}

/* ---- The worker ------------------------------------------------------ */

static bool same_file(const config_file *c, const struct stat *st, bool exists) {
  if (exists != c->exists)
    return false;
  return !exists ||
         (st->st_mtim.tv_sec == c->mtime.tv_sec && st->st_mtim.tv_nsec == c->mtime.tv_nsec &&
          st->st_size == c->size && st->st_ino == c->ino);
}

static void remember_config(server *s, const char *path) {
  for (size_t i = 0; i < s->nconfigs; i++)
    if (strcmp(s->configs[i].path, path) == 0)
      return;
  s->configs = realloc(s->configs, (s->nconfigs + 1) * sizeof(config_file));
  if (!s->configs)
    abort();
  config_file *c = &s->configs[s->nconfigs++];
  *c = (config_file){.path = xstrdup(path)};
  struct stat st;
  c->exists = stat(path, &st) == 0;
  if (c->exists) {
    c->mtime = st.st_mtim;
    c->size = st.st_size;
    c->ino = st.st_ino;
  }
}

static bool configs_changed(server *s) {
  for (size_t i = 0; i < s->nconfigs; i++) {
    struct stat st;
    bool exists = stat(s->configs[i].path, &st) == 0;
    if (!same_file(&s->configs[i], &st, exists))
      return true;
  }
  return false;
}

/* A fresh context, and the errors published on configuration files
 * withdrawn: the lints that follow publish them again if they remain. */
static void renew_ctx(server *s) {
  ddl_ctx_free(s->ctx);
  s->ctx = s->opts.make_ctx(s->opts.ud);
  for (size_t i = 0; i < s->nconfigs; i++) {
    if (s->configs[i].has_diagnostics) {
      char *uri = lsp_path_to_uri(s->configs[i].path);
      pthread_mutex_lock(&s->lock);
      publish(s, uri, json_array(), -1);
      pthread_mutex_unlock(&s->lock);
      free(uri);
    }
    free(s->configs[i].path);
  }
  free(s->configs);
  s->configs = NULL;
  s->nconfigs = 0;
}

/* Reads the configuration file's text, to put its error's column in the
 * client's units; NULL when it cannot be read. */
static bool read_file(lsp_text *t, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return false;
  char *data = NULL;
  size_t len = 0, cap = 0, n;
  char buf[65536];
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && len < (16u << 20)) {
    if (len + n > cap) {
      cap = (len + n) * 2;
      data = realloc(data, cap);
      if (!data)
        abort();
    }
    memcpy(data + len, buf, n);
    len += n;
  }
  fclose(f);
  *t = (lsp_text){0};
  lsp_text_set(t, data ? data : "", len);
  free(data);
  return true;
}

/* A configuration error, on the configuration file itself. */
static void publish_config_error(server *s, const ddl_error *err) {
  for (size_t i = 0; i < s->nconfigs; i++)
    if (strcmp(s->configs[i].path, err->path) == 0) {
      if (s->configs[i].has_diagnostics)
        return; /* each lint under it fails alike: publish once per context */
      s->configs[i].has_diagnostics = true;
    }
  lsp_text t;
  bool have = read_file(&t, err->path);
  unsigned line = err->line ? err->line : 1, col = err->column ? err->column : 1;
  json_t *range = have ? lsp_range(&t, s->client.encoding, line, col, line, col)
                       : json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line",
                                   (json_int_t)line - 1, "character", (json_int_t)col - 1, "end",
                                   "line", (json_int_t)line - 1, "character", (json_int_t)col - 1);
  if (have)
    lsp_text_free(&t);
  json_t *diag = json_pack("{s:o,s:i,s:s,s:o}", "range", range, "severity", 1, "source", "ddlint",
                           "message", lsp_json_str(err->message));
  char *uri = lsp_path_to_uri(err->path);
  pthread_mutex_lock(&s->lock);
  publish(s, uri, json_pack("[o]", diag), -1);
  pthread_mutex_unlock(&s->lock);
  free(uri);
}

typedef struct {
  char *uri, *path;
  lsp_text text;
  long long version;
  uint64_t gen;
} snapshot;

/* Lints SNAP and publishes the outcome unless the document has changed or
 * closed meanwhile: its newer text is scheduled already. */
static void lint(server *s, snapshot *snap) {
  ddl_result *r = NULL;
  int rc = ddl_lint_buffer(&r, s->ctx, snap->path, snap->text.data, snap->text.len);
  json_t *diagnostics, *actions = NULL;
  if (rc == DDL_OK) {
    const ddl_ruleset *rs;
    if (snap->path && ddl_ctx_ruleset(&rs, s->ctx, snap->path) == DDL_OK && ddl_ruleset_config(rs))
      remember_config(s, ddl_ruleset_config(rs));
    diagnostics = lsp_diagnostics(r, &snap->text, snap->uri, snap->version, &s->client, &actions);
    ddl_result_free(r);
  } else {
    const ddl_error *err = ddl_ctx_error(s->ctx);
    bool on_config =
        rc == DDL_ECONFIG && err->path && !(snap->path && strcmp(err->path, snap->path) == 0);
    if (on_config) {
      remember_config(s, err->path);
      publish_config_error(s, err);
    }
    diagnostics = json_pack("[o]", lsp_failure(err, &snap->text, &s->client, !on_config));
  }
  pthread_mutex_lock(&s->lock);
  lsp_doc *d = find_doc(s, snap->uri);
  if (d && d->gen == snap->gen && !s->stopping) {
    publish(s, snap->uri, diagnostics, snap->version);
    json_decref(d->actions);
    d->actions = actions;
  } else {
    json_decref(diagnostics);
    json_decref(actions);
  }
  pthread_mutex_unlock(&s->lock);
}

static void *work(void *arg) {
  server *s = arg;
  pthread_mutex_lock(&s->lock);
  while (!s->stopping) {
    lsp_doc *next = NULL;
    for (lsp_doc *d = s->docs; d; d = d->next)
      if (d->scheduled && (!next || d->due_ms < next->due_ms))
        next = d;
    if (!next) {
      pthread_cond_wait(&s->wake, &s->lock);
      continue;
    }
    uint64_t now = now_ms();
    if (next->due_ms > now) {
      struct timespec until;
      clock_gettime(CLOCK_REALTIME, &until);
      uint64_t wait = next->due_ms - now;
      until.tv_sec += (time_t)(wait / 1000);
      until.tv_nsec += (long)(wait % 1000) * 1000000;
      if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
      }
      pthread_cond_timedwait(&s->wake, &s->lock, &until);
      continue;
    }
    next->scheduled = false;
    snapshot snap = {
        xstrdup(next->uri), next->path ? xstrdup(next->path) : NULL, {0}, next->version, next->gen};
    lsp_text_copy(&snap.text, &next->text);
    bool reload = s->reload;
    s->reload = false;
    pthread_mutex_unlock(&s->lock);

    if (reload || !s->ctx || configs_changed(s))
      renew_ctx(s);
    lint(s, &snap);
    free(snap.uri);
    free(snap.path);
    lsp_text_free(&snap.text);
    pthread_mutex_lock(&s->lock);
  }
  pthread_mutex_unlock(&s->lock);
  return NULL;
}

/* Lints every open document again, with a new context: a configuration
 * file may have changed. */
static void reload_all(server *s) {
  pthread_mutex_lock(&s->lock);
  s->reload = true;
  for (lsp_doc *d = s->docs; d; d = d->next)
    schedule(s, d, 0);
  pthread_mutex_unlock(&s->lock);
}

/* ---- Requests and notifications ------------------------------------- */

typedef struct {
  json_t *id; /* NULL for a notification */
  json_t *params;
  int error; /* set by a handler to answer with an error */
  const char *why;
  json_t *result;
} call;

static void invalid(call *c, const char *why) {
  c->error = RPC_INVALID_PARAMS;
  c->why = why;
}

static bool get_bool(json_t *obj, const char *path) {
  /* PATH is dotted: "textDocument.publishDiagnostics.relatedInformation" */
  char key[128];
  json_t *v = obj;
  const char *p = path;
  while (v && *p) {
    size_t n = strcspn(p, ".");
    if (n >= sizeof(key))
      return false;
    memcpy(key, p, n);
    key[n] = '\0';
    v = json_object_get(v, key);
    p += n + (p[n] == '.');
  }
  return json_is_true(v);
}

static void on_initialize(server *s, call *c) {
  if (s->initialized) {
    c->error = RPC_INVALID_REQUEST;
    c->why = "initialize was already received";
    return;
  }
  json_t *caps = json_object_get(c->params, "capabilities");
  s->client.encoding = LSP_UTF16;
  json_t *encs = json_object_get(json_object_get(caps, "general"), "positionEncodings");
  size_t i;
  json_t *e;
  json_array_foreach(encs, i, e) {
    if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0)
      s->client.encoding = LSP_UTF8;
  }
  s->client.related_information =
      get_bool(caps, "textDocument.publishDiagnostics.relatedInformation");
  s->client.document_changes = get_bool(caps, "workspace.workspaceEdit.documentChanges");
  s->client_watches = get_bool(caps, "workspace.didChangeWatchedFiles.dynamicRegistration");
  s->initialized = true;
  c->result = json_pack("{s:{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s]}},s:{s:s,s:s}}", "capabilities",
                        "positionEncoding", s->client.encoding == LSP_UTF8 ? "utf-8" : "utf-16",
                        "textDocumentSync", "openClose", 1, "change", 2 /* incremental */, "save",
                        "includeText", 0, "codeActionProvider", "codeActionKinds", "quickfix",
                        "serverInfo", "name", "ddlint", "version", ddl_version());
}

/* The client may take requests from now on: ask it to tell us of changes
 * to configuration files, which are not open documents. */
static void on_initialized(server *s) {
  if (!s->client_watches)
    return;
  json_t *watchers =
      json_pack("[{s:s},{s:s}]", "globPattern", "**/.ddlint.yaml", "globPattern", "**/.ddlint.yml");
  json_t *params =
      json_pack("{s:[{s:s,s:s,s:{s:o}}]}", "registrations", "id", "ddlint-config-files", "method",
                "workspace/didChangeWatchedFiles", "registerOptions", "watchers", watchers);
  send(s, rpc_request("ddlint-register-watchers", "client/registerCapability", params));
}

static const char *doc_uri(json_t *params) {
  return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

static void on_did_open(server *s, call *c) {
  json_t *td = json_object_get(c->params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  json_t *text = json_object_get(td, "text");
  if (!uri || !json_is_string(text)) {
    invalid(c, "didOpen needs textDocument.uri and textDocument.text");
    return;
  }
  if (!is_markdown(uri, json_string_value(json_object_get(td, "languageId"))))
    return; /* not ours to lint; a save of it may still reload the configuration */
  pthread_mutex_lock(&s->lock);
  lsp_doc *d = find_doc(s, uri);
  if (!d) {
    d = calloc(1, sizeof(*d));
    if (!d)
      abort();
    d->uri = xstrdup(uri);
    d->path = lsp_uri_to_path(uri);
    d->next = s->docs;
    s->docs = d;
  }
  lsp_text_set(&d->text, json_string_value(text), json_string_length(text));
  d->version = json_integer_value(json_object_get(td, "version"));
  schedule(s, d, 0);
  pthread_mutex_unlock(&s->lock);
}

static bool position_of(json_t *pos, size_t *line, size_t *character) {
  json_t *l = json_object_get(pos, "line"), *ch = json_object_get(pos, "character");
  if (!json_is_integer(l) || !json_is_integer(ch) || json_integer_value(l) < 0 ||
      json_integer_value(ch) < 0)
    return false;
  *line = (size_t)json_integer_value(l);
  *character = (size_t)json_integer_value(ch);
  return true;
}

static void on_did_change(server *s, call *c) {
  const char *uri = doc_uri(c->params);
  json_t *changes = json_object_get(c->params, "contentChanges");
  if (!uri || !json_is_array(changes)) {
    invalid(c, "didChange needs textDocument.uri and contentChanges");
    return;
  }
  pthread_mutex_lock(&s->lock);
  lsp_doc *d = find_doc(s, uri);
  if (!d) {
    pthread_mutex_unlock(&s->lock);
    if (is_markdown(uri, NULL))
      log_message(s, LOG_WARNING, "ddlint: didChange for %s, which is not open: ignored", uri);
    return;
  }
  size_t i;
  json_t *ch;
  const char *bad = NULL;
  json_array_foreach(changes, i, ch) {
    json_t *text = json_object_get(ch, "text"), *range = json_object_get(ch, "range");
    if (!json_is_string(text)) {
      bad = "a content change has no text";
      continue;
    }
    if (!range) {
      lsp_text_set(&d->text, json_string_value(text), json_string_length(text));
      continue;
    }
    size_t l0, c0, l1, c1;
    if (!position_of(json_object_get(range, "start"), &l0, &c0) ||
        !position_of(json_object_get(range, "end"), &l1, &c1)) {
      bad = "a content change has a malformed range";
      continue;
    }
    size_t start = lsp_text_offset(&d->text, s->client.encoding, l0, c0);
    size_t end = lsp_text_offset(&d->text, s->client.encoding, l1, c1);
    lsp_text_replace(&d->text, start, end < start ? start : end, json_string_value(text),
                     json_string_length(text));
  }
  json_t *version = json_object_get(json_object_get(c->params, "textDocument"), "version");
  if (json_is_integer(version))
    d->version = json_integer_value(version);
  schedule(s, d, s->opts.debounce_ms);
  pthread_mutex_unlock(&s->lock);
  if (bad)
    log_message(s, LOG_WARNING, "ddlint: didChange for %s: %s; it was skipped", uri, bad);
}

static void on_did_save(server *s, call *c) {
  const char *uri = doc_uri(c->params);
  if (!uri) {
    invalid(c, "didSave needs textDocument.uri");
    return;
  }
  /* A saved configuration changes the rules; a saved document may sit
   * under a configuration file made since it was opened. */
  reload_all(s);
}

static void on_did_close(server *s, call *c) {
  const char *uri = doc_uri(c->params);
  if (!uri) {
    invalid(c, "didClose needs textDocument.uri");
    return;
  }
  pthread_mutex_lock(&s->lock);
  lsp_doc **p = &s->docs;
  while (*p && strcmp((*p)->uri, uri) != 0)
    p = &(*p)->next;
  lsp_doc *d = *p;
  if (d) {
    *p = d->next;
    publish(s, uri, json_array(), -1);
    doc_free(d);
  }
  pthread_mutex_unlock(&s->lock);
}

static void on_watched_files(server *s, call *c) {
  json_t *changes = json_object_get(c->params, "changes");
  size_t i;
  json_t *ch;
  json_array_foreach(changes, i, ch) {
    const char *uri = json_string_value(json_object_get(ch, "uri"));
    if (uri && is_config_name(uri)) {
      reload_all(s);
      return;
    }
  }
}

static void on_code_action(server *s, call *c) {
  const char *uri = doc_uri(c->params);
  json_t *range = json_object_get(c->params, "range");
  if (!uri || !json_is_object(range)) {
    invalid(c, "codeAction needs textDocument.uri and range");
    return;
  }
  json_t *only = json_object_get(json_object_get(c->params, "context"), "only");
  bool quickfix = !json_is_array(only);
  size_t i;
  json_t *k;
  json_array_foreach(only, i, k) {
    const char *kind = json_string_value(k);
    if (kind && (strcmp(kind, "quickfix") == 0 || strcmp(kind, "") == 0))
      quickfix = true;
  }
  c->result = json_array();
  pthread_mutex_lock(&s->lock);
  lsp_doc *d = find_doc(s, uri);
  json_t *a;
  if (d && quickfix)
    json_array_foreach(d->actions, i, a) {
      if (lsp_ranges_meet(json_object_get(a, "range"), range))
        json_array_append(c->result, json_object_get(a, "action"));
    }
  pthread_mutex_unlock(&s->lock);
}

typedef struct {
  const char *method;
  void (*handle)(server *s, call *c);
  bool request;
} method;

static const method methods[] = {
    {"initialize", on_initialize, true},
    {"textDocument/didOpen", on_did_open, false},
    {"textDocument/didChange", on_did_change, false},
    {"textDocument/didSave", on_did_save, false},
    {"textDocument/didClose", on_did_close, false},
    {"workspace/didChangeWatchedFiles", on_watched_files, false},
    {"textDocument/codeAction", on_code_action, true},
};

/* Handles one message; returns false when the server is to exit. */
static bool dispatch(server *s, json_t *msg) {
  json_t *id = json_object_get(msg, "id");
  json_t *jmethod = json_object_get(msg, "method");
  if (!json_is_object(msg) || (id && !json_is_string(id) && !json_is_integer(id))) {
    send(s, rpc_error(NULL, RPC_INVALID_REQUEST, "not a JSON-RPC request or notification"));
    return true;
  }
  if (!jmethod) {
    if (id && (json_object_get(msg, "result") || json_object_get(msg, "error")))
      return true; /* the answer to our registration: nothing to do */
    send(s, rpc_error(id, RPC_INVALID_REQUEST, "a message has no method"));
    return true;
  }
  const char *name = json_string_value(jmethod);
  if (!name) {
    send(s, rpc_error(id, RPC_INVALID_REQUEST, "method is not a string"));
    return true;
  }
  if (strcmp(name, "exit") == 0)
    return false;
  if (id && strcmp(name, "shutdown") == 0) {
    s->shut_down = true;
    pthread_mutex_lock(&s->lock);
    for (lsp_doc *d = s->docs; d; d = d->next)
      d->scheduled = false;
    pthread_mutex_unlock(&s->lock);
    send(s, rpc_response(id, json_null()));
    return true;
  }
  if (s->shut_down) {
    if (id)
      send(s, rpc_error(id, RPC_INVALID_REQUEST, "the server is shut down"));
    return true;
  }
  if (!s->initialized && strcmp(name, "initialize") != 0) {
    if (id)
      send(s, rpc_error(id, RPC_SERVER_NOT_INITIALIZED, "initialize must come first"));
    return true;
  }
  if (strcmp(name, "initialized") == 0) {
    on_initialized(s);
    return true;
  }
  call c = {id, json_object_get(msg, "params"), 0, NULL, NULL};
  const method *m = NULL;
  for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
    if (strcmp(methods[i].method, name) == 0 && methods[i].request == (id != NULL))
      m = &methods[i];
  if (!m) {
    /* Notifications the server does not know ($/cancelRequest, $/setTrace,
     * didChangeConfiguration) are dropped, as the protocol says. */
    if (id) {
      char why[256];
      snprintf(why, sizeof(why), "unknown method '%.200s'", name);
      send(s, rpc_error(id, RPC_METHOD_NOT_FOUND, why));
    }
    return true;
  }
  if (!json_is_object(c.params)) {
    invalid(&c, "params must be an object");
  } else {
    m->handle(s, &c);
  }
  if (id) {
    send(s, c.error ? rpc_error(id, c.error, c.why) : rpc_response(id, c.result));
  } else {
    if (c.error)
      log_message(s, LOG_WARNING, "ddlint: %s: %s; it was ignored", name, c.why);
    json_decref(c.result);
  }
  return true;
}

int lsp_serve(FILE *in, FILE *out, const lsp_options *opts) {
  server s = {0};
  s.opts = *opts;
  if (!s.opts.debounce_ms)
    s.opts.debounce_ms = 150;
  if (!s.opts.max_message)
    s.opts.max_message = (size_t)64 << 20;
  s.in = in;
  rpc_writer_init(&s.out, out);
  pthread_mutex_init(&s.lock, NULL);
  pthread_cond_init(&s.wake, NULL);
  if (pthread_create(&s.worker, NULL, work, &s) == 0)
    s.worker_started = true;
  else
    fprintf(stderr, "ddlint: error: cannot start the lint thread: %s\n", strerror(errno));

  char why_buf[256];
  for (bool running = s.worker_started; running && !s.out.error;) {
    char *body;
    size_t len;
    const char *why;
    rpc_read_status st =
        rpc_read(in, s.opts.max_message, &body, &len, &why, why_buf, sizeof(why_buf));
    if (st == RPC_EOF) {
      if (why)
        fprintf(stderr, "ddlint: %s\n", why);
      break;
    }
    if (st == RPC_SKIPPED) {
      log_message(&s, LOG_ERROR, "ddlint: %s", why);
      continue;
    }
    json_error_t jerr;
    json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL, &jerr);
    free(body);
    if (!msg) {
      char text[512];
      snprintf(text, sizeof(text), "malformed JSON at line %d, column %d: %s", jerr.line,
               jerr.column, jerr.text);
      send(&s, rpc_error(NULL, RPC_PARSE_ERROR, text));
      continue;
    }
    running = dispatch(&s, msg);
    json_decref(msg);
  }

  pthread_mutex_lock(&s.lock);
  s.stopping = true;
  pthread_cond_signal(&s.wake);
  pthread_mutex_unlock(&s.lock);
  if (s.worker_started)
    pthread_join(s.worker, NULL);
  while (s.docs) {
    lsp_doc *d = s.docs;
    s.docs = d->next;
    doc_free(d);
  }
  ddl_ctx_free(s.ctx);
  for (size_t i = 0; i < s.nconfigs; i++)
    free(s.configs[i].path);
  free(s.configs);
  pthread_cond_destroy(&s.wake);
  pthread_mutex_destroy(&s.lock);
  int write_error = s.out.error;
  rpc_writer_destroy(&s.out);
  if (write_error && write_error != EPIPE)
    fprintf(stderr, "ddlint: error: cannot write to the client: %s\n", strerror(write_error));
  return s.shut_down && s.worker_started && !write_error ? 0 : 1;
}
