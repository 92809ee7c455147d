/* --format=sarif: one SARIF 2.1.0 log with one run.  Paths become URIs
 * relative to the working directory (uriBaseId SRCROOT) so that GitHub
 * code scanning can place them in the repository; columns are counted in
 * Unicode code points (UTF-16 code units with --column-unit=utf-16), the
 * unit the log declares in columnKind, since SARIF has no unit for bytes. */
#include "emit/emit.h"

#include "util/buf.h"
#include "util/mem.h"
#include "util/path.h"

#include <stdlib.h>
#include <string.h>

#ifndef DDLINT_HOMEPAGE
#define DDLINT_HOMEPAGE ""
#endif

typedef struct {
  json_t *rules, *results, *notifications;
  json_t *rule_index;  /* rule id -> its index in rules */
  char *cwd;           /* with a trailing '/', or NULL when unknown */
  bool failed;
} sarif_state;

static json_t *message(const char *text) {
  json_t *m = json_object();
  bool failed = false;
  emit_json_set(&failed, m, "text", emit_json_text(*text ? text : "-"));
  if (failed) {
    json_decref(m);
    return NULL;
  }
  return m;
}

static const char *level(ddl_severity sev) {
  return sev == DDL_SEV_ERROR ? "error" : sev == DDL_SEV_WARNING ? "warning" : "note";
}

/* RFC 3986: unreserved characters and '/' as they are, every other byte
 * percent-encoded, so that any file name, UTF-8 or not, is a valid URI. */
static void uri_encode(ddl_buf *b, const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
    if ((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') || (*u >= '0' && *u <= '9') ||
        strchr("-._~/", *u)) {
      ddl_buf_putc(b, (char)*u);
    } else {
      ddl_buf_putc(b, '%');
      ddl_buf_putc(b, hex[*u >> 4]);
      ddl_buf_putc(b, hex[*u & 15]);
    }
  }
}

static json_t *artifact(sarif_state *st, const char *path) {
  ddl_buf b = {0};
  json_t *a = json_object();
  path = ddl_path_relative(path, st->cwd);
  if (path[0] == '/') {
    ddl_buf_puts(&b, "file://");
    uri_encode(&b, path);
  } else {
    uri_encode(&b, path);
    emit_json_set(&st->failed, a, "uriBaseId", json_string("SRCROOT"));
  }
  emit_json_set(&st->failed, a, "uri", json_stringn(ddl_buf_cstr(&b), b.len));
  ddl_buf_free(&b);
  return a;
}

static json_t *location(sarif_state *st, const char *path, json_t *region) {
  json_t *phys = json_object(), *loc = json_object();
  emit_json_set(&st->failed, phys, "artifactLocation", artifact(st, path));
  if (region)
    emit_json_set(&st->failed, phys, "region", region);
  emit_json_set(&st->failed, loc, "physicalLocation", phys);
  return loc;
}

static json_t *rule_entry(sarif_state *st, const ddl_emitter *e, const char *id) {
  json_t *rule = json_object();
  emit_json_set(&st->failed, rule, "id", emit_json_text(id));
  long i = e->rules ? ddl_ruleset_find(e->rules, id) : -1;
  if (i < 0)
    return rule;
  const ddl_rule *r = ddl_ruleset_rule(e->rules, (size_t)i);
  const char *summary = ddl_rule_summary(r), *explain = ddl_rule_explain(r);
  emit_json_set(&st->failed, rule, "shortDescription", message(summary));
  emit_json_set(&st->failed, rule, "fullDescription", message(*explain ? explain : summary));
  ddl_buf help = {0};
  ddl_buf_puts(&help, *explain ? explain : summary);
  if (*ddl_rule_details(r))
    ddl_buf_printf(&help, "\n\n%s", ddl_rule_details(r));
  if (*ddl_rule_example(r))
    ddl_buf_printf(&help, "\n\nA passage that passes:\n%s", ddl_rule_example(r));
  emit_json_set(&st->failed, rule, "help", message(ddl_buf_cstr(&help)));
  ddl_buf_free(&help);
  json_t *config = json_object();
  emit_json_set(&st->failed, config, "enabled", json_boolean(ddl_ruleset_enabled(e->rules, (size_t)i)));
  emit_json_set(&st->failed, config, "level",
                json_string(level(ddl_ruleset_severity(e->rules, (size_t)i))));
  emit_json_set(&st->failed, rule, "defaultConfiguration", config);
  json_t *props = json_object();
  emit_json_set(&st->failed, props, "pack", emit_json_text(ddl_rule_pack(r)));
  emit_json_set(&st->failed, props, "kind", emit_json_text(ddl_rule_kind_name(r)));
  emit_json_set(&st->failed, rule, "properties", props);
  return rule;
}

/* The index of rule ID in rules[], adding it on first sight. */
static size_t rule_index(sarif_state *st, const ddl_emitter *e, const char *id) {
  json_t *known = json_object_get(st->rule_index, id);
  if (known)
    return (size_t)json_integer_value(known);
  size_t i = json_array_size(st->rules);
  emit_json_append(&st->failed, st->rules, rule_entry(st, e, id));
  emit_json_set(&st->failed, st->rule_index, id, json_integer((json_int_t)i));
  return i;
}

static void *begin(ddl_emitter *e) {
  sarif_state *st = ddl_xcalloc(1, sizeof(*st));
  st->rules = json_array();
  st->results = json_array();
  st->notifications = json_array();
  st->rule_index = json_object();
  st->failed = !st->rules || !st->results || !st->notifications || !st->rule_index;
  st->cwd = ddl_path_cwd_slash();
  /* Every rule of the ruleset is described, used or not, so that a
   * viewer can explain a rule the next run reports. */
  for (size_t i = 0; e->rules && i < ddl_ruleset_count(e->rules); i++)
    rule_index(st, e, ddl_rule_id(ddl_ruleset_rule(e->rules, i)));
  return st;
}

static void file(ddl_emitter *e, const ddl_result *r) {
  sarif_state *st = e->state;
  const char *path = ddl_result_path(r);
  emit_column_cursor starts = {0}, ends = {0};
  ddl_column_unit unit = e->o.columns == DDL_COLUMN_UTF16 ? DDL_COLUMN_UTF16 : DDL_COLUMN_CHAR;
  for (size_t i = 0; i < ddl_result_diag_count(r); i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    json_t *res = json_object(), *region = json_object(), *locs = json_array();
    const char *rule = ddl_diag_rule(d);
    size_t index = rule_index(st, e, rule);
    emit_json_set(&st->failed, res, "ruleId", emit_json_text(rule));
    emit_json_set(&st->failed, res, "ruleIndex", json_integer((json_int_t)index));
    emit_json_set(&st->failed, res, "level", json_string(level(ddl_diag_severity(d))));
    char *text = emit_message_with_notes(&e->o, d);
    emit_json_set(&st->failed, res, "message", message(text));
    free(text);
    unsigned line = ddl_diag_line(d), end_line = ddl_diag_end_line(d);
    emit_json_set(&st->failed, region, "startLine", json_integer(line));
    emit_json_set(&st->failed, region, "startColumn",
                  json_integer(emit_column(&starts, unit, r, line, ddl_diag_column(d))));
    emit_json_set(&st->failed, region, "endLine", json_integer(end_line));
    emit_json_set(&st->failed, region, "endColumn",
                  json_integer(emit_column(&ends, unit, r, end_line, ddl_diag_end_column(d))));
    emit_json_append(&st->failed, locs, location(st, path, region));
    emit_json_set(&st->failed, res, "locations", locs);
    emit_json_append(&st->failed, st->results, res);
  }
}

/* A file that could not be linted: a notification of the invocation, so
 * that the log says what it does not cover. */
static void error(ddl_emitter *e, const char *path, const ddl_error *err) {
  sarif_state *st = e->state;
  json_t *n = json_object(), *locs = json_array(), *region = NULL;
  emit_json_set(&st->failed, n, "level", json_string("error"));
  emit_json_set(&st->failed, n, "message", message(err->message));
  if (err->line) {
    /* Errors in a file ddlint read (a pack, a configuration) carry
     * libyaml's or ddlint's byte columns: only the line is certain. */
    region = json_object();
    emit_json_set(&st->failed, region, "startLine", json_integer(err->line));
  }
  emit_json_append(&st->failed, locs, location(st, err->path ? err->path : path, region));
  emit_json_set(&st->failed, n, "locations", locs);
  emit_json_append(&st->failed, st->notifications, n);
}

static void end(ddl_emitter *e) {
  sarif_state *st = e->state;
  json_t *driver = json_object(), *tool = json_object(), *run = json_object();
  json_t *invocation = json_object(), *invocations = json_array(), *runs = json_array();
  json_t *doc = json_object(), *base = json_object(), *bases = json_object();
  bool *failed = &st->failed;
  emit_json_set(failed, driver, "name", json_string("ddlint"));
  emit_json_set(failed, driver, "version", json_string(ddl_version()));
  emit_json_set(failed, driver, "semanticVersion", json_string(ddl_version()));
  if (*DDLINT_HOMEPAGE)
    emit_json_set(failed, driver, "informationUri", json_string(DDLINT_HOMEPAGE));
  emit_json_set(failed, driver, "rules", json_incref(st->rules));
  emit_json_set(failed, tool, "driver", driver);
  emit_json_set(failed, run, "tool", tool);
  emit_json_set(failed, invocation, "executionSuccessful",
                json_boolean(json_array_size(st->notifications) == 0));
  if (json_array_size(st->notifications))
    emit_json_set(failed, invocation, "toolExecutionNotifications",
                  json_incref(st->notifications));
  emit_json_append(failed, invocations, invocation);
  emit_json_set(failed, run, "invocations", invocations);
  if (st->cwd) {
    ddl_buf b = {0};
    ddl_buf_puts(&b, "file://");
    uri_encode(&b, st->cwd);
    emit_json_set(failed, base, "uri", json_stringn(ddl_buf_cstr(&b), b.len));
    ddl_buf_free(&b);
    emit_json_set(failed, bases, "SRCROOT", base);
    emit_json_set(failed, run, "originalUriBaseIds", bases);
  } else {
    json_decref(base);
    json_decref(bases);
  }
  emit_json_set(failed, run, "columnKind",
                json_string(e->o.columns == DDL_COLUMN_UTF16 ? "utf16CodeUnits"
                                                              : "unicodeCodePoints"));
  emit_json_set(failed, run, "results", json_incref(st->results));
  emit_json_append(failed, runs, run);
  emit_json_set(failed, doc, "$schema", json_string("https://json.schemastore.org/sarif-2.1.0.json"));
  emit_json_set(failed, doc, "version", json_string("2.1.0"));
  emit_json_set(failed, doc, "runs", runs);
  emit_json_dump(&e->o, doc, st->failed);
  json_decref(doc);
}

static void free_state(void *state) {
  sarif_state *st = state;
  json_decref(st->rules);
  json_decref(st->results);
  json_decref(st->notifications);
  json_decref(st->rule_index);
  free(st->cwd);
  free(st);
}

const emit_format emit_format_sarif = {
    .begin = begin, .file = file, .error = error, .end = end, .free = free_state};
