/* The one allocator: aborts on exhaustion, as cmark's default does. */
#include "util/mem.h"

#include <cmark.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size) {
  fprintf(stderr, "ddlint: out of memory allocating %zu bytes\n", size);
  abort();
}

void *ddl_xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p)
    out_of_memory(size);
  return p;
}

void *ddl_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p)
    out_of_memory(count * size);
  return p;
}

void *ddl_xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
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

static void *cm_calloc(size_t count, size_t size) { return ddl_xcalloc(count, size); }
static void *cm_realloc(void *p, size_t size) { return ddl_xrealloc(p, size); }

static cmark_mem cmark_allocator = {cm_calloc, cm_realloc, free};

struct cmark_mem *ddl_cmark_mem(void) { return &cmark_allocator; }
