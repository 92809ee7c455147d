/* --summary: one coverage table per document. */
#include "emit/emit.h"

#include <string.h>

static void file(ddl_emitter *e, const ddl_result *r) {
  emit_opts *o = &e->o;
  static const char *const color[] = {"\033[1;31m", "\033[1;33m", "\033[1;32m"};
  emit_safe(o, ddl_result_path(r), 0);
  emit_write(o, "\n", 1);
  size_t n = ddl_result_coverage_count(r);
  if (n == 0) {
    emit_printf(o, "  (no area-coverage rules enabled)\n");
    return;
  }
  emit_printf(o, "  %-14s %-9s %s\n", "area", "status", "evidence");
  for (size_t i = 0; i < n; i++) {
    const ddl_coverage *c = ddl_result_coverage(r, i);
    /* The area name comes from a pack, which may come from the linted
     * tree: written safely, padded by hand. */
    emit_write(o, "  ", 2);
    emit_safe(o, c->area, 64);
    for (size_t w = strlen(c->area); w < 14; w++)
      emit_write(o, " ", 1);
    emit_printf(o, " %s%-9s%s ", o->color ? color[c->status] : "",
                ddl_coverage_status_name(c->status), o->color ? "\033[0m" : "");
    if (c->line)
      emit_printf(o, "line %u%s\n", c->line, c->not_applicable ? " (marked not applicable)" : "");
    else
      emit_printf(o, "-\n");
  }
}

static void error(ddl_emitter *e, const char *path, const ddl_error *err) {
  (void)path;
  emit_text_error(&e->o, err);
}

const emit_format emit_format_summary = {.file = file, .error = error};
