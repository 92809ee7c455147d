/* --summary: one coverage table per document. */
#include "emit/emit.h"

void emit_summary(const emit_opts *o, const ddl_result *r) {
  static const char *const color[] = {"\033[1;31m", "\033[1;33m", "\033[1;32m"};
  fprintf(o->out, "%s\n", ddl_result_path(r));
  size_t n = ddl_result_coverage_count(r);
  if (n == 0) {
    fprintf(o->out, "  (no area-coverage rules enabled)\n");
    return;
  }
  fprintf(o->out, "  %-14s %-9s %s\n", "area", "status", "evidence");
  for (size_t i = 0; i < n; i++) {
    const ddl_coverage *c = ddl_result_coverage(r, i);
    fprintf(o->out, "  %-14s %s%-9s%s ", c->area, o->color ? color[c->status] : "",
            ddl_coverage_status_name(c->status), o->color ? "\033[0m" : "");
    if (c->line)
      fprintf(o->out, "line %u%s\n", c->line, c->not_applicable ? " (marked not applicable)" : "");
    else
      fprintf(o->out, "-\n");
  }
}
