/* libyaml's document API plus typed getters whose errors point into the
 * YAML file, for rule packs and configuration files alike. */
#ifndef DDL_YAML_YDOC_H
#define DDL_YAML_YDOC_H

#include "internal.h"

#include <yaml.h>

typedef struct {
  yaml_document_t doc;
  bool loaded;
  char *path;     /* owned */
  int code;       /* DDL_EPACK or DDL_ECONFIG: the error code of this file */
  ddl_errsink *errs;
  unsigned end_line, end_column; /* just after the last character */
} ddl_ydoc;

/* Parses LEN bytes of YAML named PATH: one document, within the limits of
 * yaml/compose.h (4 MiB for CODE DDL_ECONFIG, 16 MiB for a pack; 64
 * levels; 100,000 nodes repeated by aliases).  Syntax errors, a breached
 * limit, an empty document and a root that is not a mapping are reported
 * with their position.  Free *Y with ddl_ydoc_free() whatever the result. */
int ddl_ydoc_load(ddl_ydoc *y, ddl_errsink *errs, int code, const char *path,
                  const char *data, size_t len);
void ddl_ydoc_free(ddl_ydoc *y);
yaml_node_t *ddl_ydoc_root(ddl_ydoc *y);
yaml_node_t *ddl_ydoc_node(ddl_ydoc *y, int id);

/* Records an error at node AT (NULL: the file as a whole) and returns
 * the document's error code. */
int ddl_ydoc_fail(ddl_ydoc *y, const yaml_node_t *at, const char *fmt, ...) DDL_PRINTF(3, 4);

/* The value of KEY in mapping MAP, or NULL. */
yaml_node_t *ddl_ydoc_get(ddl_ydoc *y, yaml_node_t *map, const char *key);
/* Fails on a key of MAP not in KNOWN (NULL-terminated lists, the second may
 * be NULL), suggesting the closest known key, or on a key given twice;
 * WHAT names the mapping in messages. */
int ddl_ydoc_check_keys(ddl_ydoc *y, yaml_node_t *map, const char *what,
                        const char *const *known, const char *const *known2);

int ddl_ydoc_string(ddl_ydoc *y, yaml_node_t *n, const char *what, const char **out);
int ddl_ydoc_number(ddl_ydoc *y, yaml_node_t *n, const char *what, double *out);
int ddl_ydoc_bool(ddl_ydoc *y, yaml_node_t *n, const char *what, bool *out);
int ddl_ydoc_severity(ddl_ydoc *y, yaml_node_t *n, const char *what, ddl_severity *out);

/* Calls FN for each string of N, which may be one scalar or a sequence of
 * scalars; stops at FN's first non-zero return and returns it. */
typedef int (*ddl_ydoc_str_fn)(void *ud, ddl_ydoc *y, yaml_node_t *n, const char *s);
int ddl_ydoc_strings(ddl_ydoc *y, yaml_node_t *n, const char *what, ddl_ydoc_str_fn fn, void *ud);

#endif
