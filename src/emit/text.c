/* The default format: PATH:LINE:COL: SEVERITY: MESSAGE [RULE], as gcc. */
#include "emit/emit.h"

#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *const severity_color[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m"};

static void location(emit_opts *o, const char *path, unsigned line, unsigned col) {
  if (o->color)
    emit_puts(o, BOLD);
  emit_safe(o, path, 0);
  emit_write(o, ":", 1);
  emit_uint(o, line);
  emit_write(o, ":", 1);
  emit_uint(o, col);
  emit_puts(o, o->color ? ":" RESET " " : ": ");
}

static void severity(emit_opts *o, ddl_severity sev) {
  if (o->color)
    emit_puts(o, severity_color[sev]);
  emit_puts(o, ddl_severity_name(sev));
  emit_puts(o, o->color ? ":" RESET " " : ": ");
}

static void file(ddl_emitter *e, const ddl_result *r) {
  emit_opts *o = &e->o;
  const char *path = ddl_result_path(r);
  emit_column_cursor cursor = {0};
  for (size_t i = 0; i < ddl_result_diag_count(r) && !o->error; i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    unsigned column = emit_column(&cursor, o->columns, r, ddl_diag_line(d), ddl_diag_column(d));
    location(o, path, ddl_diag_line(d), column);
    severity(o, ddl_diag_severity(d));
    emit_safe(o, ddl_diag_message(d), EMIT_MESSAGE_MAX);
    emit_puts(o, o->color ? " [" BOLD : " [");
    emit_safe(o, ddl_diag_rule(d), 0);
    emit_puts(o, o->color ? RESET "]\n" : "]\n");
    if (o->snippet)
      emit_snippet(o, r, d);
    for (size_t k = 0; o->notes && k < ddl_diag_note_count(d); k++) {
      location(o, path, ddl_diag_line(d), column);
      severity(o, DDL_SEV_NOTE);
      emit_safe(o, ddl_diag_note(d, k), EMIT_MESSAGE_MAX);
      emit_write(o, "\n", 1);
    }
  }
}

void emit_text_error(emit_opts *o, const ddl_error *err) {
  if (err->path && err->line) {
    location(o, err->path, err->line, err->column);
    severity(o, DDL_SEV_ERROR);
  } else {
    emit_puts(o, "ddlint: ");
    severity(o, DDL_SEV_ERROR);
    if (err->path) {
      emit_safe(o, err->path, 0);
      emit_puts(o, ": ");
    }
  }
  emit_safe(o, err->message, EMIT_MESSAGE_MAX);
  emit_write(o, "\n", 1);
}

static void error(ddl_emitter *e, const char *path, const ddl_error *err) {
  (void)path; /* ERR names the file, and where in it when it can */
  emit_text_error(&e->o, err);
}

const emit_format emit_format_text = {.file = file, .error = error};
