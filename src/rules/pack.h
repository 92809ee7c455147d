/* Loading rule packs from YAML. */
#ifndef DDL_RULES_PACK_H
#define DDL_RULES_PACK_H

#include "rules/rule.h"

/* Parses the pack at PATH (DATA, LEN bytes) and compiles its rules; errors
 * point into the file.  The caller frees *out with ddl_pack_free(). */
int ddl_pack_load(ddl_pack **out, ddl_errsink *errs, const char *path, const char *data, size_t len);
/* The same for a pack composed at build time (a default pack). */
int ddl_pack_load_image(ddl_pack **out, ddl_errsink *errs, const char *path,
                        const ddl_ydoc_image *image);
/* Where a pack path was written, for errors about the path itself: a
 * configuration's rule-packs entry NAME at FILE:LINE:COLUMN. */
typedef struct {
  const char *file, *name;
  unsigned line, column;
} ddl_pack_origin;

/* Loads a pack file, or every *.yaml and *.yml file of a directory in
 * sorted order, appending the packs to *packs (a malloc'd array).  A path
 * that cannot be opened or read, or a directory without packs, is
 * reported at FROM (a DDL_ECONFIG error) when FROM is not NULL, else as a
 * DDL_EPACK error naming PATH. */
int ddl_pack_load_path(ddl_pack ***packs, size_t *npacks, ddl_errsink *errs, const char *path,
                       const ddl_pack_origin *from);
void ddl_pack_free(ddl_pack *pack);

#endif
