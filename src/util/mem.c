/* The one allocator: aborts on exhaustion, as cmark's default does. */
#include "util/mem.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size) {
  fprintf(stderr, "ddlint: out of memory allocating %zu bytes\n", size);
  abort();
}

#ifdef DDL_FAIL_ALLOC
/* The failing-allocator build (tests/inject): DDLINT_FAIL_ALLOC_AT=N makes
 * the Nth allocation fail, so a test can walk N over a whole run and see
 * every failure end in out_of_memory(), never in a crash; N=0 counts them
 * and prints the total at exit.  Ordinary builds have none of this. */
static size_t alloc_count, alloc_fail_at;

static void print_alloc_count(void) {
  fprintf(stderr, "ddlint: fail-alloc: %zu allocations\n", alloc_count);
}

static bool fail_this_alloc(void) {
  if (alloc_count == 0) {
    const char *at = getenv("DDLINT_FAIL_ALLOC_AT");
    alloc_fail_at = at ? (size_t)strtoull(at, NULL, 10) : 0;
    if (at && alloc_fail_at == 0)
      atexit(print_alloc_count);
  }
  return ++alloc_count == alloc_fail_at;
}
#define FAIL_ALLOC() fail_this_alloc()
#else
#define FAIL_ALLOC() false
#endif

void *ddl_xmalloc(size_t size) {
  void *p = FAIL_ALLOC() ? NULL : malloc(size ? size : 1);
  if (!p)
    out_of_memory(size);
  return p;
}

void *ddl_xcalloc(size_t count, size_t size) {
  void *p = FAIL_ALLOC() ? NULL : calloc(count ? count : 1, size ? size : 1);
  if (!p)
    out_of_memory(count * size);
  return p;
}

void *ddl_xrealloc(void *ptr, size_t size) {
  void *p = FAIL_ALLOC() ? NULL : realloc(ptr, size ? size : 1);
  if (!p)
    out_of_memory(size);
  return p;
}

char *ddl_xstrndup(const char *s, size_t len) {
  char *p = ddl_xmalloc(len + 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *ddl_xstrdup(const char *s) { return ddl_xstrndup(s, strlen(s)); }

void *ddl_xgrow(void *ptr, size_t *cap, size_t need, size_t size) {
  if (need <= *cap)
    return ptr;
  size_t n = *cap ? *cap : 8;
  while (n < need) {
    if (n > SIZE_MAX / 2 / size)
      out_of_memory(SIZE_MAX);
    n *= 2;
  }
  *cap = n;
  return ddl_xrealloc(ptr, n * size);
}

