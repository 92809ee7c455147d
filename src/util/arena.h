/* A bump allocator for everything that lives as long as one document. */
#ifndef DDL_UTIL_ARENA_H
#define DDL_UTIL_ARENA_H

#include <stddef.h>

typedef struct ddl_arena_chunk ddl_arena_chunk;

typedef struct {
  ddl_arena_chunk *chunks;
} ddl_arena;

/* Zeroed memory aligned for any type, owned by the arena. */
void *ddl_arena_alloc(ddl_arena *a, size_t size);
char *ddl_arena_strndup(ddl_arena *a, const char *s, size_t len);
/* Copies N elements of SIZE bytes; returns NULL when N is 0. */
void *ddl_arena_memdup(ddl_arena *a, const void *p, size_t n, size_t size);
void ddl_arena_free(ddl_arena *a);

#endif
