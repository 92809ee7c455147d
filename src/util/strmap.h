/* A hash map from NUL-terminated strings to indices, for the duplicate and
 * lookup checks that would otherwise compare every pair (rule ids, keys,
 * YAML anchors).  Keys are borrowed: they must outlive the map. */
#ifndef DDL_UTIL_STRMAP_H
#define DDL_UTIL_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
  const char *key; /* NULL: empty slot */
  uint64_t hash;
  size_t value;
} ddl_strmap_slot;

typedef struct {
  ddl_strmap_slot *slots; /* NULL until the first insertion */
  size_t cap, len;        /* cap is 0 or a power of two */
  uint64_t seed;
} ddl_strmap;

#define DDL_STRMAP_INIT                                                                            \
  { NULL, 0, 0, 0 }

/* Adds KEY with VALUE unless KEY is present; returns true when added, and
 * false with the present value in *old (if OLD is not NULL) otherwise. */
bool ddl_strmap_add(ddl_strmap *m, const char *key, size_t value, size_t *old);
/* Sets KEY to VALUE, adding it if needed. */
void ddl_strmap_set(ddl_strmap *m, const char *key, size_t value);
/* Finds KEY: true with its value in *value (if VALUE is not NULL). */
bool ddl_strmap_get(const ddl_strmap *m, const char *key, size_t *value);
void ddl_strmap_free(ddl_strmap *m);

#endif
