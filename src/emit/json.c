/* --format=json: one document for the whole run, built with jansson.
 * jansson refuses strings that are not UTF-8, and a refused value would
 * silently drop its whole entry: every string from outside (file names
 * above all) goes through text(), and any value jansson still fails to
 * build marks the document as failed instead of going missing. */
#include "emit/emit.h"

#include "util/buf.h"
#include "util/utf8.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct emit_json {
  json_t *files;
  bool failed;
};

emit_json *emit_json_new(void) {
  emit_json *j = calloc(1, sizeof(*j));
  if (!j || !(j->files = json_array())) {
    fprintf(stderr, "ddlint: out of memory\n");
    abort();
  }
  return j;
}

/* S as a JSON string, ill-formed UTF-8 replaced by U+FFFD. */
static json_t *text(const char *s) {
  size_t len = strlen(s);
  if (ddl_utf8_valid(s, len))
    return json_stringn(s, len);
  ddl_buf b = {0};
  ddl_utf8_repair(&b, s, len);
  json_t *v = json_stringn(ddl_buf_cstr(&b), b.len);
  ddl_buf_free(&b);
  return v;
}

/* The exact bytes of a file name that is not UTF-8, in base64 as ripgrep's
 * JSON gives them, so a consumer can still open the file. */
static json_t *base64(const char *s) {
  static const char digits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const unsigned char *u = (const unsigned char *)s;
  size_t len = strlen(s);
  ddl_buf b = {0};
  for (size_t i = 0; i < len; i += 3) {
    unsigned v = (unsigned)u[i] << 16 | (i + 1 < len ? (unsigned)u[i + 1] << 8 : 0) |
                 (i + 2 < len ? u[i + 2] : 0);
    ddl_buf_putc(&b, digits[v >> 18 & 63]);
    ddl_buf_putc(&b, digits[v >> 12 & 63]);
    ddl_buf_putc(&b, i + 1 < len ? digits[v >> 6 & 63] : '=');
    ddl_buf_putc(&b, i + 2 < len ? digits[v & 63] : '=');
  }
  json_t *out = json_stringn(ddl_buf_cstr(&b), b.len);
  ddl_buf_free(&b);
  return out;
}

static void set(emit_json *j, json_t *obj, const char *key, json_t *value) {
  if (!obj || !value || json_object_set_new(obj, key, value))
    j->failed = true;
}

static void append(emit_json *j, json_t *array, json_t *value) {
  if (!value || json_array_append_new(array, value))
    j->failed = true;
}

/* {"path": ...} and, for a name that is not UTF-8, its bytes. */
static json_t *file_entry(emit_json *j, const char *path) {
  json_t *e = json_object();
  set(j, e, "path", text(path));
  if (!ddl_utf8_valid(path, strlen(path)))
    set(j, e, "path_bytes", base64(path));
  return e;
}

static json_t *diag_json(emit_json *j, const ddl_diag *d) {
  json_t *notes = json_array(), *e = json_object();
  for (size_t k = 0; notes && k < ddl_diag_note_count(d); k++)
    append(j, notes, text(ddl_diag_note(d, k)));
  set(j, e, "line", json_integer(ddl_diag_line(d)));
  set(j, e, "column", json_integer(ddl_diag_column(d)));
  set(j, e, "end_line", json_integer(ddl_diag_end_line(d)));
  set(j, e, "end_column", json_integer(ddl_diag_end_column(d)));
  set(j, e, "severity", json_string(ddl_severity_name(ddl_diag_severity(d))));
  set(j, e, "rule", text(ddl_diag_rule(d)));
  set(j, e, "message", text(ddl_diag_message(d)));
  set(j, e, "notes", notes);
  return e;
}

void emit_json_result(emit_json *j, const ddl_result *r) {
  json_t *coverage = json_object(), *diags = json_array();
  for (size_t i = 0; i < ddl_result_coverage_count(r); i++) {
    const ddl_coverage *c = ddl_result_coverage(r, i);
    json_t *entry = json_object();
    set(j, entry, "status", json_string(ddl_coverage_status_name(c->status)));
    set(j, entry, "line", c->line ? json_integer(c->line) : json_null());
    if (c->not_applicable)
      set(j, entry, "not_applicable", json_true());
    set(j, coverage, c->area, entry);
  }
  for (size_t i = 0; diags && i < ddl_result_diag_count(r); i++)
    append(j, diags, diag_json(j, ddl_result_diag(r, i)));
  json_t *e = file_entry(j, ddl_result_path(r));
  set(j, e, "coverage", coverage);
  set(j, e, "diagnostics", diags);
  append(j, j->files, e);
}

void emit_json_error(emit_json *j, const char *path, const ddl_error *err) {
  json_t *e = file_entry(j, path);
  set(j, e, "error", text(err->message));
  if (err->line) {
    set(j, e, "line", json_integer(err->line));
    set(j, e, "column", json_integer(err->column));
  }
  append(j, j->files, e);
}

void emit_json_finish(emit_json *j, emit_opts *o) {
  json_t *doc = json_object();
  set(j, doc, "version", json_integer(1));
  set(j, doc, "files", j->files);
  if (j->failed) {
    /* Only allocation can fail once every string is UTF-8. */
    if (!o->error)
      o->error = ENOMEM;
  } else if (!o->error) {
    errno = 0;
    /* jansson may carry on past a failed write and still answer 0. */
    if (json_dumpf(doc, o->out, JSON_INDENT(2)) != 0 || ferror(o->out))
      o->error = errno ? errno : EIO;
    emit_write(o, "\n", 1);
  }
  json_decref(doc);
  free(j);
}
