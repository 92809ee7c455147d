/* Rule packs: YAML files whose rules are compiled once at load time. */
#include "rules/pack.h"

#include "io/read.h"
#include "util/mem.h"
#include "util/strmap.h"
#include "util/suggest.h"
#include "util/vec.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const pack_keys[] = {"pack", "description", "defaults", "rules", NULL};
static const char *const rule_keys[] = {"id", "kind", "severity", "enabled", "summary",
                                        "explain", "example", NULL};

const ddl_ynode *ddl_rule_src_get(const ddl_rule_src *src, const char *key) {
  const ddl_ynode *n = ddl_ydoc_get(src->y, src->rule, key);
  return n ? n : ddl_ydoc_get(src->y, src->defaults, key);
}

int ddl_rule_src_require(const ddl_rule_src *src, const char *key, const ddl_ynode **out) {
  *out = ddl_rule_src_get(src, key);
  if (!*out)
    return ddl_ydoc_fail(src->y, src->rule, "this rule needs the key '%s'", key);
  return DDL_OK;
}

/* Reports a pcre2 error at its byte in the YAML file where that can be
 * known: a scalar on one line, quoted or plain. */
static int regex_error(ddl_ydoc *y, const ddl_ynode *n, const char *msg, size_t off) {
  yaml_scalar_style_t style = (yaml_scalar_style_t)n->style;
  bool one_line = n->start[1] == n->end[1];
  bool quoted = style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
  unsigned line = ddl_ynode_line(n), col = ddl_ynode_column(n);
  if (one_line && (quoted || style == YAML_PLAIN_SCALAR_STYLE)) {
    /* In the file, '' stands for ' in a single-quoted scalar, and \" or \\
     * for one character in a double-quoted one: each widens the source. */
    const char *v = ddl_ydoc_scalar(y, n);
    size_t widen = 0;
    for (size_t i = 0; i < off && v[i]; i++)
      widen += (style == YAML_SINGLE_QUOTED_SCALAR_STYLE && v[i] == '\'') ||
               (style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && (v[i] == '"' || v[i] == '\\'));
    col += (unsigned)(off + widen) + (quoted ? 1 : 0);
  }
  return ddl_fail(y->errs, y->code, y->path, line, col,
                  "invalid regular expression: %s (at offset %zu of '%s')", msg, off,
                  ddl_ydoc_scalar(y, n));
}

typedef struct {
  ddl_regex_list *list;
  const char *rule; /* the rule's id, NULL if it has none yet */
} pattern_ctx;

static int add_pattern(void *ud, ddl_ydoc *y, const ddl_ynode *n, const char *s) {
  pattern_ctx *pc = ud;
  ddl_regex_list *list = pc->list;
  char err[256];
  size_t off;
  ddl_regex *re = ddl_regex_compile(s, err, sizeof(err), &off);
  if (!re)
    return regex_error(y, n, err, off);
  ddl_regex_set_origin(re, pc->rule, y->path, ddl_ynode_line(n), ddl_ynode_column(n));
  list->items = ddl_xgrow(list->items, &list->cap, list->len + 1, sizeof(ddl_regex *));
  list->items[list->len++] = re;
  return DDL_OK;
}

int ddl_rule_src_pattern_list(const ddl_rule_src *src, const char *key, bool required,
                              ddl_regex_list *out) {
  const ddl_ynode *n = ddl_rule_src_get(src, key);
  if (!n)
    return required ? ddl_ydoc_fail(src->y, src->rule, "this rule needs the key '%s'", key)
                    : DDL_OK;
  char what[64];
  snprintf(what, sizeof(what), "'%s'", key);
  const ddl_ynode *id = ddl_ydoc_get(src->y, src->rule, "id");
  pattern_ctx pc = {out, ddl_ydoc_scalar(src->y, id)};
  return ddl_ydoc_strings(src->y, n, what, add_pattern, &pc);
}

int ddl_rule_src_patterns(const ddl_rule_src *src, const char *key, bool required,
                          ddl_regex_list *out) {
  int rc = ddl_rule_src_pattern_list(src, key, required, out);
  if (rc == DDL_OK && out->len)
    ddl_regex_list_index(out);
  return rc;
}

int ddl_rule_compile_patterns(ddl_rule *rule, const ddl_rule_src *src, const char *key,
                              bool required) {
  ddl_regex_list *list = ddl_xcalloc(1, sizeof(*list));
  int rc = ddl_rule_src_patterns(src, key, required, list);
  if (rc) {
    ddl_rule_free_patterns(list);
    return rc;
  }
  rule->data = list;
  return DDL_OK;
}

void ddl_rule_free_patterns(void *data) {
  if (!data)
    return;
  ddl_regex_list_free(data);
  free(data);
}

typedef struct {
  ddl_term_list *list;
  float weight;
} term_ctx;

static int add_term(void *ud, ddl_ydoc *y, const ddl_ynode *n, const char *s) {
  term_ctx *tc = ud;
  const char *problem = ddl_lexicon_check_term(s);
  if (problem)
    return ddl_ydoc_fail(y, n, "invalid term '%s': %s", s, problem);
  ddl_term_list *t = tc->list;
  if (t->len == t->cap) { /* geometric growth: a pack may hold 100,000 terms */
    size_t cap = t->cap;
    t->at = ddl_xgrow(t->at, &cap, t->len + 1, sizeof(size_t));
    t->weights = ddl_xrealloc(t->weights, cap * sizeof(float));
    t->cap = cap;
  }
  /* One buffer for all: a malloc per term was most of the default
   * packs' start-up allocations. */
  t->at[t->len] = t->text.len;
  ddl_buf_append(&t->text, s, strlen(s) + 1);
  t->weights[t->len] = tc->weight;
  t->len++;
  return DDL_OK;
}

static const char *const group_keys[] = {"weight", "terms", NULL};

int ddl_rule_src_terms(const ddl_rule_src *src, const char *key, bool required,
                       ddl_term_list *out) {
  ddl_ydoc *y = src->y;
  const ddl_ynode *n = ddl_rule_src_get(src, key);
  if (!n)
    return required ? ddl_ydoc_fail(y, src->rule, "this rule needs the key '%s'", key) : DDL_OK;
  if (n->type != YAML_SEQUENCE_NODE)
    return ddl_ydoc_fail(y, n, "'%s' must be a list of terms or of {weight, terms} groups", key);
  size_t nitems;
  const yaml_node_item_t *items = ddl_ydoc_items(y, n, &nitems);
  for (const yaml_node_item_t *it = items; it < items + nitems; it++) {
    const ddl_ynode *item = ddl_ydoc_node(y, *it);
    term_ctx tc = {out, 1.0f};
    int rc;
    if (item->type == YAML_SCALAR_NODE) {
      rc = add_term(&tc, y, item, ddl_ydoc_scalar(y, item));
    } else if (item->type == YAML_MAPPING_NODE) {
      double w;
      const ddl_ynode *wn = ddl_ydoc_get(y, item, "weight"), *tn = ddl_ydoc_get(y, item, "terms");
      if ((rc = ddl_ydoc_check_keys(y, item, "a term group", group_keys, NULL)))
        return rc;
      if (!wn || !tn)
        return ddl_ydoc_fail(y, item, "a term group needs 'weight' and 'terms'");
      if ((rc = ddl_ydoc_number(y, wn, "'weight'", &w)))
        return rc;
      /* Weight 0 marks a phrase that is not evidence ("the rest of"): it
       * takes the place of the shorter terms inside it. */
      if (w < 0 || w > 100)
        return ddl_ydoc_fail(y, wn, "'weight' must be between 0 and 100");
      tc.weight = (float)w;
      rc = ddl_ydoc_strings(y, tn, "'terms'", add_term, &tc);
    } else {
      rc = ddl_ydoc_fail(y, item, "expected a term or a {weight, terms} group");
    }
    if (rc)
      return rc;
  }
  return DDL_OK;
}

void ddl_term_list_free(ddl_term_list *t) {
  ddl_buf_free(&t->text);
  free(t->at);
  free(t->weights);
  memset(t, 0, sizeof(*t));
}

void ddl_term_list_register(const ddl_term_list *t, ddl_lexicon_builder *lb,
                            uint32_t owner, uint32_t tag) {
  for (size_t i = 0; i < t->len; i++) {
    ddl_lex_owner o = {owner, tag, t->weights[i]};
    ddl_lexicon_add(lb, t->text.data + t->at[i], o);
  }
}

static bool valid_id(const char *id) {
  if (!*id || *id == '/' || *id == '-')
    return false;
  for (const char *p = id; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._/", *p)))
      return false;
  return id[strlen(id) - 1] != '/';
}

static char *opt_string(ddl_ydoc *y, const ddl_ynode *map, const char *key, int *rc) {
  const ddl_ynode *n = ddl_ydoc_get(y, map, key);
  const char *s = "";
  if (n && (*rc = ddl_ydoc_string(y, n, key, &s)))
    return NULL;
  return ddl_xstrdup(s);
}

static void rule_free(ddl_rule *r) {
  if (!r)
    return;
  if (r->kind && r->kind->free)
    r->kind->free(r->data);
  free(r->id);
  free(r->summary);
  free(r->explain);
  free(r->example);
  free(r->details);
  free(r);
}

static int unknown_kind(ddl_ydoc *y, const ddl_ynode *at, const char *kname, const char *where) {
  const char *const names[] = {ddl_kind_area_coverage.name, ddl_kind_topic_coverage.name,
                               ddl_kind_justification.name, ddl_kind_placeholder.name,
                               ddl_kind_empty_section.name, ddl_kind_engine.name, NULL};
  ddl_suggest s;
  ddl_suggest_init(&s, kname);
  ddl_suggest_add_list(&s, names);
  if (ddl_suggest_best(&s))
    return ddl_ydoc_fail(y, at, "unknown rule kind '%s'%s; did you mean '%s'?", kname, where,
                         ddl_suggest_best(&s));
  return ddl_ydoc_fail(y, at, "unknown rule kind '%s'%s (known: area-coverage, topic-coverage, "
                              "justification, placeholder, empty-section, engine)", kname, where);
}

static int load_rule(ddl_rule **out, ddl_ydoc *y, const ddl_ynode *node, const ddl_ynode *defaults,
                     const ddl_pack *pack) {
  if (node->type != YAML_MAPPING_NODE)
    return ddl_ydoc_fail(y, node, "each rule must be a mapping with at least 'id' and 'kind'");
  const ddl_ynode *idn = ddl_ydoc_get(y, node, "id"), *kindn = ddl_ydoc_get(y, node, "kind");
  const char *id, *kname;
  int rc;
  if (!idn)
    return ddl_ydoc_fail(y, node, "this rule has no 'id'");
  if ((rc = ddl_ydoc_string(y, idn, "'id'", &id)))
    return rc;
  if (!valid_id(id))
    return ddl_ydoc_fail(y, idn, "invalid rule id '%s': use lowercase letters, digits and - . _ /", id);
  if (!kindn)
    return ddl_ydoc_fail(y, node, "rule '%s' has no 'kind'", id);
  if ((rc = ddl_ydoc_string(y, kindn, "'kind'", &kname)))
    return rc;
  const ddl_rule_kind *kind = ddl_rule_kind_find(kname);
  if (!kind)
    return unknown_kind(y, kindn, kname, "");
  char what[200];
  snprintf(what, sizeof(what), "rule '%s' (kind %s)", id, kname);
  if ((rc = ddl_ydoc_check_keys(y, node, what, rule_keys, kind->keys)))
    return rc;

  ddl_rule *r = ddl_xcalloc(1, sizeof(*r));
  r->id = ddl_xstrdup(id);
  r->pack = pack;
  r->line = ddl_ynode_line(node);
  r->column = ddl_ynode_column(node);
  r->severity = DDL_SEV_WARNING;
  r->enabled = true;
  const ddl_ynode *n;
  if ((n = ddl_ydoc_get(y, node, "severity")) &&
      (rc = ddl_ydoc_severity(y, n, "'severity'", &r->severity)))
    goto fail;
  if ((n = ddl_ydoc_get(y, node, "enabled")) && (rc = ddl_ydoc_bool(y, n, "'enabled'", &r->enabled)))
    goto fail;
  rc = 0;
  if (!(r->summary = opt_string(y, node, "summary", &rc)) ||
      !(r->explain = opt_string(y, node, "explain", &rc)) ||
      !(r->example = opt_string(y, node, "example", &rc)))
    goto fail;
  ddl_rule_src src = {y, node, ddl_ydoc_get(y, defaults, kname)};
  if ((rc = kind->compile(r, &src)))
    goto fail;
  r->kind = kind; /* set last: rule_free calls kind->free only on compiled data */
  *out = r;
  return DDL_OK;
fail:
  rule_free(r);
  return rc;
}

static int check_defaults(ddl_ydoc *y, const ddl_ynode *defaults) {
  if (defaults->type != YAML_MAPPING_NODE)
    return ddl_ydoc_fail(y, defaults, "'defaults' must map rule kinds to their default keys");
  size_t npairs;
  const yaml_node_pair_t *pairs = ddl_ydoc_pairs(y, defaults, &npairs);
  for (const yaml_node_pair_t *p = pairs; p < pairs + npairs; p++) {
    const ddl_ynode *k = ddl_ydoc_node(y, p->key), *v = ddl_ydoc_node(y, p->value);
    const char *kname;
    int rc;
    if ((rc = ddl_ydoc_string(y, k, "a rule kind", &kname)))
      return rc;
    const ddl_rule_kind *kind = ddl_rule_kind_find(kname);
    if (!kind)
      return unknown_kind(y, k, kname, " in 'defaults'");
    if (v->type != YAML_MAPPING_NODE)
      return ddl_ydoc_fail(y, v, "defaults for '%s' must be a mapping", kname);
    char what[100];
    snprintf(what, sizeof(what), "the defaults for kind %s", kname);
    if ((rc = ddl_ydoc_check_keys(y, v, what, kind->keys, NULL)))
      return rc;
  }
  return DDL_OK;
}

static int load_doc(ddl_pack **out, ddl_ydoc *yp, const char *path, int rc);

int ddl_pack_load(ddl_pack **out, ddl_errsink *errs, const char *path, const char *data, size_t len) {
  ddl_ydoc y;
  return load_doc(out, &y, path, ddl_ydoc_load(&y, errs, DDL_EPACK, path, data, len));
}

int ddl_pack_load_image(ddl_pack **out, ddl_errsink *errs, const char *path,
                        const ddl_ydoc_image *image) {
  ddl_ydoc y;
  return load_doc(out, &y, path, ddl_ydoc_adopt(&y, errs, DDL_EPACK, path, image));
}

/* The pack in *YP, whose loading returned RC; frees *YP. */
static int load_doc(ddl_pack **out, ddl_ydoc *yp, const char *path, int rc) {
  ddl_ydoc y = *yp;
  ddl_pack *pack = ddl_xcalloc(1, sizeof(*pack));
  pack->path = ddl_xstrdup(path);
  if (rc)
    goto done;
  const ddl_ynode *root = ddl_ydoc_root(&y), *n;
  if ((rc = ddl_ydoc_check_keys(&y, root, "a rule pack", pack_keys, NULL)))
    goto done;
  const char *name;
  if (!(n = ddl_ydoc_get(&y, root, "pack"))) {
    rc = ddl_ydoc_fail(&y, root, "a rule pack needs a 'pack:' name");
    goto done;
  }
  if ((rc = ddl_ydoc_string(&y, n, "'pack'", &name)))
    goto done;
  pack->name = ddl_xstrdup(name);
  if (!(pack->description = opt_string(&y, root, "description", &rc)))
    goto done;
  const ddl_ynode *defaults = ddl_ydoc_get(&y, root, "defaults");
  if (defaults && (rc = check_defaults(&y, defaults)))
    goto done;
  const ddl_ynode *rules = ddl_ydoc_get(&y, root, "rules");
  if (!rules || rules->type != YAML_SEQUENCE_NODE) {
    rc = ddl_ydoc_fail(&y, rules ? rules : root, "a rule pack needs a 'rules:' list");
    goto done;
  }
  ddl_strmap ids = DDL_STRMAP_INIT; /* rule id -> index in pack->rules */
  size_t cap = 0;
  size_t nrules;
  const yaml_node_item_t *items = ddl_ydoc_items(&y, rules, &nrules);
  for (const yaml_node_item_t *it = items; it < items + nrules; it++) {
    ddl_rule *r = NULL;
    const ddl_ynode *rn = ddl_ydoc_node(&y, *it);
    if ((rc = load_rule(&r, &y, rn, defaults, pack)))
      break;
    size_t first;
    if (!ddl_strmap_add(&ids, r->id, pack->nrules, &first)) {
      rc = ddl_ydoc_fail(&y, rn, "rule '%s' is defined twice in this pack (first at line %u)",
                         r->id, pack->rules[first]->line);
      rule_free(r);
      break;
    }
    pack->rules = ddl_xgrow(pack->rules, &cap, pack->nrules + 1, sizeof(ddl_rule *));
    pack->rules[pack->nrules++] = r;
  }
  ddl_strmap_free(&ids);
done:
  ddl_ydoc_free(&y);
  if (rc) {
    ddl_pack_free(pack);
    return rc;
  }
  *out = pack;
  return DDL_OK;
}

void ddl_pack_free(ddl_pack *pack) {
  if (!pack)
    return;
  for (size_t i = 0; i < pack->nrules; i++)
    rule_free(pack->rules[i]);
  free(pack->rules);
  free(pack->name);
  free(pack->description);
  free(pack->path);
  free(pack);
}

/* Moves an error about PATH as a whole (no line) to where FROM wrote it. */
static int relocate(ddl_errsink *errs, int rc, const char *path, const ddl_pack_origin *from) {
  const ddl_error *e = (&errs->err);
  if (!from || e->line != 0 || !e->path || strcmp(e->path, path) != 0)
    return rc;
  char *msg = ddl_xstrdup(e->message);
  rc = ddl_fail(errs, DDL_ECONFIG, from->file, from->line, from->column,
                     "cannot read rule pack '%s': %s", from->name, msg);
  free(msg);
  return rc;
}

static int load_file(ddl_pack ***packs, size_t *npacks, ddl_errsink *errs, const char *path,
                     const ddl_pack_origin *from) {
  char *data;
  size_t len;
  int rc = ddl_read_file(&data, &len, errs, path);
  if (rc)
    return relocate(errs, rc == DDL_EIO ? DDL_EPACK : rc, path, from);
  ddl_pack *pack;
  rc = ddl_pack_load(&pack, errs, path, data, len);
  free(data);
  if (rc)
    return rc;
  *packs = ddl_xrealloc(*packs, (*npacks + 1) * sizeof(ddl_pack *));
  (*packs)[(*npacks)++] = pack;
  return DDL_OK;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int ddl_pack_load_path(ddl_pack ***packs, size_t *npacks, ddl_errsink *errs, const char *path,
                       const ddl_pack_origin *from) {
  struct stat st;
  if (stat(path, &st) != 0) {
    if (from)
      return ddl_fail(errs, DDL_ECONFIG, from->file, from->line, from->column,
                           "cannot open rule pack '%s': %s", from->name, strerror(errno));
    return ddl_fail(errs, DDL_EPACK, path, 0, 0, "cannot open rule pack: %s", strerror(errno));
  }
  if (!S_ISDIR(st.st_mode))
    return load_file(packs, npacks, errs, path, from);
  DIR *d = opendir(path);
  if (!d) {
    if (from)
      return ddl_fail(errs, DDL_ECONFIG, from->file, from->line, from->column,
                           "cannot read rule directory '%s': %s", from->name, strerror(errno));
    return ddl_fail(errs, DDL_EPACK, path, 0, 0, "cannot read rule directory: %s",
                         strerror(errno));
  }
  DDL_VEC(char *) names = {0};
  struct dirent *e;
  for (;;) {
    errno = 0; /* readdir's NULL means the end, or an error when errno is set */
    if (!(e = readdir(d)))
      break;
    const char *dot = strrchr(e->d_name, '.');
    if (e->d_name[0] != '.' && dot && (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0))
      DDL_VEC_PUSH(names, ddl_xstrdup(e->d_name));
  }
  int err = errno;
  closedir(d);
  int rc = DDL_OK;
  if (err) {
    /* A half-read directory would load some of its packs: refuse it. */
    if (from)
      rc = ddl_fail(errs, DDL_ECONFIG, from->file, from->line, from->column,
                         "cannot read rule directory '%s': %s", from->name, strerror(err));
    else
      rc = ddl_fail(errs, DDL_EPACK, path, 0, 0, "cannot read rule directory: %s",
                         strerror(err));
  }
  if (names.len > 1)
    qsort(names.items, names.len, sizeof(char *), by_name);
  size_t found = names.len;
  for (size_t i = 0; i < names.len; i++) {
    if (rc == DDL_OK) {
      char *p = ddl_xmalloc(strlen(path) + strlen(names.items[i]) + 2);
      sprintf(p, "%s/%s", path, names.items[i]);
      rc = load_file(packs, npacks, errs, p, NULL);
      free(p);
    }
    free(names.items[i]);
  }
  DDL_VEC_FREE(names);
  if (rc == DDL_OK && found == 0) {
    if (from)
      return ddl_fail(errs, DDL_ECONFIG, from->file, from->line, from->column,
                           "no rule packs (*.yaml) in directory '%s'", from->name);
    return ddl_fail(errs, DDL_EPACK, path, 0, 0, "no rule packs (*.yaml) in this directory");
  }
  return rc;
}
