/* Configuration files: discovery by walking up, parsing with positions. */
#include "config/config.h"

#include "io/read.h"
#include "util/mem.h"
#include "util/pathglob.h"
#include "yaml/ydoc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const config_keys[] = {"disable", "enable",   "severity", "overrides",
                                          "rule-packs", "headings", "fail-on",  "notes",
                                          "exclude",  "include",  NULL};

int ddl_fail_on_parse(int *out, const char *s) {
  static const char *const names[] = {"note", "warning", "error", "never"};
  for (int i = 0; i < 4; i++)
    if (strcmp(s, names[i]) == 0) {
      *out = i;
      return DDL_OK;
    }
  return DDL_EUSAGE;
}

static int add_glob(void *ud, ddl_ydoc *y, const ddl_ynode *n, const char *s) {
  (void)y;
  ddl_cfg_str v = {ddl_xstrdup(s), ddl_ynode_line(n), ddl_ynode_column(n)};
  DDL_VEC_PUSH(*(ddl_cfg_str_vec *)ud, v);
  return DDL_OK;
}

typedef struct {
  ddl_config *cfg;
  const char *dir;
} pack_ctx;

static int add_pack(void *ud, ddl_ydoc *y, const ddl_ynode *n, const char *s) {
  pack_ctx *pc = ud;
  (void)y;
  ddl_cfg_pack p = {NULL, ddl_xstrdup(s), ddl_ynode_line(n), ddl_ynode_column(n)};
  if (s[0] == '/' || !pc->dir[0]) {
    p.path = ddl_xstrdup(s);
  } else {
    p.path = ddl_xmalloc(strlen(pc->dir) + strlen(s) + 2);
    sprintf(p.path, "%s/%s", pc->dir, s);
  }
  DDL_VEC_PUSH(pc->cfg->rule_packs, p);
  return DDL_OK;
}

static int add_heading(void *ud, ddl_ydoc *y, const ddl_ynode *n, const char *s) {
  ddl_cfg_headings *h = ud;
  if (!*s)
    return ddl_ydoc_fail(y, n, "a heading synonym must not be empty");
  DDL_VEC_PUSH(h->headings, ddl_xstrdup(s));
  return DDL_OK;
}

/* disable, enable and severity of MAP into R. */
static int parse_rules(ddl_cfg_rules *r, ddl_ydoc *y, const ddl_ynode *map) {
  const ddl_ynode *n;
  int rc;
  if ((n = ddl_ydoc_get(y, map, "disable")) &&
      (rc = ddl_ydoc_strings(y, n, "'disable'", add_glob, &r->disable)))
    return rc;
  if ((n = ddl_ydoc_get(y, map, "enable")) &&
      (rc = ddl_ydoc_strings(y, n, "'enable'", add_glob, &r->enable)))
    return rc;
  if ((n = ddl_ydoc_get(y, map, "severity"))) {
    if (n->type != YAML_MAPPING_NODE)
      return ddl_ydoc_fail(y, n, "'severity' must map rule globs to error, warning or note");
    size_t npairs;
    const yaml_node_pair_t *pairs = ddl_ydoc_pairs(y, n, &npairs);
    for (const yaml_node_pair_t *p = pairs; p < pairs + npairs; p++) {
      const ddl_ynode *k = ddl_ydoc_node(y, p->key), *v = ddl_ydoc_node(y, p->value);
      const char *glob;
      ddl_cfg_severity s = {0};
      if ((rc = ddl_ydoc_string(y, k, "a rule glob", &glob)) ||
          (rc = ddl_ydoc_severity(y, v, "a severity", &s.severity)))
        return rc;
      s.glob = ddl_xstrdup(glob);
      s.line = ddl_ynode_line(k);
      s.column = ddl_ynode_column(k);
      DDL_VEC_PUSH(r->severity, s);
    }
  }
  return DDL_OK;
}

static const char *const override_keys[] = {"files", "disable", "enable", "severity", NULL};

static int parse_overrides(ddl_config *cfg, ddl_ydoc *y, const ddl_ynode *list) {
  if (list->type != YAML_SEQUENCE_NODE)
    return ddl_ydoc_fail(y, list, "'overrides' must be a list of {files: [GLOB...], disable: "
                                  "[...], enable: [...], severity: {...}}");
  size_t nitems;
  const yaml_node_item_t *items = ddl_ydoc_items(y, list, &nitems);
  for (const yaml_node_item_t *it = items; it < items + nitems; it++) {
    const ddl_ynode *o = ddl_ydoc_node(y, *it);
    if (o->type != YAML_MAPPING_NODE)
      return ddl_ydoc_fail(y, o, "each override must be a mapping with 'files'");
    int rc = ddl_ydoc_check_keys(y, o, "an override", override_keys, NULL);
    if (rc)
      return rc;
    ddl_cfg_override ov = {0};
    ov.line = ddl_ynode_line(o);
    ov.column = ddl_ynode_column(o);
    const ddl_ynode *files = ddl_ydoc_get(y, o, "files");
    DDL_VEC_PUSH(cfg->overrides, ov); /* freed with CFG whatever follows */
    ddl_cfg_override *last = &cfg->overrides.items[cfg->overrides.len - 1];
    if (!files)
      return ddl_ydoc_fail(y, o, "an override needs 'files', the globs it applies to");
    if ((rc = ddl_ydoc_strings(y, files, "'files'", add_glob, &last->files)) ||
        (rc = parse_rules(&last->rules, y, o)))
      return rc;
    if (last->files.len == 0)
      return ddl_ydoc_fail(y, files, "an override's 'files' must name at least one glob");
  }
  return DDL_OK;
}

static int parse(ddl_config *cfg, ddl_ydoc *y, const char *dir) {
  const ddl_ynode *root = ddl_ydoc_root(y);
  int rc = ddl_ydoc_check_keys(y, root, "the configuration", config_keys, NULL);
  if (rc)
    return rc;
  const ddl_ynode *n;
  if ((rc = parse_rules(&cfg->rules, y, root)))
    return rc;
  if ((n = ddl_ydoc_get(y, root, "overrides")) && (rc = parse_overrides(cfg, y, n)))
    return rc;
  if ((n = ddl_ydoc_get(y, root, "rule-packs"))) {
    pack_ctx pc = {cfg, dir};
    if ((rc = ddl_ydoc_strings(y, n, "'rule-packs'", add_pack, &pc)))
      return rc;
  }
  if ((n = ddl_ydoc_get(y, root, "notes")) && (rc = ddl_ydoc_bool(y, n, "'notes'", &cfg->notes)))
    return rc;
  if ((n = ddl_ydoc_get(y, root, "exclude")) &&
      (rc = ddl_ydoc_strings(y, n, "'exclude'", add_glob, &cfg->exclude)))
    return rc;
  if ((n = ddl_ydoc_get(y, root, "include")) &&
      (rc = ddl_ydoc_strings(y, n, "'include'", add_glob, &cfg->include)))
    return rc;
  if ((n = ddl_ydoc_get(y, root, "fail-on"))) {
    const char *s;
    if ((rc = ddl_ydoc_string(y, n, "'fail-on'", &s)))
      return rc;
    if (ddl_fail_on_parse(&cfg->fail_on, s))
      return ddl_ydoc_fail(y, n, "'fail-on' must be error, warning, note or never");
  }
  if ((n = ddl_ydoc_get(y, root, "headings"))) {
    if (n->type != YAML_MAPPING_NODE)
      return ddl_ydoc_fail(y, n, "'headings' must map area names to lists of headings");
    size_t npairs;
    const yaml_node_pair_t *pairs = ddl_ydoc_pairs(y, n, &npairs);
    for (const yaml_node_pair_t *p = pairs; p < pairs + npairs; p++) {
      const ddl_ynode *k = ddl_ydoc_node(y, p->key), *v = ddl_ydoc_node(y, p->value);
      const char *area;
      if ((rc = ddl_ydoc_string(y, k, "an area name", &area)))
        return rc;
      ddl_cfg_headings h = {ddl_xstrdup(area), ddl_ynode_line(k), ddl_ynode_column(k), {0}};
      rc = ddl_ydoc_strings(y, v, "heading synonyms", add_heading, &h);
      DDL_VEC_PUSH(cfg->headings, h);
      if (rc)
        return rc;
    }
  }
  return DDL_OK;
}

int ddl_config_load(ddl_config **out, ddl_errsink *errs, const char *path) {
  char *data;
  size_t len;
  int rc = ddl_read_file(&data, &len, errs, path);
  if (rc)
    return rc == DDL_EIO ? DDL_ECONFIG : rc;
  ddl_config *cfg = ddl_xcalloc(1, sizeof(*cfg));
  cfg->path = ddl_xstrdup(path);
  cfg->fail_on = -1;
  cfg->notes = true;
  ddl_ydoc y;
  rc = ddl_ydoc_load(&y, errs, DDL_ECONFIG, path, data, len);
  if (rc == DDL_OK) {
    char *dir = ddl_xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
      *slash = '\0';
    else
      dir[0] = '\0';
    rc = parse(cfg, &y, dir);
    free(dir);
  }
  ddl_ydoc_free(&y);
  free(data);
  if (rc) {
    ddl_config_free(cfg);
    return rc;
  }
  *out = cfg;
  return DDL_OK;
}

static void strs_free(ddl_cfg_str_vec *v) {
  for (size_t i = 0; i < v->len; i++)
    free(v->items[i].value);
  DDL_VEC_FREE(*v);
}

static void rules_free(ddl_cfg_rules *r) {
  strs_free(&r->disable);
  strs_free(&r->enable);
  for (size_t i = 0; i < r->severity.len; i++)
    free(r->severity.items[i].glob);
  DDL_VEC_FREE(r->severity);
}

bool ddl_config_leaves_out(const ddl_config *cfg, const char *rel, bool is_dir) {
  for (size_t i = 0; i < cfg->exclude.len; i++)
    if (ddl_pathglob_match(cfg->exclude.items[i].value, rel, is_dir))
      return true;
  if (is_dir || cfg->include.len == 0)
    return false;
  for (size_t i = 0; i < cfg->include.len; i++)
    if (ddl_pathglob_match_file(cfg->include.items[i].value, rel))
      return false;
  return true;
}

bool ddl_config_override_applies(const ddl_config *cfg, size_t i, const char *rel) {
  const ddl_cfg_str_vec *files = &cfg->overrides.items[i].files;
  for (size_t k = 0; k < files->len; k++)
    if (ddl_pathglob_match_file(files->items[k].value, rel))
      return true;
  return false;
}

void ddl_config_free(ddl_config *cfg) {
  if (!cfg)
    return;
  rules_free(&cfg->rules);
  strs_free(&cfg->exclude);
  strs_free(&cfg->include);
  for (size_t i = 0; i < cfg->overrides.len; i++) {
    strs_free(&cfg->overrides.items[i].files);
    rules_free(&cfg->overrides.items[i].rules);
  }
  DDL_VEC_FREE(cfg->overrides);
  for (size_t i = 0; i < cfg->rule_packs.len; i++) {
    free(cfg->rule_packs.items[i].path);
    free(cfg->rule_packs.items[i].name);
  }
  for (size_t i = 0; i < cfg->headings.len; i++) {
    for (size_t k = 0; k < cfg->headings.items[i].headings.len; k++)
      free(cfg->headings.items[i].headings.items[k]);
    DDL_VEC_FREE(cfg->headings.items[i].headings);
    free(cfg->headings.items[i].area);
  }
  DDL_VEC_FREE(cfg->rule_packs);
  DDL_VEC_FREE(cfg->headings);
  free(cfg->path);
  free(cfg);
}

