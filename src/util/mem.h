/* Allocation: every failure aborts, so callers never check for NULL.
 * Built with -DDDL_FAIL_ALLOC (tests/inject's ddlint_failalloc), the
 * environment variable DDLINT_FAIL_ALLOC_AT=N fails the Nth allocation. */
#ifndef DDL_UTIL_MEM_H
#define DDL_UTIL_MEM_H

#include <stddef.h>

void *ddl_xmalloc(size_t size);
void *ddl_xcalloc(size_t count, size_t size);
void *ddl_xrealloc(void *ptr, size_t size);
char *ddl_xstrdup(const char *s);
char *ddl_xstrndup(const char *s, size_t len);
/* Grows *cap geometrically until it holds NEED elements of SIZE bytes. */
void *ddl_xgrow(void *ptr, size_t *cap, size_t need, size_t size);

#endif
