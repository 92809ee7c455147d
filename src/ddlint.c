/* Public entry points: the context (packs, configurations, rulesets and
 * the last error) and linting a file or a buffer. */
#include "internal.h"

#include "config/config.h"
#include "config/discover.h"
#include "doc/model.h"
#include "engine/engine.h"
#include "engine/suppress.h"
#include "io/read.h"
#include "result.h"
#include "rules/builtin.h"
#include "rules/pack.h"
#include "rules/ruleset.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/vec.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A ruleset built for one combination of a configuration's overrides. */
typedef struct {
  bool *use;                /* one flag per override */
  ddl_ruleset *rs;
  int rc;
  ddl_error err;            /* copy of the failure, strings owned */
} cfg_variant;

/* A configuration file and the ruleset built from it; a failed build is
 * remembered so every document below a broken file gets the same error. */
typedef struct {
  char *path;               /* NULL: no configuration file */
  ddl_ruleset *rs;          /* for documents no override applies to */
  ddl_pack **packs;         /* packs the configuration added (owned) */
  size_t npacks;
  int rc;
  ddl_error err;            /* copy of the failure, strings owned */
  /* With overrides: the configuration, all its packs (borrowed) and its
   * real directory with a '/', to build the variants documents need. */
  ddl_config *cfg;
  ddl_pack **all;
  size_t nall;
  char *dir;
  DDL_VEC(cfg_variant) variants;
} cfg_entry;

struct ddl_ctx {
  ddl_errsink errs;          /* the last failing call's error */

  bool builtin, discover, prepared;
  char *config_file;
  DDL_VEC(char *) rule_paths;
  DDL_VEC(ddl_selection) selections;

  ddl_pack **base;          /* built-in packs, then --rules packs */
  size_t nbase;
  DDL_VEC(cfg_entry) configs;
  ddl_strmap config_index;  /* configuration path -> index in configs */
  size_t no_config;         /* 1 + index of the entry without a configuration, or 0 */
  ddl_config_finder finder;
};

const char *ddl_version(void) { return DDLINT_VERSION; }

const char *ddl_severity_name(ddl_severity sev) {
  static const char *const names[] = {"note", "warning", "error"};
  return (unsigned)sev < 3 ? names[sev] : "unknown";
}

int ddl_severity_parse(ddl_severity *out, const char *name) {
  for (int i = 0; i < 3; i++)
    if (strcmp(name, ddl_severity_name((ddl_severity)i)) == 0) {
      *out = (ddl_severity)i;
      return DDL_OK;
    }
  return DDL_EUSAGE;
}

const char *ddl_coverage_status_name(ddl_coverage_status s) {
  static const char *const names[] = {"missing", "partial", "covered"};
  return (unsigned)s < 3 ? names[s] : "unknown";
}

const ddl_error *ddl_ctx_error(const ddl_ctx *ctx) { return &ctx->errs.err; }

ddl_errsink *ddl_ctx__errsink(ddl_ctx *ctx) { return &ctx->errs; }

ddl_ctx *ddl_ctx_new(void) {
  ddl_ctx *ctx = ddl_xcalloc(1, sizeof(*ctx));
  ctx->builtin = true;
  ctx->discover = true;
  ctx->errs = (ddl_errsink)DDL_ERRSINK_INIT;
  return ctx;
}

static void free_packs(ddl_pack **packs, size_t n) {
  for (size_t i = 0; i < n; i++)
    ddl_pack_free(packs[i]);
  free(packs);
}

static void free_configs(ddl_ctx *ctx) {
  for (size_t i = 0; i < ctx->configs.len; i++) {
    cfg_entry *e = &ctx->configs.items[i];
    ddl_ruleset_free(e->rs);
    free_packs(e->packs, e->npacks);
    for (size_t k = 0; k < e->variants.len; k++) {
      cfg_variant *v = &e->variants.items[k];
      ddl_ruleset_free(v->rs);
      free(v->use);
      free((char *)v->err.path);
      free((char *)v->err.message);
    }
    DDL_VEC_FREE(e->variants);
    ddl_config_free(e->cfg);
    free(e->all);
    free(e->dir);
    free(e->path);
    free((char *)e->err.path);
    free((char *)e->err.message);
  }
  DDL_VEC_FREE(ctx->configs);
  ddl_strmap_free(&ctx->config_index);
  ddl_config_finder_free(&ctx->finder);
}

void ddl_ctx_free(ddl_ctx *ctx) {
  if (!ctx)
    return;
  free_configs(ctx);
  free_packs(ctx->base, ctx->nbase);
  for (size_t i = 0; i < ctx->rule_paths.len; i++)
    free(ctx->rule_paths.items[i]);
  DDL_VEC_FREE(ctx->rule_paths);
  for (size_t i = 0; i < ctx->selections.len; i++)
    free(ctx->selections.items[i].globs);
  DDL_VEC_FREE(ctx->selections);
  free(ctx->config_file);
  ddl_errsink_free(&ctx->errs);
  free(ctx);
}

void ddl_ctx_use_builtin_packs(ddl_ctx *ctx, bool use) { ctx->builtin = use; }

void ddl_ctx_add_rules(ddl_ctx *ctx, const char *path) {
  DDL_VEC_PUSH(ctx->rule_paths, ddl_xstrdup(path));
}

void ddl_ctx_set_config(ddl_ctx *ctx, const char *file, bool discover) {
  free(ctx->config_file);
  ctx->config_file = file ? ddl_xstrdup(file) : NULL;
  ctx->discover = discover;
}

void ddl_ctx_select(ddl_ctx *ctx, const char *globs, bool enable) {
  ddl_selection s = {ddl_xstrdup(globs), enable};
  DDL_VEC_PUSH(ctx->selections, s);
}

/* The engine's own pack: loaded last, whatever the other packs are, so
 * that its rules end every list and no pack can take them away. */
#define ENGINE_PACK "ddlint.yaml"

/* The built-in packs but the engine's, or with ENGINE the engine's. */
static int load_builtin(ddl_ctx *ctx, bool engine) {
  for (const ddl_builtin_pack *b = ddl_builtin_packs; b->name; b++) {
    if ((strcmp(b->name, ENGINE_PACK) == 0) != engine)
      continue;
    char path[256];
    snprintf(path, sizeof(path), "<built-in>/%s", b->name);
    ddl_pack *pack;
    const ddl_ydoc_image *image = ddl_builtin_image(b->name);
    int rc = image ? ddl_pack_load_image(&pack, &ctx->errs, path, image)
                   : ddl_pack_load(&pack, &ctx->errs, path, b->data, b->len);
    if (rc)
      return rc;
    ctx->base = ddl_xrealloc(ctx->base, (ctx->nbase + 1) * sizeof(ddl_pack *));
    ctx->base[ctx->nbase++] = pack;
  }
  return DDL_OK;
}

int ddl_ctx_prepare(ddl_ctx *ctx) {
  if (ctx->prepared)
    return DDL_OK;
  int rc = ctx->builtin ? load_builtin(ctx, false) : DDL_OK;
  for (size_t i = 0; rc == DDL_OK && i < ctx->rule_paths.len; i++)
    rc = ddl_pack_load_path(&ctx->base, &ctx->nbase, &ctx->errs, ctx->rule_paths.items[i], NULL);
  if (rc == DDL_OK && ctx->nbase == 0)
    rc = ddl_fail(&ctx->errs, DDL_EUSAGE, NULL, 0, 0,
                       "no rule packs: --no-default-rules needs --rules DIR");
  if (rc == DDL_OK)
    rc = load_builtin(ctx, true);
  if (rc == DDL_OK && ctx->config_file && access(ctx->config_file, R_OK) != 0)
    rc = ddl_fail(&ctx->errs, DDL_ECONFIG, ctx->config_file, 0, 0,
                       "cannot read configuration file");
  /* Catch rule ids defined twice before any document is linted; the
   * ruleset itself is built once per configuration, by config_entry. */
  if (rc == DDL_OK)
    rc = ddl_ruleset_check_ids(&ctx->errs, ctx->base, ctx->nbase);
  if (rc) {
    free_packs(ctx->base, ctx->nbase);
    ctx->base = NULL;
    ctx->nbase = 0;
    return rc;
  }
  ctx->prepared = true;
  return DDL_OK;
}

static void remember(ddl_error *copy, const ddl_ctx *ctx) {
  *copy = ctx->errs.err;
  copy->path = ctx->errs.err.path ? ddl_xstrdup(ctx->errs.err.path) : NULL;
  copy->message = ddl_xstrdup(ctx->errs.err.message);
}

static void remember_error(cfg_entry *e, const ddl_ctx *ctx, int rc) {
  e->rc = rc;
  remember(&e->err, ctx);
}

/* Whether PATH, a discovered .ddlint.yaml, has a .ddlint.yml beside it. */
static bool both_names(const char *path) {
  size_t n = strlen(path), k = strlen(DDL_CONFIG_NAME);
  if (n < k || strcmp(path + n - k, DDL_CONFIG_NAME) != 0)
    return false;
  char *yml = ddl_xstrdup(path);
  strcpy(yml + n - k, DDL_CONFIG_NAME_YML);
  bool both = access(yml, F_OK) == 0;
  free(yml);
  return both;
}

static cfg_entry *config_entry(ddl_ctx *ctx, const char *path) {
  size_t at;
  if (path && ddl_strmap_get(&ctx->config_index, path, &at))
    return &ctx->configs.items[at];
  if (!path && ctx->no_config)
    return &ctx->configs.items[ctx->no_config - 1];
  cfg_entry e = {0};
  e.path = path ? ddl_xstrdup(path) : NULL;
  ddl_config *cfg = NULL;
  int rc = DDL_OK;
  if (path && !ctx->config_file && both_names(path))
    rc = ddl_fail(&ctx->errs, DDL_ECONFIG, path, 0, 0,
                  "this directory also has " DDL_CONFIG_NAME_YML "; keep one of the two");
  else if (path)
    rc = ddl_config_load(&cfg, &ctx->errs, path);
  ddl_pack **packs = NULL;
  size_t npacks = 0;
  if (rc == DDL_OK) {
    packs = ddl_xmalloc((ctx->nbase + 1) * sizeof(ddl_pack *));
    memcpy(packs, ctx->base, ctx->nbase * sizeof(ddl_pack *));
    npacks = ctx->nbase;
    for (size_t i = 0; cfg && rc == DDL_OK && i < cfg->rule_packs.len; i++) {
      const ddl_cfg_pack *p = &cfg->rule_packs.items[i];
      ddl_pack_origin from = {cfg->path, p->name, p->line, p->column};
      rc = ddl_pack_load_path(&packs, &npacks, &ctx->errs, p->path, &from);
    }
    e.npacks = npacks - ctx->nbase;
    e.packs = ddl_xmalloc((e.npacks + 1) * sizeof(ddl_pack *));
    memcpy(e.packs, packs + ctx->nbase, e.npacks * sizeof(ddl_pack *));
  }
  if (rc == DDL_OK)
    rc = ddl_ruleset_build(&e.rs, &ctx->errs, packs, npacks, cfg, NULL, ctx->selections.items,
                           ctx->selections.len);
  if (rc)
    remember_error(&e, ctx, rc);
  if (rc == DDL_OK && cfg)
    ddl_ruleset_set_origin(e.rs, cfg, NULL);
  bool keep = rc == DDL_OK && cfg &&
              (cfg->overrides.len || cfg->exclude.len || cfg->include.len);
  if (keep) {
    e.cfg = cfg;
    char *dir = ddl_xstrdup(path);
    char *slash = strrchr(dir, '/');
    strcpy(slash ? slash : dir, slash ? "" : ".");
    const char *real = ddl_config_finder_real(&ctx->finder, *dir ? dir : "/");
    e.dir = ddl_xmalloc(strlen(real ? real : dir) + 2);
    sprintf(e.dir, "%s/", real ? real : dir);
    free(dir);
  }
  if (keep && cfg->overrides.len) {
    e.all = packs;
    e.nall = npacks;
    /* Build the ruleset with every override once, so that a glob in one
     * that matches no rule is an error now, whatever documents match. */
    bool *all = ddl_xmalloc(cfg->overrides.len * sizeof(bool));
    for (size_t i = 0; i < cfg->overrides.len; i++)
      all[i] = true;
    cfg_variant v = {all, NULL, 0, {0}};
    v.rc = ddl_ruleset_build(&v.rs, &ctx->errs, packs, npacks, cfg, all, ctx->selections.items,
                             ctx->selections.len);
    if (v.rc) {
      remember(&v.err, ctx);
      remember_error(&e, ctx, v.rc);
    } else {
      ddl_ruleset_set_origin(v.rs, cfg, all);
    }
    DDL_VEC_PUSH(e.variants, v);
  } else {
    free(packs);
    if (!keep)
      ddl_config_free(cfg);
  }
  DDL_VEC_PUSH(ctx->configs, e);
  if (e.path)
    ddl_strmap_set(&ctx->config_index, e.path, ctx->configs.len - 1);
  else
    ctx->no_config = ctx->configs.len;
  return &ctx->configs.items[ctx->configs.len - 1];
}

/* PATH, a document's, relative to E's directory, where override globs
 * are; the path as given when it is outside (a --config elsewhere). */
static char *relative_to_config(ddl_ctx *ctx, const cfg_entry *e, const char *path) {
  const char *slash = strrchr(path, '/');
  char *dir = slash ? ddl_xstrndup(path, (size_t)(slash - path)) : ddl_xstrdup(".");
  const char *real = ddl_config_finder_real(&ctx->finder, *dir ? dir : "/");
  const char *base = slash ? slash + 1 : path;
  char *rel = NULL;
  size_t n = strlen(e->dir);
  if (real) {
    char *abs = ddl_xmalloc(strlen(real) + strlen(base) + 2);
    sprintf(abs, "%s/%s", strcmp(real, "/") == 0 ? "" : real, base);
    if (strncmp(abs, e->dir, n) == 0)
      rel = ddl_xstrdup(abs + n);
    free(abs);
  }
  free(dir);
  if (!rel) {
    while (path[0] == '.' && path[1] == '/')
      path += 2;
    rel = ddl_xstrdup(path);
  }
  return rel;
}

/* The ruleset of E for the document at PATH: its own, or the variant for
 * the overrides that apply to PATH, built on first need. */
static int variant_for(const ddl_ruleset **out, ddl_ctx *ctx, size_t entry, const char *path) {
  cfg_entry *e = &ctx->configs.items[entry];
  size_t n = e->cfg->overrides.len;
  char *rel = relative_to_config(ctx, e, path ? path : "x");
  bool *use = ddl_xcalloc(n, sizeof(bool)), any = false;
  for (size_t i = 0; i < n; i++)
    any |= use[i] = ddl_config_override_applies(e->cfg, i, rel);
  free(rel);
  if (!any) {
    free(use);
    *out = e->rs;
    return DDL_OK;
  }
  for (size_t k = 0; k < e->variants.len; k++) {
    cfg_variant *v = &e->variants.items[k];
    if (memcmp(v->use, use, n * sizeof(bool)) == 0) {
      free(use);
      if (v->rc)
        return ddl_fail(&ctx->errs, v->rc, v->err.path, v->err.line, v->err.column, "%s",
                        v->err.message);
      *out = v->rs;
      return DDL_OK;
    }
  }
  cfg_variant v = {use, NULL, 0, {0}};
  v.rc = ddl_ruleset_build(&v.rs, &ctx->errs, e->all, e->nall, e->cfg, use,
                           ctx->selections.items, ctx->selections.len);
  if (v.rc)
    remember(&v.err, ctx);
  else
    ddl_ruleset_set_origin(v.rs, e->cfg, use);
  DDL_VEC_PUSH(e->variants, v);
  *out = v.rs;
  return v.rc;
}

/* The ruleset for a document at PATH (NULL: in the current directory). */
static int ruleset_for(const ddl_ruleset **out, ddl_ctx *ctx, const char *path) {
  int rc = ddl_ctx_prepare(ctx);
  if (rc)
    return rc;
  const char *config = ctx->config_file;
  if (!config && ctx->discover) {
    char *dir = ddl_xstrdup(path ? path : "./x");
    char *slash = strrchr(dir, '/');
    if (slash)
      *slash = '\0';
    else
      strcpy(dir, ".");
    config = ddl_config_finder_find(&ctx->finder, *dir ? dir : "/");
    free(dir);
  }
  cfg_entry *e = config_entry(ctx, config);
  if (e->rc) {
    return ddl_fail(&ctx->errs, e->rc, e->err.path, e->err.line, e->err.column, "%s",
                         e->err.message);
  }
  if (e->cfg && e->cfg->overrides.len)
    return variant_for(out, ctx, (size_t)(e - ctx->configs.items), path);
  *out = e->rs;
  return DDL_OK;
}

bool ddl__ctx_leaves_out(ddl_ctx *ctx, const char *path, bool is_dir) {
  if (ddl_ctx_prepare(ctx) || (!ctx->config_file && !ctx->discover))
    return false;
  const char *config = ctx->config_file;
  if (!config) {
    const char *slash = strrchr(path, '/');
    char *dir = slash ? ddl_xstrndup(path, (size_t)(slash - path)) : ddl_xstrdup(".");
    config = ddl_config_finder_find(&ctx->finder, *dir ? dir : "/");
    free(dir);
  }
  if (!config)
    return false;
  cfg_entry *e = config_entry(ctx, config);
  /* A broken configuration selects nothing out: linting reports it. */
  if (e->rc || !e->cfg || (!e->cfg->exclude.len && !e->cfg->include.len))
    return false;
  char *rel = relative_to_config(ctx, e, path);
  bool out = ddl_config_leaves_out(e->cfg, rel, is_dir);
  free(rel);
  return out;
}

int ddl_ctx_ruleset(const ddl_ruleset **out, ddl_ctx *ctx, const char *path) {
  return ruleset_for(out, ctx, path);
}

int ddl_lint_buffer(ddl_result **out, ddl_ctx *ctx, const char *name, const char *data,
                    size_t len) {
  const ddl_ruleset *rs = NULL;
  int rc = ruleset_for(&rs, ctx, name);
  if (rc)
    return rc;
  return ddl__lint_source(out, rs, &ctx->errs, name ? name : "<stdin>", data, len);
}

/* As ddl_lint_buffer, taking over DATA (see ddl__lint_owned). */
static int lint_owned(ddl_result **out, ddl_ctx *ctx, const char *name, char *data, size_t len) {
  const ddl_ruleset *rs = NULL;
  int rc = ruleset_for(&rs, ctx, name);
  if (rc) {
    free(data);
    return rc;
  }
  return ddl__lint_owned(out, rs, &ctx->errs, name ? name : "<stdin>", data, len);
}

static int lint_source(ddl_result **out, const ddl_ruleset *rs, ddl_source *src);

int ddl__lint_source(ddl_result **out, const ddl_ruleset *rs, ddl_errsink *errs, const char *name,
                     const char *data, size_t len) {
  ddl_source src;
  int rc = ddl_source_init(&src, errs, name, data, len);
  return rc ? rc : lint_source(out, rs, &src);
}

int ddl__lint_owned(ddl_result **out, const ddl_ruleset *rs, ddl_errsink *errs, const char *name,
                    char *data, size_t len) {
  ddl_source src;
  int rc = ddl_source_adopt(&src, errs, name, data, len);
  return rc ? rc : lint_source(out, rs, &src);
}

/* Lints SRC, which it takes over. */
static int lint_source(ddl_result **out, const ddl_ruleset *rs, ddl_source *src) {
  ddl_doc *doc = ddl_doc_build(src);
  ddl_result *r = ddl_xcalloc(1, sizeof(*r));
  r->fail_on = rs->fail_on;
  ddl_engine_run(doc, rs, &r->diags, &r->coverage, &r->ncoverage);
  /* A result outlives its context: copy the strings the packs own. */
  for (size_t i = 0; i < r->ncoverage; i++) {
    ddl_coverage *c = &r->coverage[i];
    c->area = ddl_arena_strndup(&r->diags.arena, c->area, strlen(c->area));
    c->rule = ddl_arena_strndup(&r->diags.arena, c->rule, strlen(c->rule));
  }
  ddl_check_directives(&r->diags, doc, rs);
  ddl_diag_finalize(&r->diags, &doc->src);
  ddl_suppress(&r->diags, doc);
  if (!rs->notes) /* notes: false in the configuration */
    for (size_t i = 0; i < r->diags.items.len; i++)
      r->diags.items.items[i]->nnotes = 0;
  for (size_t i = 0; i < r->diags.items.len; i++)
    r->counts[r->diags.items.items[i]->severity]++;
  r->src = doc->src; /* the result keeps the text for snippets */
  memset(&doc->src, 0, sizeof(doc->src));
  ddl_doc_free(doc);
  *out = r;
  return DDL_OK;
}

int ddl_lint_file(ddl_result **out, ddl_ctx *ctx, const char *path) {
  char *data;
  size_t len;
  int rc = ddl_ctx_prepare(ctx);
  if (rc)
    return rc;
  if ((rc = ddl_read_file(&data, &len, &ctx->errs, path)))
    return rc;
  return lint_owned(out, ctx, path, data, len);
}

int ddl_lint_stream(ddl_result **out, ddl_ctx *ctx, const char *name, FILE *f) {
  char *data;
  size_t len;
  int rc = ddl_ctx_prepare(ctx);
  if (rc)
    return rc;
  if ((rc = ddl_read_stream(&data, &len, &ctx->errs, f, name ? name : "<stdin>")))
    return rc;
  return lint_owned(out, ctx, name, data, len);
}
