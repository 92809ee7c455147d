/* Results to LSP diagnostics and code actions. */
#include "lsp/publish.h"

#include "lsp/json_text.h"

#include <stdlib.h>
#include <string.h>

static json_t *position(lsp_position p) {
  return json_pack("{s:I,s:I}", "line", (json_int_t)p.line, "character", (json_int_t)p.character);
}

json_t *lsp_range(const lsp_text *t, lsp_encoding enc, unsigned line, unsigned column,
                  unsigned end_line, unsigned end_column) {
  return json_pack("{s:o,s:o}", "start", position(lsp_text_position(t, enc, line, column)), "end",
                   position(lsp_text_position(t, enc, end_line, end_column)));
}

/* DiagnosticSeverity: Error 1, Warning 2, Information 3. */
static int severity(ddl_severity s) {
  return s == DDL_SEV_ERROR ? 1 : s == DDL_SEV_WARNING ? 2 : 3;
}

static json_t *action(const ddl_fix *fix, const lsp_text *t, const char *uri, long long version,
                      const lsp_client *client, json_t *diagnostic) {
  json_t *at = lsp_range(t, client->encoding, fix->line, fix->column, fix->line, fix->column);
  json_t *edits = json_pack("[{s:o,s:o}]", "range", at, "newText", lsp_json_str(fix->text));
  json_t *edit;
  if (client->document_changes)
    edit = json_pack("{s:[{s:{s:o,s:I},s:o}]}", "documentChanges", "textDocument", "uri",
                     lsp_json_str(uri), "version", (json_int_t)version, "edits", edits);
  else
    edit = json_pack("{s:{s:o}}", "changes", uri, edits);
  return json_pack("{s:o,s:s,s:[O],s:b,s:o}", "title", lsp_json_str(fix->title), "kind", "quickfix",
                   "diagnostics", diagnostic, "isPreferred", 1, "edit", edit);
}

json_t *lsp_diagnostics(const ddl_result *r, const lsp_text *t, const char *uri, long long version,
                        const lsp_client *client, json_t **actions) {
  json_t *list = json_array();
  if (actions)
    *actions = json_array();
  for (size_t i = 0; i < ddl_result_diag_count(r); i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    json_t *range = lsp_range(t, client->encoding, ddl_diag_line(d), ddl_diag_column(d),
                              ddl_diag_end_line(d), ddl_diag_end_column(d));
    size_t nnotes = ddl_diag_note_count(d);
    json_t *message;
    json_t *related = NULL;
    if (client->related_information || nnotes == 0) {
      message = lsp_json_str(ddl_diag_message(d));
      if (nnotes) {
        related = json_array();
        for (size_t k = 0; k < nnotes; k++)
          json_array_append_new(related, json_pack("{s:{s:o,s:O},s:o}", "location", "uri",
                                                   lsp_json_str(uri), "range", range, "message",
                                                   lsp_json_str(ddl_diag_note(d, k))));
      }
    } else {
      /* A client without relatedInformation shows the notes in the message. */
      size_t len = strlen(ddl_diag_message(d));
      for (size_t k = 0; k < nnotes; k++)
        len += 1 + strlen(ddl_diag_note(d, k));
      char *text = malloc(len + 1);
      if (!text)
        abort();
      strcpy(text, ddl_diag_message(d));
      for (size_t k = 0; k < nnotes; k++) {
        strcat(text, "\n");
        strcat(text, ddl_diag_note(d, k));
      }
      message = lsp_json_str(text);
      free(text);
    }
    json_t *diag = json_pack("{s:o,s:i,s:o,s:s,s:o}", "range", range, "severity",
                             severity(ddl_diag_severity(d)), "code", lsp_json_str(ddl_diag_rule(d)),
                             "source", "ddlint", "message", message);
    if (related)
      json_object_set_new(diag, "relatedInformation", related);
    const ddl_fix *fix = ddl_diag_fix(d);
    if (fix && actions)
      json_array_append_new(*actions, json_pack("{s:O,s:o}", "range", range, "action",
                                                action(fix, t, uri, version, client, diag)));
    json_array_append_new(list, diag);
  }
  return list;
}

json_t *lsp_failure(const ddl_error *err, const lsp_text *t, const lsp_client *client,
                    bool in_document) {
  json_t *range;
  if (in_document && t && err->line)
    range = lsp_range(t, client->encoding, err->line, err->column ? err->column : 1, err->line,
                      err->column ? err->column : 1);
  else
    range = json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", 0, "character", 0, "end",
                      "line", 0, "character", 0);
  char buf[4096];
  if (in_document || !err->path)
    snprintf(buf, sizeof(buf), "ddlint could not lint this document: %s", err->message);
  else if (err->line)
    snprintf(buf, sizeof(buf), "ddlint could not lint this document: %s:%u:%u: %s", err->path,
             err->line, err->column, err->message);
  else
    snprintf(buf, sizeof(buf), "ddlint could not lint this document: %s: %s", err->path,
             err->message);
  return json_pack("{s:o,s:i,s:s,s:o}", "range", range, "severity", 1, "source", "ddlint",
                   "message", lsp_json_str(buf));
}

static long long at(json_t *range, const char *which, const char *field) {
  return json_integer_value(json_object_get(json_object_get(range, which), field));
}

static int compare(json_t *a, const char *wa, json_t *b, const char *wb) {
  long long la = at(a, wa, "line"), lb = at(b, wb, "line");
  if (la != lb)
    return la < lb ? -1 : 1;
  long long ca = at(a, wa, "character"), cb = at(b, wb, "character");
  return ca < cb ? -1 : ca > cb;
}

bool lsp_ranges_meet(json_t *a, json_t *b) {
  return compare(a, "start", b, "end") <= 0 && compare(b, "start", a, "end") <= 0;
}
