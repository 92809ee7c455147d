/* The default format: PATH:LINE:COL: SEVERITY: MESSAGE [RULE], as gcc. */
#include "emit/emit.h"

#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *const severity_color[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m"};

static void location(const emit_opts *o, const char *path, unsigned line, unsigned col) {
  fprintf(o->out, "%s%s:%u:%u:%s ", o->color ? BOLD : "", path, line, col, o->color ? RESET : "");
}

static void severity(const emit_opts *o, ddl_severity sev) {
  fprintf(o->out, "%s%s:%s ", o->color ? severity_color[sev] : "", ddl_severity_name(sev),
          o->color ? RESET : "");
}

void emit_text(const emit_opts *o, const ddl_result *r) {
  const char *path = ddl_result_path(r);
  for (size_t i = 0; i < ddl_result_diag_count(r); i++) {
    const ddl_diag *d = ddl_result_diag(r, i);
    location(o, path, ddl_diag_line(d), ddl_diag_column(d));
    severity(o, ddl_diag_severity(d));
    fprintf(o->out, "%s [%s%s%s]\n", ddl_diag_message(d), o->color ? BOLD : "", ddl_diag_rule(d),
            o->color ? RESET : "");
    if (o->snippet)
      emit_snippet(o, r, d);
    for (size_t k = 0; k < ddl_diag_note_count(d); k++) {
      location(o, path, ddl_diag_line(d), ddl_diag_column(d));
      severity(o, DDL_SEV_NOTE);
      fprintf(o->out, "%s\n", ddl_diag_note(d, k));
    }
  }
}

void emit_text_error(const emit_opts *o, const ddl_error *err) {
  if (err->path && err->line) {
    location(o, err->path, err->line, err->column);
    severity(o, DDL_SEV_ERROR);
    fprintf(o->out, "%s\n", err->message);
  } else {
    fprintf(o->out, "ddlint: ");
    severity(o, DDL_SEV_ERROR);
    if (err->path)
      fprintf(o->out, "%s: ", err->path);
    fprintf(o->out, "%s\n", err->message);
  }
}
