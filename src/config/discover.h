/* Finding the configuration file of each document: the nearest
 * .ddlint.yaml in its directory or above, with every directory's answer
 * remembered, so that a tree of any depth costs one stat per directory. */
#ifndef DDL_CONFIG_DISCOVER_H
#define DDL_CONFIG_DISCOVER_H

#include "util/strmap.h"
#include "util/vec.h"

typedef struct {
  DDL_VEC(char *) strings;  /* every key and value below (owned) */
  ddl_strmap canonical;     /* directory as given -> index of its real path */
  ddl_strmap nearest;       /* real directory -> index of its config, or SIZE_MAX */
} ddl_config_finder;

#define DDL_CONFIG_FINDER_INIT {{0}, DDL_STRMAP_INIT, DDL_STRMAP_INIT}

/* The nearest configuration for a document in directory DIR (as the user
 * or the walk named it), or NULL; owned by F. */
const char *ddl_config_finder_find(ddl_config_finder *f, const char *dir);
/* DIR's real path (owned by F), or NULL when it cannot be resolved. */
const char *ddl_config_finder_real(ddl_config_finder *f, const char *dir);
void ddl_config_finder_free(ddl_config_finder *f);

#endif
