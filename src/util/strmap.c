/* String hash map: open addressing with linear probing, at most half full.
 * The hash is seeded per map so that keys chosen to collide (a hostile
 * pack or configuration) cannot be prepared in advance. */
#include "util/strmap.h"

#include "util/mem.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t mix(uint64_t h) { /* the murmur3 finaliser */
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}

static uint64_t hash(const ddl_strmap *m, const char *key) {
  uint64_t h = 0xcbf29ce484222325ULL ^ m->seed; /* FNV-1a, then mixed */
  for (const unsigned char *p = (const unsigned char *)key; *p; p++)
    h = (h ^ *p) * 0x100000001b3ULL;
  return mix(h);
}

/* The slot holding KEY, or the empty slot where it would go. */
static ddl_strmap_slot *find(const ddl_strmap *m, const char *key, uint64_t h) {
  size_t mask = m->cap - 1;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    ddl_strmap_slot *s = &m->slots[i];
    if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
      return s;
  }
}

static void grow(ddl_strmap *m) {
  if (!m->slots) {
    /* The address of the map and the clock differ between runs; that is
     * all the secrecy a linter needs. */
    m->seed = mix((uint64_t)(uintptr_t)m ^ ((uint64_t)time(NULL) << 20) ^ (uint64_t)clock());
  }
  ddl_strmap old = *m;
  m->cap = old.cap ? old.cap * 2 : 16;
  m->slots = ddl_xcalloc(m->cap, sizeof(ddl_strmap_slot));
  for (size_t i = 0; i < old.cap; i++)
    if (old.slots[i].key)
      *find(m, old.slots[i].key, old.slots[i].hash) = old.slots[i];
  free(old.slots);
}

bool ddl_strmap_add(ddl_strmap *m, const char *key, size_t value, size_t *old) {
  if ((m->len + 1) * 2 > m->cap)
    grow(m);
  uint64_t h = hash(m, key);
  ddl_strmap_slot *s = find(m, key, h);
  if (s->key) {
    if (old)
      *old = s->value;
    return false;
  }
  *s = (ddl_strmap_slot){key, h, value};
  m->len++;
  return true;
}

void ddl_strmap_set(ddl_strmap *m, const char *key, size_t value) {
  if ((m->len + 1) * 2 > m->cap)
    grow(m);
  uint64_t h = hash(m, key);
  ddl_strmap_slot *s = find(m, key, h);
  if (!s->key)
    m->len++;
  *s = (ddl_strmap_slot){key, h, value};
}

bool ddl_strmap_get(const ddl_strmap *m, const char *key, size_t *value) {
  if (!m->len)
    return false;
  const ddl_strmap_slot *s = find(m, key, hash(m, key));
  if (!s->key)
    return false;
  if (value)
    *value = s->value;
  return true;
}

void ddl_strmap_free(ddl_strmap *m) {
  free(m->slots);
  *m = (ddl_strmap)DDL_STRMAP_INIT;
}
