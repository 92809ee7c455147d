/* Where a failing call leaves its error: the code, the file, the position
 * and the message.  Each layer takes the sink it reports to, so that
 * reading, parsing and loading never call up into the context, and a
 * thread can read and parse with a sink of its own. */
#ifndef DDL_UTIL_ERRSINK_H
#define DDL_UTIL_ERRSINK_H

#include "ddlint.h"
#include "util/buf.h"

#include <stdarg.h>

typedef struct ddl_errsink {
  ddl_error err;  /* strings point into msg and path below */
  ddl_buf msg;
  char *path;
} ddl_errsink;

#define DDL_ERRSINK_INIT {{0, NULL, 0, 0, ""}, {0}, NULL}

#if defined(__GNUC__)
#define DDL_ERRSINK_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DDL_ERRSINK_PRINTF(f, a)
#endif

/* Records an error and returns CODE, so callers can write
 * `return ddl_fail(errs, DDL_EIO, path, 0, 0, "...")`. */
int ddl_fail(ddl_errsink *s, int code, const char *path, unsigned line, unsigned column,
             const char *fmt, ...) DDL_ERRSINK_PRINTF(6, 7);
int ddl_vfail(ddl_errsink *s, int code, const char *path, unsigned line, unsigned column,
              const char *fmt, va_list ap);
/* Copies ERR (from another sink) into S and returns its code. */
int ddl_fail_copy(ddl_errsink *s, const ddl_error *err);
void ddl_errsink_free(ddl_errsink *s);

#endif
