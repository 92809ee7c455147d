/* Typed growable arrays: a struct with items, len and cap, grown by push. */
#ifndef DDL_UTIL_VEC_H
#define DDL_UTIL_VEC_H

#include "util/mem.h"

#include <stdlib.h>

#define DDL_VEC(type)                                                          \
  struct {                                                                     \
    type *items;                                                               \
    size_t len, cap;                                                           \
  }

/* Appends VALUE; evaluates V more than once. */
#define DDL_VEC_PUSH(v, value)                                                 \
  do {                                                                         \
    (v).items = ddl_xgrow((v).items, &(v).cap, (v).len + 1, sizeof(*(v).items)); \
    (v).items[(v).len++] = (value);                                            \
  } while (0)

#define DDL_VEC_FREE(v)                                                        \
  do {                                                                         \
    free((v).items);                                                           \
    (v).items = NULL;                                                          \
    (v).len = (v).cap = 0;                                                     \
  } while (0)

#endif
