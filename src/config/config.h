/* .ddlint.yaml: rule selection, severities, extra rule packs, heading
 * synonyms and the failure threshold for the documents below it. */
#ifndef DDL_CONFIG_CONFIG_H
#define DDL_CONFIG_CONFIG_H

#include "internal.h"
#include "util/vec.h"

/* A value from the file with its position, for later errors. */
typedef struct {
  char *value;
  unsigned line, column;
} ddl_cfg_str;

typedef DDL_VEC(ddl_cfg_str) ddl_cfg_str_vec;

typedef struct {
  char *glob;
  ddl_severity severity;
  unsigned line, column;
} ddl_cfg_severity;

/* A rule-packs entry: the path as written and resolved. */
typedef struct {
  char *path; /* resolved against the file's directory */
  char *name; /* as written */
  unsigned line, column;
} ddl_cfg_pack;

typedef struct {
  char *area;
  unsigned line, column;
  DDL_VEC(char *) headings;
} ddl_cfg_headings;

/* Rule settings, at the top of the file or in an override. */
typedef struct {
  ddl_cfg_str_vec disable, enable;
  DDL_VEC(ddl_cfg_severity) severity;
} ddl_cfg_rules;

/* An overrides: entry: rule settings for the files matching one of its
 * globs (as in .gitignore, relative to the configuration's directory). */
typedef struct {
  ddl_cfg_str_vec files;
  ddl_cfg_rules rules;
  unsigned line, column;
} ddl_cfg_override;

typedef struct ddl_config {
  char *path;
  ddl_cfg_rules rules;
  DDL_VEC(ddl_cfg_override) overrides;   /* applied in order after RULES */
  DDL_VEC(ddl_cfg_pack) rule_packs;
  DDL_VEC(ddl_cfg_headings) headings;
  int fail_on;                     /* a ddl_severity, 3 for never, -1 unset */
  bool notes;                      /* keep the per-question notes (default) */
  /* What directory walks leave out, and (when not empty) the only files
   * they lint: globs as in .gitignore, relative to the file's folder. */
  ddl_cfg_str_vec exclude, include;
} ddl_config;

/* The names ddlint looks for, walking up from each document; a directory
 * may hold one of them, not both. */
#define DDL_CONFIG_NAME ".ddlint.yaml"
#define DDL_CONFIG_NAME_YML ".ddlint.yml"

int ddl_config_load(ddl_config **out, ddl_errsink *errs, const char *path);
/* Whether walks leave out REL, a path relative to the configuration's
 * directory, by its exclude: and include: lists. */
bool ddl_config_leaves_out(const ddl_config *cfg, const char *rel, bool is_dir);
/* Whether override I of CFG applies to the document at REL, its path
 * relative to the configuration's directory. */
bool ddl_config_override_applies(const ddl_config *cfg, size_t i, const char *rel);
void ddl_config_free(ddl_config *cfg);

#endif
