/* Bump allocation in chunks; with DDL_DEBUG_ARENA every allocation is its
 * own chunk so that ASan and valgrind see each one. */
#include "util/arena.h"

#include "util/mem.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

struct ddl_arena_chunk {
  ddl_arena_chunk *next;
  size_t used, size;
  alignas(max_align_t) unsigned char data[];
};

enum { CHUNK_SIZE = 64 * 1024 };

static void *bump_rounded(ddl_arena *a, size_t size) {
#ifndef DDL_DEBUG_ARENA
  ddl_arena_chunk *c = a->chunks;
  if (c && c->size - c->used >= size) {
    void *p = c->data + c->used;
    c->used += size;
    return p;
  }
  /* Large requests get a chunk of their own behind the current one so the
   * current chunk's free space is not wasted. */
  size_t cap = size > CHUNK_SIZE / 4 ? size : CHUNK_SIZE;
#else
  size_t cap = size;
#endif
  ddl_arena_chunk *n = ddl_xmalloc(sizeof(*n) + cap);
  n->size = cap;
  n->used = size;
  if (a->chunks && cap != CHUNK_SIZE) {
    n->next = a->chunks->next;
    a->chunks->next = n;
  } else {
    n->next = a->chunks;
    a->chunks = n;
  }
  return n->data;
}

/* Chunks are not zeroed as they are made: most documents use a fraction
 * of their first chunk, and clearing 64 KiB per document was a tenth of
 * linting many small files.  What is handed out is zeroed instead, and
 * so is the padding after it: pcre2's JIT reads a subject in aligned
 * 16-byte loads that may reach past its end, harmlessly but not into
 * bytes never written (valgrind would say the match depends on them). */
static void *bump(ddl_arena *a, size_t want) {
  size_t size = (want + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);
  void *p = bump_rounded(a, size);
  memset((char *)p + want, 0, size - want);
  return p;
}

void *ddl_arena_alloc(ddl_arena *a, size_t size) {
  void *p = bump(a, size);
  memset(p, 0, size);
  return p;
}

char *ddl_arena_strndup(ddl_arena *a, const char *s, size_t len) {
  char *p = bump(a, len + 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

void *ddl_arena_memdup(ddl_arena *a, const void *p, size_t n, size_t size) {
  if (n == 0)
    return NULL;
  void *q = bump(a, n * size);
  memcpy(q, p, n * size);
  return q;
}

void ddl_arena_free(ddl_arena *a) {
  ddl_arena_chunk *c = a->chunks;
  while (c) {
    ddl_arena_chunk *next = c->next;
    free(c);
    c = next;
  }
  a->chunks = NULL;
}
