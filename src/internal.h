/* Declarations shared by every part of the library. */
#ifndef DDL_INTERNAL_H
#define DDL_INTERNAL_H

#include "ddlint.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DDL_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define DDL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DDL_PRINTF(f, a)
#endif

/* A byte range [start, end) in a document's source or a block's text. */
typedef struct {
  uint32_t start, end;
} ddl_span;

/* Records an error on the context and returns CODE, so callers can write
 * `return ddl_ctx__fail(ctx, DDL_EIO, path, 0, 0, "...")`. */
int ddl_ctx__fail(ddl_ctx *ctx, int code, const char *path, unsigned line,
                  unsigned column, const char *fmt, ...) DDL_PRINTF(6, 7);
int ddl_ctx__vfail(ddl_ctx *ctx, int code, const char *path, unsigned line,
                   unsigned column, const char *fmt, va_list ap);

#endif
