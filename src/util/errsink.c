/* Error sinks: the last error, with its strings owned by the sink. */
#include "util/errsink.h"

#include "util/mem.h"

#include <stdlib.h>

int ddl_vfail(ddl_errsink *s, int code, const char *path, unsigned line, unsigned column,
              const char *fmt, va_list ap) {
  /* PATH may point into the sink itself (a copied error): copy it first. */
  char *p = path ? ddl_xstrdup(path) : NULL;
  ddl_buf msg = {0};
  ddl_buf_vprintf(&msg, fmt, ap);
  free(s->path);
  ddl_buf_free(&s->msg);
  s->path = p;
  s->msg = msg;
  s->err = (ddl_error){code, p, line, column, ddl_buf_cstr(&s->msg)};
  return code;
}

int ddl_fail(ddl_errsink *s, int code, const char *path, unsigned line, unsigned column,
             const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int rc = ddl_vfail(s, code, path, line, column, fmt, ap);
  va_end(ap);
  return rc;
}

int ddl_fail_copy(ddl_errsink *s, const ddl_error *err) {
  return ddl_fail(s, err->code, err->path, err->line, err->column, "%s", err->message);
}

void ddl_errsink_free(ddl_errsink *s) {
  free(s->path);
  ddl_buf_free(&s->msg);
  *s = (ddl_errsink)DDL_ERRSINK_INIT;
}
