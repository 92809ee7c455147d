/* --format=json: one document for the whole run, built with jansson. */
#include "emit/emit.h"

#include <jansson.h>
#include <stdlib.h>

struct emit_json {
  json_t *files;
};

emit_json *emit_json_new(void) {
  emit_json *j = calloc(1, sizeof(*j));
  if (!j || !(j->files = json_array())) {
    fprintf(stderr, "ddlint: out of memory\n");
    abort();
  }
  return j;
}

static json_t *diag_json(const ddl_diag *d) {
  json_t *notes = json_array();
  for (size_t k = 0; k < ddl_diag_note_count(d); k++)
    json_array_append_new(notes, json_string(ddl_diag_note(d, k)));
  return json_pack("{s:I, s:I, s:I, s:I, s:s, s:s, s:s, s:o}", "line",
                   (json_int_t)ddl_diag_line(d), "column", (json_int_t)ddl_diag_column(d),
                   "end_line", (json_int_t)ddl_diag_end_line(d), "end_column",
                   (json_int_t)ddl_diag_end_column(d), "severity",
                   ddl_severity_name(ddl_diag_severity(d)), "rule", ddl_diag_rule(d), "message",
                   ddl_diag_message(d), "notes", notes);
}

void emit_json_result(emit_json *j, const ddl_result *r) {
  json_t *coverage = json_object(), *diags = json_array();
  for (size_t i = 0; i < ddl_result_coverage_count(r); i++) {
    const ddl_coverage *c = ddl_result_coverage(r, i);
    json_t *entry = json_pack("{s:s, s:o}", "status", ddl_coverage_status_name(c->status), "line",
                              c->line ? json_integer(c->line) : json_null());
    if (c->not_applicable)
      json_object_set_new(entry, "not_applicable", json_true());
    json_object_set_new(coverage, c->area, entry);
  }
  for (size_t i = 0; i < ddl_result_diag_count(r); i++)
    json_array_append_new(diags, diag_json(ddl_result_diag(r, i)));
  json_array_append_new(j->files, json_pack("{s:s, s:o, s:o}", "path", ddl_result_path(r),
                                            "coverage", coverage, "diagnostics", diags));
}

void emit_json_error(emit_json *j, const char *path, const ddl_error *err) {
  json_t *e = json_pack("{s:s, s:s}", "path", path, "error", err->message);
  if (err->line) {
    json_object_set_new(e, "line", json_integer(err->line));
    json_object_set_new(e, "column", json_integer(err->column));
  }
  json_array_append_new(j->files, e);
}

void emit_json_finish(emit_json *j, const emit_opts *o) {
  json_t *doc = json_pack("{s:i, s:o}", "version", 1, "files", j->files);
  json_dumpf(doc, o->out, JSON_INDENT(2));
  fputc('\n', o->out);
  json_decref(doc);
  free(j);
}
