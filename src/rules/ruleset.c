/* Ruleset assembly: pack merging, selection, severities and the lexicon. */
#include "rules/ruleset.h"

#include "regex/regex.h"
#include "util/buf.h"
#include "util/glob.h"
#include "util/mem.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Sets the state of every rule matching GLOB; returns how many matched. */
static size_t select_glob(ddl_ruleset *rs, const char *glob, bool enable) {
  size_t n = 0;
  for (size_t i = 0; i < rs->n; i++) {
    if (ddl_glob_match(glob, rs->rules[i]->id)) {
      rs->enabled[i] = enable;
      n++;
    }
  }
  return n;
}

static int apply_config(ddl_ruleset *rs, ddl_ctx *ctx, const ddl_config *cfg) {
  const ddl_cfg_str_vec *lists[2] = {&cfg->disable, &cfg->enable};
  for (int l = 0; l < 2; l++) {
    for (size_t i = 0; i < lists[l]->len; i++) {
      const ddl_cfg_str *g = &lists[l]->items[i];
      if (select_glob(rs, g->value, l == 1) == 0)
        return ddl_ctx__fail(ctx, DDL_ECONFIG, cfg->path, g->line, g->column,
                             "'%s' matches no rule (see ddlint --list-rules)", g->value);
    }
  }
  for (size_t i = 0; i < cfg->severity.len; i++) {
    const ddl_cfg_severity *s = &cfg->severity.items[i];
    size_t n = 0;
    for (size_t k = 0; k < rs->n; k++)
      if (ddl_glob_match(s->glob, rs->rules[k]->id)) {
        rs->severity[k] = s->severity;
        n++;
      }
    if (n == 0)
      return ddl_ctx__fail(ctx, DDL_ECONFIG, cfg->path, s->line, s->column,
                           "'%s' matches no rule (see ddlint --list-rules)", s->glob);
  }
  return DDL_OK;
}

static int apply_selection(ddl_ruleset *rs, ddl_ctx *ctx, const ddl_selection *sel) {
  char *copy = ddl_xstrdup(sel->globs), *save = NULL;
  int rc = DDL_OK;
  for (char *g = strtok_r(copy, ", ", &save); g; g = strtok_r(NULL, ", ", &save)) {
    if (select_glob(rs, g, sel->enable) == 0) {
      rc = ddl_ctx__fail(ctx, DDL_EUSAGE, NULL, 0, 0,
                         "--%s: '%s' matches no rule (see ddlint --list-rules)",
                         sel->enable ? "enable" : "disable", g);
      break;
    }
  }
  free(copy);
  return rc;
}

/* A literal heading, case-insensitive, on word boundaries. */
static ddl_regex *literal_pattern(const char *s) {
  ddl_buf re = {0};
  size_t n = strlen(s);
  if (isalnum((unsigned char)s[0]))
    ddl_buf_puts(&re, "\\b");
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80 && !isalnum(c) && c != ' ')
      ddl_buf_putc(&re, '\\');
    ddl_buf_putc(&re, (char)c);
  }
  if (isalnum((unsigned char)s[n - 1]))
    ddl_buf_puts(&re, "\\b");
  char err[128];
  size_t off;
  ddl_regex *rx = ddl_regex_compile(ddl_buf_cstr(&re), err, sizeof(err), &off);
  ddl_buf_free(&re);
  return rx;
}

static int add_synonyms(ddl_ruleset *rs, ddl_ctx *ctx, const ddl_config *cfg) {
  for (size_t i = 0; i < cfg->headings.len; i++) {
    const ddl_cfg_headings *h = &cfg->headings.items[i];
    bool known = false;
    for (size_t k = 0; k < rs->n && !known; k++) {
      const char *area = ddl_area_rule_area(rs->rules[k]);
      known = area && strcmp(area, h->area) == 0;
    }
    if (!known)
      return ddl_ctx__fail(ctx, DDL_ECONFIG, cfg->path, h->line, h->column,
                           "unknown area '%s' in 'headings' (areas come from area-coverage rules)",
                           h->area);
    ddl_synonyms syn = {ddl_xstrdup(h->area), {0}};
    for (size_t k = 0; k < h->headings.len; k++) {
      ddl_regex *rx = literal_pattern(h->headings.items[k]);
      if (!rx)
        continue; /* escaped literals always compile */
      syn.patterns.items = ddl_xrealloc(syn.patterns.items, (syn.patterns.len + 1) * sizeof(ddl_regex *));
      syn.patterns.items[syn.patterns.len++] = rx;
    }
    DDL_VEC_PUSH(rs->synonyms, syn);
  }
  return DDL_OK;
}

static int collect_rules(ddl_ruleset *rs, ddl_ctx *ctx, ddl_pack *const *packs, size_t npacks) {
  for (size_t p = 0; p < npacks; p++) {
    bool replaced = false;
    for (size_t q = p + 1; q < npacks && !replaced; q++)
      replaced = strcmp(packs[p]->name, packs[q]->name) == 0;
    if (replaced)
      continue;
    for (size_t i = 0; i < packs[p]->nrules; i++) {
      ddl_rule *r = packs[p]->rules[i];
      for (size_t k = 0; k < rs->n; k++)
        if (strcmp(rs->rules[k]->id, r->id) == 0)
          return ddl_ctx__fail(ctx, DDL_EPACK, packs[p]->path, r->line, r->column,
                               "rule '%s' is already defined by pack '%s' (%s); give your pack "
                               "the same name to replace that pack",
                               r->id, rs->rules[k]->pack->name, rs->rules[k]->pack->path);
      rs->rules = ddl_xrealloc(rs->rules, (rs->n + 1) * sizeof(ddl_rule *));
      rs->rules[rs->n++] = r;
    }
  }
  return DDL_OK;
}

int ddl_ruleset_build(ddl_ruleset **out, ddl_ctx *ctx, ddl_pack *const *packs, size_t npacks,
                      const ddl_config *cfg, const ddl_selection *sel, size_t nsel) {
  ddl_ruleset *rs = ddl_xcalloc(1, sizeof(*rs));
  rs->fail_on = cfg ? cfg->fail_on : -1;
  int rc = collect_rules(rs, ctx, packs, npacks);
  if (rc)
    goto fail;
  rs->enabled = ddl_xcalloc(rs->n + 1, sizeof(bool));
  rs->severity = ddl_xcalloc(rs->n + 1, sizeof(ddl_severity));
  for (size_t i = 0; i < rs->n; i++) {
    rs->enabled[i] = rs->rules[i]->enabled;
    rs->severity[i] = rs->rules[i]->severity;
  }
  if (cfg && ((rc = apply_config(rs, ctx, cfg)) || (rc = add_synonyms(rs, ctx, cfg))))
    goto fail;
  for (size_t i = 0; i < nsel; i++)
    if ((rc = apply_selection(rs, ctx, &sel[i])))
      goto fail;
  ddl_lexicon_builder *lb = ddl_lexicon_builder_new();
  for (size_t i = 0; i < rs->n; i++)
    if (rs->enabled[i] && rs->rules[i]->kind->terms)
      rs->rules[i]->kind->terms(rs->rules[i], lb, (uint32_t)i);
  rs->lex = ddl_lexicon_build(lb);
  *out = rs;
  return DDL_OK;
fail:
  ddl_ruleset_free(rs);
  return rc;
}

void ddl_ruleset_free(ddl_ruleset *rs) {
  if (!rs)
    return;
  for (size_t i = 0; i < rs->synonyms.len; i++) {
    free(rs->synonyms.items[i].area);
    ddl_regex_list_free(&rs->synonyms.items[i].patterns);
  }
  DDL_VEC_FREE(rs->synonyms);
  ddl_lexicon_free(rs->lex);
  free(rs->rules);
  free(rs->enabled);
  free(rs->severity);
  free(rs);
}

const ddl_regex_list *ddl_ruleset_synonyms(const ddl_ruleset *rs, const char *area) {
  for (size_t i = 0; i < rs->synonyms.len; i++)
    if (strcmp(rs->synonyms.items[i].area, area) == 0)
      return &rs->synonyms.items[i].patterns;
  return NULL;
}

size_t ddl_ruleset_count(const ddl_ruleset *rs) { return rs->n; }
const ddl_rule *ddl_ruleset_rule(const ddl_ruleset *rs, size_t i) { return i < rs->n ? rs->rules[i] : NULL; }
bool ddl_ruleset_enabled(const ddl_ruleset *rs, size_t i) { return i < rs->n && rs->enabled[i]; }
ddl_severity ddl_ruleset_severity(const ddl_ruleset *rs, size_t i) {
  return i < rs->n ? rs->severity[i] : DDL_SEV_WARNING;
}

long ddl_ruleset_find(const ddl_ruleset *rs, const char *id) {
  for (size_t i = 0; i < rs->n; i++)
    if (strcmp(rs->rules[i]->id, id) == 0)
      return (long)i;
  return -1;
}

const char *ddl_rule_id(const ddl_rule *r) { return r->id; }
const char *ddl_rule_kind_name(const ddl_rule *r) { return r->kind->name; }
const char *ddl_rule_pack(const ddl_rule *r) { return r->pack->name; }
const char *ddl_rule_summary(const ddl_rule *r) { return r->summary; }
const char *ddl_rule_explain(const ddl_rule *r) { return r->explain; }
const char *ddl_rule_example(const ddl_rule *r) { return r->example; }
const char *ddl_rule_details(const ddl_rule *r) { return r->details ? r->details : ""; }
