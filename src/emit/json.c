/* --format=json: one document for the whole run, built with jansson.
 * Every string from outside (file names above all) goes through
 * emit_json_text(), and any value jansson still fails to build marks the
 * document as failed instead of going missing. */
#include "emit/emit.h"

#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  json_t *files;
  bool failed;
} json_state;

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

/* {"path": ...} and, for a name that is not UTF-8, its bytes. */
static json_t *file_entry(json_state *j, const char *path) {
  json_t *e = json_object();
  emit_json_set(&j->failed, e, "path", emit_json_text(path));
  if (!ddl_utf8_valid(path, strlen(path)))
    emit_json_set(&j->failed, e, "path_bytes", base64(path));
  return e;
}

static json_t *diag_json(json_state *j, const emit_opts *o, const ddl_result *r,
                         emit_column_cursor cursors[2], const ddl_diag *d) {
  unsigned line = ddl_diag_line(d), end_line = ddl_diag_end_line(d);
  json_t *notes = json_array(), *e = json_object();
  for (size_t k = 0; notes && k < ddl_diag_note_count(d); k++)
    emit_json_append(&j->failed, notes, emit_json_text(ddl_diag_note(d, k)));
  emit_json_set(&j->failed, e, "line", json_integer(line));
  emit_json_set(&j->failed, e, "column",
                json_integer(emit_column(&cursors[0], o->columns, r, line, ddl_diag_column(d))));
  emit_json_set(&j->failed, e, "end_line", json_integer(end_line));
  emit_json_set(&j->failed, e, "end_column",
                json_integer(emit_column(&cursors[1], o->columns, r, end_line,
                                         ddl_diag_end_column(d))));
  emit_json_set(&j->failed, e, "severity", json_string(ddl_severity_name(ddl_diag_severity(d))));
  emit_json_set(&j->failed, e, "rule", emit_json_text(ddl_diag_rule(d)));
  emit_json_set(&j->failed, e, "message", emit_json_text(ddl_diag_message(d)));
  emit_json_set(&j->failed, e, "notes", notes);
  return e;
}

static void *begin(ddl_emitter *e) {
  (void)e;
  json_state *j = ddl_xcalloc(1, sizeof(*j));
  j->files = json_array();
  j->failed = !j->files;
  return j;
}

static void file(ddl_emitter *em, const ddl_result *r) {
  json_state *j = em->state;
  json_t *coverage = json_object(), *diags = json_array();
  for (size_t i = 0; i < ddl_result_coverage_count(r); i++) {
    const ddl_coverage *c = ddl_result_coverage(r, i);
    json_t *entry = json_object();
    emit_json_set(&j->failed, entry, "status", json_string(ddl_coverage_status_name(c->status)));
    emit_json_set(&j->failed, entry, "line", c->line ? json_integer(c->line) : json_null());
    if (c->not_applicable)
      emit_json_set(&j->failed, entry, "not_applicable", json_true());
    emit_json_set(&j->failed, coverage, c->area, entry);
  }
  emit_column_cursor cursors[2] = {{0}, {0}};
  for (size_t i = 0; diags && i < ddl_result_diag_count(r); i++)
    emit_json_append(&j->failed, diags, diag_json(j, &em->o, r, cursors, ddl_result_diag(r, i)));
  json_t *e = file_entry(j, ddl_result_path(r));
  emit_json_set(&j->failed, e, "coverage", coverage);
  emit_json_set(&j->failed, e, "diagnostics", diags);
  emit_json_append(&j->failed, j->files, e);
}

static void error(ddl_emitter *em, const char *path, const ddl_error *err) {
  json_state *j = em->state;
  json_t *e = file_entry(j, path);
  emit_json_set(&j->failed, e, "error", emit_json_text(err->message));
  if (err->line) {
    emit_json_set(&j->failed, e, "line", json_integer(err->line));
    emit_json_set(&j->failed, e, "column", json_integer(err->column));
  }
  emit_json_append(&j->failed, j->files, e);
}

static void end(ddl_emitter *em) {
  json_state *j = em->state;
  json_t *doc = json_object();
  emit_json_set(&j->failed, doc, "version", json_integer(1));
  emit_json_set(&j->failed, doc, "column_unit", json_string(ddl_column_unit_name(em->o.columns)));
  emit_json_set(&j->failed, doc, "files", json_incref(j->files));
  emit_json_dump(&em->o, doc, j->failed);
  json_decref(doc);
}

static void free_state(void *state) {
  json_state *j = state;
  json_decref(j->files);
  free(j);
}

const emit_format emit_format_json = {
    .begin = begin, .file = file, .error = error, .end = end, .free = free_state};
