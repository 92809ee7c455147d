/* The emitter of ddlint.h: the table of formats, which also drives
 * --help, and the dispatch to each format's hooks. */
#include "emit/emit.h"

#include "internal.h"
#include "util/buf.h"
#include "util/mem.h"

#include <string.h>

/* What --help says of each format, and its hooks, in the same order. */
static const ddl_format list[] = {
    {"text", "gcc-style lines: PATH:LINE:COL: SEVERITY: MESSAGE [RULE]",
     false, false},
    {"summary", "each file's coverage table: area, status, evidence line", false, false},
    {"json", "one JSON document with every file's diagnostics and coverage", true, true},
    {"sarif", "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers", true, true},
    {"github", "GitHub Actions workflow commands: annotations on the pull request", false,
     true},
    {"gitlab", "GitLab Code Quality report (JSON)", true, false},
    {NULL, NULL, false, false},
};
static const emit_format *const formats[] = {
    &emit_format_text, &emit_format_summary, &emit_format_json,
    &emit_format_sarif, &emit_format_github, &emit_format_gitlab,
};
enum { NFORMATS = sizeof(formats) / sizeof(formats[0]) };
_Static_assert(NFORMATS + 1 == sizeof(list) / sizeof(list[0]), "a format without its hooks");

const ddl_format *ddl_formats(void) { return list; }

int ddl_emitter_new(ddl_emitter **out, ddl_ctx *ctx, const char *name, FILE *f,
                    const ddl_emit_options *opts) {
  *out = NULL;
  for (size_t i = 0; i < NFORMATS; i++) {
    if (strcmp(list[i].name, name) != 0)
      continue;
    ddl_emitter *e = ddl_xcalloc(1, sizeof(*e));
    e->format = formats[i];
    e->info = &list[i];
    e->o = (emit_opts){f, opts && opts->color, opts && opts->snippet, !opts || opts->notes,
                       opts ? opts->columns : DDL_COLUMN_BYTE, 0};
    e->rules = opts ? opts->rules : NULL;
    if (e->format->begin)
      e->state = e->format->begin(e);
    *out = e;
    return DDL_OK;
  }
  ddl_buf names = {0};
  for (size_t i = 0; i < NFORMATS; i++)
    ddl_buf_printf(&names, "%s%s", i ? (i + 1 == NFORMATS ? " or " : ", ") : "",
                   list[i].name);
  if (!ctx) {
    ddl_buf_free(&names);
    return DDL_EUSAGE;
  }
  int rc = ddl_fail(ddl_ctx__errsink(ctx), DDL_EUSAGE, NULL, 0, 0,
                    "unknown output format '%s' (expected %s)", name, ddl_buf_cstr(&names));
  ddl_buf_free(&names);
  return rc;
}

int ddl_emitter_file(ddl_emitter *e, const ddl_result *r) {
  if (e->format->file && !e->o.error)
    e->format->file(e, r);
  return e->o.error;
}

int ddl_emitter_error(ddl_emitter *e, const char *path, const ddl_error *err) {
  if (e->format->error && !e->o.error)
    e->format->error(e, path, err);
  return e->o.error;
}

int ddl_emitter_end(ddl_emitter *e) {
  if (e->format->end && !e->o.error)
    e->format->end(e);
  emit_flush(&e->o);
  return e->o.error;
}

int ddl_emitter_flush(ddl_emitter *e) {
  emit_flush(&e->o);
  return e->o.error;
}

int ddl_emitter_status(const ddl_emitter *e) { return e->o.error; }

void ddl_emitter_free(ddl_emitter *e) {
  if (!e)
    return;
  if (e->format->free)
    e->format->free(e->state);
  free(e);
}
