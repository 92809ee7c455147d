/* Accessors for results and diagnostics. */
#include "result.h"

#include <stdlib.h>

void ddl_result_free(ddl_result *r) {
  if (!r)
    return;
  ddl_source_free(&r->src);
  ddl_diag_list_free(&r->diags);
  free(r->coverage);
  free(r);
}

const char *ddl_result_path(const ddl_result *r) { return r->src.name; }
size_t ddl_result_diag_count(const ddl_result *r) { return r->diags.items.len; }

const ddl_diag *ddl_result_diag(const ddl_result *r, size_t i) {
  return i < r->diags.items.len ? r->diags.items.items[i] : NULL;
}

size_t ddl_result_count(const ddl_result *r, ddl_severity sev) {
  return (unsigned)sev < 3 ? r->counts[sev] : 0;
}

size_t ddl_result_coverage_count(const ddl_result *r) { return r->ncoverage; }

const ddl_coverage *ddl_result_coverage(const ddl_result *r, size_t i) {
  return i < r->ncoverage ? &r->coverage[i] : NULL;
}

int ddl_result_fail_on(const ddl_result *r) { return r->fail_on; }

const char *ddl_result_line(const ddl_result *r, unsigned line, size_t *len) {
  return ddl_source_line(&r->src, line, len);
}

unsigned ddl_diag_line(const ddl_diag *d) { return d->line; }
unsigned ddl_diag_column(const ddl_diag *d) { return d->column; }
unsigned ddl_diag_end_line(const ddl_diag *d) { return d->end_line; }
unsigned ddl_diag_end_column(const ddl_diag *d) { return d->end_column; }
ddl_severity ddl_diag_severity(const ddl_diag *d) { return d->severity; }
const char *ddl_diag_rule(const ddl_diag *d) { return d->rule; }
const char *ddl_diag_message(const ddl_diag *d) { return d->message; }
size_t ddl_diag_note_count(const ddl_diag *d) { return d->nnotes; }
const char *ddl_diag_note(const ddl_diag *d, size_t i) { return i < d->nnotes ? d->notes[i] : NULL; }
const ddl_fix *ddl_diag_fix(const ddl_diag *d) { return d->has_fix ? &d->fix : NULL; }
