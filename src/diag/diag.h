/* Diagnostics: structured findings; output formats live in the front end. */
#ifndef DDL_DIAG_DIAG_H
#define DDL_DIAG_DIAG_H

#include "internal.h"
#include "io/source.h"
#include "util/arena.h"
#include "util/vec.h"

struct ddl_diag {
  const char *rule;          /* rule id, in the list's arena */
  ddl_severity severity;
  uint32_t start, end;       /* source byte range */
  unsigned line, column, end_line, end_column;
  const char *message;
  const char **notes;
  size_t nnotes;
  size_t seq;                /* report order: keeps sorting stable */
  /* A suggested edit, when the rule knows one: insert fix.text at source
   * offset fix_at, which finalize turns into fix.line:fix.column. */
  bool has_fix;
  uint32_t fix_at;
  ddl_fix fix;
};

typedef struct {
  ddl_arena arena;
  DDL_VEC(ddl_diag *) items;
} ddl_diag_list;

ddl_diag *ddl_diag_add(ddl_diag_list *list, const char *rule, ddl_severity sev,
                       uint32_t start, uint32_t end, const char *fmt, va_list ap);
void ddl_diag_add_note(ddl_diag_list *list, ddl_diag *d, const char *fmt, va_list ap);
/* Suggests inserting TEXT at source offset AT; TITLE says what it does. */
void ddl_diag_set_fix(ddl_diag_list *list, ddl_diag *d, uint32_t at, const char *title,
                      const char *text);
/* Computes line:column from SRC and sorts by position, then severity
 * (most severe first), then rule id. */
void ddl_diag_finalize(ddl_diag_list *list, const ddl_source *src);
void ddl_diag_list_free(ddl_diag_list *list);

#endif
