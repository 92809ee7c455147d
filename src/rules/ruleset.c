/* Ruleset assembly: pack merging, selection, severities and the lexicon. */
#include "rules/ruleset.h"

#include "regex/regex.h"
#include "util/buf.h"
#include "util/glob.h"
#include "util/mem.h"
#include "util/strmap.h"
#include "util/suggest.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A glob that can only match the rule with exactly this id: it names a
 * rule (a '/'), not a pack, and has no wildcard. */
static bool literal_id(const char *glob) { return strchr(glob, '/') && !strpbrk(glob, "*?"); }

/* Sets the state (ENABLE non-NULL) or severity (SEV non-NULL) of every rule
 * matching GLOB; returns how many matched. */
static size_t apply_glob(ddl_ruleset *rs, const char *glob, const bool *enable,
                         const ddl_severity *sev) {
  size_t n = 0, i, only = 0;
  bool literal = literal_id(glob); /* the common case, looked up in O(1) */
  if (literal && !ddl_strmap_get(&rs->ids, glob, &only))
    return 0;
  for (i = literal ? only : 0; i < (literal ? only + 1 : rs->n); i++) {
    if (literal || ddl_glob_match(glob, rs->rules[i]->id)) {
      if (enable)
        rs->enabled[i] = *enable;
      if (sev)
        rs->severity[i] = *sev;
      n++;
    }
  }
  return n;
}

/* Writes "; did you mean 'X'?" for the rule id, pack name or pack glob
 * closest to GLOB, or nothing, to HINT. */
static void suggest_rule(const ddl_ruleset *rs, const char *glob, char *hint, size_t size) {
  hint[0] = '\0';
  size_t n = strlen(glob);
  bool ns_glob = n > 2 && strcmp(glob + n - 2, "/*") == 0;
  char *word = ddl_xstrndup(glob, ns_glob ? n - 2 : n);
  if (strpbrk(word, "*?")) {
    free(word);
    return;
  }
  ddl_suggest s;
  ddl_suggest_init(&s, word);
  for (size_t i = 0; i < rs->n; i++) {
    const char *id = rs->rules[i]->id, *first = strchr(id, '/'), *last = strrchr(id, '/');
    if (!ns_glob)
      ddl_suggest_add(&s, id);
    if (first)
      ddl_suggest_add_n(&s, id, (size_t)(first - id));
    if (ns_glob && last != first)
      ddl_suggest_add_n(&s, id, (size_t)(last - id));
  }
  if (ddl_suggest_best(&s))
    snprintf(hint, size, "; did you mean '%.*s%s'?", (int)ddl_suggest_best_len(&s),
             ddl_suggest_best(&s), ns_glob ? "/*" : "");
  free(word);
}

static int no_match(const ddl_ruleset *rs, ddl_errsink *errs, int code, const char *path,
                    unsigned line, unsigned column, const char *prefix, const char *glob) {
  char hint[160];
  suggest_rule(rs, glob, hint, sizeof(hint));
  return ddl_fail(errs, code, path, line, column,
                       "%s'%s' matches no rule (see ddlint --list-rules)%s", prefix, glob, hint);
}

static int apply_rules(ddl_ruleset *rs, ddl_errsink *errs, const ddl_config *cfg,
                       const ddl_cfg_rules *r) {
  const ddl_cfg_str_vec *lists[2] = {&r->disable, &r->enable};
  for (int l = 0; l < 2; l++) {
    bool enable = l == 1;
    for (size_t i = 0; i < lists[l]->len; i++) {
      const ddl_cfg_str *g = &lists[l]->items[i];
      if (apply_glob(rs, g->value, &enable, NULL) == 0)
        return no_match(rs, errs, DDL_ECONFIG, cfg->path, g->line, g->column, "", g->value);
    }
  }
  for (size_t i = 0; i < r->severity.len; i++) {
    const ddl_cfg_severity *s = &r->severity.items[i];
    if (apply_glob(rs, s->glob, NULL, &s->severity) == 0)
      return no_match(rs, errs, DDL_ECONFIG, cfg->path, s->line, s->column, "", s->glob);
  }
  return DDL_OK;
}

/* The configuration's settings, then those of each override in USE. */
static int apply_config(ddl_ruleset *rs, ddl_errsink *errs, const ddl_config *cfg,
                        const bool *use) {
  int rc = apply_rules(rs, errs, cfg, &cfg->rules);
  for (size_t i = 0; rc == DDL_OK && use && i < cfg->overrides.len; i++)
    if (use[i])
      rc = apply_rules(rs, errs, cfg, &cfg->overrides.items[i].rules);
  return rc;
}

static int apply_selection(ddl_ruleset *rs, ddl_errsink *errs, const ddl_selection *sel) {
  char *copy = ddl_xstrdup(sel->globs), *save = NULL;
  int rc = DDL_OK;
  for (char *g = strtok_r(copy, ", ", &save); g; g = strtok_r(NULL, ", ", &save)) {
    if (apply_glob(rs, g, &sel->enable, NULL) == 0) {
      rc = no_match(rs, errs, DDL_EUSAGE, NULL, 0, 0, sel->enable ? "--enable: " : "--disable: ", g);
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

/* Synonyms of one area given under several keys are merged, so there is
 * one entry per area to search. */
static int add_synonyms(ddl_ruleset *rs, ddl_errsink *errs, const ddl_config *cfg) {
  ddl_strmap areas = DDL_STRMAP_INIT; /* area -> 0, or 1 + index in rs->synonyms */
  for (size_t k = 0; k < rs->n; k++) {
    const char *area = ddl_area_rule_area(rs->rules[k]);
    if (area)
      ddl_strmap_add(&areas, area, 0, NULL);
  }
  int rc = DDL_OK;
  for (size_t i = 0; i < cfg->headings.len && rc == DDL_OK; i++) {
    const ddl_cfg_headings *h = &cfg->headings.items[i];
    size_t slot;
    if (!ddl_strmap_get(&areas, h->area, &slot)) {
      ddl_suggest s;
      ddl_suggest_init(&s, h->area);
      for (size_t k = 0; k < rs->n; k++)
        ddl_suggest_add(&s, ddl_area_rule_area(rs->rules[k]));
      const char *best = ddl_suggest_best(&s);
      rc = ddl_fail(
          errs, DDL_ECONFIG, cfg->path, h->line, h->column,
          "unknown area '%s' in 'headings' (areas come from area-coverage rules)%s%s%s", h->area,
          best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
      break;
    }
    if (!slot) {
      ddl_synonyms syn = {ddl_xstrdup(h->area), {0}};
      DDL_VEC_PUSH(rs->synonyms, syn);
      slot = rs->synonyms.len;
      ddl_strmap_set(&areas, h->area, slot);
    }
    ddl_regex_list *list = &rs->synonyms.items[slot - 1].patterns;
    for (size_t k = 0; k < h->headings.len; k++) {
      ddl_regex *rx = literal_pattern(h->headings.items[k]);
      if (!rx)
        continue; /* escaped literals always compile */
      list->items = ddl_xgrow(list->items, &list->cap, list->len + 1, sizeof(ddl_regex *));
      list->items[list->len++] = rx;
    }
  }
  ddl_strmap_free(&areas);
  return rc;
}

/* Later packs replace earlier packs of the same name, so only the last
 * pack of each name contributes its rules. */
static int collect_rules(ddl_ruleset *rs, ddl_errsink *errs, ddl_pack *const *packs, size_t npacks) {
  ddl_strmap last = DDL_STRMAP_INIT; /* pack name -> index of its last pack */
  for (size_t p = 0; p < npacks; p++)
    ddl_strmap_set(&last, packs[p]->name, p);
  size_t cap = 0, lp;
  int rc = DDL_OK;
  for (size_t p = 0; p < npacks && rc == DDL_OK; p++) {
    if (ddl_strmap_get(&last, packs[p]->name, &lp) && lp != p)
      continue;
    for (size_t i = 0; i < packs[p]->nrules; i++) {
      ddl_rule *r = packs[p]->rules[i];
      size_t k;
      if (!ddl_strmap_add(&rs->ids, r->id, rs->n, &k)) {
        rc = ddl_fail(errs, DDL_EPACK, packs[p]->path, r->line, r->column,
                           "rule '%s' is already defined by pack '%s' (%s); give your pack "
                           "the same name to replace that pack",
                           r->id, rs->rules[k]->pack->name, rs->rules[k]->pack->path);
        break;
      }
      rs->rules = ddl_xgrow(rs->rules, &cap, rs->n + 1, sizeof(ddl_rule *));
      rs->rules[rs->n++] = r;
    }
  }
  ddl_strmap_free(&last);
  return rc;
}

int ddl_ruleset_check_ids(ddl_errsink *errs, ddl_pack *const *packs, size_t npacks) {
  ddl_ruleset rs = {0};
  int rc = collect_rules(&rs, errs, packs, npacks);
  ddl_strmap_free(&rs.ids);
  free(rs.rules);
  return rc;
}

int ddl_ruleset_build(ddl_ruleset **out, ddl_errsink *errs, ddl_pack *const *packs, size_t npacks,
                      const ddl_config *cfg, const bool *overrides, const ddl_selection *sel,
                      size_t nsel) {
  ddl_ruleset *rs = ddl_xcalloc(1, sizeof(*rs));
  rs->fail_on = cfg ? cfg->fail_on : -1;
  rs->notes = cfg ? cfg->notes : true;
  int rc = collect_rules(rs, errs, packs, npacks);
  if (rc)
    goto fail;
  rs->enabled = ddl_xcalloc(rs->n + 1, sizeof(bool));
  rs->severity = ddl_xcalloc(rs->n + 1, sizeof(ddl_severity));
  for (size_t i = 0; i < rs->n; i++) {
    rs->enabled[i] = rs->rules[i]->enabled;
    rs->severity[i] = rs->rules[i]->severity;
  }
  if (cfg && ((rc = apply_config(rs, errs, cfg, overrides)) || (rc = add_synonyms(rs, errs, cfg))))
    goto fail;
  for (size_t i = 0; i < nsel; i++)
    if ((rc = apply_selection(rs, errs, &sel[i])))
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
  ddl_strmap_free(&rs->ids);
  ddl_lexicon_free(rs->lex);
  free(rs->rules);
  free(rs->enabled);
  free(rs->severity);
  free(rs->config);
  DDL_VEC_FREE(rs->override_lines);
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
  size_t i;
  return ddl_strmap_get(&rs->ids, id, &i) ? (long)i : -1;
}

const char *ddl_rule_id(const ddl_rule *r) { return r->id; }
const char *ddl_rule_kind_name(const ddl_rule *r) { return r->kind->name; }
const char *ddl_rule_pack(const ddl_rule *r) { return r->pack->name; }
const char *ddl_rule_summary(const ddl_rule *r) { return r->summary; }
const char *ddl_rule_explain(const ddl_rule *r) { return r->explain; }
const char *ddl_rule_example(const ddl_rule *r) { return r->example; }
const char *ddl_rule_details(const ddl_rule *r) { return r->details ? r->details : ""; }

bool ddl_ruleset_engine_rule(const ddl_ruleset *rs, const char *id, ddl_severity *sev) {
  size_t i;
  if (!ddl_strmap_get(&rs->ids, id, &i)) {
    *sev = DDL_SEV_WARNING;
    return true;
  }
  *sev = rs->severity[i];
  return rs->enabled[i];
}

void ddl_ruleset_set_origin(ddl_ruleset *rs, const ddl_config *cfg, const bool *use) {
  free(rs->config);
  rs->config = ddl_xstrdup(cfg->path);
  rs->override_lines.len = 0;
  for (size_t i = 0; use && i < cfg->overrides.len; i++)
    if (use[i])
      DDL_VEC_PUSH(rs->override_lines, cfg->overrides.items[i].line);
}

const char *ddl_ruleset_config(const ddl_ruleset *rs) { return rs->config; }

size_t ddl_ruleset_overrides(const ddl_ruleset *rs, const unsigned **lines) {
  if (lines)
    *lines = rs->override_lines.items;
  return rs->override_lines.len;
}
