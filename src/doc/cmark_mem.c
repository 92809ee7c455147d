/* cmark's allocator: malloc through ddlint's wrappers, or bump allocation
 * from the thread's arena, each block led by its size for realloc. */
#include "doc/cmark_mem.h"

#include "util/mem.h"

#include <cmark.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local ddl_arena *arena;

void ddl_cmark_mem_use(ddl_arena *a) { arena = a; }

/* The size header keeps the block aligned as the arena aligns. */
enum { HEADER = alignof(max_align_t) };

static void *cm_calloc(size_t count, size_t size) {
  if (!arena)
    return ddl_xcalloc(count, size);
  if (size && count > (SIZE_MAX - HEADER) / size)
    return ddl_xcalloc(count, size); /* which reports it and aborts */
  size_t n = count * size;
  unsigned char *p = ddl_arena_alloc(arena, HEADER + n); /* zeroed */
  memcpy(p, &n, sizeof(n));
  return p + HEADER;
}

static void *cm_realloc(void *p, size_t size) {
  if (!arena)
    return ddl_xrealloc(p, size);
  size_t old = 0;
  if (p)
    memcpy(&old, (unsigned char *)p - HEADER, sizeof(old));
  if (p && size <= old)
    return p;
  void *q = cm_calloc(1, size);
  if (p)
    memcpy(q, p, old);
  return q;
}

static void cm_free(void *p) {
  if (!arena)
    free(p);
}

static cmark_mem allocator = {cm_calloc, cm_realloc, cm_free};

struct cmark_mem *ddl_cmark_mem(void) { return &allocator; }
