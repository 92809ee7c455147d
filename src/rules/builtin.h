/* The rule packs compiled into the binary (generated builtin_packs.c). */
#ifndef DDL_RULES_BUILTIN_H
#define DDL_RULES_BUILTIN_H

#include "yaml/ydoc.h"

#include <stddef.h>

typedef struct {
  const char *name; /* file name in rules/, NULL ends the table */
  const char *data;
  size_t len;
} ddl_builtin_pack;

extern const ddl_builtin_pack ddl_builtin_packs[];

/* The pack NAME of ddl_builtin_packs composed at build time, or NULL
 * (generated builtin_images.c, written by src/tools/prebuild.c). */
const ddl_ydoc_image *ddl_builtin_image(const char *name);

#endif
