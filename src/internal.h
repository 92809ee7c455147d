/* Declarations shared by every part of the library. */
#ifndef DDL_INTERNAL_H
#define DDL_INTERNAL_H

#include "ddlint.h"
#include "util/errsink.h"

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

/* Lints LEN bytes at DATA named NAME with ruleset RS, reporting to ERRS.
 * It reads nothing of a context, so threads may call it at once with
 * rulesets they share. */
int ddl__lint_source(ddl_result **out, const ddl_ruleset *rs, ddl_errsink *errs, const char *name,
                     const char *data, size_t len);
/* The same for DATA, a malloc'd buffer of LEN bytes plus a NUL, which it
 * takes over whatever the result: a file's bytes are not copied again. */
int ddl__lint_owned(ddl_result **out, const ddl_ruleset *rs, ddl_errsink *errs, const char *name,
                    char *data, size_t len);

/* The context's error sink, for the unit tests of the layers below it. */
ddl_errsink *ddl_ctx__errsink(ddl_ctx *ctx);
/* Whether the configuration that governs PATH leaves it out of directory
 * walks (its exclude: and include: lists); for the walker. */
bool ddl__ctx_leaves_out(ddl_ctx *ctx, const char *path, bool is_dir);

#endif
